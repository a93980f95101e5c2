// Finds the relations of budget reports: 完成预算的 x% against the actual and
// budget figures its sentence states, and 收入 − 支出 (± 调入, 调出, 上年结转) =
// 结余 within one paragraph. Proposed only when each role has one figure.
#pragma once
#include <vector>

#include "relations/relations.h"
#include "relations/table_lines.h"

namespace tally {

void find_budget(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                 std::vector<BulletinRelation>& out);

}  // namespace tally
