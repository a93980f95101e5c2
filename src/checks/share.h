// Finding the part and the whole a stated percentage refers to. Shared by the
// percent check and the debugging view.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "relations/relations.h"

namespace tally {

struct ShareMatch {
  int part = -1, whole = -1;
  std::string how;  // "share" or "rate"
  bool approximate = false;  // "约占": the report marks the share as approximate
  bool unnamed = false;      // "（占 19.45%）": 占 names no whole, and no 其中 list gives one
  // The whole is one reading among others (a 其中 part's share after its parent's own share may be of
  // the grand total; 新增比例 may be of the stock before the addition): only a reading that holds is
  // reported, as held — a mismatch under it says nothing.
  bool open_whole = false;
  // A second whole the share may be of ("毕业生中，升学 A 人，就业 B 人，就业率…": 毕业生, or the
  // sibling before the part): when the share holds over it, nothing is said; otherwise it is checked
  // against `whole`.
  int other_whole = -1;
  // The whole is the sum of these figures, a list the text says the share's 其中 splits all of ("96 个乡镇
  // 卫生院、168 个社区卫生服务中心全部达到…，其中…的 41 个，占 15.5%"); `whole` is -1 then.
  std::vector<int> whole_sum;
  // The parent's own share (等级公路 A，占公路总里程的 98.6%；其中二级及以上公路 B，占 17.2%): the part's share
  // is of the parent or of the whole that share names; -1 when the parent has none.
  int parent_share = -1;
};

ShareMatch find_share(const FactBase& fb, const Relations& rel, const Quantity& pct);
// What a rate is per: 100 for a percentage, 1000 for a rate per mille (出生率 9.8‰), 10000 or 100000 for
// one per 万 or 10万 (孕产妇死亡率 11.56/10万); 0 for a figure that is no rate.
int64_t rate_base(const Quantity& q);
bool utf8_strip_last_if(std::string& s, std::initializer_list<std::string_view> words);

}  // namespace tally
