#include "cli/statistics.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace tally::cli {

std::string render_statistics(const std::vector<FileResult>& results, const std::vector<RuleInfo>& rules,
                              const std::string& format, bool color) {
  struct Row {
    std::string rule;
    Severity severity = Severity::Info;
    int count = 0;
  };
  std::map<std::string, Row> by_rule;
  for (const auto& f : results)
    for (const auto& d : f.diagnostics) {
      Row& r = by_rule[d.rule];
      r.rule = d.rule;
      r.severity = std::max(r.severity, d.severity);  // a rule raised by config shows its worst
      ++r.count;
    }
  std::vector<Row> rows;
  for (auto& [id, r] : by_rule) rows.push_back(r);
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.count > b.count; });
  auto summary = [&](const std::string& id) {
    for (const auto& r : rules)
      if (r.id == id) return r.summary;
    return std::string();
  };
  if (format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rows)
      out.push_back({{"rule", r.rule}, {"severity", std::string(severity_name(r.severity))}, {"count", r.count},
                     {"summary", summary(r.rule)}});
    return out.dump(2) + "\n";
  }
  size_t w = 4, cw = 1;
  for (const auto& r : rows) w = std::max(w, r.rule.size()), cw = std::max(cw, std::to_string(r.count).size());
  std::string out;
  for (const auto& r : rows) {
    std::string sev = fmt::format("{:<7}", severity_name(r.severity));
    if (color) sev = fmt::format("\x1b[{}m{}\x1b[0m", r.severity == Severity::Error ? "1;31" : r.severity == Severity::Warning ? "1;33" : "1;36", sev);
    std::string line = fmt::format("{:>{}}  {}  {:<{}}  {}", r.count, cw, sev, r.rule, w, summary(r.rule));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace tally::cli
