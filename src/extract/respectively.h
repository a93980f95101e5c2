// Respectively: "小学、初中在校生分别为 27,935 人和 13,351 人" gives the i-th figure after 分别为 to the
// i-th name before it. Read clause by clause, a figure there would take the words right before it
// ("初中在校生" for the first) or none at all, so each value is named here instead: its own name with the
// measure the names share ("小学在校生", "初中在校生"), and that name's scope. A later "专任教师分别为 A
// 人和 B 人" in the same sentence, with no names of its own, is of the same names in the same order.
// When the names cannot be paired with the values (a count that differs, one name for several values),
// the values are of several things the text does not say: none of them is the bare measure's figure.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/scanner.h"
#include "vocab/vocabulary.h"

namespace tally {

struct RespectiveValue {
  bool read = false;   // the name is known; false: several values of things unnamed
  std::string label;   // "小学在校生"; "" when not read
  std::string scope;   // the scope the value's own name states ("" when it states none)
  uint32_t names_begin = 0;  // where the list of names starts: the figure's scope is read before it
};

// For each number of the paragraph `p` (in order), its reading as one value of a 分别为 run, or nullopt
// when it is none. `scope_of` gives the scope a phrase names ("" when none).
std::vector<std::optional<RespectiveValue>> respective_values(
    std::string_view p, const std::vector<ScannedNumber>& numbers, const Vocabulary& vocab,
    const std::function<std::string(std::string_view)>& scope_of);

}  // namespace tally
