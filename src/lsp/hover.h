// textDocument/hover: what tally understood about the figure under the cursor.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/analyzer.h"
#include "lsp/document.h"

namespace tally::lsp {

// A Hover object, or null when the cursor is on no figure and no diagnostic.
nlohmann::json hover(const Document& doc, const Analysis& analysis, LspPosition at, const Analyzer* rules);

}  // namespace tally::lsp
