// Config: the contents of one .tally.yaml, validated. Every key is checked;
// problems come back as "FILE:LINE:COL: message" lines (1-based positions).
//
//   auto cfg = load_config("/repo/.tally.yaml");
//   if (!cfg) { print cfg.error(); exit 2; }   // may hold several lines
//
// Rule ids can only be checked once the engine with the config's packs
// exists, so that is a second step: unknown_rule_ids().
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "diag/diagnostic.h"
#include "rules/engine.h"

namespace tally {

inline constexpr const char* kConfigFileName = ".tally.yaml";
// `.tally.yml` is read too, as other tools accept both spellings; `.tally.yaml` wins when a folder has both.
bool is_config_file_name(std::string_view name);
// The config file in `dir` ("" when there is none), in the order above.
std::string config_file_in(const std::string& dir);

struct ConfigMark {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};

// A rule id as written in the config, with where it was written.
struct RuleRef {
  std::string id;
  ConfigMark mark;
};

struct SeverityOverride {
  RuleRef rule;
  Severity severity = Severity::Error;
};

// `ignore:` entry: these rules are off for files matching path.
struct IgnoreEntry {
  std::string path;  // glob
  std::vector<RuleRef> rules;
};

// `suppress:` entry: drop a finding of `rule` whose line contains `line_contains`.
struct SuppressEntry {
  RuleRef rule;
  std::string line_contains;
  std::string path;  // glob; empty = every file
  std::string reason;
  ConfigMark mark;   // the entry itself, for "unused" reports
};

struct Config {
  std::string path;  // the config file; empty when no config applies
  std::string dir;   // absolute folder that relative paths and globs start from
  std::vector<std::string> rules;  // absolute rule pack paths
  std::vector<RuleRef> enable;
  std::vector<RuleRef> disable;
  std::vector<SeverityOverride> severity;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool truncation_is_error = false;
  std::optional<Lang> lang;  // `lang: zh|en`: the language of findings (a --lang flag wins)
  std::vector<IgnoreEntry> ignore;
  std::vector<SuppressEntry> suppress;
};

// Parses config text; `path` names the file in messages and sets Config::dir.
Result<Config> parse_config(const std::string& path, std::string_view text);
Result<Config> load_config(const std::string& path);

// "FILE:LINE:COL: unknown rule 'x'" for every id `known` rejects, naming the nearest of `ids`.
std::vector<Error> unknown_rule_ids(const Config& cfg, const std::function<bool(const std::string&)>& known,
                                    const std::vector<std::string>& ids = {});

// `file` as a '/'-separated path relative to the config folder (what globs see).
std::string config_relative(const Config& cfg, const std::string& file);

// Whether a file found by walking a folder is checked (include, then exclude).
bool walked_file_selected(const Config& cfg, const std::string& rel);
// Whether a file named on the command line is checked (exclude only).
bool named_file_selected(const Config& cfg, const std::string& rel);

// What the engine should do for one file: enable/disable/severity/rounding plus
// the `ignore:` entries whose glob matches `rel`.
CheckOptions check_options_for(const Config& cfg, const std::string& rel);

// Applies CheckOptions after the fact: drops disabled (and, when `only` is
// set, unlisted) rules and applies severity overrides. Rule ids in `always`
// ignore `only` (tally's own suppression diagnostics).
void apply_check_options(std::vector<Diagnostic>& diags, const CheckOptions& opts,
                         const std::function<bool(const std::string&)>& always);

}  // namespace tally
