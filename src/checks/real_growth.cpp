// real-growth: a measure's 实际 growth follows from its 名义 growth and the
// consumer price index the report states: (1 + nominal) ÷ (1 + CPI) − 1, within
// the rounding of all three and 0.3 points of slack (a sub-index may be used).
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_real_growth(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Relations& rel = ctx.rel;
  const Rational hundred(100);
  const Rational slack(3, 10);
  for (const auto& b : rel.bulletin) {
    if (b.kind != BulletinKind::RealGrowth) continue;
    const Quantity& r = fb.q(b.figure);
    const Quantity& n = fb.q(b.whole);
    const Quantity& plo = fb.q(b.other);
    const Quantity& phi = fb.q(b.other2);
    Interval real = signed_rate(r, rel.st(r.id).sign);
    Interval nominal = signed_rate(n, rel.st(n.id).sign);
    Rational p_lo = signed_rate(plo, rel.st(plo.id).sign).lo - slack;
    Rational p_hi = signed_rate(phi, rel.st(phi.id).sign).hi + slack;
    if (!(hundred + p_lo > Rational(0)) || !(hundred + nominal.lo > Rational(0))) continue;
    Interval computed{(hundred + nominal.lo) / (hundred + p_hi) * hundred - hundred,
                      (hundred + nominal.hi) / (hundred + p_lo) * hundred - hundred};
    ctx.mark(r.id);
    ctx.mark(n.id);
    ctx.mark(plo.id);
    if (computed.intersects(real)) {
      ctx.held({r.id, n.id, plo.id});
      continue;
    }
    Rational p = signed_value(plo, rel.st(plo.id).sign);
    Rational nv = signed_value(n, rel.st(n.id).sign);
    Rational exact = (hundred + nv) / (hundred + p) * hundred - hundred;
    Rational mag = exact < Rational(0) ? Rational(0) - exact : exact;
    ctx.report(r.id,
               Message(rel.st(r.id).sign < 0 ? "real_growth.mismatch_decline" : "real_growth.mismatch_growth",
                       {{"nominal", (rel.st(n.id).sign < 0 ? "−" : "+") + show(n)},
                        {"prices", (rel.st(plo.id).sign < 0 ? "−" : "+") + show(plo)},
                        {"computed_dir", ctx.say(exact < Rational(0) ? "real_growth.decline" : "real_growth.growth")},
                        {"value", mag.round_str(1)},
                        {"stated", show(r)}}),
               {{n.id, "role.nominal_growth"}, {plo.id, "role.cpi"}});
  }
}

}  // namespace tally
