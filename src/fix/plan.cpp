// Which findings --fix may apply: a certain replacement of one figure that no other finding touches.
#include <algorithm>
#include <cctype>
#include <map>

#include "fix/fix.h"

namespace tally {

namespace {

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "12,345" printed with thousands separators keeps them: 12346 → "12,346".
std::string like_printed(std::string_view before, std::string after) {
  if (before.find(',') == std::string_view::npos || after.find(',') != std::string::npos) return after;
  size_t start = after.find_first_of("0123456789");
  if (start == std::string::npos) return after;
  size_t end = after.find_first_not_of("0123456789", start);
  if (end == std::string::npos) end = after.size();
  std::string digits = after.substr(start, end - start), grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return after.substr(0, start) + grouped + after.substr(end);
}

}  // namespace

bool writable_input(std::string_view path) {
  if (path == "-" || path.empty()) return false;
  std::string lower(path);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return !ends_with(lower, ".docx") && !ends_with(lower, ".pdf");
}

FixPlan plan_fixes(const FileResult& r) {
  FixPlan plan;
  // How many findings each figure takes part in: a figure two findings disagree about is in doubt.
  std::map<uint32_t, int> touched;
  for (const auto& d : r.diagnostics) {
    ++touched[d.span.begin];
    for (const auto& rel : d.related) ++touched[rel.span.begin];
  }
  for (const auto& d : r.diagnostics) {
    if (!d.fix) continue;
    const Fix& f = *d.fix;
    std::string before(r.source.slice(f.span));
    if (!f.certain || touched[f.span.begin] > 1 || !d.alternatives.empty() || f.replacement == before) {
      ++plan.uncertain;
      continue;
    }
    Position p = r.source.position(f.span.begin);
    plan.edits.push_back({f.span, before, like_printed(before, f.replacement), d.rule, p.line, p.column});
  }
  std::sort(plan.edits.begin(), plan.edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  // Two edits of one figure (two rules suggesting) or overlapping spans: neither is certain.
  std::vector<Edit> kept;
  for (size_t i = 0; i < plan.edits.size(); ++i) {
    bool clash = (i > 0 && plan.edits[i - 1].span.end > plan.edits[i].span.begin) ||
                 (i + 1 < plan.edits.size() && plan.edits[i].span.end > plan.edits[i + 1].span.begin);
    if (clash) ++plan.uncertain;
    else kept.push_back(plan.edits[i]);
  }
  plan.edits = std::move(kept);
  return plan;
}

}  // namespace tally
