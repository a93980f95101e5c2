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

// Does a part's label name the rest of its whole: 其他单位, or a last class joined to the rest
// (水运及其他, 一次电力及其他能源, 住宿餐饮和其他行业)?
bool names_the_rest(std::string_view label, const Vocabulary& v);
// "城镇 60 周岁及以上老年人口" → "60周岁及以上老年人口": the measure after a class word of the packs' partitions
// (城镇, 农村, 男性…) that opens a label; "" when none opens it or the class is the whole label.
std::string_view measure_after_class(std::string_view label, const Vocabulary& v);

// Does the text open with a topic lead "X中，" (专任教师中，, 毕业生中有), whose figures after it are parts
// of X? The lead's name X, or "".
std::string_view opening_topic(std::string_view text);

// A list of counts of one unit, its items joined by 、 or 和/及/与 ("96 个乡镇卫生院、168 个社区卫生服务中心",
// "公办园 32 所、民办园 48 所"): a 其中 after it splits the items' sum, which the text does not state.
struct CountList {
  std::vector<int> members;  // quantity ids, in text order; empty when there is no such list
  bool closed = false;       // the text after it says it is about all of them (全部达到, 均通过)
};
// The list figure `last` ends, read up to `end` (the 其中 after it); empty when `last` is no list's last
// item or another figure stands between it and `end`.
CountList count_list_before(const FactBase& fb, const std::vector<Statement>& st, int last, uint32_t end);
// The list whose sum is the whole of the 其中 list `part` opens: the nearest figure of the part's unit
// before its 其中 ends such a list. Empty otherwise.
CountList count_list_of_part(const FactBase& fb, const std::vector<Statement>& st, int part);

}  // namespace tally
