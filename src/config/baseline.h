// Baselines: accept today's findings so only new ones are reported.
//
//   {"version": 1,
//    "files": {"docs/report.md": [
//       {"rule": "percent", "fingerprint": "9f…", "count": 1, "message": "…"}]}}
//
// A fingerprint hashes what the finding is about, not where: the rule, the
// primary figure's text, its line's text without whitespace and the related
// figures' texts. Inserting lines elsewhere leaves it unchanged. Entries count
// identical findings, so two identical findings need count 2.
// File keys are '/'-separated paths relative to the baseline file's folder.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "diag/diagnostic.h"

namespace tally {

struct BaselineEntry {
  std::string rule;
  std::string fingerprint;
  int count = 0;
  std::string message;  // for people reading the file; not matched
};

struct Baseline {
  std::map<std::string, std::vector<BaselineEntry>> files;  // key → entries
};

std::string fingerprint(const SourceText& src, const Diagnostic& d);

// The key `file` has in a baseline stored at `baseline_path`.
std::string baseline_key(const std::string& baseline_path, const std::string& file);

Result<Baseline> parse_baseline(const std::string& name, std::string_view json_text);
Result<Baseline> load_baseline(const std::string& path);
std::string baseline_json(const Baseline& b);
// Writes atomically-enough (temp file, then rename) so a failed run keeps the old file.
Result<bool> save_baseline(const std::string& path, const Baseline& b);

// The entries for one file's findings, merged by (rule, fingerprint), sorted.
std::vector<BaselineEntry> baseline_entries(const FileResult& r);

struct StaleEntry {
  std::string file;  // baseline key
  BaselineEntry entry;  // count = how many are gone
};

struct BaselineMatch {
  int matched = 0;
  int stale = 0;
  std::vector<StaleEntry> stale_entries;
};

// Drops the findings the baseline holds. `keys[i]` is the baseline key of
// results[i]. Entries for files not in `results` are stale when `gone(key)`
// says the file no longer exists; otherwise they are left alone.
BaselineMatch apply_baseline(const Baseline& b, std::vector<FileResult>& results, const std::vector<std::string>& keys,
                             const std::function<bool(const std::string&)>& gone);

}  // namespace tally
