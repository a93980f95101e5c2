// The HTML report's inline style sheet (html_assets.cpp) and script
// (html_script.cpp); no external assets, so the report opens offline and can be
// attached to a CI run as one file.
#pragma once

namespace tally::html {

const char* style_sheet();
const char* script();

}  // namespace tally::html
