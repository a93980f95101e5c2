#include "rules/engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "checks/check.h"
#include "facts/facts_view.h"
#include "rules/embedded.h"
#include "base/tree.h"
#include "rules/pack.h"

namespace tally {

struct Engine::Impl {
  Vocabulary vocab;
  std::vector<Rule> rules;
  std::vector<RuleInfo> infos;
  Catalogue messages{&builtin_catalogue()};  // the packs' `messages:` over the built-in ones
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::shared_ptr<const Engine>> Engine::create(const EngineOptions& opts) {
  std::vector<PackSource> sources;
  for (const auto& path : opts.pack_paths) {
    auto s = read_pack_sources(path);
    if (!s) return s.failure();
    sources.insert(sources.end(), s->begin(), s->end());
  }
  sources.insert(sources.end(), opts.extra_packs.begin(), opts.extra_packs.end());
  // The built-in packs come compiled (src/packc); every pack is loaded before any error is returned, so
  // a broken user pack shows all of its problems, and those of the next pack, in one run.
  std::vector<Pack> packs;
  std::vector<Error> errors;
  auto add = [&](Result<Pack> pack) {
    if (pack) packs.push_back(std::move(*pack));
    else errors.push_back(pack.failure());
  };
  if (opts.default_packs)
    for (const auto& p : embedded_packs()) {
      std::string name = "rules/" + std::string(p.name);
      auto tree = decode_tree(p.tree);
      add(tree ? parse_pack(name, *tree) : Result<Pack>(prefixed(name, tree.failure())));
    }
  for (const auto& src : sources) add(parse_pack(src));
  if (!errors.empty()) return joined(errors);
  auto impl = std::make_unique<Impl>();
  for (auto& pack : packs) {
    impl->vocab.merge(pack.vocab);
    for (Lang l : {Lang::En, Lang::Zh})
      for (const auto& [id, text] : pack.messages.entries(l)) impl->messages.add(l, std::string(id), std::string(text));
    for (auto& r : pack.rules) {
      for (const auto& e : impl->rules)
        if (e.info.id == r.info.id)
          return Error{pack.source, fmt::format("rule id '{}' is already defined by pack '{}'", r.info.id, e.info.pack),
                       {"error.pack.rule_defined", {{"rule", r.info.id}, {"pack", e.info.pack}}}};
      impl->rules.push_back(std::move(r));
    }
  }
  impl->vocab.finalize();
  for (const auto& r : impl->rules) impl->infos.push_back(r.info);
  return std::shared_ptr<const Engine>(std::make_shared<Engine>(std::move(impl)));
}

const std::vector<RuleInfo>& Engine::rules() const { return impl_->infos; }

const Catalogue& Engine::messages() const { return impl_->messages; }

const RuleInfo* Engine::find_rule(const std::string& id) const {
  for (const auto& r : impl_->infos)
    if (r.id == id) return &r;
  return nullptr;
}

namespace {

// Blame: a figure that takes part in several findings is the likely culprit —
// say so on each of them, so the author fixes one figure, not three.
void add_blame(std::vector<Diagnostic>& diags, const FactBase& fb, const std::vector<int>& holds,
               const Catalogue& messages, Lang lang) {
  std::map<uint32_t, int> quantity_at;
  for (const auto& q : fb.ex.quantities) quantity_at[q.span.begin] = q.id;
  std::map<uint32_t, std::vector<size_t>> by_figure;
  for (size_t i = 0; i < diags.size(); ++i) {
    if (diags[i].severity != Severity::Error) continue;
    by_figure[diags[i].span.begin].push_back(i);
    for (const auto& r : diags[i].related) by_figure[r.span.begin].push_back(i);
  }
  for (auto& [begin, list] : by_figure) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  for (size_t i = 0; i < diags.size(); ++i) {
    if (diags[i].severity != Severity::Error) continue;
    uint32_t best = 0;
    size_t best_n = 1;
    std::vector<uint32_t> figs = {diags[i].span.begin};
    for (const auto& r : diags[i].related) figs.push_back(r.span.begin);
    for (uint32_t f : figs) {
      auto qa = quantity_at.find(f);
      // A figure that some relation vouches for is not the culprit.
      if (qa == quantity_at.end() || holds[qa->second] > 0) continue;
      if (by_figure[f].size() > best_n) {
        best_n = by_figure[f].size();
        best = f;
      }
    }
    if (best_n < 2) continue;
    // Through the index, not a walk over every figure: one walk per finding made a large document quadratic.
    const std::string& text = fb.ex.quantities[quantity_at.at(best)].text;
    Position p = fb.source->position(best);
    Diagnostic& d = diags[i];
    d.notes.push_back(messages.render(
        Message("blame.culprit", {{"figure", text}, {"line", std::to_string(p.line)}, {"count", std::to_string(best_n)}}),
        lang));
    // The fix follows the blame: a finding that names another figure as the culprit does not also
    // tell the author to change this one. Its replacement becomes an alternative, and a replacement of
    // the culprit, when the check offered one, becomes the fix.
    if (best != d.span.begin && d.fix) {
      auto alt = std::find_if(d.alternatives.begin(), d.alternatives.end(),
                              [&](const Fix& f) { return f.span.begin == best; });
      Fix old = *d.fix;
      if (alt != d.alternatives.end()) {
        d.fix = *alt;
        d.alternatives.erase(alt);
      } else {
        d.fix.reset();
      }
      d.alternatives.insert(d.alternatives.begin(), old);
    }
  }
}

// Two rules that reach the same arithmetic — the same figure against the same others, as a share of GDP
// is both a share (percent) and a GDP share (share-of-gdp) — make one finding, not two: a second copy
// only doubles the count and makes the figure look like the culprit of "two" findings. The finding of
// the rule listed first (`tally rules`) is kept and names the other; disabling one still leaves the other.
void drop_restated_findings(std::vector<Diagnostic>& diags, const std::vector<Rule>& rules, const Catalogue& messages,
                            Lang lang) {
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < rules.size(); ++i) order[rules[i].info.id] = i;
  auto figures = [](const Diagnostic& d) {
    std::vector<uint32_t> f;
    for (const auto& r : d.related) f.push_back(r.span.begin);
    std::sort(f.begin(), f.end());
    return f;
  };
  std::map<std::tuple<uint32_t, uint32_t, int, std::vector<uint32_t>>, size_t> first;
  std::vector<char> drop(diags.size(), 0);
  for (size_t i = 0; i < diags.size(); ++i) {
    const Diagnostic& d = diags[i];
    if (d.related.empty()) continue;  // a finding on one figure alone says something of its own
    auto key = std::make_tuple(d.span.begin, d.span.end, static_cast<int>(d.severity), figures(d));
    auto [it, fresh] = first.emplace(key, i);
    if (fresh) continue;
    size_t& kept = it->second;
    size_t other = i;
    if (order[d.rule] < order[diags[kept].rule]) std::swap(kept, other);
    drop[other] = 1;
    diags[kept].notes.push_back(messages.render(Message("note.also_found_by", {{"rule", diags[other].rule}}), lang));
  }
  size_t w = 0;
  for (size_t i = 0; i < diags.size(); ++i) {
    if (drop[i]) continue;
    if (w != i) diags[w] = std::move(diags[i]);
    ++w;
  }
  diags.resize(w);
}

// A replacement is certain when it changes the finding's own figure, that figure is the one computed
// from the others (a share, a rate, an average — not a total against its parts, a repeat or a bound,
// where any of the figures may be the wrong one) and every other figure the finding uses is vouched
// for by some relation that holds: nothing else is in doubt.
void mark_certain_fixes(std::vector<Diagnostic>& diags, const FactBase& fb, const std::vector<int>& holds,
                        const std::vector<Rule>& rules) {
  static const std::set<std::string> symmetric = {"sum",   "subset",      "table-total", "table-column-sum",
                                                  "order", "consistent",  "budget-balance", "ratio-sum",
                                                  "structure", "contribution"};
  std::map<std::string, std::string> kind_of;
  for (const auto& r : rules) kind_of[r.info.id] = r.info.kind;
  std::map<uint32_t, int> quantity_at;
  for (const auto& q : fb.ex.quantities) quantity_at[q.span.begin] = q.id;
  for (auto& d : diags) {
    if (!d.fix || d.fix->span.begin != d.span.begin || !d.alternatives.empty()) continue;
    if (symmetric.count(kind_of[d.rule])) continue;
    bool vouched = true;
    for (const auto& r : d.related) {
      auto q = quantity_at.find(r.span.begin);
      vouched = vouched && q != quantity_at.end() && holds[q->second] > 0;
    }
    d.fix->certain = vouched;
  }
}

}  // namespace

FileResult Engine::check(const SourceText& source, const CheckOptions& opts) const { return check(source, opts, {}); }

FileResult Engine::check(const SourceText& source, const CheckOptions& opts, const Inspect& inspect) const {
  FileResult res;
  res.source = source;
  FactBase fb = build_fact_base(res.source, impl_->vocab);
  Relations rel = build_relations(fb);
  std::vector<char> used(fb.ex.quantities.size(), 0);
  std::vector<int> holds(fb.ex.quantities.size(), 0);
  for (const auto& rule : impl_->rules) {
    const std::string& id = rule.info.id;
    if (!opts.only.empty() && !opts.only.count(id)) continue;
    if (opts.disabled.count(id)) continue;
    Severity sev = rule.info.severity;
    auto so = opts.severity.find(id);
    if (so != opts.severity.end()) sev = so->second;
    CheckContext ctx{fb, rel, rule.info, rule.params, rule.message, sev, opts.truncation_is_error,
                     res.diagnostics, used, rule.pattern.get(), holds, &impl_->messages, opts.lang};
    // Params are validated against each kind's shape when the pack loads (rules/params.cpp).
    find_check(rule.info.kind)(ctx);
  }
  // One finding per rule and figure; sorted by position.
  auto& d = res.diagnostics;
  std::stable_sort(d.begin(), d.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.rule < b.rule;
  });
  d.erase(std::unique(d.begin(), d.end(),
                      [](const Diagnostic& a, const Diagnostic& b) {
                        return a.rule == b.rule && a.span.begin == b.span.begin && a.span.end == b.span.end;
                      }),
          d.end());
  drop_restated_findings(d, impl_->rules, impl_->messages, opts.lang);
  add_blame(res.diagnostics, fb, holds, impl_->messages, opts.lang);
  mark_certain_fixes(res.diagnostics, fb, holds, impl_->rules);
  if (inspect) inspect(fb, rel);
  res.figures = static_cast<int>(fb.ex.quantities.size());
  for (size_t i = 0; i < used.size(); ++i) {
    if (used[i]) ++res.figures_checked;
    else res.unchecked.push_back(fb.ex.quantities[i].span);
  }
  return res;
}

Say Engine::say(Lang lang) const {
  return [this, lang](const Message& m) { return impl_->messages.render(m, lang); };
}

std::string Engine::facts_json(const SourceText& source, Lang) const {
  FactBase fb = build_fact_base(source, impl_->vocab);
  return facts_to_json(fb, relations_extras(fb, build_relations(fb), say(Lang::En)));
}

std::string Engine::facts_text(const SourceText& source, Lang lang) const {
  FactBase fb = build_fact_base(source, impl_->vocab);
  return facts_to_text(fb, relations_extras(fb, build_relations(fb), say(lang)), say(lang));
}

std::string Engine::relations_json(const SourceText& source, Lang) const {
  FactBase fb = build_fact_base(source, impl_->vocab);
  return relations_to_json(fb, build_relations(fb), say(Lang::En));
}

std::string Engine::relations_text(const SourceText& source, Lang lang) const {
  FactBase fb = build_fact_base(source, impl_->vocab);
  return relations_to_text(fb, build_relations(fb), say(lang));
}

}  // namespace tally
