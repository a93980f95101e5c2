#include "config/config.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "base/suggest.h"
#include "config/glob.h"
#include "load/read_file.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    default: return "an undefined value";
  }
}

// The same as a sentence part for the catalogue.
Message kind_id(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "error.kind.null";
    case YAML::NodeType::Scalar: return "error.kind.scalar";
    case YAML::NodeType::Sequence: return "error.kind.list";
    case YAML::NodeType::Map: return "error.kind.mapping";
    default: return "error.kind.undefined";
  }
}

// What a setting expects ("a rule id"), as a sentence part; the English reads as itself if not listed.
Message expected_id(const std::string& what) {
  static const std::pair<const char*, const char*> kIds[] = {
      {"a rule pack path", "pack_path"}, {"rule pack paths", "pack_paths"},
      {"a glob", "glob"},                {"globs", "globs"},
      {"a rule id", "rule_id"},          {"rule ids", "rule_ids"},
      {"half-up or truncation-is-error", "rounding"}, {"en or zh", "lang"},
      {"error, warning or info", "severity"},         {"text from the line", "line_text"},
      {"a reason", "reason"},            {"an ignore entry", "ignore_entry"},
      {"ignore entries", "ignore_entries"}, {"a suppress entry", "suppress_entry"},
      {"suppress entries", "suppress_entries"}};
  for (const auto& [english, id] : kIds)
    if (what == english) return Message(std::string("error.config.what.") + id);
  return Message(what);
}

// Walks the YAML tree, collecting every problem rather than stopping at the first.
class Reader {
 public:
  Reader(std::string path, Config& cfg) : path_(std::move(path)), cfg_(cfg) {}

  std::vector<Error> errors;

  void top(const YAML::Node& root) {
    if (root.IsNull()) return;  // an empty file is a valid, empty config
    if (!root.IsMap())
      return error(root, fmt::format("expected a mapping of settings, got {}", kind_name(root)),
                   "error.config.not_mapping", {{"kind", kind_id(root)}});
    static const std::vector<std::string> keys = {"rules",   "enable",   "disable", "severity", "include",
                                                  "exclude", "rounding", "ignore",  "suppress", "lang"};
    for_each_key(root, keys, [&](const std::string& k, const YAML::Node& v) {
      if (k == "rules") {
        for (auto& s : strings(v, "a rule pack path", "rule pack paths")) pack_path(s);
      } else if (k == "enable") {
        cfg_.enable = rule_refs(v);
      } else if (k == "disable") {
        cfg_.disable = rule_refs(v);
      } else if (k == "severity") {
        severities(v);
      } else if (k == "include" || k == "exclude") {
        auto& out = k == "include" ? cfg_.include : cfg_.exclude;
        for (auto& s : strings(v, "a glob", "globs")) {
          if (glob(s.second, s.first)) out.push_back(s.first);
        }
      } else if (k == "rounding") {
        std::string r;
        if (!scalar(v, "half-up or truncation-is-error", &r)) return;
        if (r == "half-up") cfg_.truncation_is_error = false;
        else if (r == "truncation-is-error") cfg_.truncation_is_error = true;
        else
          error(v, fmt::format("rounding must be half-up or truncation-is-error, not '{}'", r),
                {"error.config.bad_rounding", {{"value", r}}});
      } else if (k == "lang") {
        std::string l;
        Lang parsed;
        if (!scalar(v, "en or zh", &l)) return;
        if (parse_lang(l, &parsed)) cfg_.lang = parsed;
        else error(v, fmt::format("lang must be en or zh, not '{}'", l), {"error.config.bad_lang", {{"value", l}}});
      } else if (k == "ignore") {
        list_of_maps(v, "an ignore entry", "ignore entries", [&](const YAML::Node& e) { ignore_entry(e); });
      } else if (k == "suppress") {
        list_of_maps(v, "a suppress entry", "suppress entries", [&](const YAML::Node& e) { suppress_entry(e); });
      }
    });
  }

 private:
  std::string path_;
  Config& cfg_;

  ConfigMark mark(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0) return {1, 1};
    return {m.line + 1, m.column + 1};
  }
  void error(const YAML::Node& n, const std::string& english, Message what,
             std::vector<std::pair<std::string, Message>> parts = {}) {
    ConfigMark m = mark(n);
    errors.push_back(Error{fmt::format("{}:{}:{}", path_, m.line, m.column), english, std::move(what), std::move(parts)});
  }

  // Calls fn for each known key; reports unknown, duplicate and non-string keys.
  template <typename Fn>
  void for_each_key(const YAML::Node& map, const std::vector<std::string>& known, Fn fn) {
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      YAML::Node key = it->first;  // a copy: the iterator yields a temporary pair
      if (!key.IsScalar()) {
        error(key, "keys must be plain names", "error.config.key_not_name");
        continue;
      }
      std::string k = key.Scalar();
      bool ok = false;
      for (const auto& name : known) ok = ok || name == k;
      if (!ok) {
        std::string list = fmt::format("{}", fmt::join(known, ", "));
        error(key, fmt::format("unknown key '{}'{} (expected one of: {})", k, did_you_mean(k, known), list),
              {"error.config.unknown_key", {{"key", k}, {"list", list}}}, {{"suggestion", suggestion(k, known)}});
        continue;
      }
      if (!seen.insert(k).second) {
        error(key, fmt::format("duplicate key '{}'", k), {"error.config.duplicate_key", {{"key", k}}});
        continue;
      }
      YAML::Node value = it->second;
      fn(k, value);
    }
  }

  bool scalar(const YAML::Node& n, const std::string& what, std::string* out) {
    if (!n.IsScalar()) {
      error(n, fmt::format("expected {}, got {}", what, kind_name(n)), "error.config.expected",
            {{"what", expected_id(what)}, {"kind", kind_id(n)}});
      return false;
    }
    *out = n.Scalar();
    return true;
  }

  // A list of scalars (null counts as an empty list), each with its node.
  std::vector<std::pair<std::string, YAML::Node>> strings(const YAML::Node& n, const std::string& what,
                                                         const std::string& plural) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    if (n.IsNull()) return out;
    if (!n.IsSequence()) {
      error(n, fmt::format("expected a list of {}, got {}", plural, kind_name(n)), "error.config.expected_list",
            {{"what", expected_id(plural)}, {"kind", kind_id(n)}});
      return out;
    }
    for (const auto& item : n) {
      std::string s;
      if (!scalar(item, what, &s)) continue;
      if (s.empty()) {
        error(item, fmt::format("expected {}, got an empty string", what), "error.config.expected_not_empty",
              {{"what", expected_id(what)}});
        continue;
      }
      out.emplace_back(s, item);
    }
    return out;
  }

  std::vector<RuleRef> rule_refs(const YAML::Node& n) {
    std::vector<RuleRef> out;
    for (auto& s : strings(n, "a rule id", "rule ids")) out.push_back({s.first, mark(s.second)});
    return out;
  }

  bool glob(const YAML::Node& n, const std::string& pattern) {
    std::string why = glob_problem(pattern);
    if (why.empty()) return true;
    Message what = why == "empty glob pattern"              ? Message("error.glob.empty")
                   : why == "unclosed '[' in glob pattern" ? Message("error.glob.unclosed")
                                                           : Message(why);
    error(n, fmt::format("{}: '{}'", why, pattern), {"error.config.bad_glob", {{"pattern", pattern}}}, {{"why", what}});
    return false;
  }

  void pack_path(const std::pair<std::string, YAML::Node>& s) {
    fs::path p = fs::path(cfg_.dir) / s.first;
    std::error_code ec;
    if (!fs::exists(p, ec))
      return error(s.second, fmt::format("rule pack '{}' not found (looked for {})", s.first, p.string()),
                   {"error.config.pack_not_found", {{"pack", s.first}, {"path", p.string()}}});
    cfg_.rules.push_back(p.lexically_normal().string());
  }

  void severities(const YAML::Node& n) {
    if (n.IsNull()) return;
    if (!n.IsMap())
      return error(n, fmt::format("expected a mapping of rule id to severity, got {}", kind_name(n)),
                   "error.config.severity_not_mapping", {{"kind", kind_id(n)}});
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
      YAML::Node key = it->first, value = it->second;
      std::string id, sev;
      if (!scalar(key, "a rule id", &id) || !scalar(value, "error, warning or info", &sev)) continue;
      if (!seen.insert(id).second) {
        error(key, fmt::format("duplicate key '{}'", id), {"error.config.duplicate_key", {{"key", id}}});
        continue;
      }
      Severity s;
      if (!parse_severity(sev, &s)) {
        error(value, fmt::format("severity must be error, warning or info, not '{}'", sev),
              {"error.config.bad_severity", {{"value", sev}}});
        continue;
      }
      cfg_.severity.push_back({{id, mark(key)}, s});
    }
  }

  template <typename Fn>
  void list_of_maps(const YAML::Node& n, const std::string& what, const std::string& plural, Fn fn) {
    if (n.IsNull()) return;
    if (!n.IsSequence())
      return error(n, fmt::format("expected a list of {}, got {}", plural, kind_name(n)), "error.config.expected_list",
                   {{"what", expected_id(plural)}, {"kind", kind_id(n)}});
    for (const auto& e : n) {
      if (!e.IsMap()) {
        error(e, fmt::format("expected {} (a mapping), got {}", what, kind_name(e)), "error.config.expected_mapping",
              {{"what", expected_id(what)}, {"kind", kind_id(e)}});
        continue;
      }
      fn(e);
    }
  }

  void ignore_entry(const YAML::Node& e) {
    IgnoreEntry entry;
    bool has_path = false, has_rules = false;
    for_each_key(e, {"path", "rules"}, [&](const std::string& k, const YAML::Node& v) {
      if (k == "path") {
        if (scalar(v, "a glob", &entry.path) && glob(v, entry.path)) has_path = true;
      } else {
        entry.rules = rule_refs(v);
        has_rules = true;
        if (v.IsNull() || (v.IsSequence() && v.size() == 0)) error(v, "an ignore entry needs at least one rule id", "error.config.ignore_no_rules");
      }
    });
    if (!has_path && !e["path"]) error(e, "an ignore entry needs 'path:'", "error.config.ignore_needs_path");
    if (!has_rules && !e["rules"]) error(e, "an ignore entry needs 'rules:'", "error.config.ignore_needs_rules");
    if (has_path && has_rules) cfg_.ignore.push_back(std::move(entry));
  }

  void suppress_entry(const YAML::Node& e) {
    SuppressEntry entry;
    entry.mark = mark(e);
    bool has_rule = false, has_text = false, bad = false;
    for_each_key(e, {"rule", "line-contains", "path", "reason"}, [&](const std::string& k, const YAML::Node& v) {
      if (k == "rule") {
        has_rule = scalar(v, "a rule id", &entry.rule.id);
        entry.rule.mark = mark(v);
      } else if (k == "line-contains") {
        has_text = scalar(v, "text from the line", &entry.line_contains);
        if (has_text && entry.line_contains.empty()) {
          error(v, "line-contains must not be empty", "error.config.line_contains_empty");
          has_text = false;
          bad = true;
        }
      } else if (k == "path") {
        bad = !scalar(v, "a glob", &entry.path) || !glob(v, entry.path) || bad;
      } else {
        bad = !scalar(v, "a reason", &entry.reason) || bad;
      }
    });
    if (!has_rule && !e["rule"]) error(e, "a suppress entry needs 'rule:'", "error.config.suppress_needs_rule");
    if (!has_text && !e["line-contains"]) error(e, "a suppress entry needs 'line-contains:'", "error.config.suppress_needs_line_contains");
    if (has_rule && has_text && !bad) cfg_.suppress.push_back(std::move(entry));
  }
};

}  // namespace

Result<Config> parse_config(const std::string& path, std::string_view text) {
  Config cfg;
  cfg.path = path;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  cfg.dir = (ec ? fs::path(path) : abs).lexically_normal().parent_path().string();
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    return Error{fmt::format("{}:{}:{}", path, e.mark.line + 1, e.mark.column + 1),
                 fmt::format("YAML nested too deeply (more than {} levels)", e.depth() - 1),
                 {"error.yaml.too_deep", {{"limit", std::to_string(e.depth() - 1)}}}};
  } catch (const YAML::ParserException& e) {
    return Error{fmt::format("{}:{}:{}", path, e.mark.line + 1, e.mark.column + 1), "YAML syntax error: " + e.msg,
                 {"error.yaml.syntax", {{"detail", e.msg}}}};
  } catch (const YAML::Exception& e) {
    return Error{path, e.what(), {"error.yaml.other", {{"detail", e.what()}}}};
  }
  Reader reader(path, cfg);
  try {
    reader.top(root);
  } catch (const YAML::Exception& e) {  // should not happen: every access is type-checked first
    reader.errors.push_back(Error{path, e.what(), {"error.yaml.other", {{"detail", e.what()}}}});
  }
  if (!reader.errors.empty()) return joined(reader.errors);
  return cfg;
}

Result<Config> load_config(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error{path, "cannot open config file", "error.config.cannot_open"};
  // A configuration file is a few lines; the limit only keeps a mistaken path from being read whole.
  auto text = read_regular_file(path, uint64_t{16} << 20, "configuration file");
  if (!text) return text.failure();
  return parse_config(path, *text);
}

bool is_config_file_name(std::string_view name) { return name == ".tally.yaml" || name == ".tally.yml"; }

std::string config_file_in(const std::string& dir) {
  for (const char* name : {".tally.yaml", ".tally.yml"}) {
    std::error_code ec;
    std::filesystem::path candidate = std::filesystem::path(dir) / name;
    if (std::filesystem::exists(candidate, ec)) return candidate.string();  // a folder or FIFO is reported, not ignored
  }
  return {};
}

std::vector<Error> unknown_rule_ids(const Config& cfg, const std::function<bool(const std::string&)>& known,
                                    const std::vector<std::string>& ids) {
  std::vector<Error> out;
  auto check = [&](const RuleRef& r) {
    if (!known(r.id))
      out.push_back(Error{fmt::format("{}:{}:{}", cfg.path, r.mark.line, r.mark.column),
                          fmt::format("unknown rule '{}'{}", r.id, did_you_mean(r.id, ids)),
                          {"error.config.unknown_rule", {{"rule", r.id}}},
                          {{"suggestion", suggestion(r.id, ids)}}});
  };
  for (const auto& r : cfg.enable) check(r);
  for (const auto& r : cfg.disable) check(r);
  for (const auto& s : cfg.severity) check(s.rule);
  for (const auto& e : cfg.ignore)
    for (const auto& r : e.rules) check(r);
  for (const auto& s : cfg.suppress) check(s.rule);
  return out;
}

std::string config_relative(const Config& cfg, const std::string& file) {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec).lexically_normal();
  if (cfg.dir.empty()) return abs.generic_string();
  return abs.lexically_proximate(cfg.dir).generic_string();
}

bool walked_file_selected(const Config& cfg, const std::string& rel) {
  if (!cfg.include.empty()) {
    bool in = false;
    for (const auto& g : cfg.include) in = in || glob_match(g, rel);
    if (!in) return false;
  }
  return named_file_selected(cfg, rel);
}

bool named_file_selected(const Config& cfg, const std::string& rel) {
  for (const auto& g : cfg.exclude)
    if (glob_match(g, rel)) return false;
  return true;
}

CheckOptions check_options_for(const Config& cfg, const std::string& rel) {
  CheckOptions o;
  for (const auto& r : cfg.enable) o.only.insert(r.id);
  for (const auto& r : cfg.disable) o.disabled.insert(r.id);
  for (const auto& s : cfg.severity) o.severity[s.rule.id] = s.severity;
  o.truncation_is_error = cfg.truncation_is_error;
  for (const auto& e : cfg.ignore)
    if (glob_match(e.path, rel))
      for (const auto& r : e.rules) o.disabled.insert(r.id);
  return o;
}

void apply_check_options(std::vector<Diagnostic>& diags, const CheckOptions& opts,
                         const std::function<bool(const std::string&)>& always) {
  std::vector<Diagnostic> kept;
  kept.reserve(diags.size());
  for (auto& d : diags) {
    if (opts.disabled.count(d.rule)) continue;
    if (!opts.only.empty() && !opts.only.count(d.rule) && !(always && always(d.rule))) continue;
    auto s = opts.severity.find(d.rule);
    if (s != opts.severity.end()) d.severity = s->second;
    kept.push_back(std::move(d));
  }
  diags = std::move(kept);
}

}  // namespace tally
