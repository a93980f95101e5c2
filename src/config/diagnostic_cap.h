// The cap on findings per file. A generated or badly broken document can give
// tens of thousands of findings; past a point they help nobody, and every
// output (a terminal, SARIF uploads, an editor's problem list) pays for each.
// Past the cap one summary finding says how many were left out.
#pragma once
#include <cstddef>
#include <string>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "rules/rule_info.h"

namespace tally {

inline constexpr const char* kTooManyFindingsRule = "too-many-findings";
inline constexpr size_t kDefaultMaxFindings = 1000;
// Related figures listed per finding; a sum of 500 parts names the first ones and a count.
inline constexpr size_t kMaxRelated = 50;

// Keeps the first `max` findings (by position; 0 means no cap) and appends the
// summary at the first one left out. The summary takes the highest severity
// of those left out, so --fail-on and the exit code do not change with the
// cap. Also trims each finding's related figures to kMaxRelated, with a note.
void cap_findings(FileResult& result, size_t max, Lang lang = Lang::En);  // `lang`: of the summary

RuleInfo too_many_findings_rule_info();

}  // namespace tally
