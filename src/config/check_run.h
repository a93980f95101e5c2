// run_check: everything `tally check` does between parsing its arguments and
// rendering: find files, find each file's .tally.yaml, build one engine per
// distinct rule-pack list, check files in parallel, apply suppressions and the
// baseline. The CLI only prints what comes back.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "config/diagnostic_cap.h"
#include "diag/diagnostic.h"
#include "output/render.h"
#include "rules/rule_info.h"

namespace tally {

struct CheckRunOptions {
  std::vector<std::string> inputs;      // files, folders, "-"
  std::vector<std::string> pack_paths;  // --rules
  bool default_packs = true;            // !--no-default-rules
  std::string config_path;              // --config: use only this file
  bool no_config = false;               // ignore .tally.yaml files (tests, `facts`)
  unsigned jobs = 0;                    // 0 = one per hardware thread
  std::string baseline_path;            // --baseline
  std::string write_baseline_path;      // --write-baseline
  size_t max_findings = kDefaultMaxFindings;  // --max-findings: per file, then one summary (0: no cap)
  std::string stdin_filename;           // --stdin-filename: the name "-" is shown and configured as
  std::optional<Lang> lang;             // --lang; else each file's config `lang:`, else the environment
  // The process ends right after the run (the CLI): the engines are left to the operating system rather
  // than freed piece by piece — their thousands of words and rules took ~4% of a one-report run to free.
  bool process_ends_after = false;
};

struct CheckRun {
  std::vector<FileResult> results;  // in input order
  std::vector<RuleInfo> rules;      // every rule of every engine used, plus tally's own
  std::vector<Error> file_errors;  // files that could not be read: exit 2, the rest still reported
  std::vector<std::string> notes;        // for stderr: unused config suppressions, stale baseline entries
  std::optional<BaselineSummary> baseline;
  Lang lang = Lang::En;  // for what is printed around the findings: --lang, a config's `lang:`, the environment
};

// An Error here (bad config, bad baseline, unknown pack) means nothing was checked: exit 2.
Result<CheckRun> run_check(const CheckRunOptions& opts);

}  // namespace tally
