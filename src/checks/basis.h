// The count a per-unit value or a ratio says it divides by. 生均 and 生师比 divide by the full-time
// students and the full-time teachers unless the text says otherwise ("按折合在校生数计算", "均按本科在校
// 生计"); a value computed on another count is checked against that count when the report states it,
// and left alone when it does not.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"

namespace tally {

// The head count named by "按 … 计算" (计, 核算) in text: "折合在校生" for "按折合在校生数计算"; empty
// when the text states none, or a basis that counts no people (按可比价格计算, 按 250 个工作日计).
std::string_view stated_basis(std::string_view text, const Vocabulary& v);

// The kind of students a per-student value is named after ("生均本科教学日常运行支出", "研究生培养经费 …
// 生均 1.50 万元"): the basis it divides by ("本科在校生", "研究生"), "" when it names none. The value of
// a part of the students divides by that part, not by all of them.
std::string group_basis(std::string_view per_label, std::string_view total_label, const Vocabulary& v);

// The basis stated for the figure q: in its own sentence, else in a sentence of its paragraph that
// holds no figure ("以下生均值均按折合在校生数计算。"); empty when none is stated.
std::string_view basis_of(const FactBase& fb, const Quantity& q);

// Whether a basis is the count the checks divide by anyway (在校生, 全日制在校生).
bool is_default_students(std::string_view basis, const Vocabulary& v);

// The stated figures of people, in q's scope, that count the basis ("折合在校生数 22107 人" for
// 折合在校生), one per distinct value.
std::vector<int> basis_counts(const FactBase& fb, std::string_view basis, const Quantity& q);

// The category of a partition (公办, 民办, 城镇, 男生) that a label names, the longest; "" when none.
// Per-unit values of two categories divide by two different counts.
std::string_view partition_member(std::string_view label, const Vocabulary& v);

}  // namespace tally
