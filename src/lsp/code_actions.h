// textDocument/codeAction: quick fixes for tally's diagnostics.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/analyzer.h"
#include "lsp/document.h"

namespace tally::lsp {

// The suppression comment tally reads in Markdown.
std::string suppression_comment(const std::string& rule);

// CodeAction objects for the diagnostics overlapping `range`: the rule's fix
// when it has one, and in Markdown a comment that silences the rule on that line.
nlohmann::json code_actions(const Document& doc, const Analysis& analysis, const LspRange& range);

}  // namespace tally::lsp
