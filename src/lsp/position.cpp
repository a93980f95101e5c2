#include "lsp/position.h"

#include <algorithm>

#include "base/utf8.h"

namespace tally::lsp {

int utf16_length(std::string_view s) { return static_cast<int>(utf8::count_utf16_units(s)); }

size_t utf16_prefix_bytes(std::string_view line, int units) {
  size_t i = 0;
  int seen = 0;
  while (i < line.size()) {
    int len = utf8::seq_len(static_cast<unsigned char>(line[i]));
    if (i + len > line.size()) len = 1;
    int w = len == 4 ? 2 : 1;
    if (seen + w > units) break;
    seen += w;
    i += len;
  }
  return i;
}

namespace {

// Where the line that starts at `b` ends (content only) and where the next one starts.
void line_bounds(std::string_view text, size_t b, size_t* content_end, size_t* next) {
  size_t i = b;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
  *content_end = i;
  if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') *next = i + 2;
  else if (i < text.size()) *next = i + 1;
  else *next = text.size() + 1;  // no further line
}

}  // namespace

size_t offset_of(std::string_view text, LspPosition p) {
  if (p.line < 0) return 0;
  size_t b = 0;
  for (int l = 0; l < p.line; ++l) {
    size_t end, next;
    line_bounds(text, b, &end, &next);
    if (next > text.size()) return text.size();
    b = next;
  }
  size_t end, next;
  line_bounds(text, b, &end, &next);
  return b + utf16_prefix_bytes(text.substr(b, end - b), std::max(p.character, 0));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  size_t b = 0;
  for (;;) {
    size_t end, next;
    line_bounds(text, b, &end, &next);
    starts_.push_back(b);
    ends_.push_back(end);
    if (next > text.size()) break;
    b = next;
  }
}

LspPosition LineIndex::position(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  int line = static_cast<int>(it - starts_.begin()) - 1;
  size_t b = starts_[line];
  size_t e = std::min(offset, ends_[line]);  // an offset inside a "\r\n" counts as the line end
  return {line, utf16_length(text_.substr(b, e - b))};
}

size_t LineIndex::offset(LspPosition p) const {
  if (p.line < 0) return 0;
  if (p.line >= line_count()) return text_.size();
  size_t b = starts_[p.line];
  return b + utf16_prefix_bytes(text_.substr(b, ends_[p.line] - b), std::max(p.character, 0));
}

}  // namespace tally::lsp
