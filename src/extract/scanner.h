// Scanner: finds the figures in a run of text — integers, thousands
// separators, decimals (also with PDF spacing "23. 19"), full-width digits,
// percentages, ratios, 万/亿 multipliers, units, approximate markers and
// Chinese numerals before a measure word — and skips what only looks like a
// figure: years, dates, ranges, document numbers, ordinals, codes, names.
#pragma once
#include <string_view>
#include <vector>

#include "extract/quantity.h"
#include "vocab/vocabulary.h"

namespace tally {

struct ScannedNumber {
  Quantity q;              // span/para offsets relative to the scanned text; label etc. empty
  uint32_t begin = 0, end = 0;  // figure, in the scanned text
  uint32_t unit_end = 0;        // after unit and trailing approximate marker
};

struct ScanResult {
  std::vector<ScannedNumber> numbers;
  std::vector<std::pair<uint32_t, int>> years;  // (offset, year) of year mentions
};

ScanResult scan_numbers(std::string_view text, const Vocabulary& vocab);

}  // namespace tally
