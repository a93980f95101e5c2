// budget-balance: 收入 − 支出 (+ 调入, 上年结转; − 调出, 结转下年 where the
// paragraph states them) = 结余. Since a 收入总计 may already include the
// transfers it names, the balance is an error only when no choice of the
// stated adjustments gives it. A paragraph that says nothing is left (年终无结余) states a balance of 0.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_budget_balance(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::Balance) continue;
    // No figure for the balance: the paragraph says there is none left (年终无结余), a balance of 0.
    const bool zero = b.figure < 0;
    const Quantity& in = fb.q(b.whole);
    const Quantity& out = fb.q(b.other);
    const Quantity& res = zero ? out : fb.q(b.figure);
    const Interval stated = zero ? Interval::exact(Rational(0)) : res.interval();
    ctx.mark(res.id);
    Interval base = in.interval() - out.interval();
    bool ok = false;
    size_t n = b.parts.size();
    for (size_t mask = 0; mask < (size_t{1} << n) && !ok; ++mask) {
      Interval x = base;
      for (size_t i = 0; i < n; ++i)
        if (mask & (size_t{1} << i)) x = b.signs[i] > 0 ? x + fb.q(b.parts[i]).interval() : x - fb.q(b.parts[i]).interval();
      ok = x.intersects(stated);
    }
    if (ok) {
      ctx.held({res.id, in.id, out.id});
      continue;
    }
    Rational exact = in.value - out.value;
    std::string how = fmt::format("{} − {}", show(in), show(out));
    std::vector<CheckContext::Role> roles = {{in.id, "role.income"}, {out.id, "role.expenditure"}};
    for (size_t i = 0; i < n; ++i) {
      const Quantity& a = fb.q(b.parts[i]);
      exact = b.signs[i] > 0 ? exact + a.value : exact - a.value;
      how += fmt::format(" {} {}", b.signs[i] > 0 ? "+" : "−", show(a));
      roles.push_back({a.id, b.signs[i] > 0 ? "role.transfer_in" : "role.transfer_out"});
    }
    int dec = std::max(in.decimals, out.decimals);
    Rational shown = exact / Rational(res.multiplier);
    // The balance's own unit (the expenditure's for a zero balance): "0.82 亿元" → " 亿元".
    std::string unit = show(res);
    size_t digits = unit.find_first_not_of("0123456789.,-");
    unit = digits == std::string::npos ? "" : unit.substr(digits);
    if (zero) {
      // Reported at the expenditure, the last figure before the words.
      ctx.report(out.id, Message("budget_balance.not_zero", {{"how", how}, {"value", shown.round_str(dec) + unit}}), roles);
      continue;
    }
    ctx.report(res.id,
               Message("budget_balance.mismatch", {{"how", how}, {"value", shown.round_str(dec) + unit}, {"stated", show(res)}}),
               roles);
  }
}

}  // namespace tally
