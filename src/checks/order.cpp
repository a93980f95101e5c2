// order: measures that nest cannot exceed each other — 升学 ≤ 毕业去向落实 ≤
// 毕业生, 专任教师 ≤ 教职工 — for the same scope and year, where the report
// states both in one sentence or one table column. The pairs are rule params.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>

#include "checks/check.h"
#include "extract/label_match.h"

namespace tally {


void check_order(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  if (!ctx.params || !ctx.params["pairs"]) return;
  for (const auto& pair : ctx.params["pairs"]) {
    if (!pair.IsSequence() || pair.size() != 2) continue;
    std::string small = pair[0].as<std::string>(), large = pair[1].as<std::string>();
    auto si = fb.by_metric.find(small);
    auto li = fb.by_metric.find(large);
    if (si == fb.by_metric.end() || li == fb.by_metric.end()) continue;
    // Figures whose label names the metric exactly, found once per list.
    auto exact = [&](const std::vector<int>& ids, const std::string& metric) {
      std::vector<int> out;
      for (int id : ids)
        if (fb.q(id).kind == QuantityKind::Number && !fb.q(id).malformed && exact_metric(fb.q(id), *fb.vocab) == metric)
          out.push_back(id);
      return out;
    };
    std::vector<int> smalls = exact(si->second, small), larges = exact(li->second, large);
    // The larger measure nearest to each smaller one, in its sentence or its table column.
    auto key = [&](const Quantity& q) {
      return q.paragraph >= 0 ? std::make_pair(0, q.sentence) : std::make_pair(1 + q.table, q.col);
    };
    auto pos = [](const Quantity& q) { return q.paragraph >= 0 ? static_cast<int64_t>(q.para_begin) : q.row; };
    std::map<std::pair<int, int>, std::vector<int>> buckets;
    for (int b : larges) buckets[key(fb.q(b))].push_back(b);  // ids are in text order already
    for (int a : smalls) {
      const Quantity& qa = fb.q(a);
      auto bucket = buckets.find(key(qa));
      if (bucket == buckets.end()) continue;
      const auto& list = bucket->second;
      auto it = std::lower_bound(list.begin(), list.end(), pos(qa),
                                 [&](int id, int64_t p) { return pos(fb.q(id)) < p; });
      int b = -1;
      int64_t best = INT64_MAX;
      for (auto cand : {it, it == list.begin() ? list.end() : it - 1}) {
        if (cand == list.end()) continue;
        int64_t d = std::llabs(pos(fb.q(*cand)) - pos(qa));
        if (d < best) {
          best = d;
          b = *cand;
        }
      }
      if (b < 0) continue;
      const Quantity& qb = fb.q(b);
      if (!FactBase::same_scope(qa, qb) || qa.in_case != qb.in_case) continue;
      if (qa.year && qb.year && qa.year != qb.year) continue;
      if (!qa.unit.empty() && !qb.unit.empty() && qa.unit != qb.unit) continue;
      ctx.mark(a);
      ctx.mark(b);
      Interval ia = qa.interval(), ib = qb.interval();
      if (ia.lo_inf || ib.hi_inf || !(ia.lo > ib.hi)) continue;
      // A 其中 part of this very whole is the subset rule's to report.
      int bd = ctx.rel.part_of[a];
      if (bd >= 0 && ctx.rel.breakdowns[bd].whole == b) continue;
      ctx.report(a,
                 fmt::format("{} ({}) cannot exceed {} ({})", qa.label.empty() ? small : qa.label, qa.text,
                             qb.label.empty() ? large : qb.label, qb.text),
                 {{b, "the larger measure"}});
    }
  }
}

}  // namespace tally
