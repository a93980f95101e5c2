// consistent: a headline figure (teachers, students, graduates …) stated in
// several places for the same scope and year must have one value.
#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "checks/check.h"
#include "extract/label_match.h"

namespace tally {

namespace {

bool candidate(const FactBase& fb, const Relations& rel, const Quantity& q) {
  if (q.kind != QuantityKind::Number || q.approx != Approx::None || q.malformed || q.in_case) return false;
  if (q.metric.empty() || q.scope.rfind("school:", 0) == 0) return false;
  // A part with its whole's own metric is a sub-group (公办学校在校生), not the headline figure.
  if (rel.part_of[q.id] >= 0 && fb.q(rel.breakdowns[rel.part_of[q.id]].whole).metric == q.metric) return false;
  // The label must name the metric exactly once scope words are set aside.
  std::string core = core_label(q.label, *fb.vocab);
  for (const auto& m : fb.vocab->metrics)
    if (m.id == q.metric) {
      if (!m.repeat) return false;
      for (const auto& a : m.aliases)
        if (core == a) return true;
    }
  return false;
}

}  // namespace

void check_consistent(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  // A sentence that states one metric several times is enumerating scopes or
  // groups: none of its figures is a repeat candidate.
  std::map<std::pair<int, std::string>, int> per_sentence;
  for (const auto& q : fb.ex.quantities)
    if (q.paragraph >= 0 && !q.metric.empty()) per_sentence[{q.sentence, q.metric}]++;
  std::vector<int> latest(fb.doc.tables.size(), 0);
  for (size_t t = 0; t < fb.doc.tables.size(); ++t)
    for (int y : fb.doc.tables[t].col_years) latest[t] = std::max(latest[t], y);
  std::map<std::string, std::vector<int>> groups;
  for (const auto& q : fb.ex.quantities) {
    if (!candidate(fb, ctx.rel, q)) continue;
    if (q.paragraph >= 0 && per_sentence[{q.sentence, q.metric}] > 1) continue;
    std::string scope = q.scope == "secondary" ? "" : q.scope;
    groups[q.metric + "|" + scope].push_back(q.id);
  }
  for (const auto& [key, ids] : groups) {
    for (int id : ids) ctx.mark(id);
    if (ids.size() < 2) continue;
    // Compare each figure with the first one stated of the same year.
    std::vector<int> odd;
    for (size_t i = 0; i < ids.size(); ++i) {
      const Quantity& a = fb.q(ids[i]);
      int agree = 0, disagree = 0;
      std::vector<int> against;
      for (size_t j = 0; j < ids.size(); ++j) {
        if (i == j) continue;
        const Quantity& b = fb.q(ids[j]);
        if (a.year && b.year && a.year != b.year) continue;
        // A table cell often leaves its unit to the header; two written units must match.
        if (!a.unit.empty() && !b.unit.empty() && a.unit != b.unit) continue;
        // A figure with no stated year speaks of the report's year: compare it only with a
        // table's latest year column.
        if ((!a.year && b.table >= 0 && b.year && b.year != latest[b.table]) ||
            (!b.year && a.table >= 0 && a.year && a.year != latest[a.table]))
          continue;
        if (a.paragraph == b.paragraph && a.paragraph >= 0) continue;
        if (a.interval().intersects(b.interval())) {
          ++agree;
          ctx.held({a.id});
        }
        else {
          ++disagree;
          against.push_back(b.id);
        }
      }
      if (disagree > 0 && disagree > agree) {
        // With two figures both disagree: report only the later one.
        if (agree == 0 && disagree == 1 && against[0] > a.id && ids.size() == 2) continue;
        if (agree == 0 && disagree == 1 && ids.size() > 2) {
          // ambiguous pairs inside a larger group: report the later one
          if (against[0] > a.id) continue;
        }
        std::vector<CheckContext::Role> roles;
        for (int b : against) roles.push_back({b, "stated elsewhere as"});
        std::string others;
        for (int b : against) others += (others.empty() ? "" : ", ") + fmt::format("{} on line {}", fb.q(b).text, fb.q(b).line);
        ctx.report(a.id,
                   fmt::format("{} is stated as {} here but as {}{}", a.label, show(a), others,
                               agree > 0 ? fmt::format(" ({} other statement{} agree{} with this one)", agree,
                                                       agree == 1 ? "" : "s", agree == 1 ? "s" : "")
                                         : ""),
                   roles);
      }
    }
  }
}

}  // namespace tally
