// order: measures that nest cannot exceed each other — 升学 ≤ 毕业去向落实 ≤
// 毕业生, 专任教师 ≤ 教职工 — for the same scope and year, where the report
// states both in one sentence or one table column. The pairs are rule params.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>

#include "base/text.h"
#include "checks/check.h"
#include "extract/label_match.h"

namespace tally {

namespace {

bool is_change(ValueType t) {
  return t == ValueType::Change || t == ValueType::PointChange || t == ValueType::Growth;
}

}  // namespace

void check_order(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& [small, large] : ctx.params.pairs) {
    auto si = fb.by_metric.find(small);
    auto li = fb.by_metric.find(large);
    if (si == fb.by_metric.end() || li == fb.by_metric.end()) continue;
    // Figures whose label names the metric exactly, found once per list. Only levels nest: a change
    // (比上年增加 162 人, a table's 增减 column) of a part can exceed the change of its whole.
    auto exact = [&](const std::vector<int>& ids, const std::string& metric) {
      std::vector<int> out;
      for (int id : ids)
        if (fb.q(id).kind == QuantityKind::Number && !fb.q(id).malformed && !is_change(ctx.rel.st(id).type) &&
            exact_metric(fb.q(id), *fb.vocab) == metric)
          out.push_back(id);
      return out;
    };
    std::vector<int> smalls = exact(si->second, small), larges = exact(li->second, large);
    // The larger measure nearest to each smaller one, in its sentence or its table column.
    auto key = [&](const Quantity& q) {
      return q.paragraph >= 0 ? std::make_pair(0, q.sentence) : std::make_pair(1 + q.table, q.col);
    };
    auto pos = [](const Quantity& q) { return q.paragraph >= 0 ? static_cast<int64_t>(q.para_begin) : q.row; };
    // Two parts of one 其中 list are alternatives (升学 and 就业 under 毕业去向落实) unless the second
    // is a kind of the first (升学, then 升入本科): a sibling bounds a part only when it comes before
    // it and does not restate the whole's own measure (就业人数 under 毕业去向落实 is the narrow 就业).
    // In a table, a sub-row is bounded by the rows it sits under, not by a row of another branch.
    auto other_branch = [&](int a, int b, const std::string& b_metric) {
      const Quantity& qa = fb.q(a);
      const Quantity& qb = fb.q(b);
      int whole = -1;
      int pa = ctx.rel.part_of[a];
      if (pa >= 0 && pa == ctx.rel.part_of[b]) whole = ctx.rel.breakdowns[pa].whole;
      if (whole < 0 && qa.table >= 0 && qa.table == qb.table) {
        const Table& t = fb.doc.tables[qa.table];
        int rows = static_cast<int>(t.info.size());
        if (qa.row < 0 || qb.row < 0 || qa.row >= rows || qb.row >= rows) return false;
        int parent = t.info[qa.row].parent;
        if (parent < 0 && t.info[qb.row].parent < 0) return false;
        if (parent < 0 || parent != t.info[qb.row].parent) {
          for (int r = parent, steps = 0; r >= 0 && steps < 8; r = t.info[r].parent, ++steps)
            if (r == qb.row) return false;  // b is a's whole (or its whole's whole)
          return true;
        }
        for (int id : fb.by_metric.count(b_metric) ? fb.by_metric.at(b_metric) : std::vector<int>{})
          if (fb.q(id).table == qa.table && fb.q(id).row == parent && exact_metric(fb.q(id), *fb.vocab) == b_metric)
            return true;  // the parent row is of b's measure: b is a narrower part
        return qb.row > qa.row;
      }
      if (whole < 0) return false;
      if (exact_metric(fb.q(whole), *fb.vocab) == b_metric) return true;
      return qb.para_begin > qa.para_begin || qb.paragraph != qa.paragraph;
    };
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
        if (other_branch(a, *cand, large)) continue;
        int64_t d = std::llabs(pos(fb.q(*cand)) - pos(qa));
        if (d < best) {
          best = d;
          b = *cand;
        }
      }
      if (b < 0) continue;
      const Quantity& qb = fb.q(b);
      if (!fb.same_scope(qa, qb) || qa.in_case != qb.in_case) continue;
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
                 Message("order.exceeds", {{"small", qa.label.empty() ? small : qa.label},
                                           {"a", qa.text},
                                           {"large", qb.label.empty() ? large : qb.label},
                                           {"b", qb.text}}),
                 {{b, "role.larger_measure"}});
    }
  }
}

}  // namespace tally
