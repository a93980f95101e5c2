// per-capita-gdp (a warning): 人均地区生产总值 is about 地区生产总值 ÷ 常住人口. The
// official figure divides by the year's average population, so only a gap of
// more than 5% is reported.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_per_capita_gdp(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Rational tol(5, 100);
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::PerCapitaOf) continue;
    const Quantity& per = fb.q(b.figure);
    const Quantity& total = fb.q(b.whole);
    const Quantity& pop = fb.q(b.other);
    if (pop.value.sign() <= 0 || per.value.sign() <= 0) continue;
    ctx.mark(per.id);
    Rational computed = total.value / pop.value;
    Rational gap = computed > per.value ? computed - per.value : per.value - computed;
    if (gap / per.value <= tol) {
      ctx.held({per.id, total.id, pop.id});
      continue;
    }
    ctx.report(per.id,
               Message("per_capita_gdp.gap", {{"total", show(total)},
                                              {"population", show(pop)},
                                              {"value", computed.round_str(0)},
                                              {"gap", (gap / per.value * Rational(100)).round_str(1)},
                                              {"stated", show(per)}}),
               {{total.id, "role.total"}, {pop.id, "role.population"}});
  }
}

}  // namespace tally
