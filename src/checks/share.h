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
};

ShareMatch find_share(const FactBase& fb, const Relations& rel, const Quantity& pct);
bool utf8_strip_last_if(std::string& s, std::initializer_list<std::string_view> words);

}  // namespace tally
