// Averages written with a compound unit: "销售均价 11997 元/平方米" is a money
// total over an area, both usually stated in the same sentence ("销售额 42.36
// 亿元，销售面积 38.52 万平方米"). The relation is proposed only when the
// sentence holds exactly one figure of each dimension the unit names.
#pragma once
#include <vector>

#include "relations/relations.h"

namespace tally {

std::vector<AverageRelation> find_averages(const FactBase& fb, const std::vector<Statement>& st);

// "人均", "户均", "每百名学生", "每千人口", "每万人拥有": who a label's figure is per, and how many of
// them (`per`). Returns the population's dimension ("people", "households"; "" when the label is not per
// head) and sets `word_end` where the thing counted begins ("每千人口床位" → "床位").
std::string per_head(std::string_view label, const Vocabulary& v, int& per, size_t& word_end);

// "新建充电桩 A 个，累计达 B 个，每万人拥有充电桩 x 个": is a candidate total named as what
// the period added (vocabulary flow) while the value per head is of what there is (the stock)? Such a
// total is never the one divided — only a value that names the flow itself (每万人新增) divides a flow.
bool flow_for_stock(std::string_view total_label, std::string_view value_label, const Vocabulary& v);

// Whether a label names a value per head (per_head says who it is per).
bool is_per_head(std::string_view label, const Vocabulary& v);

// "人口" or "人" when a per-head label is per residents in general ("每千人口", "每万人拥有"), else "".
std::string_view general_per_head_noun(std::string_view label, size_t word_end);

}  // namespace tally
