// consistent: statements of one measure, entity and period made in different
// places (relations/repeats.cpp decides which) must have one value. A group
// whose values split into two camps is reported once per figure of the
// smaller camp; with three or more different values the figures are more
// likely different measures than one misprint, and tally says nothing.
#include <fmt/format.h>

#include "checks/check.h"
#include "relations/repeats.h"

namespace tally {

namespace {

constexpr size_t kMaxRelated = 5;

}  // namespace

void check_consistent(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& g : ctx.rel.repeats) {
    for (int id : g.members) ctx.mark(id);
    const std::vector<std::vector<int>> camps = value_camps(fb, g.members);
    if (camps.size() == 1) {
      ctx.held(g.members);
      continue;
    }
    if (camps.size() > 2) continue;
    // The larger camp is taken as right; on a tie, the figure stated first.
    const auto& right = camps[0].size() >= camps[1].size() ? camps[0] : camps[1];
    const auto& odd = camps[0].size() >= camps[1].size() ? camps[1] : camps[0];
    ctx.held(right);
    for (int id : odd) {
      const Quantity& a = fb.q(id);
      // The rows of one table column are items of a list, never repeats of each other.
      std::vector<int> right_elsewhere;
      for (int r : right)
        if (a.table < 0 || fb.q(r).table != a.table || fb.q(r).col != a.col) right_elsewhere.push_back(r);
      if (right_elsewhere.empty()) continue;
      const auto& right = right_elsewhere;
      std::vector<CheckContext::Role> roles;
      std::string others;
      for (size_t i = 0; i < right.size() && i < kMaxRelated; ++i) {
        roles.push_back({right[i], "role.stated_elsewhere"});
        others += (others.empty() ? "" : ctx.say("list.sep")) +
                  ctx.say(Message("consistent.other", {{"figure", fb.q(right[i]).text},
                                                       {"line", std::to_string(fb.q(right[i]).line)}}));
      }
      if (right.size() > kMaxRelated)
        others += ctx.say(Message("consistent.more", {{"n", std::to_string(right.size() - kMaxRelated)}}));
      std::string agree;
      if (odd.size() == 2) agree = ctx.say("consistent.agree_one");
      else if (odd.size() > 2) agree = ctx.say(Message("consistent.agree_many", {{"n", std::to_string(odd.size() - 1)}}));
      ctx.report(id,
                 Message("consistent.mismatch", {{"measure", g.measure}, {"figure", show(a)}, {"others", others}, {"agree", agree}}),
                 roles);
    }
  }
}

}  // namespace tally
