#include "rules/pack.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "checks/check.h"
#include "load/read_file.h"
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

// Loading errors carry a position: thrown inside this file only, caught in parse_pack.
struct PackError {
  YAML::Mark mark;
  std::string message;
};

[[noreturn]] void fail(const YAML::Node& n, const std::string& msg) { throw PackError{n.Mark(), msg}; }

void check_keys(const YAML::Node& n, const std::set<std::string>& allowed, const char* what) {
  if (!n.IsMap()) fail(n, fmt::format("{} must be a mapping", what));
  for (const auto& kv : n) {
    std::string k = kv.first.as<std::string>();
    if (!allowed.count(k)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      fail(kv.first, fmt::format("unknown key '{}' in {} (expected one of: {})", k, what, list));
    }
  }
}

std::string str(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) fail(n, fmt::format("{} must be a string", what));
  return n.as<std::string>();
}

std::vector<std::string> strings(const YAML::Node& n, const char* what) {
  if (!n.IsSequence()) fail(n, fmt::format("{} must be a list of strings", what));
  std::vector<std::string> v;
  for (const auto& x : n) v.push_back(str(x, what));
  return v;
}

void load_vocabulary(const YAML::Node& n, Vocabulary& v) {
  check_keys(n, {"units", "multipliers", "words", "metrics", "partitions", "scopes"}, "vocabulary");
  if (n["units"]) {
    if (!n["units"].IsSequence()) fail(n["units"], "units must be a list");
    for (const auto& u : n["units"]) {
      check_keys(u, {"word", "dimension", "counter", "factor"}, "a unit");
      if (!u["word"] || !u["dimension"]) fail(u, "a unit needs 'word' and 'dimension'");
      UnitDef d{str(u["word"], "word"), str(u["dimension"], "dimension"), false};
      if (u["counter"]) {
        if (!u["counter"].IsScalar() || (u["counter"].as<std::string>() != "true" && u["counter"].as<std::string>() != "false"))
          fail(u["counter"], "counter must be true or false");
        d.counter = u["counter"].as<bool>();
      }
      if (u["factor"]) {
        int64_t f = 0;
        if (!u["factor"].IsScalar() || !YAML::convert<int64_t>::decode(u["factor"], f) || f < 1 || f > 1000000000)
          fail(u["factor"], "factor must be a whole number from 1 to 1000000000");
        d.factor = f;
      }
      v.units.push_back(d);
    }
  }
  if (n["multipliers"]) {
    if (!n["multipliers"].IsMap()) fail(n["multipliers"], "multipliers must map a word to a number");
    for (const auto& kv : n["multipliers"]) {
      int64_t m = 0;
      try {
        m = kv.second.as<int64_t>();
      } catch (const YAML::Exception&) {
        fail(kv.second, "a multiplier must be a whole number");
      }
      v.multipliers[kv.first.as<std::string>()] = m;
    }
  }
  if (n["words"]) {
    const auto& keys = Vocabulary::list_keys();
    if (!n["words"].IsMap()) fail(n["words"], "words must be a mapping of lists");
    for (const auto& kv : n["words"]) {
      std::string k = kv.first.as<std::string>();
      if (std::find(keys.begin(), keys.end(), k) == keys.end())
        fail(kv.first, fmt::format("unknown word list '{}' (see rules/README.md for the keys)", k));
      auto list = strings(kv.second, k.c_str());
      auto& dst = v.words[k];
      dst.insert(dst.end(), list.begin(), list.end());
    }
  }
  if (n["metrics"]) {
    if (!n["metrics"].IsSequence()) fail(n["metrics"], "metrics must be a list");
    for (const auto& m : n["metrics"]) {
      check_keys(m, {"id", "aliases", "repeat", "dimension"}, "a metric");
      if (!m["id"] || !m["aliases"]) fail(m, "a metric needs 'id' and 'aliases'");
      Metric x;
      x.id = str(m["id"], "id");
      x.aliases = strings(m["aliases"], "aliases");
      if (m["repeat"]) x.repeat = m["repeat"].as<bool>();
      if (m["dimension"]) x.dimension = str(m["dimension"], "dimension");
      auto it = std::find_if(v.metrics.begin(), v.metrics.end(), [&](const Metric& e) { return e.id == x.id; });
      if (it != v.metrics.end()) {
        it->aliases.insert(it->aliases.end(), x.aliases.begin(), x.aliases.end());
        it->repeat = it->repeat || x.repeat;
      } else {
        v.metrics.push_back(x);
      }
    }
  }
  if (n["partitions"]) {
    if (!n["partitions"].IsSequence()) fail(n["partitions"], "partitions must be a list");
    for (const auto& p : n["partitions"]) {
      check_keys(p, {"name", "members", "parents", "abbreviations", "whole_named"}, "a partition");
      if (!p["name"] || !p["members"]) fail(p, "a partition needs 'name' and 'members'");
      Partition x{str(p["name"], "name"), strings(p["members"], "members"), {}};
      if (x.members.size() < 2) fail(p["members"], "a partition needs at least two members");
      if (p["parents"]) x.parents = strings(p["parents"], "parents");
      if (p["abbreviations"]) x.abbreviations = strings(p["abbreviations"], "abbreviations");
      if (p["whole_named"]) {
        if (!p["whole_named"].IsScalar() ||
            (p["whole_named"].as<std::string>() != "true" && p["whole_named"].as<std::string>() != "false"))
          fail(p["whole_named"], "whole_named must be true or false");
        x.whole_named = p["whole_named"].as<bool>();
        if (x.whole_named && x.parents.empty()) fail(p, "a partition with whole_named: true needs 'parents'");
      }
      v.partitions.push_back(x);
    }
  }
  if (n["scopes"]) {
    if (!n["scopes"].IsSequence()) fail(n["scopes"], "scopes must be a list");
    for (const auto& s : n["scopes"]) {
      check_keys(s, {"id", "words", "parts"}, "a scope");
      if (!s["id"] || !s["words"]) fail(s, "a scope needs 'id' and 'words'");
      v.scopes.push_back({str(s["id"], "id"), strings(s["words"], "words"),
                          s["parts"] ? strings(s["parts"], "parts") : std::vector<std::string>{}});
    }
  }
}

// {num:a} → a figure; {pct:p} → a percentage. Named groups keep the figure text.
std::string expand_macros(const YAML::Node& n, const std::string& pat, std::vector<std::string>& names) {
  std::string out;
  size_t i = 0;
  while (i < pat.size()) {
    if (pat[i] == '{' && (pat.compare(i, 5, "{num:") == 0 || pat.compare(i, 5, "{pct:") == 0)) {
      size_t close = pat.find('}', i);
      if (close == std::string::npos) fail(n, "unclosed macro in pattern");
      std::string name = pat.substr(i + 5, close - i - 5);
      if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }))
        fail(n, fmt::format("bad capture name '{}' in pattern", name));
      names.push_back(name);
      bool pct = pat[i + 1] == 'p';
      out += fmt::format("(?P<{}>[0-9０-９][0-9０-９,，]*(?:[.．] ?[0-9０-９]+)?{})", name, pct ? "\\s*[%％]" : "");
      i = close + 1;
    } else {
      out += pat[i++];
    }
  }
  return out;
}

Rule load_rule(const YAML::Node& n, const std::string& pack) {
  check_keys(n, {"id", "kind", "severity", "summary", "message", "tolerance", "explanation", "examples", "params",
                 "pattern", "assert"},
             "a rule");
  for (const char* k : {"id", "kind", "severity", "summary", "explanation", "examples"})
    if (!n[k]) fail(n, fmt::format("rule is missing the required key '{}'", k));
  Rule r;
  r.info.id = str(n["id"], "id");
  r.info.pack = pack;
  r.info.kind = str(n["kind"], "kind");
  if (!find_check(r.info.kind)) {
    std::string kinds;
    for (const auto& k : check_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
    fail(n["kind"], fmt::format("unknown check kind '{}' (expected one of: {})", r.info.kind, kinds));
  }
  if (!parse_severity(str(n["severity"], "severity"), &r.info.severity))
    fail(n["severity"], "severity must be error, warning or info");
  r.info.summary = str(n["summary"], "summary");
  r.info.explanation = str(n["explanation"], "explanation");
  if (n["message"]) r.message = str(n["message"], "message");
  if (n["tolerance"]) {
    std::string t = str(n["tolerance"], "tolerance");
    if (t != "printed") fail(n["tolerance"], "tolerance must be 'printed' (figures stand for the interval they round from)");
  }
  const YAML::Node& ex = n["examples"];
  check_keys(ex, {"flag", "pass"}, "examples");
  if (!ex["flag"] || !ex["pass"]) fail(ex, "examples need both 'flag' and 'pass' lists");
  r.info.flag_examples = strings(ex["flag"], "flag");
  r.info.pass_examples = strings(ex["pass"], "pass");
  if (r.info.flag_examples.empty()) fail(ex["flag"], "a rule needs at least one example it must flag");
  if (r.info.pass_examples.empty()) fail(ex["pass"], "a rule needs at least one example it must leave alone");
  if (n["params"]) {
    if (!n["params"].IsMap()) fail(n["params"], "params must be a mapping");
    if (auto bad = validate_params(r.info.kind, n["params"])) throw PackError{bad->mark, bad->message};
    for (const auto& kv : n["params"]) {
      const std::string key = kv.first.as<std::string>();
      const YAML::Node& val = kv.second;
      if (!val.IsSequence()) continue;
      for (const auto& item : val) {
        if (item.IsScalar()) r.params.lists[key].push_back(item.as<std::string>());
        else if (key == "pairs" && item.IsSequence() && item.size() == 2 && item[0].IsScalar() && item[1].IsScalar())
          r.params.pairs.emplace_back(item[0].as<std::string>(), item[1].as<std::string>());
      }
    }
  }
  if (r.info.kind == "pattern") {
    if (!n["pattern"] || !n["assert"]) fail(n, "a pattern rule needs 'pattern' and 'assert'");
    auto prog = std::make_shared<PatternProgram>();
    std::string raw = str(n["pattern"], "pattern");
    if (raw.size() > kMaxPatternBytes)
      fail(n["pattern"], fmt::format("pattern too long ({} bytes; the limit is {})", raw.size(), kMaxPatternBytes));
    std::string pat = expand_macros(n["pattern"], raw, prog->captures);
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(kMaxPatternMemory);
    prog->regex = std::make_shared<RE2>(pat, opt);
    if (!prog->regex->ok()) fail(n["pattern"], "invalid RE2 pattern: " + prog->regex->error());
    if (prog->regex->NumberOfCapturingGroups() > kMaxCaptures)
      fail(n["pattern"], fmt::format("pattern has {} capture groups; the limit is {} (use (?:...) for grouping)",
                                     prog->regex->NumberOfCapturingGroups(), kMaxCaptures));
    for (const auto& [name, idx] : prog->regex->NamedCapturingGroups())
      if (std::find(prog->captures.begin(), prog->captures.end(), name) == prog->captures.end())
        prog->captures.push_back(name);
    auto e = parse_expr(str(n["assert"], "assert"), prog->captures);
    if (!e) fail(n["assert"], "bad assert: " + e.error());
    prog->assertion = *e;
    r.pattern = prog;
  } else if (n["pattern"] || n["assert"]) {
    fail(n, "'pattern' and 'assert' belong to rules of kind 'pattern'");
  }
  return r;
}

// `messages:` — per language, message ids and their texts (a rule's zh summary and explanation, the
// texts of its findings); they extend the built-in catalogue.
void load_messages(const YAML::Node& n, Catalogue& out) {
  if (!n.IsMap()) fail(n, "messages must map a language (en, zh) to its messages");
  for (const auto& lang : n) {
    Lang l;
    if (!parse_lang(lang.first.as<std::string>(), &l) || !lang.second.IsMap())
      fail(lang.first, "messages must map a language (en, zh) to a mapping of message ids and texts");
    for (const auto& kv : lang.second) out.add(l, str(kv.first, "message id"), str(kv.second, "message"));
  }
}

}  // namespace

Result<Pack> parse_pack(const PackSource& src) {
  try {
    YAML::Node root = YAML::Load(src.text);
    if (!root.IsDefined() || root.IsNull()) return Error{fmt::format("{}:1:1: empty rule pack", src.name)};
    check_keys(root, {"pack", "description", "language", "vocabulary", "rules", "messages"}, "a rule pack");
    if (!root["pack"]) fail(root, "a rule pack needs a 'pack' name");
    Pack p;
    p.name = str(root["pack"], "pack");
    p.source = src.name;
    if (root["vocabulary"]) load_vocabulary(root["vocabulary"], p.vocab);
    if (root["messages"]) load_messages(root["messages"], p.messages);
    if (root["rules"]) {
      if (!root["rules"].IsSequence()) fail(root["rules"], "rules must be a list");
      std::set<std::string> ids;
      for (const auto& r : root["rules"]) {
        Rule rule = load_rule(r, p.name);
        if (!ids.insert(rule.info.id).second) fail(r["id"], fmt::format("duplicate rule id '{}'", rule.info.id));
        p.rules.push_back(std::move(rule));
      }
    }
    return p;
  } catch (const PackError& e) {
    return Error{fmt::format("{}:{}:{}: {}", src.name, e.mark.line + 1, e.mark.column + 1, e.message)};
  } catch (const YAML::DeepRecursion& e) {
    return Error{fmt::format("{}:{}:{}: YAML nested too deeply (more than {} levels)", src.name, e.mark.line + 1,
                             e.mark.column + 1, e.depth() - 1)};
  } catch (const YAML::Exception& e) {
    return Error{fmt::format("{}:{}:{}: {}", src.name, e.mark.line + 1, e.mark.column + 1, e.msg)};
  }
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
    if (files.empty()) return Error{fmt::format("{}: no *.yaml rule packs in this folder", path)};
  } else {
    files.push_back(path);
  }
  std::vector<PackSource> out;
  for (const auto& f : files) {
    if (!fs::exists(f, ec)) return Error{fmt::format("{}: cannot read rule pack", f)};
    auto text = read_regular_file(f, kMaxPackBytes, "rule pack");
    if (!text) return Error{text.error()};
    out.push_back({f, std::move(*text)});
  }
  return out;
}

}  // namespace tally
