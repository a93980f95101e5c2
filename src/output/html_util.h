// Small HTML helpers shared by the HTML report's parts.
#pragma once
#include <string>
#include <string_view>

namespace tally::html {

// Escapes text for element content and quoted attribute values.
void escape_into(std::string& out, std::string_view text);
std::string escape(std::string_view text);

// JSON text made safe inside <script>: '<', '>' and '&' become \u escapes, so
// "</script>" or "<!--" in a report cannot end or comment out the block.
std::string script_safe_json(std::string_view json);

}  // namespace tally::html
