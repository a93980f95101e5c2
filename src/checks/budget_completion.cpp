// budget-completion: "完成预算的 x%" = the actual ÷ the budget its sentence
// states × 100, rounded half up.
#include <fmt/format.h>

#include "base/text.h"
#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_budget_completion(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::Completion) continue;
    const Quantity& rate = fb.q(b.figure);
    const Quantity& actual = fb.q(b.whole);
    const Quantity& budget = fb.q(b.other);
    if (budget.value.sign() <= 0) continue;
    // A plan set as a target ("完成目标任务 5 万人的") is the number set, not a rounded measurement.
    Interval plan = b.exact_other ? Interval::exact(budget.value) : budget.interval();
    Interval computed = actual.interval() / plan * Interval::exact(Rational(100));
    Rational exact = actual.value / budget.value * Rational(100);
    ctx.mark(rate.id);
    report_rounded(ctx, rate.id, computed, exact, rate.printed, rate.decimals,
                   actual.table >= 0 ? fmt::format("{} ÷ {}", actual.text, budget.text)
                                     : fmt::format("{} ÷ {}", show(actual), show(budget)),
                   text::find(rate.text, "％") != std::string::npos ? "％" : rate.text.find('%') != std::string::npos ? "%" : "",
                   {{actual.id, "role.actual"}, {budget.id, "role.budget"}},
                   {rate.id, actual.id, budget.id});
  }
}

}  // namespace tally
