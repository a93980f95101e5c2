#include "lsp/analyzer.h"

#include <cstdint>
#include <limits>

#include "facts/facts_view.h"
#include "relations/relations.h"

namespace tally::lsp {

namespace {

class EngineAnalyzer : public Analyzer {
 public:
  explicit EngineAnalyzer(std::shared_ptr<const Engine> e) : engine_(std::move(e)) {}
  FileResult check(const SourceText& s, const CheckOptions& o) const override { return engine_->check(s, o); }
  std::string facts_json(const SourceText& s) const override { return engine_->facts_json(s); }
  bool check_with_figures(const SourceText& s, const CheckOptions& o, FileResult* result,
                          std::vector<Quantity>* figures) const override {
    Say english = engine_->say(Lang::En);
    *result = engine_->check(s, o, [figures, &english](const FactBase& fb, const Relations& rel) {
      FactsExtras extras = relations_extras(fb, rel, english);
      figures->reserve(fb.ex.quantities.size());
      for (const auto& q : fb.ex.quantities) figures->push_back({q.span, quantity_to_json(fb, q, extras)});
    });
    return true;
  }
  std::string rule_summary(const std::string& id) const override {
    const RuleInfo* r = engine_->find_rule(id);
    return r ? r->summary : std::string();
  }
  bool known_rule(const std::string& id) const override { return engine_->find_rule(id) != nullptr; }

 private:
  std::shared_ptr<const Engine> engine_;
};

int int_field(const nlohmann::json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) return 0;
  int64_t v = it->get<int64_t>();
  return v < 0 || v > std::numeric_limits<int>::max() ? 0 : static_cast<int>(v);
}

const nlohmann::json* find_quantities(const nlohmann::json& j) {
  if (!j.is_object()) return nullptr;
  auto it = j.find("quantities");
  if (it != j.end() && it->is_array()) return &*it;
  // Tolerate a per-file wrapping: {"files": [{"quantities": [...]}]}.
  auto files = j.find("files");
  if (files != j.end() && files->is_array() && !files->empty()) return find_quantities(files->front());
  return nullptr;
}

}  // namespace

Result<std::shared_ptr<const Analyzer>> make_engine_analyzer(const EngineOptions& opts) {
  auto e = Engine::create(opts);
  if (!e) return e.failure();
  return std::shared_ptr<const Analyzer>(std::make_shared<EngineAnalyzer>(*e));
}

std::vector<Quantity> parse_quantities(const std::string& facts_json, const SourceText& source) {
  std::vector<Quantity> out;
  auto j = nlohmann::json::parse(facts_json, nullptr, false);
  if (j.is_discarded()) return out;
  const nlohmann::json* qs = find_quantities(j);
  if (!qs) return out;
  for (const auto& q : *qs) {
    if (!q.is_object()) continue;
    int line = int_field(q, "line"), col = int_field(q, "column");
    if (line < 1 || col < 1 || line > source.line_count()) continue;
    int end_line = int_field(q, "end_line"), end_col = int_field(q, "end_column");
    if (end_line < 1) end_line = line;
    Span span;
    span.begin = source.offset({line, col});
    span.end = end_col >= 1 ? source.offset({end_line, end_col}) : span.begin;
    if (span.end < span.begin) span.end = span.begin;
    out.push_back({span, q});
  }
  return out;
}

std::optional<Analysis> analyze(const Analyzer& a, const SourceText& source, int version, const CheckOptions& opts,
                                const CancelToken& cancel) {
  Analysis out;
  out.version = version;
  if (cancel.cancelled()) return std::nullopt;
  if (a.check_with_figures(source, opts, &out.result, &out.quantities)) {
    if (cancel.cancelled()) return std::nullopt;
    return out;
  }
  out.result = a.check(source, opts);
  if (cancel.cancelled()) return std::nullopt;  // the facts pass costs as much again
  out.quantities = parse_quantities(a.facts_json(source), source);
  if (cancel.cancelled()) return std::nullopt;
  return out;
}

}  // namespace tally::lsp
