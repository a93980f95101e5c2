// A text without its spaces, copied only when it has some. text::remove_spaces always builds a new
// string, and most of the cells and lines it was called on only to be tested (a separator? a year? a
// note?) hold no space: those copies were ~2% of a report's check.
#pragma once
#include <string>
#include <string_view>

#include "base/text.h"

namespace tally::text {

// s without ' ', '\t' and U+3000, as remove_spaces(s) gives it: s itself when it has none, else that
// copy, kept in `buf` (the view lives as long as s and buf do).
inline std::string_view without_spaces(std::string_view s, std::string& buf) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == '\t' || (c == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80')) {
      buf = remove_spaces(s);
      return buf;
    }
  }
  return s;
}

}  // namespace tally::text
