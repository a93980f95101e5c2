// Renderers: turn FileResults into the text a user or a tool reads.
// Each format lives in its own file; all share this interface.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "rules/rule_info.h"

namespace tally {

struct RenderOptions {
  bool color = false;     // ANSI colour (text format, only on a terminal)
  bool coverage = false;  // text format: list the figures no rule looked at
  bool summary = true;    // text format: the closing summary lines (`check -q` leaves them out)
  std::string docs_url;   // base of the rule pages each finding links to (rules/rule_docs.h); "" = no links
  std::string tool_version = TALLY_VERSION;
  Lang lang = Lang::En;                 // the language of everything around the findings
  const Catalogue* messages = nullptr;  // null: the built-in catalogue
  // A message in the chosen language.
  std::string say(const Message& m) const { return (messages ? *messages : builtin_catalogue()).render(m, lang); }
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

// The help line about replacements: "replace with `18`", "replace 25115 with `20183`", or, when
// several figures could be the wrong one, "either 41.07 → `33.00`, or 25115 → `20183`". Empty: none.
std::string fix_advice(const SourceText& src, const Diagnostic& d, const RenderOptions& opts);

// Counts by severity over all files.
struct Totals {
  int errors = 0, warnings = 0, infos = 0;
};
Totals count(const std::vector<FileResult>& files);

}  // namespace tally
