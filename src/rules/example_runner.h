// Runs every rule's own examples: each "flag" text must produce a diagnostic
// of that rule, each "pass" text must produce none.
#pragma once
#include <string>
#include <vector>

#include "rules/engine.h"

namespace tally {

struct ExampleReport {
  int passed = 0;
  std::vector<std::string> failures;  // "rule-id: flag example 2 was not flagged: …", in `lang`
};

// The failures and the findings they quote are in `lang`.
ExampleReport run_rule_examples(const Engine& engine, Lang lang = Lang::En);

}  // namespace tally
