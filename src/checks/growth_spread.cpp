// growth-spread (a warning): when a total and every one of its parts have a
// growth rate of the same basis, the total's rate lies between the lowest and
// the highest of the parts' rates — it is their average weighted by last
// year's levels.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_growth_spread(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Relations& rel = ctx.rel;
  for (const auto& b : rel.bulletin) {
    if (b.kind != BulletinKind::GrowthSpread) continue;
    const Quantity& g = fb.q(b.figure);
    Interval total = signed_rate(g, rel.st(g.id).sign);
    Interval span;
    int lo = -1, hi = -1;
    for (int r : b.parts) {
      Interval x = signed_rate(fb.q(r), rel.st(r).sign);
      if (lo < 0 || x.lo < span.lo) {
        span.lo = x.lo;
        lo = r;
      }
      if (hi < 0 || x.hi > span.hi) {
        span.hi = x.hi;
        hi = r;
      }
      ctx.mark(r);
    }
    ctx.mark(g.id);
    if (total.intersects(span)) {
      std::vector<int> held = b.parts;
      held.push_back(g.id);
      ctx.held(held);
      continue;
    }
    auto shown = [&](int id) {
      return (rel.st(id).sign < 0 ? "−" : "+") + show(fb.q(id));
    };
    ctx.report(g.id, Message("growth_spread.outside", {{"total", shown(g.id)}, {"lo", shown(lo)}, {"hi", shown(hi)}}),
               {{b.whole, "role.total"}, {lo, "role.slowest_part"}, {hi, "role.fastest_part"}});
  }
}

}  // namespace tally
