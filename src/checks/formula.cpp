// formula: a value the vocabulary defines by a formula (森林覆盖率 = 森林面积 ÷ 国土面积 × 100%,
// 城乡居民收入比 a:1, 平均班额) equals the quotient of the two figures stated for its terms, rounded
// half up to its printed precision; a value that only truncation explains is a warning.
#include <fmt/format.h>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

void check_formula(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& r : ctx.rel.formulas) {
    const Quantity& a = fb.q(r.value);
    const Quantity& n = fb.q(r.inverse ? r.per : r.of);
    const Quantity& d = fb.q(r.inverse ? r.of : r.per);
    if (d.value.sign() <= 0 || n.value.sign() < 0) continue;
    ctx.mark(r.value);
    ctx.mark(r.of);
    ctx.mark(r.per);
    const bool ratio = r.part >= 0;
    const Rational stated = ratio ? a.ratio_parts[r.part] : a.printed;
    const int decimals = ratio ? a.ratio_decimals[r.part] : a.decimals;
    Rational times = a.kind == QuantityKind::Percent ? Rational(100) : Rational(1);
    if (!ratio) times = times / Rational(a.multiplier);
    times = times * Rational(r.scale);
    Interval computed = n.interval() / d.interval() * Interval::exact(times);
    RoundingVerdict v = compare_rounded(computed, stated, decimals);
    if (v == RoundingVerdict::Match) {
      ctx.held({r.value, r.of, r.per});
      continue;
    }
    Rational exact = n.value / d.value * times;
    std::string fix = exact.round_str(decimals);
    // The fix replaces the whole figure: "2.19:1", "1:14.7", "41.0%".
    std::string fixed = a.kind == QuantityKind::Percent ? fix + "%" : fix;
    if (ratio) {
      size_t colon = a.text.find(':');
      size_t colon_len = 1;
      if (colon == std::string::npos) colon = text::find(a.text, "："), colon_len = 3;
      if (colon == std::string::npos) continue;
      fixed = r.part == 0 ? fix + a.text.substr(colon) : a.text.substr(0, colon + colon_len) + fix;
    }
    std::string how = fmt::format("{} ÷ {}", show(n), show(d));
    if (a.kind == QuantityKind::Percent) how += " × 100%";
    else if (r.scale != 1) how += fmt::format(" × {}", r.scale);
    std::string value = exact.round_str(decimals + 2) + (a.kind == QuantityKind::Percent ? "%" : "");
    std::vector<CheckContext::Role> roles = {{n.id, "role.total"}, {d.id, "role.divided_by"}};
    if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
      ctx.held({r.of, r.per});
      ctx.report(r.value,
                 Message("arith.truncated", {{"how", how}, {"value", value}, {"fix", fix}, {"stated", a.text}, {"named", named(a)}}),
                 roles, fixed, Severity::Warning, true);
      continue;
    }
    ctx.report(r.value,
               Message("arith.mismatch", {{"how", how}, {"value", value}, {"fix", fix}, {"stated", a.text}, {"named", named(a)}}),
               roles, fixed);
  }
}

}  // namespace tally
