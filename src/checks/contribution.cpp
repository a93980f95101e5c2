// contribution: the 贡献率 of every part of a complete partition (第一、二、三产业)
// add up to 100%, and their 拉动 … 个百分点 add up to the growth of the whole.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_contribution(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::Contribution && b.kind != BulletinKind::Pull) continue;
    Interval sum = Interval::exact(Rational(0));
    Rational exact(0);
    std::string terms;
    int dec = 0;
    bool ok = true;
    for (int p : b.parts) {
      const Quantity& q = fb.q(p);
      if (!exact_enough(q)) ok = false;
      // A part that pulled the growth down is written with a minus ("-0.2", "−3.5"): it is subtracted.
      const bool minus = ctx.rel.st(p).negative;
      sum = minus ? sum - q.interval() : sum + q.interval();
      exact = minus ? exact - q.value : exact + q.value;
      terms += (terms.empty() ? (minus ? "−" : "") : (minus ? " − " : " + ")) + q.printed.str(4) +
               (b.kind == BulletinKind::Contribution ? "%" : "");
      dec = std::max(dec, q.decimals);
      ctx.mark(p);
    }
    if (!ok) continue;
    std::vector<CheckContext::Role> roles;
    for (size_t i = 1; i < b.parts.size(); ++i) roles.push_back({b.parts[i], Message("role.part_n", {{"i", std::to_string(i + 1)}})});
    if (b.kind == BulletinKind::Contribution) {
      if (sum.contains(Rational(100))) {
        ctx.held(b.parts);
        continue;
      }
      ctx.report(b.parts[0], Message("contribution.sum", {{"terms", terms}, {"sum", exact.round_str(dec)}}), roles);
      continue;
    }
    const Quantity& g = fb.q(b.figure);
    const Statement& gs = ctx.rel.st(b.figure);
    if (!exact_enough(g) || gs.sign <= 0) continue;
    ctx.mark(g.id);
    if (sum.intersects(g.interval())) {
      std::vector<int> held = b.parts;
      held.push_back(g.id);
      ctx.held(held);
      continue;
    }
    roles.push_back({g.id, "role.growth_of_whole"});
    // A table may give the whole's growth only as its own 拉动 cell (the whole pulls itself): a rate.
    std::string growth = g.dimension == "percentage-points" ? g.text + "%" : show(g);
    ctx.report(b.parts[0], Message("contribution.pull", {{"terms", terms}, {"sum", exact.round_str(dec)}, {"growth", growth}}),
               roles);
  }
}

}  // namespace tally
