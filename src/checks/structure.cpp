// structure: "三次产业结构为 a:b:c" — shares of one whole add up to 100 within
// their printed rounding, and each share is its part ÷ the whole when the
// paragraph states the parts (relations/structures.cpp finds them).
// Two-part splits with decimals on both sides are left to ratio-sum.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_structure(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::Structure) continue;
    const Quantity& r = fb.q(b.figure);
    ctx.mark(r.id);
    if (!b.parts.empty()) {
      for (int p : b.parts) ctx.mark(p);
      // Each share against its part of the whole.
      Interval whole = Interval::exact(Rational(0));
      Rational whole_exact(0);
      if (b.whole >= 0) {
        whole = fb.q(b.whole).interval();
        whole_exact = fb.q(b.whole).value;
      } else {
        for (int p : b.parts) {
          whole = whole + fb.q(p).interval();
          whole_exact = whole_exact + fb.q(p).value;
        }
      }
      if (whole.lo_inf || !(whole.lo > Rational(0))) continue;
      bool all = true;
      for (size_t i = 0; i < b.parts.size(); ++i) {
        const Quantity& p = fb.q(b.parts[i]);
        if (!exact_enough(p)) continue;
        Interval computed = p.interval() / whole * Interval::exact(Rational(100));
        Rational exact = p.value / whole_exact * Rational(100);
        RoundingVerdict v = compare_rounded(computed, r.ratio_parts[i], r.ratio_decimals[i]);
        if (v == RoundingVerdict::Match) continue;
        all = false;
        std::string of = b.whole >= 0 ? fb.q(b.whole).text : ctx.say("structure.parts_sum");
        Message msg("structure.share", {{"i", std::to_string(i + 1)},
                                        {"ratio", r.text},
                                        {"part", p.text},
                                        {"of", of},
                                        {"value", exact.round_str(std::max(2, r.ratio_decimals[i] + 1))},
                                        {"stated", r.ratio_parts[i].round_str(r.ratio_decimals[i])}});
        std::vector<CheckContext::Role> roles = {{p.id, Message("role.part_n", {{"i", std::to_string(i + 1)}})}};
        if (b.whole >= 0) roles.push_back({b.whole, "role.whole"});
        if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
          msg.id = "structure.share_truncated";
          ctx.report(r.id, msg, roles, std::nullopt, Severity::Warning, true);
        } else
          ctx.report(r.id, msg, roles);
        break;  // one finding per structure
      }
      if (all) {
        std::vector<int> held = b.parts;
        held.push_back(r.id);
        if (b.whole >= 0) held.push_back(b.whole);
        ctx.held(held);
      }
      continue;
    }
    // The sum of the shares, for three parts or more (two-part splits of 10 or 100 are ratio-sum's).
    bool both_decimals = r.ratio_parts.size() == 2 && r.ratio_decimals[0] > 0 && r.ratio_decimals[1] > 0;
    if (both_decimals) continue;
    Interval sum = Interval::exact(Rational(0));
    Rational exact(0);
    std::string terms;
    for (size_t i = 0; i < r.ratio_parts.size(); ++i) {
      sum = sum + part_interval(r, i);
      exact = exact + r.ratio_parts[i];
      terms += (i ? " + " : "") + r.ratio_parts[i].str(4);
    }
    if (sum.contains(Rational(100))) {
      ctx.held({r.id});
      continue;
    }
    int dec = 0;
    for (int d : r.ratio_decimals) dec = std::max(dec, d);
    ctx.report(r.id, Message("structure.sum", {{"terms", terms}, {"sum", exact.round_str(dec)}}), {});
  }
}

}  // namespace tally
