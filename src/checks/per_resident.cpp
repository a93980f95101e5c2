// per-resident (a warning): a value per 100, 1000 or 10000 residents (每千人口床位, 每万人拥有执业医师,
// 移动电话普及率 部/百人) is about the total the report states ÷ its one 常住人口. Such values divide by
// the year's average population, or by another count of it, so only a gap of more than 5% is reported.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_per_resident(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Rational tol(5, 100);
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::PerResident) continue;
    const Quantity& per = fb.q(b.figure);
    const Quantity& total = fb.q(b.whole);
    const Quantity& pop = fb.q(b.other);
    if (pop.value.sign() <= 0 || per.value.sign() <= 0 || !exact_enough(total) || !exact_enough(pop)) continue;
    ctx.mark(per.id);
    Rational computed = total.value / pop.value * Rational(b.per) / Rational(per.multiplier);
    Rational stated = per.value / Rational(per.multiplier);
    Rational gap = computed > stated ? computed - stated : stated - computed;
    if (gap / stated <= tol) {
      ctx.held({per.id, total.id, pop.id});
      continue;
    }
    ctx.report(per.id,
               Message("per_resident.gap", {{"total", show(total)},
                                            {"population", show(pop)},
                                            {"per", std::to_string(b.per)},
                                            {"value", computed.round_str(std::max(per.decimals, 1))},
                                            {"gap", (gap / stated * Rational(100)).round_str(1)},
                                            {"stated", show(per)}}),
               {{total.id, "role.total"}, {pop.id, "role.population"}});
  }
}

}  // namespace tally
