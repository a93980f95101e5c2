// Finds the part/whole structures stated in prose: parenthesised breakdowns
// "30 所（高职 6 所，中职 18 所，技工 6 所）", 其中 lists (adding up when the
// parts are named 分别为 or form a known partition, else subsets), and runs
// of categories that complete a partition after a whole.
#pragma once

namespace tally {

struct FactBase;
void find_breakdowns(FactBase& fb);

}  // namespace tally
