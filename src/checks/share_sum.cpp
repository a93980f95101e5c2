// share-sum: shares of one whole that cover it — one for every member of a partition (男/女, 第一、二、三
// 产业), or ending with the rest (其他) or the open end of a scale (专科及以下) — add up to 100%, within
// the rounding of the printed shares.
#include <fmt/format.h>

#include "checks/bulletin_check.h"

namespace tally {

using namespace bulletin_check;

void check_share_sum(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.bulletin) {
    if (b.kind != BulletinKind::ShareSet) continue;
    Interval sum = Interval::exact(Rational(0));
    Rational exact(0);
    std::string terms;
    int dec = 0;
    bool ok = true;
    for (int p : b.parts) {
      const Quantity& q = fb.q(p);
      if (!exact_enough(q)) ok = false;
      sum = sum + q.interval();
      exact = exact + q.value;
      terms += (terms.empty() ? "" : " + ") + q.text;  // as printed: "63.80%"
      dec = std::max(dec, q.decimals);
      ctx.mark(p);
    }
    if (!ok) continue;
    if (sum.contains(Rational(100))) {
      ctx.held(b.parts);
      continue;
    }
    // Shares far from 100% in all are not the parts of one whole that the words suggested (each class's
    // own rate, shares of two wholes): only a sum within 15 points of 100 is read as one that should be 100.
    Rational gap = exact > Rational(100) ? exact - Rational(100) : Rational(100) - exact;
    if (gap > Rational(15)) continue;
    // Reported at the last share (the one a reader adds last), with the others as notes.
    std::vector<CheckContext::Role> roles;
    for (size_t i = 0; i + 1 < b.parts.size(); ++i) roles.push_back({b.parts[i], Message("role.part_n", {{"i", std::to_string(i + 1)}})});
    ctx.report(b.parts.back(), Message("share_sum.sum", {{"terms", terms}, {"sum", exact.round_str(dec)}}), roles);
  }
}

}  // namespace tally
