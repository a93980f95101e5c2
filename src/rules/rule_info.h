// RuleInfo: what a rule pack says about one rule, for listing, explaining,
// SARIF metadata and example tests. The engine owns these; front ends read them.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace tally {

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
