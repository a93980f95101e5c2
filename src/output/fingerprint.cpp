#include "output/fingerprint.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace tally {

uint64_t fnv1a64(std::string_view bytes, uint64_t hash) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

namespace {

bool is_blank(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
         cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B);
}

// The line without any whitespace, so re-indenting or re-wrapping spaces keeps the hash.
std::string squeeze(std::string_view line) {
  std::string out;
  size_t i = 0;
  while (i < line.size()) {
    size_t start = i;
    char32_t cp = utf8::next(line, i);
    if (!is_blank(cp)) out.append(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string figure_fingerprint(const SourceText& src, const Diagnostic& d) {
  int line = src.position(d.span.begin).line;
  // NUL separators keep ("ab","c") and ("a","bc") apart.
  uint64_t h = fnv1a64(d.rule);
  h = fnv1a64(std::string_view("\0", 1), h);
  h = fnv1a64(src.slice(d.span), h);
  h = fnv1a64(std::string_view("\0", 1), h);
  h = fnv1a64(squeeze(src.line_text(line)), h);
  return fmt::format("{:016x}", h);
}

}  // namespace tally
