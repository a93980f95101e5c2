#include "lsp/document.h"

#include "lsp/uri.h"

namespace tally::lsp {

bool Document::markdown() const {
  return language_id == "markdown" || ends_with_ci(uri, ".md") || ends_with_ci(uri, ".markdown");
}

bool is_checkable(std::string_view uri, std::string_view language_id) {
  return language_id == "plaintext" || language_id == "markdown" || language_id == "text" ||
         ends_with_ci(uri, ".txt") || ends_with_ci(uri, ".md") || ends_with_ci(uri, ".markdown");
}

void apply_edit(std::string& text, const LspRange& range, std::string_view new_text) {
  size_t b = offset_of(text, range.start);
  size_t e = offset_of(text, range.end);
  if (e < b) e = b;
  text.replace(b, e - b, new_text);
}

}  // namespace tally::lsp
