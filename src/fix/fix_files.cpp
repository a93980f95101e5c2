// --fix and --diff over the files of one run: plan, apply to the bytes on disk, diff, write.
#include "fix/fix.h"
#include "load/read_file.h"

namespace tally {

std::vector<FileFix> fix_files(const std::vector<FileResult>& results, bool write) {
  std::vector<FileFix> out;
  for (const auto& r : results) {
    FixPlan plan = plan_fixes(r);
    FileFix f;
    f.path = r.source.path();
    f.uncertain = plan.uncertain;
    f.edits = std::move(plan.edits);
    if (f.edits.empty()) {
      if (f.uncertain > 0) out.push_back(std::move(f));
      continue;
    }
    if (!writable_input(f.path)) {
      f.refused = "never-written";
      out.push_back(std::move(f));
      continue;
    }
    auto raw = read_regular_file(f.path);
    if (!raw) {
      f.refused = raw.error();
      f.refused_error = raw.failure();
      out.push_back(std::move(f));
      continue;
    }
    auto fixed = apply_edits(*raw, r.source, f.edits);
    if (!fixed) {
      f.refused = fixed.error();
      f.refused_error = fixed.failure();
      out.push_back(std::move(f));
      continue;
    }
    f.diff = unified_diff(f.path, *raw, *fixed);
    if (write) {
      auto w = write_atomically(f.path, *fixed);
      if (!w) {
        f.refused = w.error();
        f.refused_error = w.failure();
      } else {
        f.written = true;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace tally
