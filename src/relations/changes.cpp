#include "relations/changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.h"

namespace tally {

std::vector<ChangeRelation> find_changes(const FactBase& fb, const std::vector<Statement>& st,
                                         const std::vector<Breakdown>& breakdowns, const std::vector<int>& part_of) {
  std::vector<ChangeRelation> out;
  // Per level: the changes and rates that qualify it (ids in text order).
  std::map<int, std::vector<int>> qualifiers;
  for (const auto& s : st) {
    if ((s.type == ValueType::Change || s.type == ValueType::Growth) && s.qualifies >= 0)
      qualifiers[s.qualifies].push_back(s.quantity);
    // "从 91.6% 提高到 93.2%，提高 1.6 个百分点": the points are the change of a rate's level.
    if (s.type == ValueType::PointChange && s.qualifies >= 0 && st[s.qualifies].type == ValueType::Level)
      qualifiers[s.qualifies].push_back(s.quantity);
  }
  for (const auto& [level, qs] : qualifiers) {
    const Quantity& v = fb.q(level);
    if (st[level].type != ValueType::Level && st[level].type != ValueType::PerCapita) continue;
    ChangeRelation r;
    r.level = level;
    int changes = 0, rates = 0;
    for (int id : qs) {
      if (st[id].type == ValueType::Change || st[id].type == ValueType::PointChange) {
        ++changes;
        r.change = id;
      } else {
        ++rates;
        r.rate = id;
      }
    }
    // Two changes or two rates for one level (年末 and 全年, 名义 and 实际): which goes with
    // which is not clear enough to check.
    if (changes > 1) r.change = -1;
    if (rates > 1) r.rate = -1;
    // The comparison period's level: a figure marked as such (比上年的 A, 由 A 增至 V) next to V, with
    // no other level of the same dimension between them.
    if (v.paragraph >= 0) {
      const auto& ids = fb.by_paragraph[v.paragraph];
      size_t at = std::lower_bound(ids.begin(), ids.end(), level) - ids.begin();  // ids are in text order
      auto same_dim_level = [&](int id) {
        return fb.q(id).dimension == v.dimension && st[id].type == ValueType::Level && !st[id].previous;
      };
      for (int dir : {+1, -1}) {
        for (size_t k = at, n = 0; r.previous < 0 && n < 24; ++n) {
          if (dir < 0 && k == 0) break;
          k += dir;
          if (k >= ids.size()) break;
          const Quantity& a = fb.q(ids[k]);
          if (a.sentence != v.sentence) break;
          if (st[a.id].previous && a.dimension == v.dimension && !a.dimension.empty()) {
            // "由 A 增至 V" stands before V; "V，比上年的 A …" after it.
            if ((dir < 0) == (st[a.id].cue == "由" || st[a.id].cue == "从" || text::starts_with(st[a.id].cue, "由") ||
                              text::starts_with(st[a.id].cue, "从")))
              r.previous = a.id;
            break;
          }
          if (same_dim_level(a.id)) break;
        }
      }
    }
    // A level that is itself a part of a 其中 list may be read in place of its whole ("全市获奖 64 个，其中
    // 一等奖 13 个 … 三等奖 29 个，较上年的 57 个增加 7 个"): keep the whole as a rival reading.
    if (part_of[level] >= 0) r.rivals.push_back(breakdowns[part_of[level]].whole);
    int known = (r.change >= 0) + (r.rate >= 0) + (r.previous >= 0);
    if (known == 0 || (known == 1 && r.rate < 0)) continue;  // a lone amount says nothing checkable
    r.why = fmt::format("{}{}{}", r.previous >= 0 ? "comparison level, " : "", r.change >= 0 ? "change amount, " : "",
                        r.rate >= 0 ? "growth rate, " : "");
    r.why = (v.paragraph < 0 ? "the table row gives the " : "the sentence gives the ") + r.why.substr(0, r.why.size() - 2) +
            " of " + v.text;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tally
