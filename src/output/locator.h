// Where a figure is in the original .docx or .pdf, for reports: the page and
// printed line of the figure itself (not of its paragraph's first line), or
// the Word paragraph plus a short quote around the figure that Word's search
// (Ctrl+F) finds.
#pragma once
#include <string>

#include "base/source.h"
#include "diag/messages.h"

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
// In English this is the loaders' own form, which JSON and SARIF properties keep
// for tools whatever the language; `lang` puts it in the reader's words
// ("第 12 段“实训经费 200 万元，占比 30%”", "第 3 页第 7 行").
std::string locator_text(const SourceText& src, const Location& loc, Lang lang = Lang::En);
std::string locator_text(const SourceText& src, Span span, Lang lang = Lang::En);

// One locator as the loaders write it (load/text_builder.h: "page P, line L",
// "paragraph N", "paragraph N (heading H)", "table T, row R", "footnote K",
// "endnote K", "footnotes", "endnotes") in the reader's language; any other
// text comes back as it is.
std::string say_locator(std::string_view where, Lang lang);

}  // namespace tally
