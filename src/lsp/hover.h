// textDocument/hover: what tally understood about the figure under the cursor.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/analyzer.h"
#include "lsp/document.h"

namespace tally::lsp {

// A Hover object, or null when the cursor is on no figure and no diagnostic.
// Markdown, or plain text for a client whose hover.contentFormat does not offer Markdown.
nlohmann::json hover(const Document& doc, const Analysis& analysis, LspPosition at, const Analyzer* rules,
                     bool markdown = true);

}  // namespace tally::lsp
