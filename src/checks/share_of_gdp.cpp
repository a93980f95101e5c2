// share-of-gdp: "占地区生产总值的比重为 x%" = the amount ÷ the report's one
// 地区生产总值 × 100, rounded half up.
#include <fmt/format.h>

#include "base/text.h"
#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_share_of_gdp(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::ShareOfWhole) continue;
    const Quantity& s = fb.q(b.figure);
    const Quantity& p = fb.q(b.parts[0]);
    const Quantity& w = fb.q(b.whole);
    Interval computed = p.interval() / w.interval() * Interval::exact(Rational(100));
    Rational exact = p.value / w.value * Rational(100);
    ctx.mark(s.id);
    report_rounded(ctx, s.id, computed, exact, s.printed, s.decimals, fmt::format("{} ÷ {}", show(p), show(w)),
                   text::find(s.text, "％") != std::string::npos ? "％" : "%", {{p.id, "role.part"}, {w.id, "role.gdp"}},
                   {s.id, p.id, w.id});
  }
}

}  // namespace tally
