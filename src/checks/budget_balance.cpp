// budget-balance: 收入 − 支出 (+ 调入, 上年结转; − 调出, 结转下年 where the
// paragraph states them) = 结余. Since a 收入总计 may already include the
// transfers it names, the balance is an error only when no choice of the
// stated adjustments gives it.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_budget_balance(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::Balance) continue;
    const Quantity& res = fb.q(b.figure);
    const Quantity& in = fb.q(b.whole);
    const Quantity& out = fb.q(b.other);
    ctx.mark(res.id);
    Interval base = in.interval() - out.interval();
    bool ok = false;
    size_t n = b.parts.size();
    for (size_t mask = 0; mask < (size_t{1} << n) && !ok; ++mask) {
      Interval x = base;
      for (size_t i = 0; i < n; ++i)
        if (mask & (size_t{1} << i)) x = b.signs[i] > 0 ? x + fb.q(b.parts[i]).interval() : x - fb.q(b.parts[i]).interval();
      ok = x.intersects(res.interval());
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
    // The balance's own unit: "0.82 亿元" → " 亿元".
    std::string unit = show(res);
    size_t digits = unit.find_first_not_of("0123456789.,-");
    unit = digits == std::string::npos ? "" : unit.substr(digits);
    ctx.report(res.id,
               Message("budget_balance.mismatch", {{"how", how}, {"value", shown.round_str(dec) + unit}, {"stated", show(res)}}),
               roles);
  }
}

}  // namespace tally
