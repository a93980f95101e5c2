// Finds the part/whole structures stated in prose: parenthesised breakdowns
// "30 所（高职 6 所，中职 18 所，技工 6 所）", 其中 lists (adding up when the
// parts are named 分别为 or form a known partition, else subsets), and runs
// of categories that complete a partition after a whole.
// Wholes and parts are levels: a change, a growth rate or a percentage-point
// figure is never the whole of a 其中 list (the list refers back past it).
#pragma once
#include <vector>

#include "relations/relations.h"

namespace tally {

void find_breakdowns(const FactBase& fb, const std::vector<Statement>& st, std::vector<Breakdown>& out);

}  // namespace tally
