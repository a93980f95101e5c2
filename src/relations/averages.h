// Averages written with a compound unit: "销售均价 11997 元/平方米" is a money
// total over an area, both usually stated in the same sentence ("销售额 42.36
// 亿元，销售面积 38.52 万平方米"). The relation is proposed only when the
// sentence holds exactly one figure of each dimension the unit names.
#pragma once
#include <vector>

#include "relations/relations.h"

namespace tally {

std::vector<AverageRelation> find_averages(const FactBase& fb, const std::vector<Statement>& st);

}  // namespace tally
