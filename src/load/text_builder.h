// Builds the text view of an extracted document (docx, pdf) one line at a
// time, with a provenance locator per line ("paragraph 12", "page 3, line 7")
// and, finer, per stretch of a line (SourceMark). Locators are written in one
// fixed form — "page P, line L", "paragraph N", "paragraph N (heading H)",
// "table T, row R", "footnote K", "endnote K", "footnotes", "endnotes" — which
// output/locator.h puts in the reader's language and JSON keeps for tools.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"

namespace tally {

class TextBuilder {
 public:
  // A stretch of one line that came from one place.
  struct Piece {
    std::string_view text;  // no "\n"
    std::string locator;
    bool quotable = false;  // see SourceMark::quotable
  };

  // Adds `text` as one or more lines (split at "\n"), each with `locator`.
  void add(std::string_view text, const std::string& locator);
  // Like add(prefix + text, locator), where `text` is the document's own
  // words (quotable) and `prefix` something drawn around them (a list label,
  // a note mark) that a search in the document would not find.
  void add_quoted(std::string_view prefix, std::string_view text, const std::string& locator);
  // Adds one line made of pieces from different places (a PDF paragraph
  // joined from printed lines); the line's locator is the first piece's.
  void add_line(const std::vector<Piece>& pieces);
  bool empty() const { return locators_.empty(); }
  // True when no line holds anything but white space.
  bool blank() const;
  // The finished SourceText.
  SourceText finish(const std::string& path) &&;

 private:
  std::string text_;
  std::vector<std::string> locators_;
  std::vector<SourceMark> marks_;
};

}  // namespace tally
