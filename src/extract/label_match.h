// Label matching shared by checks: does a figure's label name exactly one of
// a list of measures once scope words (全市, 中等职业学校 …) are set aside?
#pragma once
#include <string>
#include <vector>

#include "extract/quantity.h"
#include "vocab/vocabulary.h"

namespace tally {

// The label without leading scope and area words: "全市中等职业学校毕业生" → "毕业生".
std::string core_label(const std::string& label, const Vocabulary& vocab);
bool label_is(const Quantity& q, const std::vector<std::string>& words, const Vocabulary& vocab);
// The quantity's metric when its core label is exactly one of the metric's aliases, else "".
std::string exact_metric(const Quantity& q, const Vocabulary& vocab);

}  // namespace tally
