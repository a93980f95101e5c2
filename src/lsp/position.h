// LSP positions: 0-based lines and UTF-16 code-unit characters, over a UTF-8
// document. Line ends follow the LSP rules ("\n", "\r\n" and a lone "\r").
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace tally::lsp {

struct LspPosition {
  int line = 0;
  int character = 0;  // UTF-16 code units
  friend bool operator==(const LspPosition&, const LspPosition&) = default;
};

struct LspRange {
  LspPosition start;
  LspPosition end;
};

// Byte offset of an LSP position, scanning only as far as that line. A
// character past the line's end clamps to the end; a line past the last one
// maps to the end of the text; a position inside a surrogate pair snaps to the
// start of that character.
size_t offset_of(std::string_view text, LspPosition p);

// A line index for many conversions over one unchanging text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LspPosition position(size_t offset) const;  // offset clamps to the text's end
  size_t offset(LspPosition p) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // byte offset where each line starts
  std::vector<size_t> ends_;    // byte offset where its content ends (before the line break)
};

// UTF-16 units in a UTF-8 span, and the byte length of the prefix of `line`
// that holds `units` UTF-16 units (clamped, never splitting a character).
int utf16_length(std::string_view s);
size_t utf16_prefix_bytes(std::string_view line, int units);

}  // namespace tally::lsp
