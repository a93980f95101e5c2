// Finds the relations of statistical bulletins: structures (三次产业结构为
// a:b:c), sex ratios (性别比 x:100), contributions (贡献率, 拉动 … 个百分点) of
// the parts of a complete partition, the growth of a total against its parts'
// growth, nominal against real growth with a stated price index, shares of GDP
// (占地区生产总值的比重) and per-capita GDP. Each is proposed only when its
// figures are identified without doubt; otherwise nothing is proposed.
#pragma once
#include <vector>

#include "relations/relations.h"
#include "relations/table_lines.h"

namespace tally {

void find_structures(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                     std::vector<BulletinRelation>& out);
// The same relations stated along a table's rows or columns (relations/table_structures.cpp).
void find_table_structures(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                           std::vector<BulletinRelation>& out);

}  // namespace tally
