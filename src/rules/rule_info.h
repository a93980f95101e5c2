// RuleInfo: what a rule pack says about one rule, for listing, explaining,
// SARIF metadata and example tests. The engine owns these; front ends read them.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"

namespace tally {

// A rule's `params:` as plain values, read once when the pack loads: checks run on several threads,
// and yaml-cpp's node lookups are not safe to share between them (even on a const node).
struct RuleParams {
  std::map<std::string, std::vector<std::string>> lists;   // key → a list of words ("over_years: [累计, …]")
  std::vector<std::pair<std::string, std::string>> pairs;  // `pairs: [[a, b], …]`
};

struct RuleInfo {
  std::string id;        // stable id, e.g. "percent"
  std::string pack;      // pack name, e.g. "core"
  std::string kind;      // check kind, e.g. "percent", "sum", "pattern"
  std::string summary;   // one line
  std::string explanation;  // Markdown: what it checks, why, example, how to fix
  Severity severity = Severity::Error;
  std::vector<std::string> flag_examples;  // texts the rule must flag
  std::vector<std::string> pass_examples;  // texts the rule must leave alone
};

}  // namespace tally
