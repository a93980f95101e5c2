// Renderers: turn FileResults into the text a user or a tool reads.
// Each format lives in its own file; all share this interface.
#pragma once
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "rules/rule_info.h"

namespace tally {

struct RenderOptions {
  bool color = false;     // ANSI colour (text format, only on a terminal)
  bool coverage = false;  // text format: list the figures no rule looked at
  std::string tool_version = TALLY_VERSION;
};

struct RenderInput {
  const std::vector<FileResult>& files;
  const std::vector<RuleInfo>& rules;  // every loaded rule (SARIF driver.rules, HTML explanations)
};

std::string render_text(const RenderInput& in, const RenderOptions& opts);
std::string render_json(const RenderInput& in, const RenderOptions& opts);
std::string render_sarif(const RenderInput& in, const RenderOptions& opts);
std::string render_rdjson(const RenderInput& in, const RenderOptions& opts);
std::string render_github(const RenderInput& in, const RenderOptions& opts);
std::string render_html(const RenderInput& in, const RenderOptions& opts);

// Counts by severity over all files.
struct Totals {
  int errors = 0, warnings = 0, infos = 0;
};
Totals count(const std::vector<FileResult>& files);

}  // namespace tally
