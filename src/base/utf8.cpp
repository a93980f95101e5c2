#include "base/utf8.h"

namespace tally::utf8 {

char32_t next(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int n = seq_len(c);
  if (i + n > s.size()) n = 1;
  char32_t cp;
  switch (n) {
    case 1: cp = c; break;
    case 2: cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F); break;
    case 3: cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F); break;
    default:
      cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
  }
  i += n;
  return cp;
}

char32_t prev(std::string_view s, size_t& i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  size_t k = j;
  char32_t cp = next(s, k);
  i = j;
  return cp;
}

char32_t at(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return next(s, i);
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t count_utf16_units(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) n += 1;
    if ((c >> 3) == 0x1E) n += 1;  // a 4-byte sequence is a surrogate pair
  }
  return n;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(next(s, i));
  return out;
}

std::string encode(std::u32string_view cps) {
  std::string out;
  for (char32_t c : cps) append(out, c);
  return out;
}

bool valid(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int n;
    char32_t min;
    if (c < 0x80) { ++i; continue; }
    if ((c >> 5) == 0x6) { n = 2; min = 0x80; }
    else if ((c >> 4) == 0xE) { n = 3; min = 0x800; }
    else if ((c >> 3) == 0x1E) { n = 4; min = 0x10000; }
    else { if (bad_offset) *bad_offset = i; return false; }
    if (i + n > s.size()) { if (bad_offset) *bad_offset = i; return false; }
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) { if (bad_offset) *bad_offset = i; return false; }
    }
    // Decoded here, as next() would (the whole sequence is present): a call per character was a third
    // of this loop.
    char32_t cp;
    if (n == 2) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    else if (n == 3) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    else cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}

std::string_view prefix(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) i += seq_len(static_cast<unsigned char>(s[i]));
  return s.substr(0, std::min(i, s.size()));
}

}  // namespace tally::utf8
