// sex-ratio: "性别比为 x:100" (or "x（女性=100）") = male ÷ female × 100, when the
// paragraph states both counts.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_sex_ratio(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::SexRatio) continue;
    const Quantity& r = fb.q(b.figure);
    const Quantity& m = fb.q(b.whole);
    const Quantity& f = fb.q(b.other);
    if (!exact_enough(m) || !exact_enough(f) || f.value.sign() <= 0) continue;
    Rational stated = r.kind == QuantityKind::Ratio ? r.ratio_parts[0] : r.printed;
    int decimals = r.kind == QuantityKind::Ratio ? r.ratio_decimals[0] : r.decimals;
    ctx.mark(r.id);
    Interval computed = m.interval() / f.interval() * Interval::exact(Rational(100));
    Rational exact = m.value / f.value * Rational(100);
    std::string suffix = r.kind == QuantityKind::Ratio ? r.text.substr(r.text.find_last_of(":：") == std::string::npos
                                                                           ? r.text.size()
                                                                           : r.text.find_last_of(":"))
                                                       : "";
    report_rounded(ctx, r.id, computed, exact, stated, decimals,
                   ctx.say(Message("sex_ratio.how", {{"men", m.value.str(0)}, {"women", f.value.str(0)}})), suffix,
                   {{m.id, "role.male"}, {f.id, "role.female"}}, {r.id, m.id, f.id});
  }
}

}  // namespace tally
