// change-rate: a level, its change and its growth rate agree.
//   V，比上年增加 C，增长 r%      → r = C ÷ (V − C)      (a decrease: C ÷ (V + C))
//   比上年的 A 增加 C / 从 A 增加到 V → C = V − A, r = (V − A) ÷ A
//   a positive level cannot fall by more than 100%.
//   由 A 增加到 V，年均增长 r% (over N years) → V ÷ A = (1 + r)^N
// The relations stage has already decided which figures belong together
// (relations/changes.cpp); this file only does the arithmetic.
#include <fmt/format.h>

#include <cmath>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

namespace {

bool exact_enough(const Quantity& q, const Statement& s) {
  return q.approx == Approx::None && !q.malformed && !s.target;
}

std::string percent_text(const Rational& v, const Quantity& like) {
  return v.round_str(like.decimals) + (text::find(like.text, "％") != std::string::npos ? "％" : "%");
}

// Reports a stated rate against the one the other figures give.
void check_rate(CheckContext& ctx, const ChangeRelation& r, const Interval& computed, const Rational& exact,
                const std::string& how, std::vector<CheckContext::Role> roles) {
  const Quantity& g = ctx.fb.q(r.rate);
  RoundingVerdict v = compare_rounded(computed, g.printed, g.decimals);
  if (v == RoundingVerdict::Match) {
    ctx.held({r.rate, r.level, r.change, r.previous});
    return;
  }
  std::string shown = exact.round_str(std::max(2, g.decimals + 1));
  std::string fix = percent_text(exact, g);
  Message msg("arith.mismatch",
              {{"how", how}, {"value", shown + "%"}, {"fix", fix}, {"stated", g.text}, {"named", named(g)}});
  if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
    msg.id = "arith.truncated";
    ctx.report(r.rate, msg, roles, fix, Severity::Warning, true);
    return;
  }
  ctx.report(r.rate, msg, roles, fix);
}

// (1 + sign × r%)^years: the growth factor a yearly rate gives over the years.
Rational growth_factor(const Rational& percent, int sign, int years) {
  Rational step = Rational(1) + Rational(sign) * percent / Rational(100);
  Rational f(1);
  for (int i = 0; i < years; ++i) f = f * step;
  return f;
}

// A 年均 rate against the ratio end ÷ start of the levels it joins. Its root is not rational, so the
// rate's rounding interval is raised to the power instead (the power is monotone): the printed rate
// holds when some value it rounds from, compounded over the years, gives a ratio the levels allow.
RoundingVerdict compare_compound(const Interval& ratio, const Quantity& g, int sign, int years) {
  Rational half = pow10(-g.decimals) / Rational(2);
  auto factors = [&](const Rational& lo, const Rational& hi) {
    Rational a = growth_factor(lo, sign, years), b = growth_factor(hi, sign, years);
    return sign > 0 ? Interval{a, b} : Interval{b, a};
  };
  if (ratio.intersects(factors(g.printed - half, g.printed + half))) return RoundingVerdict::Match;
  if (ratio.intersects(factors(g.printed, g.printed + half + half))) return RoundingVerdict::Truncated;
  return RoundingVerdict::Mismatch;
}

// Reports a stated 年均 rate against the levels `start` (its text `start_text`) and V.
bool check_compound(CheckContext& ctx, const ChangeRelation& r, const Interval& start, const Rational& start_exact,
                    const std::string& start_text, bool report, std::vector<CheckContext::Role> roles) {
  const Quantity& v = ctx.fb.q(r.level);
  const Quantity& g = ctx.fb.q(r.rate);
  int sign = ctx.rel.st(r.rate).sign;
  // A yearly fall of 100% or more leaves nothing to compound.
  if (sign < 0 && g.interval().hi_inf) return true;
  if (sign < 0 && !(g.interval().hi < Rational(100))) return true;
  RoundingVerdict verdict = compare_compound(v.interval() / start, g, sign, r.years);
  if (verdict != RoundingVerdict::Match && r.years_alt > 0 &&
      compare_compound(v.interval() / start, g, sign, r.years_alt) == RoundingVerdict::Match)
    verdict = RoundingVerdict::Match;
  if (!report) return verdict != RoundingVerdict::Mismatch;
  if (verdict == RoundingVerdict::Match) {
    ctx.held({r.rate, r.level, r.change, r.previous});
    return true;
  }
  // The rate the levels give, for the message only (the verdict above is exact).
  double yearly = std::pow((v.value / start_exact).to_double(), 1.0 / r.years) - 1.0;
  double shown_pct = 100.0 * (sign < 0 ? -yearly : yearly);
  if (shown_pct < 0) return true;  // the direction disagrees with the verb: leave it to a reader
  std::string root = fmt::format("({} ÷ {})^(1/{})", v.text, start_text, r.years);
  std::string how = sign < 0 ? "1 − " + root : root + " − 1";
  std::string unit = text::find(g.text, "％") != std::string::npos ? "％" : "%";
  std::string fix = fmt::format("{:.{}f}", shown_pct, g.decimals) + unit;
  Message msg("arith.mismatch", {{"how", how},
                                 {"value", fmt::format("{:.{}f}", shown_pct, std::max(2, g.decimals + 1)) + "%"},
                                 {"fix", fix},
                                 {"stated", g.text},
                                 {"named", named(g)}});
  if (verdict == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
    msg.id = "arith.truncated";
    ctx.report(r.rate, msg, roles, fix, Severity::Warning, true);
    return false;
  }
  ctx.report(r.rate, msg, roles, fix);
  return false;
}

// Checks one reading of the relation, with `level` as the level. Returns false when
// it fails; reports the failure only when `report` is set.
bool check_reading(CheckContext& ctx, ChangeRelation r, int level, bool report) {
  const FactBase& fb = ctx.fb;
  const Relations& rel = ctx.rel;
  const Interval hundred = Interval::exact(Rational(100));
  r.level = level;
  const Quantity& v = fb.q(r.level);
  const Statement& vs = rel.st(r.level);
  // A plan's amount is a target, but an exact one when the sentence sets it against last year's actual.
  bool level_ok = exact_enough(v, vs) || (r.plan && v.approx == Approx::None && !v.malformed);
  if (!level_ok || v.value.sign() <= 0) return true;
  // A figure written with a minus ("利润总额-0.36 亿元") is negative, though the scanner reads 0.36: the
  // arithmetic below assumes positive levels, so say nothing.
  if (vs.negative || (r.change >= 0 && rel.st(r.change).negative) || (r.previous >= 0 && rel.st(r.previous).negative))
    return true;
  ctx.mark(r.level);
  const Quantity* g = r.rate >= 0 ? &fb.q(r.rate) : nullptr;
  const Statement* gs = r.rate >= 0 ? &rel.st(r.rate) : nullptr;
  bool rate_ok = g && exact_enough(*g, *gs) && gs->sign != 0;
  if (g) ctx.mark(r.rate);

  // A positive level cannot fall by more than 100% — unless it measures something that can be negative
  // (a profit after a loss year is compared with a negative base).
  if (rate_ok && gs->sign < 0 && g->interval().lo > Rational(100) &&
      !text::contains_any(v.label, fb.vocab->list("sign_changing"))) {
    if (report)
      ctx.report(r.rate, Message("change_rate.too_steep", {{"level", show(v)}, {"rate", show(*g)}}),
                 {{r.level, "role.level"}});
    return false;
  }
  // Growth net of prices (实际, 可比价) cannot be recomputed from current-price values.
  if (rate_ok && gs->basis == Basis::Real) rate_ok = false;

  const Quantity* c = r.change >= 0 ? &fb.q(r.change) : nullptr;
  const Statement* cs = r.change >= 0 ? &rel.st(r.change) : nullptr;
  bool change_ok = c && exact_enough(*c, *cs) && cs->sign != 0 && c->value.sign() >= 0;
  if (c) ctx.mark(r.change);
  const Quantity* a = r.previous >= 0 ? &fb.q(r.previous) : nullptr;
  bool previous_ok = a && exact_enough(*a, rel.st(r.previous)) && a->value.sign() > 0;
  if (a) ctx.mark(r.previous);

  // Directions that disagree ("增加 … 下降 r%") are a misreading more often than an error.
  if (change_ok && rate_ok && cs->sign != gs->sign) return true;

  if (previous_ok && change_ok) {
    Interval diff = v.interval() - a->interval();
    Interval stated = cs->sign > 0 ? c->interval() : Interval::exact(Rational(0)) - c->interval();
    if (!diff.intersects(stated)) {
      Rational d = v.value - a->value;
      if (report)
        ctx.report(r.change,
                   Message(cs->sign > 0 ? "change_rate.rose" : "change_rate.fell",
                           {{"level", v.text},
                            {"previous", a->text},
                            {"diff", show_scaled(d, v, std::max(v.decimals, a->decimals))},
                            {"change", show(*c)}}),
                   {{r.level, "role.level"}, {r.previous, "role.comparison_level"}});
      return false;
    }
    if (report) ctx.held({r.level, r.previous, r.change});
  }
  if (!rate_ok) return true;
  if (change_ok) {
    // The comparison level is V ∓ C; the rate is C over it.
    Interval base = cs->sign > 0 ? v.interval() - c->interval() : v.interval() + c->interval();
    Rational base_exact = cs->sign > 0 ? v.value - c->value : v.value + c->value;
    if (base_exact.sign() <= 0 || base.lo_inf || !(base.lo > Rational(0))) return true;
    if (r.years > 1) {
      std::string start = fmt::format("({} {} {})", v.text, cs->sign > 0 ? "−" : "+", c->text);
      return check_compound(ctx, r, base, base_exact, start, report,
                            {{r.change, "role.change"}, {r.level, "role.level"}});
    }
    Interval computed = c->interval() / base * hundred;
    Rational exact = c->value / base_exact * Rational(100);
    if (!report) return compare_rounded(computed, g->printed, g->decimals) != RoundingVerdict::Mismatch;
    std::string how = fmt::format("{} ÷ ({} {} {})", c->text, v.text, cs->sign > 0 ? "−" : "+", c->text);
    check_rate(ctx, r, computed, exact, how, {{r.change, "role.change"}, {r.level, "role.level"}});
  } else if (previous_ok && r.years > 1) {
    return check_compound(ctx, r, a->interval(), a->value, a->text, report,
                          {{r.level, "role.level"}, {r.previous, "role.comparison_level"}});
  } else if (previous_ok) {
    Interval computed = (v.interval() - a->interval()) / a->interval() * hundred;
    if (gs->sign < 0) computed = Interval::exact(Rational(0)) - computed;
    Rational exact = (v.value - a->value) / a->value * Rational(100);
    if (gs->sign < 0) exact = Rational(0) - exact;
    if (exact.sign() < 0) return true;  // the direction disagrees with the verb: leave it to a reader
    if (!report) return compare_rounded(computed, g->printed, g->decimals) != RoundingVerdict::Mismatch;
    std::string how = fmt::format("({} − {}) ÷ {}", v.text, a->text, a->text);
    check_rate(ctx, r, computed, exact, how, {{r.level, "role.level"}, {r.previous, "role.comparison_level"}});
  }
  return true;
}

// Is the comparison level of the size of the level (between half and twice it, of one sign)?
bool near_in_size(const Quantity& level, const Quantity& previous) {
  const Rational& v = level.value;
  const Rational& a = previous.value;
  if (v.sign() <= 0 || a.sign() <= 0) return false;
  return a * Rational(2) >= v && v * Rational(2) >= a;
}

}  // namespace

void check_change_rate(CheckContext& ctx) {
  for (const auto& r : ctx.rel.changes) {
    if (r.rivals.empty()) {
      check_reading(ctx, r, r.level, true);
      continue;
    }
    // Several levels could be meant: check only when the stated one holds or every reading fails
    // alike — and then say nothing, since which figure is wrong is not clear.
    if (check_reading(ctx, r, r.level, false)) {
      check_reading(ctx, r, r.level, true);
      continue;
    }
    bool held = false;
    for (int alt : r.rivals)
      if (check_reading(ctx, r, alt, false)) {
        check_reading(ctx, r, alt, true);
        held = true;
        break;
      }
    // "教育支出 A，其中：学前教育 V，比上年的 P 增加 C": every reading fails, and the comparison level is of
    // the size of the stated level only (a rival whole is ten times it) — the stated reading is the one
    // meant, and its arithmetic is reported.
    if (!held && r.previous >= 0 && near_in_size(ctx.fb.q(r.level), ctx.fb.q(r.previous)) &&
        std::none_of(r.rivals.begin(), r.rivals.end(), [&](int alt) {
          // (A rival that moved the other way than the verb says is no reading: 52.60 after 45.16 for 减少.)
          const int moved = (ctx.fb.q(alt).value - ctx.fb.q(r.previous).value).sign();
          const bool same_way = r.change < 0 || moved == ctx.rel.st(r.change).sign;
          return near_in_size(ctx.fb.q(alt), ctx.fb.q(r.previous)) && same_way &&
                 ctx.fb.q(alt).value != ctx.fb.q(r.level).value;
        }))
      check_reading(ctx, r, r.level, true);
  }
}

}  // namespace tally
