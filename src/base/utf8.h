// Minimal UTF-8 helpers. Text inside tally is always valid UTF-8 (the loader
// guarantees it), so these decoders do not re-validate.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace tally::utf8 {

// Length in bytes of the sequence that starts with lead byte c (1 for stray bytes).
inline int seq_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

// Decodes the code point at s[i] and advances i past it.
char32_t next(std::string_view s, size_t& i);
// Decodes the code point that ends just before s[i] and moves i back to its start.
char32_t prev(std::string_view s, size_t& i);
// Code point at byte offset i (0 if out of range).
char32_t at(std::string_view s, size_t i);
size_t count_code_points(std::string_view s);
// The first n code points of s (all of s when it is shorter).
std::string_view prefix(std::string_view s, size_t n);
size_t count_utf16_units(std::string_view s);
void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
// The code points of s, and back: for comparing texts character by character (heads, tails).
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view cps);
// Checks s is well-formed UTF-8; on failure sets bad_offset to the first bad byte.
bool valid(std::string_view s, size_t* bad_offset = nullptr);
// Terminal display width: East Asian wide and full-width characters take two columns.
int display_width(char32_t cp);
int display_width(std::string_view s);

}  // namespace tally::utf8
