// Small string helpers for UTF-8 text.
#pragma once
#include <string.h>  // memmem

#include <string>
#include <string_view>
#include <vector>

namespace tally::text {

// The first (last) byte is compared inline before memcmp: these run in loops over word lists, and most
// words differ from the text there.
inline bool starts_with(std::string_view s, std::string_view p) {
  if (p.empty()) return true;
  return s.size() >= p.size() && s[0] == p[0] && s.compare(0, p.size(), p) == 0;
}
inline bool ends_with(std::string_view s, std::string_view p) {
  if (p.empty()) return true;
  return s.size() >= p.size() && s.back() == p.back() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
// s.find(p, from), for Chinese text. string_view::find stops at every byte equal to p's first, and the
// lead bytes of CJK characters take a handful of values (0xE4–0xE9), so over Chinese it compares at almost
// every character: a quarter of a run's time went to memchr and memcmp. glibc's memmem hashes byte pairs
// and skips ahead, twice as fast from ~48 bytes of text; below that its set-up costs more than it saves.
inline size_t find(std::string_view s, std::string_view p, size_t from = 0) {
#ifdef __GLIBC__
  if (p.size() >= 2 && from <= s.size() && s.size() - from >= 48) {
    const void* at = ::memmem(s.data() + from, s.size() - from, p.data(), p.size());
    return at ? static_cast<size_t>(static_cast<const char*>(at) - s.data()) : std::string_view::npos;
  }
#endif
  return s.find(p, from);
}
inline bool contains(std::string_view s, std::string_view p) { return find(s, p) != std::string_view::npos; }

// Trims ASCII white space and the ideographic space U+3000.
std::string_view trim_left(std::string_view s);
std::string_view trim_right(std::string_view s);
inline std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }
// The line without Markdown emphasis around it: "**表1 各类别残疾人**" → "表1 各类别残疾人".
std::string_view without_emphasis(std::string_view s);
std::string remove_spaces(std::string_view s);
// A table label before its first parenthesis, full-width or not: "增速（%）" → "增速", "在校生(人)" → "在校生".
std::string_view before_parenthesis(std::string_view label);

// Full-width ASCII variants (０-９, ％, ：, ．, ，) folded to ASCII.
char32_t fold_width(char32_t c);
bool is_cn_numeral(char32_t c);  // 零〇一二两三四五六七八九十百千
bool is_cjk(char32_t c);
// Value of a Chinese numeral such as 三, 十八, 二十五, 一百二十; -1 if not one.
long long parse_cn_numeral(std::string_view s);

// The first word of `words` that s starts with (or ends with), or "".
std::string_view starts_with_any(std::string_view s, const std::vector<std::string>& words);
std::string_view ends_with_any(std::string_view s, const std::vector<std::string>& words);
bool contains_any(std::string_view s, const std::vector<std::string>& words);

}  // namespace tally::text

#include "base/word_list.h"

namespace tally::text {

inline std::string_view starts_with_any(std::string_view s, const WordList& words) { return words.prefix_of(s); }
inline std::string_view ends_with_any(std::string_view s, const WordList& words) { return words.suffix_of(s); }
inline bool contains_any(std::string_view s, const WordList& words) { return words.found_in(s); }

}  // namespace tally::text
