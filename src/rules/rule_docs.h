// Where a rule's documentation page is, for the links every output format carries (SARIF helpUri,
// rdjson code.url, LSP codeDescription.href, HTML). Pages are docs/rules/<id>.md, written by
// `tally explain --format markdown` and kept in sync by a test.
#pragma once
#include <string>
#include <string_view>

#include "diag/messages.h"
#include "rules/rule_info.h"

namespace tally {

// base + id + ".md", or base with "{id}" replaced when it has one (for sites that serve HTML).
// "" when base is "".
std::string rule_doc_url(std::string_view base, std::string_view id);

// TALLY_DOCS_URL from the environment when set, else the default the build was configured with
// (cmake -DTALLY_DOCS_URL=…; without it, the repository's docs path when TALLY_REPOSITORY_URL is
// known, else the pages installed with the package).
std::string default_rule_docs_url();

// A rule's page in Markdown: id, severity, kind and pack, the summary, the explanation, and the
// texts it flags and leaves alone. `tally explain --format markdown` prints it; docs/rules/ holds it.
// Summary, explanation and headings in `lang` (rules/rule_text.h), English where not translated.
std::string rule_page_markdown(const RuleInfo& rule, const Catalogue& messages, Lang lang);

}  // namespace tally
