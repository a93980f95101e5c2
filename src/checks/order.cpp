// order: measures that nest cannot exceed each other — 升学 ≤ 毕业去向落实 ≤
// 毕业生, 专任教师 ≤ 教职工 — for the same scope and year, where the report
// states both in one sentence or one table column. The pairs are rule params.
#include <fmt/format.h>

#include "checks/check.h"
#include "checks/label_match.h"

namespace tally {

namespace {

bool near(const Quantity& a, const Quantity& b) {
  if (a.paragraph >= 0 && b.paragraph >= 0) return a.sentence == b.sentence;
  return a.table >= 0 && a.table == b.table && a.col == b.col;
}

}  // namespace

void check_order(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  if (!ctx.params || !ctx.params["pairs"]) return;
  for (const auto& pair : ctx.params["pairs"]) {
    if (!pair.IsSequence() || pair.size() != 2) continue;
    std::string small = pair[0].as<std::string>(), large = pair[1].as<std::string>();
    auto si = fb.by_metric.find(small);
    auto li = fb.by_metric.find(large);
    if (si == fb.by_metric.end() || li == fb.by_metric.end()) continue;
    for (int a : si->second) {
      const Quantity& qa = fb.q(a);
      if (qa.kind != QuantityKind::Number || qa.malformed || exact_metric(qa, *fb.vocab) != small) continue;
      for (int b : li->second) {
        const Quantity& qb = fb.q(b);
        if (qb.kind != QuantityKind::Number || qb.malformed || !near(qa, qb)) continue;
        if (exact_metric(qb, *fb.vocab) != large) continue;
        if (!FactBase::same_scope(qa, qb) || qa.in_case != qb.in_case) continue;
        if (qa.year && qb.year && qa.year != qb.year) continue;
        if (!qa.unit.empty() && !qb.unit.empty() && qa.unit != qb.unit) continue;
        ctx.mark(a);
        ctx.mark(b);
        Interval ia = qa.interval(), ib = qb.interval();
        if (ia.lo_inf || ib.hi_inf || !(ia.lo > ib.hi)) continue;
        // A 其中 part of this very whole is the subset rule's to report.
        int bd = fb.part_of[a];
        if (bd >= 0 && fb.breakdowns[bd].whole == b) continue;
        ctx.report(a,
                   fmt::format("{} ({}) cannot exceed {} ({})", qa.label.empty() ? small : qa.label, qa.text,
                               qb.label.empty() ? large : qb.label, qb.text),
                   {{b, "the larger measure"}});
      }
    }
  }
}

}  // namespace tally
