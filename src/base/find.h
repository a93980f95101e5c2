// rfind without a memcmp at every position.
#pragma once
#include <string_view>

namespace tally::text {

// s.rfind(w, pos): std::string_view::rfind calls memcmp at every position it tries, which over Chinese
// text (the same few lead bytes everywhere) is most of the cost; this compares the rest of w only where
// its first byte matches.
inline size_t rfind(std::string_view s, std::string_view w, size_t pos = std::string_view::npos) {
  if (w.size() > s.size()) return std::string_view::npos;
  size_t at = s.size() - w.size();
  if (pos < at) at = pos;
  if (w.empty()) return at;
  for (++at; at-- > 0;)
    if (s[at] == w[0] && s.compare(at, w.size(), w) == 0) return at;
  return std::string_view::npos;
}

}  // namespace tally::text
