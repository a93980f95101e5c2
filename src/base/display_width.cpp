// Terminal column widths, for carets under a figure. Apart from utf8.cpp because the document
// readers' module links utf8.cpp alone and has no need of the Unicode width tables.
#include <utf8proc.h>

#include "base/utf8.h"

namespace tally::utf8 {

int display_width(char32_t cp) {
  // utf8proc's tables follow Unicode's East Asian Width and emoji data: 2 for Wide and Fullwidth
  // (CJK, full-width forms, emoji presentation), 0 for combining marks, 1 otherwise (Ambiguous
  // included, as terminals outside CJK locales draw it).
  if (cp > 0x10FFFF) return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return cp == 0 ? 0 : 1;  // controls: shown as one cell
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
}

int display_width(std::string_view s) {
  int w = 0;
  size_t i = 0;
  while (i < s.size()) w += display_width(next(s, i));
  return w;
}

}  // namespace tally::utf8
