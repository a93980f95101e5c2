// Values the vocabulary defines by a formula (森林覆盖率 = 森林面积 ÷ 国土面积, 城乡居民收入比, 平均班额)
// and the two figures the text states for its terms: each term is the figure whose name ends with one of
// the formula's names for it — in the value's sentence, else in an earlier sentence of its paragraph —
// taken only when the figures under that name agree (two values leave the formula unread).
#pragma once
#include <vector>

#include "relations/relations.h"

namespace tally {

std::vector<FormulaRelation> find_formulas(const FactBase& fb, const std::vector<Statement>& st);

}  // namespace tally
