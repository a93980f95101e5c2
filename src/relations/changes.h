// Finds, for each level, what its sentence says about its change: the amount
// (比上年增加 C), the rate (增长 r%) and the comparison period's level (比上年的
// A, 从 A 增加到 V). Only unambiguous readings become relations: one level,
// at most one of each, the same dimension for amounts.
#pragma once
#include <vector>

#include "relations/relations.h"

namespace tally {

std::vector<ChangeRelation> find_changes(const FactBase& fb, const std::vector<Statement>& st,
                                         const std::vector<Breakdown>& breakdowns, const std::vector<int>& part_of);

}  // namespace tally
