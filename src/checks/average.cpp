// average: a value with a compound unit (均价 11997 元/平方米) equals the
// total it divides by the quantity it divides by (销售额 ÷ 销售面积), rounded
// half up to its printed precision; truncation is a warning.
#include <fmt/format.h>

#include "checks/check.h"

namespace tally {

void check_average(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& r : ctx.rel.averages) {
    const Quantity& a = fb.q(r.average);
    const Quantity& n = fb.q(r.numerator);
    const Quantity& d = fb.q(r.denominator);
    ctx.mark(r.average);
    ctx.mark(r.numerator);
    ctx.mark(r.denominator);
    if (n.approx != Approx::None || d.approx != Approx::None || d.value.sign() <= 0) continue;
    Rational times = Rational(r.per) * Rational(r.scale);
    Interval computed = n.interval() / d.interval() * Interval::exact(times) / Interval::exact(Rational(a.multiplier));
    RoundingVerdict v = compare_rounded(computed, a.printed, a.decimals);
    Rational exact = n.value / d.value * times / Rational(a.multiplier);
    // A 人均 figure may divide by the year's average population rather than the one stated: a gap
    // within 1% is that, not an error.
    if (v != RoundingVerdict::Match && r.loose && exact.sign() > 0) {
      Rational gap = (exact - a.printed) / exact;
      if (gap.sign() < 0) gap = Rational(0) - gap;
      if (!(gap > Rational(1, 100))) continue;
    }
    if (v == RoundingVerdict::Match) {
      ctx.held({r.average, r.numerator, r.denominator});
      continue;
    }
    std::string fix = exact.round_str(a.decimals);
    std::vector<CheckContext::Role> roles = {{r.numerator, "role.total"}, {r.denominator, "role.divided_by"}};
    if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
      ctx.held({r.numerator, r.denominator});
      ctx.report(r.average,
                 Message("arith.truncated", {{"how", fmt::format("{} ÷ {}", show(n), show(d))},
                                             {"value", exact.round_str(a.decimals + 2)},
                                             {"fix", fix},
                                             {"stated", show(a)},
                                             {"named", named(a)}}),
                 roles, fix, Severity::Warning, true);
      continue;
    }
    std::string how = r.per == 1 ? fmt::format("{} ÷ {}", show(n), show(d))
                                 : fmt::format("{} ÷ {} × {}", show(n), show(d), r.per);
    ctx.report(r.average,
               Message("arith.mismatch", {{"how", how},
                                          {"value", exact.round_str(a.decimals + 2) + " " + std::string(scale_word(a.multiplier)) + a.unit},
                                          {"fix", fix},
                                          {"stated", show(a)},
                                          {"named", named(a)}}),
               roles, fix);
  }
}

}  // namespace tally
