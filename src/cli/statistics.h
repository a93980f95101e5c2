// `tally check --statistics`: how many findings each rule made, most first (ruff's --statistics).
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "rules/rule_info.h"

namespace tally::cli {

// A table (`  12  error    sum  The parts of a total add up to it`) or, for format "json", an array
// of {rule, severity, count, summary}.
std::string render_statistics(const std::vector<FileResult>& results, const std::vector<RuleInfo>& rules,
                              const std::string& format, bool color);

}  // namespace tally::cli
