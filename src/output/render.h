// Renderers: turn FileResults into the text a user or a tool reads.
// Each format lives in its own file; all share this interface.
#pragma once
#include <optional>
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

// What a baseline did in this run (tally check --baseline / --write-baseline).
struct BaselineSummary {
  int matched = 0;  // findings hidden because the baseline holds them
  int stale = 0;    // baseline findings that are gone (fixed or their text changed)
};

struct RenderInput {
  const std::vector<FileResult>& files;
  const std::vector<RuleInfo>& rules;  // every loaded rule (SARIF driver.rules, HTML explanations)
  std::optional<BaselineSummary> baseline = std::nullopt;  // set only when a baseline was used
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
