// Where a figure is in the original .docx or .pdf, for reports: the page and
// printed line of the figure itself (not of its paragraph's first line), or
// the Word paragraph plus a short quote around the figure that Word's search
// (Ctrl+F) finds.
#pragma once
#include <string>

#include "base/source.h"

namespace tally {

struct Location {
  std::string where;  // "page 3, line 7", "paragraph 12"; "" for plain text
  // Some ten to twenty characters around the span, from the same stretch of
  // the document's own words (never across a paragraph, table cell or
  // sentence end); empty when the stretch is not quotable (PDF, labels).
  Span quote;
};

// A binary search over the marks: no scan of the document per call.
Location locate(const SourceText& src, Span span);

// "paragraph 12, “实训经费 200 万元，占比 30%”" or "page 3, line 7"; "" for plain text.
std::string locator_text(const SourceText& src, const Location& loc);
std::string locator_text(const SourceText& src, Span span);

}  // namespace tally
