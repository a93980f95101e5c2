// An open document as the client sees it: UTF-8 text, version, language.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "lsp/analyzer.h"
#include "lsp/position.h"

namespace tally::lsp {

struct Document {
  std::string uri;
  std::string language_id;
  int version = 0;
  std::string text;
  std::shared_ptr<const Analysis> analysis;  // latest finished check, maybe of an older version

  bool markdown() const;
  // The analysis if it is of the current version, else null.
  std::shared_ptr<const Analysis> current_analysis() const {
    return analysis && analysis->version == version ? analysis : nullptr;
  }
};

// Whether tally checks a document: plain text and Markdown, by language id or file name.
bool is_checkable(std::string_view uri, std::string_view language_id);

// Replaces the UTF-16 range with new_text (an incremental didChange entry).
// A reversed range is treated as empty at its start.
void apply_edit(std::string& text, const LspRange& range, std::string_view new_text);

}  // namespace tally::lsp
