#include "rules/pack.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/check.h"
#include "load/read_file.h"
#include "base/tree.h"
#include "rules/params.h"

namespace tally {

namespace {

// A pattern is compiled once and run over every line of every report: these
// bound what one rule can cost. Real patterns have a handful of captures.
constexpr int kMaxCaptures = 32;
constexpr size_t kMaxPatternBytes = 16 * 1024;
constexpr int64_t kMaxPatternMemory = 8 << 20;  // RE2's compiled program and DFA cache
// A rule pack is a page or two of YAML; anything near this is not one.
constexpr uint64_t kMaxPackBytes = 16 << 20;

// Loading errors carry a position. `fail` throws one inside this file; the loader catches it at the
// nearest unit it can skip (a rule, a unit, a metric …), records it and goes on, so a broken pack shows
// every error in one run.
// `message` is the English; `what` and `parts` the same for the catalogue (a literal when not given).
struct PackError {
  int line;
  int column;
  std::string message;
  Message what;
  std::vector<std::pair<std::string, Message>> parts;
};

[[noreturn]] void fail(const TreeNode& n, const std::string& msg, Message what,
                       std::vector<std::pair<std::string, Message>> parts = {}) {
  throw PackError{n.line, n.column, msg, std::move(what), std::move(parts)};
}

// An expression's parse error as a sentence part: its catalogue form, or its English when it has none.
Message expr_problem(const Error& e) { return e.catalogue_lines().front().what; }

Error format_error(const std::string& source, const PackError& e) {
  return Error{fmt::format("{}:{}:{}", source, e.line + 1, e.column + 1), e.message, e.what, e.parts};
}

// What a value is ("a rule"), as a sentence part; YAML key names ("id", "members") read as themselves.
Message what_part(const char* what) {
  static const std::pair<const char*, const char*> kIds[] = {
      {"a rule pack", "pack"},  {"a rule", "rule"},         {"a unit", "unit"},
      {"a metric", "metric"},   {"a partition", "partition"}, {"a scope", "scope"},
      {"a multiplier's word", "multiplier_word"}, {"a word list's name", "word_list_name"},
      {"message id", "message_id"}};
  for (const auto& [english, id] : kIds)
    if (std::string_view(what) == english) return Message(std::string("error.pack.what.") + id);
  return Message(what);
}

struct Loader {
  std::vector<PackError> errors;

  // Runs one unit of the pack; an error in it is recorded and the next unit is loaded.
  template <typename F>
  void unit(F&& f) {
    try {
      f();
    } catch (const PackError& e) {
      errors.push_back(e);
    }
  }

  // Every unknown key is an error of its own (the known ones are still read).
  void check_keys(const TreeNode& n, const std::set<std::string>& allowed, const char* what) {
    if (!n.is_map()) fail(n, fmt::format("{} must be a mapping", what), "error.pack.not_mapping", {{"what", what_part(what)}});
    for (size_t i = 0; i < n.size(); ++i) {
      const std::string& k = n.key(i).scalar;
      if (!allowed.count(k)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        unit([&] {
          fail(n.key(i), fmt::format("unknown key '{}' in {} (expected one of: {})", k, what, list),
               {"error.pack.unknown_key", {{"key", k}, {"list", list}}}, {{"what", what_part(what)}});
        });
      }
    }
  }

  void vocabulary(const TreeNode& n, Vocabulary& v);
  Rule rule(const TreeNode& n, const std::string& pack);
  void messages(const TreeNode& n, Catalogue& out);
};

const std::string& str(const TreeNode& n, const char* what) {
  if (!n.is_scalar()) fail(n, fmt::format("{} must be a string", what), "error.pack.not_string", {{"what", what_part(what)}});
  return n.scalar;
}

std::vector<std::string> strings(const TreeNode& n, const char* what) {
  if (!n.is_sequence())
    fail(n, fmt::format("{} must be a list of strings", what), "error.pack.not_strings", {{"what", what_part(what)}});
  std::vector<std::string> v;
  v.reserve(n.size());
  for (const auto& x : n.items) v.push_back(str(x, what));
  return v;
}

bool boolean(const TreeNode& n, const char* what) {
  bool b = false;
  if (!tree_bool(n, &b)) fail(n, fmt::format("{} must be true or false", what), "error.pack.not_bool", {{"what", what_part(what)}});
  return b;
}

// Runs `f` on each element of the list `n` holds, each element a unit of its own.
template <typename F>
void each(Loader& l, const TreeNode& n, const char* what, F&& f) {
  if (!n.is_sequence()) fail(n, fmt::format("{} must be a list", what), "error.pack.not_list", {{"what", what_part(what)}});
  for (const auto& x : n.items) l.unit([&] { f(x); });
}

void Loader::vocabulary(const TreeNode& n, Vocabulary& v) {
  check_keys(n, {"units", "multipliers", "words", "metrics", "partitions", "formulas", "scopes"}, "vocabulary");
  if (const auto& units = n["units"]) unit([&] {
    each(*this, units, "units", [&](const TreeNode& u) {
      check_keys(u, {"word", "dimension", "counter", "factor"}, "a unit");
      if (!u["word"] || !u["dimension"]) fail(u, "a unit needs 'word' and 'dimension'", "error.pack.unit_needs");
      UnitDef d{str(u["word"], "word"), str(u["dimension"], "dimension"), false};
      if (u["counter"]) d.counter = boolean(u["counter"], "counter");
      if (const auto& factor = u["factor"]) {
        int64_t f = 0;
        if (!tree_int64(factor, &f) || f < 1 || f > 1000000000)
          fail(factor, "factor must be a whole number from 1 to 1000000000", "error.pack.bad_factor");
        d.factor = f;
      }
      v.units.push_back(d);
    });
  });
  if (const auto& multipliers = n["multipliers"]) unit([&] {
    if (!multipliers.is_map()) fail(multipliers, "multipliers must map a word to a number", "error.pack.multipliers_not_mapping");
    for (size_t i = 0; i < multipliers.size(); ++i)
      unit([&] {
        int64_t m = 0;
        if (!tree_int64(multipliers.value(i), &m)) fail(multipliers.value(i), "a multiplier must be a whole number", "error.pack.bad_multiplier");
        v.multipliers[str(multipliers.key(i), "a multiplier's word")] = m;
      });
  });
  if (const auto& words = n["words"]) unit([&] {
    const auto& keys = Vocabulary::list_keys();
    if (!words.is_map()) fail(words, "words must be a mapping of lists", "error.pack.words_not_mapping");
    for (size_t i = 0; i < words.size(); ++i)
      unit([&] {
        const std::string& k = str(words.key(i), "a word list's name");
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
          fail(words.key(i), fmt::format("unknown word list '{}' (see rules/README.md for the keys)", k),
               {"error.pack.unknown_word_list", {{"name", k}}});
        auto list = strings(words.value(i), k.c_str());
        auto& dst = v.words[k];
        dst.insert(dst.end(), list.begin(), list.end());
      });
  });
  if (const auto& metrics = n["metrics"]) unit([&] {
    each(*this, metrics, "metrics", [&](const TreeNode& m) {
      check_keys(m, {"id", "aliases", "repeat", "dimension"}, "a metric");
      if (!m["id"] || !m["aliases"]) fail(m, "a metric needs 'id' and 'aliases'", "error.pack.metric_needs");
      Metric x;
      x.id = str(m["id"], "id");
      x.aliases = strings(m["aliases"], "aliases");
      if (m["repeat"]) x.repeat = boolean(m["repeat"], "repeat");
      if (m["dimension"]) x.dimension = str(m["dimension"], "dimension");
      auto it = std::find_if(v.metrics.begin(), v.metrics.end(), [&](const Metric& e) { return e.id == x.id; });
      if (it != v.metrics.end()) {
        it->aliases.insert(it->aliases.end(), x.aliases.begin(), x.aliases.end());
        it->repeat = it->repeat || x.repeat;
      } else {
        v.metrics.push_back(x);
      }
    });
  });
  if (const auto& partitions = n["partitions"]) unit([&] {
    each(*this, partitions, "partitions", [&](const TreeNode& p) {
      check_keys(p, {"name", "members", "parents", "abbreviations", "whole_named"}, "a partition");
      if (!p["name"] || !p["members"]) fail(p, "a partition needs 'name' and 'members'", "error.pack.partition_needs");
      Partition x{str(p["name"], "name"), strings(p["members"], "members"), {}};
      if (x.members.size() < 2) fail(p["members"], "a partition needs at least two members", "error.pack.partition_members");
      if (p["parents"]) x.parents = strings(p["parents"], "parents");
      if (p["abbreviations"]) x.abbreviations = strings(p["abbreviations"], "abbreviations");
      if (p["whole_named"]) {
        x.whole_named = boolean(p["whole_named"], "whole_named");
        if (x.whole_named && x.parents.empty()) fail(p, "a partition with whole_named: true needs 'parents'", "error.pack.partition_parents");
      }
      v.partitions.push_back(x);
    });
  });
  if (const auto& formulas = n["formulas"]) unit([&] {
    each(*this, formulas, "formulas", [&](const TreeNode& f) {
      check_keys(f, {"names", "of", "per", "scale"}, "a formula");
      if (!f["names"] || !f["of"] || !f["per"]) fail(f, "a formula needs 'names', 'of' and 'per'", "error.pack.formula_needs");
      Formula x{strings(f["names"], "names"), strings(f["of"], "of"), strings(f["per"], "per")};
      if (const auto& scale = f["scale"]) {
        if (!tree_int64(scale, &x.scale) || x.scale < 1 || x.scale > 1000000)
          fail(scale, "scale must be a whole number from 1 to 1000000", "error.pack.bad_scale");
      }
      v.formulas.push_back(std::move(x));
    });
  });
  if (const auto& scopes = n["scopes"]) unit([&] {
    each(*this, scopes, "scopes", [&](const TreeNode& s) {
      check_keys(s, {"id", "words", "parts"}, "a scope");
      if (!s["id"] || !s["words"]) fail(s, "a scope needs 'id' and 'words'", "error.pack.scope_needs");
      v.scopes.push_back({str(s["id"], "id"), strings(s["words"], "words"),
                          s["parts"] ? strings(s["parts"], "parts") : std::vector<std::string>{}});
    });
  });
}

// How many capturing groups open in `re` (RE2 syntax): "(" not followed by "?", or "(?P<" / "(?<"; not
// after a backslash, inside a class [...] or inside \Q...\E.
int capturing_groups(std::string_view re) {
  int count = 0;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\') {
      if (i + 1 < re.size() && re[i + 1] == 'Q') {
        size_t end = re.find("\\E", i + 2);
        if (end == std::string_view::npos) break;
        i = end + 1;
      } else {
        ++i;
      }
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == '^') ++i;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // "[]a]": a leading ] is a member
    } else if (c == '(') {
      std::string_view rest = re.substr(i + 1);
      if (!rest.starts_with('?') || rest.starts_with("?P<") || rest.starts_with("?<")) ++count;
    }
  }
  return count;
}

// {num:a} → a figure; {pct:p} → a percentage. Each macro is a plain group, numbered in `groups`: RE2
// named groups cost ~2.4 M instructions on every start (its first named group builds a Unicode table of
// the characters a name may have), a quarter of loading the packs. With `skeleton`, each macro becomes a
// one-character named group instead, so that an RE2 error can be shown in the user's terms.
std::string expand_macros(const TreeNode& n, const std::string& pat, std::vector<std::string>& names,
                          bool skeleton = false, std::vector<std::pair<std::string, int>>* groups = nullptr) {
  std::string out;
  size_t i = 0;
  while (i < pat.size()) {
    if (pat[i] == '{' && (pat.compare(i, 5, "{num:") == 0 || pat.compare(i, 5, "{pct:") == 0)) {
      size_t close = pat.find('}', i);
      if (close == std::string::npos) fail(n, "unclosed macro in pattern", "error.pack.unclosed_macro");
      std::string name = pat.substr(i + 5, close - i - 5);
      if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
        fail(n, fmt::format("bad capture name '{}' in pattern", name), {"error.pack.bad_capture", {{"name", name}}});
      if (std::find(names.begin(), names.end(), name) != names.end())
        fail(n, fmt::format("capture name '{}' used twice in pattern", name), {"error.pack.duplicate_capture", {{"name", name}}});
      names.push_back(name);
      bool pct = pat[i + 1] == 'p';
      if (groups) groups->emplace_back(name, capturing_groups(out) + 1);
      if (skeleton) out += fmt::format("(?P<{}>0)", name);
      else out += fmt::format("([0-9０-９][0-9０-９,，]*(?:[.．] ?[0-9０-９]+)?{})", pct ? "\\s*[%％]" : "");
      i = close + 1;
    } else {
      out += pat[i++];
    }
  }
  return out;
}

// RE2 quotes the part of the pattern it could not read ("missing ): (y …"); that part of the expanded
// pattern is not what the user wrote. The skeleton (each macro a short group) fails in the same place;
// its quoted part is found in it and mapped back to the same stretch of the user's pattern.
std::string pattern_error(const TreeNode& n, const std::string& raw, const std::string& expanded_error) {
  std::vector<std::string> names;
  RE2::Options opt;
  opt.set_log_errors(false);
  const std::string skel = expand_macros(n, raw, names, true);
  RE2 skeleton(skel, opt);
  const std::string& e = skeleton.error();
  size_t sep = e.find(": ");
  if (skeleton.ok() || sep == std::string::npos) return expanded_error;
  size_t from = skel.find(e.substr(sep + 2));
  if (from == std::string::npos) return expanded_error;
  size_t to = from + (e.size() - sep - 2);
  // Walk both strings side by side: outside a macro one byte is one byte; a macro is one unit.
  size_t r = 0, k = 0, raw_from = std::string::npos, raw_to = raw.size();
  while (r < raw.size() && k < skel.size()) {
    size_t r_len = 1, k_len = 1;
    if (raw[r] == '{' && (raw.compare(r, 5, "{num:") == 0 || raw.compare(r, 5, "{pct:") == 0)) {
      size_t close = raw.find('}', r);
      r_len = close + 1 - r;
      k_len = fmt::format("(?P<{}>0)", raw.substr(r + 5, close - r - 5)).size();
    }
    if (raw_from == std::string::npos && k + k_len > from) raw_from = r;
    if (k + k_len >= to) {
      raw_to = r + r_len;
      break;
    }
    r += r_len;
    k += k_len;
  }
  if (raw_from == std::string::npos) return expanded_error;
  return e.substr(0, sep + 2) + raw.substr(raw_from, raw_to - raw_from);
}

Rule Loader::rule(const TreeNode& n, const std::string& pack) {
  check_keys(n, {"id", "kind", "severity", "summary", "message", "tolerance", "explanation", "examples", "params",
                 "pattern", "assert"},
             "a rule");
  for (const char* k : {"id", "kind", "severity", "summary", "explanation", "examples"})
    if (!n[k]) fail(n, fmt::format("rule is missing the required key '{}'", k), {"error.pack.missing_key", {{"key", k}}});
  Rule r;
  r.info.id = str(n["id"], "id");
  r.info.pack = pack;
  r.info.kind = str(n["kind"], "kind");
  if (!find_check(r.info.kind)) {
    std::string kinds;
    for (const auto& k : check_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    fail(n["kind"], fmt::format("unknown check kind '{}' (expected one of: {})", r.info.kind, kinds),
         {"error.pack.unknown_kind", {{"kind", r.info.kind}, {"list", kinds}}});
  }
  if (!parse_severity(str(n["severity"], "severity"), &r.info.severity))
    fail(n["severity"], "severity must be error, warning or info", "error.pack.bad_severity");
  r.info.summary = str(n["summary"], "summary");
  r.info.explanation = str(n["explanation"], "explanation");
  if (n["message"]) r.message = str(n["message"], "message");
  if (n["tolerance"]) {
    std::string t = str(n["tolerance"], "tolerance");
    if (t != "printed") fail(n["tolerance"], "tolerance must be 'printed' (figures stand for the interval they round from)", "error.pack.bad_tolerance");
  }
  const TreeNode& ex = n["examples"];
  check_keys(ex, {"flag", "pass"}, "examples");
  if (!ex["flag"] || !ex["pass"]) fail(ex, "examples need both 'flag' and 'pass' lists", "error.pack.examples_need_both");
  r.info.flag_examples = strings(ex["flag"], "flag");
  r.info.pass_examples = strings(ex["pass"], "pass");
  if (r.info.flag_examples.empty()) fail(ex["flag"], "a rule needs at least one example it must flag", "error.pack.no_flag_example");
  if (r.info.pass_examples.empty())
    fail(ex["pass"], "a rule needs at least one example it must leave alone", "error.pack.no_pass_example");
  if (const auto& params = n["params"]) {
    if (!params.is_map()) fail(params, "params must be a mapping", "error.params.not_mapping");
    if (auto bad = validate_params(r.info.kind, params))
      throw PackError{bad->line, bad->column, bad->message, bad->what, {}};
    for (size_t i = 0; i < params.size(); ++i) {
      const std::string& key = params.key(i).scalar;
      const TreeNode& val = params.value(i);
      if (!val.is_sequence()) continue;
      for (const auto& item : val.items) {
        if (item.is_scalar()) r.params.lists[key].push_back(item.scalar);
        else if (key == "pairs" && item.is_sequence() && item.size() == 2 && item.items[0].is_scalar() &&
                 item.items[1].is_scalar())
          r.params.pairs.emplace_back(item.items[0].scalar, item.items[1].scalar);
      }
    }
  }
  if (r.info.kind == "pattern") {
    if (!n["pattern"] || !n["assert"]) fail(n, "a pattern rule needs 'pattern' and 'assert'", "error.pack.pattern_needs");
    auto prog = std::make_shared<PatternProgram>();
    const TreeNode& pattern = n["pattern"];
    const std::string& raw = str(pattern, "pattern");
    if (raw.size() > kMaxPatternBytes)
      fail(pattern, fmt::format("pattern too long ({} bytes; the limit is {})", raw.size(), kMaxPatternBytes),
           {"error.pack.pattern_too_long", {{"size", std::to_string(raw.size())}, {"limit", std::to_string(kMaxPatternBytes)}}});
    std::string pat = expand_macros(pattern, raw, prog->captures, false, &prog->groups);
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(kMaxPatternMemory);
    prog->regex = std::make_shared<RE2>(pat, opt);
    if (!prog->regex->ok()) {
      std::string why = pattern_error(pattern, raw, prog->regex->error());  // RE2's own English
      fail(pattern, "invalid RE2 pattern: " + why, {"error.pack.bad_re2", {{"detail", why}}});
    }
    if (prog->regex->NumberOfCapturingGroups() > kMaxCaptures)
      fail(pattern,
           fmt::format("pattern has {} capture groups; the limit is {} (use (?:...) for grouping)",
                       prog->regex->NumberOfCapturingGroups(), kMaxCaptures),
           {"error.pack.too_many_captures",
            {{"count", std::to_string(prog->regex->NumberOfCapturingGroups())}, {"limit", std::to_string(kMaxCaptures)}}});
    for (const auto& [name, idx] : prog->regex->NamedCapturingGroups()) {  // the user's own (?P<name>...)
      if (std::find(prog->captures.begin(), prog->captures.end(), name) != prog->captures.end())
        fail(pattern, fmt::format("capture name '{}' used twice in pattern", name),
             {"error.pack.duplicate_capture", {{"name", name}}});
      prog->captures.push_back(name);
      prog->groups.emplace_back(name, idx);
    }
    auto e = parse_expr(str(n["assert"], "assert"), prog->captures);
    if (!e) fail(n["assert"], "bad assert: " + e.error(), "error.pack.bad_assert", {{"detail", expr_problem(e.failure())}});
    prog->assertion = *e;
    for (const auto& ph : message_placeholders(r.message)) {
      if (ph.computed) {
        auto c = parse_expr(ph.text.substr(1), prog->captures);
        if (!c)
          fail(n["message"], fmt::format("bad expression in message '{{{}}}': {}", ph.text, c.error()),
               {"error.pack.bad_message_expr", {{"placeholder", ph.text}}}, {{"detail", expr_problem(c.failure())}});
        prog->computed[ph.text] = *c;
      } else if (ph.text != "detail" &&
                 std::find(prog->captures.begin(), prog->captures.end(), ph.text) == prog->captures.end()) {
        std::string names;
        for (const auto& c : prog->captures) names += (names.empty() ? "" : ", ") + c;
        fail(n["message"],
             fmt::format("unknown name '{{{}}}' in message (use {{detail}}, a capture of the pattern: "
                         "{}, or {{= expression}})",
                         ph.text, names),
             {"error.pack.unknown_message_name", {{"name", ph.text}, {"names", names}}});
      }
    }
    r.pattern = prog;
  } else if (n["pattern"] || n["assert"]) {
    fail(n, "'pattern' and 'assert' belong to rules of kind 'pattern'", "error.pack.pattern_keys_misplaced");
  }
  return r;
}

// `messages:` — per language, message ids and their texts (a rule's zh summary and explanation, the
// texts of its findings); they extend the built-in catalogue.
void Loader::messages(const TreeNode& n, Catalogue& out) {
  if (!n.is_map()) fail(n, "messages must map a language (en, zh) to its messages", "error.pack.messages_not_mapping");
  for (size_t i = 0; i < n.size(); ++i)
    unit([&] {
      Lang l;
      if (!n.key(i).is_scalar() || !parse_lang(n.key(i).scalar, &l) || !n.value(i).is_map())
        fail(n.key(i), "messages must map a language (en, zh) to a mapping of message ids and texts", "error.pack.messages_bad_language");
      const TreeNode& texts = n.value(i);
      for (size_t j = 0; j < texts.size(); ++j)
        unit([&] { out.add(l, str(texts.key(j), "message id"), str(texts.value(j), "message")); });
    });
}

}  // namespace

std::vector<Placeholder> message_placeholders(const std::string& message) {
  std::vector<Placeholder> out;
  for (size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
    size_t close = message.find('}', open);
    if (close == std::string::npos) break;
    std::string text = message.substr(open + 1, close - open - 1);
    out.push_back({text, !text.empty() && text[0] == '='});
    open = close;
  }
  return out;
}

Result<Pack> parse_pack(std::string_view name, const TreeNode& root) {
  if (!root || root.is_null()) return Error{fmt::format("{}:1:1", name), "empty rule pack", "error.pack.empty"};
  Loader l;
  Pack p;
  p.source = std::string(name);
  l.unit([&] {
    l.check_keys(root, {"pack", "description", "language", "vocabulary", "rules", "messages"}, "a rule pack");
    if (!root["pack"]) fail(root, "a rule pack needs a 'pack' name", "error.pack.no_name");
    p.name = str(root["pack"], "pack");
  });
  if (!root.is_map()) return format_error(p.source, l.errors.front());
  if (const auto& v = root["vocabulary"]) l.unit([&] { l.vocabulary(v, p.vocab); });
  if (const auto& m = root["messages"]) l.unit([&] { l.messages(m, p.messages); });
  if (const auto& rules = root["rules"]) l.unit([&] {
    std::set<std::string> ids;
    each(l, rules, "rules", [&](const TreeNode& r) {
      Rule rule = l.rule(r, p.name);
      if (!ids.insert(rule.info.id).second)
        fail(r["id"], fmt::format("duplicate rule id '{}'", rule.info.id), {"error.pack.duplicate_rule", {{"rule", rule.info.id}}});
      p.rules.push_back(std::move(rule));
    });
  });
  if (!l.errors.empty()) {
    // In the order of the file, as a compiler lists them (they were found vocabulary first).
    std::stable_sort(l.errors.begin(), l.errors.end(), [](const PackError& a, const PackError& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    std::vector<Error> all;
    for (const auto& e : l.errors) all.push_back(format_error(p.source, e));
    return joined(all);
  }
  return p;
}

Result<Pack> parse_pack(const PackSource& src) {
  auto tree = parse_yaml_tree(src.name, src.text);
  if (!tree) return tree.failure();
  return parse_pack(src.name, *tree);
}

Result<std::vector<PackSource>> read_pack_sources(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::directory_iterator(path, ec)) {
      auto ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return Error{path, "no *.yaml rule packs in this folder", "error.pack.empty_folder"};
  } else {
    files.push_back(path);
  }
  std::vector<PackSource> out;
  for (const auto& f : files) {
    if (!fs::exists(f, ec)) return Error{f, "cannot read rule pack", "error.pack.cannot_read"};
    auto text = read_regular_file(f, kMaxPackBytes, "rule pack");
    if (!text) return text.failure();
    out.push_back({f, std::move(*text)});
  }
  return out;
}

}  // namespace tally
