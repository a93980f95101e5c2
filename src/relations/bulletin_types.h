// The relations of statistical bulletins and budget reports: structures
// (a:b:c of one whole), sex ratios, contributions of parts to a growth,
// the growth of a total against its parts' growth, nominal against real
// growth, budget completion and balances, shares of GDP and per-capita GDP.
// Each holds quantity ids (−1 when absent) and the evidence that proposed it;
// the finders (relations/structures.cpp, relations/budget.cpp) propose one
// only when the reading is unambiguous.
#pragma once
#include <string>
#include <vector>

#include "relations/evidence.h"

namespace tally {

enum class BulletinKind {
  Structure,     // ratio = a:b:c, shares of one whole summing to 100 (parts/whole when stated)
  SexRatio,      // ratio = male ÷ female × 100
  Contribution,  // parts' 贡献率 sum to 100
  Pull,          // parts' 拉动 points sum to the total's growth (total = the growth rate)
  GrowthSpread,  // total's growth rate lies between its parts' rates (total = rate, parts = rates)
  RealGrowth,    // real ≈ (1 + nominal) ÷ (1 + price index) − 1
  Completion,    // rate = actual ÷ budget × 100
  Balance,       // result = income − expenditure (+ adjustments)
  ShareOfWhole,  // share = part ÷ whole × 100 (占地区生产总值的比重)
  PerCapitaOf,   // per capita = total ÷ population
  PerResident,   // 每千人口床位, 普及率 部/百人 = a total of the report ÷ its one 常住人口 × per
  ShareSet,      // shares of one whole that cover it (parts = the shares) add up to 100%
};

struct BulletinRelation {
  BulletinKind kind = BulletinKind::Structure;
  int figure = -1;          // the stated figure the relation checks: the ratio, rate, share, result, per capita
  std::vector<int> parts;   // Structure: the parts' levels (empty when not stated); Contribution/Pull: the parts'
                            // figures; GrowthSpread: the parts' rates; Balance: adjustments (see `signs`)
  std::vector<int> signs;   // Balance: +1 / −1 per adjustment in `parts`
  int whole = -1;           // Structure/ShareOfWhole/PerCapitaOf/PerResident: the whole; SexRatio: male; RealGrowth: nominal;
                            // Completion: actual; Balance: income; GrowthSpread: the total's level
  int other = -1;           // SexRatio: female; RealGrowth: price index; Completion: budget; Balance: expenditure;
                            // PerCapitaOf/PerResident: population
  int per = 1;              // PerResident: per 100, 1000 or 10000 residents
  int other2 = -1;          // RealGrowth: the highest price index when several are stated (slack)
  bool previous = false;    // Structure: the comparison period's structure ("由上年的 …")
  bool exact_other = false; // Completion: the plan is a number set (完成目标任务 5 万人的), not a rounded amount
  Evidence why;
};

}  // namespace tally
