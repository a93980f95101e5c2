// Client settings for tally (workspace/didChangeConfiguration, section "tally"):
//   "rules":    ["packs/extra.yaml", …]              extra rule packs (files or folders), or
//               {"percent": "off", "sum": "warning"}  per-rule severity, "off" to disable
//   "disabled": ["percent", …]                       rule ids switched off
//   "defaultRules": true                             false leaves the built-in packs out
//   "lang": "zh"                                     the language of findings (en, zh), over .tally.yaml's
//                                                    `lang:` and the client's locale
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/engine.h"

namespace tally::lsp {

struct Settings {
  std::vector<std::string> rule_packs;
  bool default_rules = true;
  std::optional<Lang> lang;
  CheckOptions check;
  bool operator==(const Settings& o) const {
    return rule_packs == o.rule_packs && default_rules == o.default_rules && lang == o.lang &&
           check.disabled == o.check.disabled && check.severity == o.check.severity;
  }
};

// Reads the settings object of didChangeConfiguration ({"tally": {…}}) or the
// "tally" section itself. Wrong types are skipped with a warning; never fails.
Settings parse_settings(const nlohmann::json& settings, std::vector<std::string>* warnings);

// initializationOptions "debounceMs" (also inside "tally"): how long after an edit the document is
// checked, 0–10000 ms; the server's default (150 ms) when absent or out of range (with a warning).
std::optional<std::chrono::milliseconds> parse_debounce(const nlohmann::json& init, std::vector<std::string>* warnings);

}  // namespace tally::lsp
