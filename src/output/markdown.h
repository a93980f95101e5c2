// Rule explanations are Markdown. They are rendered with cmark (CommonMark), never shown raw:
// plain text for a terminal (`tally explain`) and SARIF help.text, HTML for the report.
#pragma once
#include <string>
#include <string_view>

namespace tally {

// Plain text: emphasis and code marks dropped, list items as "- ", code blocks indented by four
// spaces, links as "text (url)", the source's line breaks kept; no trailing blank lines.
std::string markdown_to_text(std::string_view markdown);

// HTML with raw HTML in the source escaped (cmark's safe mode), so a pack cannot inject markup.
std::string markdown_to_html(std::string_view markdown);

}  // namespace tally
