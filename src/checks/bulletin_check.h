// Helpers shared by the bulletin and budget checks (structure, sex-ratio,
// contribution, growth-spread, real-growth, share-of-gdp, per-capita-gdp, per-resident,
// budget-completion, budget-balance).
#pragma once
#include <string>

#include <fmt/format.h>

#include "checks/check.h"

namespace tally::bulletin_check {

inline bool exact_enough(const Quantity& q) { return q.approx == Approx::None && !q.malformed; }

// A printed share a:b:c part as the interval it rounds from.
inline Interval part_interval(const Quantity& r, size_t i) {
  Rational half = pow10(-r.ratio_decimals[i]) / Rational(2);
  return {r.ratio_parts[i] - half, r.ratio_parts[i] + half};
}

inline Interval negate(const Interval& a) {
  Interval z = Interval::exact(Rational(0)) - a;
  return z;
}

// A growth rate's interval with its sign (下降 3.1% → [−3.15, −3.05]).
inline Interval signed_rate(const Quantity& q, int sign) { return sign < 0 ? negate(q.interval()) : q.interval(); }
inline Rational signed_value(const Quantity& q, int sign) { return sign < 0 ? Rational(0) - q.value : q.value; }

inline std::string pct(const Rational& v, int decimals) { return v.round_str(decimals) + "%"; }

// Rounds half up to the printed precision, or reports: an error, or a warning when only truncation explains it.
inline void report_rounded(CheckContext& ctx, int figure, const Interval& computed, const Rational& exact,
                           const Rational& printed, int decimals, const std::string& how, const std::string& suffix,
                           const std::vector<CheckContext::Role>& roles, std::initializer_list<int> held) {
  RoundingVerdict v = compare_rounded(computed, printed, decimals);
  if (v == RoundingVerdict::Match) {
    ctx.held(held);
    return;
  }
  const Quantity& q = ctx.fb.q(figure);
  std::string shown = exact.round_str(std::max(2, decimals + 1));
  if (suffix == "%" || suffix == "％") shown += suffix;
  std::string fix = exact.round_str(decimals) + suffix;
  Message msg("arith.mismatch", {{"how", how}, {"value", shown}, {"fix", fix}, {"stated", show(q)}, {"named", named(q)}});
  if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
    msg.id = "arith.truncated";
    ctx.report(figure, msg, roles, fix, Severity::Warning, true);
    return;
  }
  ctx.report(figure, msg, roles, fix);
}

}  // namespace tally::bulletin_check
