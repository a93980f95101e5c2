// Turns positioned words of PDF pages into text lines a reader would see:
// words grouped into physical lines by position, wide gaps between words as
// "\t" (table columns), running headers/footers and bare page numbers
// dropped, and lines that wrap inside a paragraph joined again so sentences
// are whole. Pure geometry, no poppler, so it can be tested directly.
#pragma once
#include <string>
#include <vector>

namespace tally {

struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box; y grows downwards
  bool space_after = false;
};

struct PdfPage {
  double width = 0, height = 0;
  std::vector<PdfWord> words;
};

// Where a printed line starts inside a joined line's text.
struct PdfLineStart {
  size_t offset = 0;  // byte in PdfLine::text
  int page = 0;
  int line = 0;
};

struct PdfLine {
  std::string text;
  int page = 0;  // 1-based
  int line = 0;  // 1-based physical line on the page where this line starts
  // Every printed line joined into this one, the first at offset 0, so a
  // figure in a wrapped paragraph can be placed on its own printed line.
  std::vector<PdfLineStart> starts;
};

std::vector<PdfLine> layout_pdf(const std::vector<PdfPage>& pages);

}  // namespace tally
