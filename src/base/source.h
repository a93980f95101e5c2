// SourceText: one loaded file as UTF-8 text with a line index.
//
// The loader converts every input (UTF-16, GB18030, CRLF…) to UTF-8 with "\n"
// line ends without adding or removing characters on a line, so a 1-based
// (line, code-point column) here is the same position in the original file.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode code points
};

// A half-open byte range [begin, end) in SourceText::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
};

// A stretch of an extracted document's text view and where it came from. It
// runs from `offset` to the next mark or the end of its line, whichever comes
// first: a PDF paragraph joined from several printed lines has one per line.
struct SourceMark {
  uint32_t offset = 0;
  std::string locator;  // "paragraph 12", "page 3, line 7"
  // The stretch is the document's own words as its reader's search finds
  // them (not a list label tally drew), so a quote from it can be searched for.
  bool quotable = false;
};

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view slice(Span s) const { return std::string_view(text_).substr(s.begin, s.end - s.begin); }

  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // Byte offset where 1-based line starts, and the line's text without "\n".
  uint32_t line_start(int line) const { return line_starts_[line - 1]; }
  std::string_view line_text(int line) const;

  Position position(uint32_t offset) const;      // code-point column
  int line_of(uint32_t offset) const;            // the 1-based line only (no column count)
  int utf16_column(uint32_t offset) const;       // 1-based, UTF-16 code units (for LSP)
  // Inverse mappings; out-of-range columns clamp to the line end.
  uint32_t offset(Position p) const;
  uint32_t offset_utf16(int line, int utf16_col) const;

  // Free-form provenance text a non-text loader (docx, pdf) attaches per line,
  // e.g. "paragraph 12" or "page 3, line 7". Empty for plain text.
  std::vector<std::string> line_locators;
  // Finer provenance, sorted by offset; every line of an extracted document
  // starts with a mark. Empty for plain text.
  std::vector<SourceMark> marks;

 private:
  // Code points and UTF-16 units before offset i, from a count kept every kBlock bytes, so a column
  // costs at most one block of counting however long its line is (a 5 MB single line stays linear).
  static constexpr uint32_t kBlock = 256;
  uint32_t code_points_before(uint32_t i) const;
  uint32_t utf16_units_before(uint32_t i) const;

  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  std::vector<uint32_t> block_code_points_;  // code points before byte k * kBlock
  std::vector<uint32_t> block_utf16_units_;  // UTF-16 units before byte k * kBlock
};

}  // namespace tally
