#include "base/text.h"

#include <algorithm>

#include "base/utf8.h"

namespace tally::text {

std::string_view without_emphasis(std::string_view s) {
  s = trim(s);
  size_t a = 0, b = 0;
  while (a < s.size() && (s[a] == '*' || s[a] == '_')) ++a;
  while (b < s.size() - a && (s[s.size() - 1 - b] == '*' || s[s.size() - 1 - b] == '_')) ++b;
  if (a == 0 || a != b) return s;  // marks on both sides, as many: emphasis
  return trim(s.substr(a, s.size() - a - b));
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty()) {
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n') s.remove_prefix(1);
    else if (starts_with(s, "\u3000")) s.remove_prefix(3);
    else break;
  }
  return s;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') s.remove_suffix(1);
    else if (ends_with(s, "\u3000")) s.remove_suffix(3);
    else break;
  }
  return s;
}

std::string remove_spaces(std::string_view s) {
  // Byte by byte: ' ' and '\t' are single bytes, U+3000 is E3 80 80, and no other character's UTF-8
  // contains these bytes in this order at a character start. (Decoding each character cost a tenth of
  // a report's check: labels are cleaned many times.)
  // Kept bytes are copied a run at a time: a label seldom holds a space, and appending byte by byte
  // was ~5% of a folder's run.
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // start of the bytes kept since the last space
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    size_t space = 0;
    if (c == ' ' || c == '\t') space = 1;
    else if (c == '\xE3' && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x80') space = 3;
    if (!space) {
      ++i;
      continue;
    }
    out.append(s.data() + run, i - run);
    i += space;
    run = i;
  }
  out.append(s.data() + run, s.size() - run);
  return out;
}

std::string_view before_parenthesis(std::string_view label) {
  return label.substr(0, std::min(text::find(label, "（"), text::find(label, "(")));
}

char32_t fold_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  return c;
}

bool is_cn_numeral(char32_t c) {
  switch (c) {
    case U'零': case U'〇': case U'一': case U'二': case U'两': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千':
      return true;
    default:
      return false;
  }
}

bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'〇'; }

long long parse_cn_numeral(std::string_view s) {
  auto digit = [](char32_t c) -> int {
    switch (c) {
      case U'零': case U'〇': return 0;
      case U'一': return 1;
      case U'二': case U'两': return 2;
      case U'三': return 3;
      case U'四': return 4;
      case U'五': return 5;
      case U'六': return 6;
      case U'七': return 7;
      case U'八': return 8;
      case U'九': return 9;
      default: return -1;
    }
  };
  long long total = 0, cur = -1;
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    char32_t c = utf8::next(s, i);
    int d = digit(c);
    if (d >= 0) {
      if (cur >= 0) return -1;  // two digits in a row ("二〇") is not a count
      cur = d;
    } else if (c == U'十' || c == U'百' || c == U'千') {
      long long mul = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
      total += (cur < 0 ? 1 : cur) * mul;
      cur = -1;
    } else {
      return -1;
    }
    any = true;
  }
  if (!any) return -1;
  if (cur >= 0) total += cur;
  return total;
}

std::string_view starts_with_any(std::string_view s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (starts_with(s, w)) return w;
  return {};
}

std::string_view ends_with_any(std::string_view s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (ends_with(s, w)) return w;
  return {};
}

bool contains_any(std::string_view s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    if (contains(s, w)) return true;
  return false;
}

}  // namespace tally::text
