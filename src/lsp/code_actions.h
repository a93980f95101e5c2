// textDocument/codeAction: quick fixes for tally's diagnostics.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/analyzer.h"
#include "lsp/config_edit.h"
#include "lsp/document.h"

namespace tally::lsp {

// The suppression comment tally reads in Markdown.
std::string suppression_comment(const std::string& rule);

// CodeAction objects for the diagnostics overlapping `range`: the rule's fix
// when it has one, and a way to silence the rule on that line: a comment in
// Markdown, else a `suppress:` entry in `config` (when given).
nlohmann::json code_actions(const Document& doc, const Analysis& analysis, const LspRange& range,
                            const ConfigTarget* config);

}  // namespace tally::lsp
