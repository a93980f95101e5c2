// Builds the text view of an extracted document (docx, pdf) one line at a
// time, with a provenance locator per line ("paragraph 12", "page 3, line 7").
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"

namespace tally {

class TextBuilder {
 public:
  // Adds `text` as one or more lines (split at "\n"), each with `locator`.
  void add(std::string_view text, const std::string& locator);
  bool empty() const { return locators_.empty(); }
  // True when no line holds anything but white space.
  bool blank() const;
  // The finished SourceText; invalid UTF-8 bytes become U+FFFD.
  SourceText finish(const std::string& path) &&;

 private:
  std::string text_;
  std::vector<std::string> locators_;
};

}  // namespace tally
