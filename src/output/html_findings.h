// The findings pane of the HTML report: filter boxes (by severity and by rule,
// each with its count) above the findings grouped by rule, one folding section
// per rule. The markup lists every finding and keeps the filters hidden; the
// page's script shows the filters and folds long groups, so a browser without
// JavaScript still shows all findings and no controls that do nothing.
#pragma once
#include <string>

#include "output/render.h"

namespace tally::html {

void findings_pane(std::string& out, const RenderInput& in, const RenderOptions& o);

}  // namespace tally::html
