// Label matching shared by checks: does a figure's label name exactly one of
// a list of measures once scope words (全市, 中等职业学校 …) are set aside?
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "extract/quantity.h"
#include "vocab/vocabulary.h"

namespace tally {

// The label without leading scope and area words: "全市中等职业学校毕业生" → "毕业生".
std::string core_label(const std::string& label, const Vocabulary& vocab);
bool label_is(const Quantity& q, const std::vector<std::string>& words, const Vocabulary& vocab);
// A leading place name ("某某市", "某某县", "高新区"): two to four characters and an administrative
// suffix; empty when the label does not start with one. "城市居民", "社区", "市属" are not place names.
std::string_view leading_place(std::string_view label);
// How high an area word stands: 省 4, 市/州 3, 县/区 2, 镇/乡 1, by its last character; 0 for none.
int area_level(std::string_view area);
// The quantity's metric when its core label is exactly one of the metric's aliases, else "".
std::string exact_metric(const Quantity& q, const Vocabulary& vocab);

}  // namespace tally
