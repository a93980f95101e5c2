// sum: the parts of a stated breakdown add up to its stated whole.
#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

namespace {

// The breakdown's evidence in the finding's language ("其中 … 分别为", "categories 公办/民办").
std::string why(const CheckContext& ctx, const Breakdown& b) {
  return say_evidence(b.why, [&](const Message& m) { return ctx.say(m); });
}

}  // namespace

void check_sum(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.breakdowns) {
    if (b.kind != BreakdownKind::Sum) continue;
    const Quantity& w = fb.q(b.whole);
    Interval total = Interval::exact(Rational(0));
    std::string expr;
    bool exact = true;
    int decimals = 0;
    for (size_t i = 0; i < b.parts.size(); ++i) {
      const Quantity& p = fb.q(b.parts[i]);
      total = total + p.signed_interval();
      exact = exact && p.interval().is_exact();
      decimals = std::max(decimals, p.decimals);
      expr += (i ? " " : "") + sum_term(p, i == 0);
    }
    ctx.mark(b.whole);
    for (int p : b.parts) ctx.mark(p);
    // Compare in the whole's own multiplier: 万 totals carry the precision of their digits.
    if (total.intersects(w.signed_interval())) {
      ctx.held({b.whole});
      ctx.held(b.parts);
      continue;
    }
    Rational sum = Rational(0);
    for (int p : b.parts) sum = sum + fb.q(p).signed_value();
    std::vector<CheckContext::Role> roles;
    for (size_t i = 0; i < b.parts.size(); ++i)
      roles.push_back({b.parts[i], Message("role.part_of", {{"i", std::to_string(i + 1)}, {"n", std::to_string(b.parts.size())}})});
    std::optional<std::string> fix;
    if (exact && w.multiplier == 1 && w.decimals == decimals) fix = sum.round_str(decimals);
    // The sum in the total's own scale, with its word: "27.43亿 + 0.94亿 = 28.37亿", "4120 + 10840 = 1.496万".
    // (A table cell under "单位：亿元" prints no 亿: the sum is shown as its cells are.)
    std::string_view scale = scale_word(w.multiplier);
    if (!text::contains(w.text, scale)) scale = "";
    std::string shown_sum = (sum / Rational(w.multiplier)).str(std::max(w.decimals, decimals) + 2) + std::string(scale);
    ctx.report(b.whole,
               Message("sum.mismatch",
                       {{"expr", expr}, {"sum", shown_sum}, {"total", w.text}, {"why", why(ctx, b)}}),
               roles, fix);
  }
}

// subset: a part named after 其中 never exceeds its whole; disjoint classes of a whole
// (prize classes of the participants) never exceed it together.
void check_subset(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  for (const auto& b : ctx.rel.breakdowns) {
    const Quantity& w = fb.q(b.whole);
    // Signed cells (a loss among gains) bound nothing: a part of a net sum may exceed it.
    if (w.negative || std::any_of(b.parts.begin(), b.parts.end(), [&](int p) { return fb.q(p).negative; })) continue;
    if (b.kind == BreakdownKind::AtMost) {
      Interval total = Interval::exact(Rational(0));
      std::string expr;
      for (size_t i = 0; i < b.parts.size(); ++i) {
        total = total + fb.q(b.parts[i]).interval();
        expr += (i ? " + " : "") + fb.q(b.parts[i]).text;
        ctx.mark(b.parts[i]);
      }
      ctx.mark(b.whole);
      if (total.lo_inf || w.interval().hi_inf || !(total.lo > w.interval().hi)) {
        ctx.held({b.whole});
        ctx.held(b.parts);
        continue;
      }
      std::vector<CheckContext::Role> roles;
      for (size_t i = 0; i < b.parts.size(); ++i)
        roles.push_back({b.parts[i], Message("role.class_of", {{"i", std::to_string(i + 1)}, {"n", std::to_string(b.parts.size())}})});
      Rational sum = Rational(0);
      int decimals = 0;
      for (int p : b.parts) {
        sum = sum + fb.q(p).value;
        decimals = std::max(decimals, fb.q(p).decimals);
      }
      // The sum in the whole's own multiplier and unit: "39.82 亿 + 7.45 亿 + 5.16 亿 = 52.43 亿元".
      std::string whole = show(w);
      std::string sum_text = (sum / Rational(w.multiplier)).round_str(decimals) +
                             whole.substr(std::min(whole.size(), whole.find_last_of("0123456789") + 1));
      if (b.parts.size() == 1)
        ctx.report(b.whole,
                   Message("subset.one_class", {{"part", show(fb.q(b.parts[0]))}, {"whole", show(w)}, {"why", why(ctx, b)}}),
                   roles);
      else
        ctx.report(b.whole,
                   Message("subset.classes", {{"expr", expr}, {"sum", sum_text}, {"whole", whole}, {"why", why(ctx, b)}}),
                   roles);
      continue;
    }
    for (int pid : b.parts) {
      const Quantity& p = fb.q(pid);
      ctx.mark(pid);
      ctx.mark(b.whole);
      Interval pi = p.interval(), wi = w.interval();
      if (pi.lo_inf || wi.hi_inf) continue;
      if (!(pi.lo > wi.hi)) {
        ctx.held({pid});
      } else if (pi.lo > wi.hi * Rational(2)) {
        // A part many times its whole ("80 人的培训任务 … 其中 293 名教师") is a misread antecedent far
        // more often than a misprint: say nothing.
        continue;
      } else {
        // In another unit of the dimension (公顷 of a 亩 whole): say what it is in the whole's unit.
        std::string converted;
        if (p.unit != w.unit && !w.unit.empty())
          converted = fmt::format("{} {}{}", (p.value / Rational(w.multiplier)).round_str(std::max(w.decimals, 1)),
                                  text::trim(std::string_view(w.text).substr(w.text.find_last_of("0123456789") + 1)),
                                  w.unit);
        ctx.report(pid,
                   Message(converted.empty() ? "subset.part_exceeds" : "subset.part_exceeds_converted",
                           {{"part", show(p)}, {"converted", converted}, {"whole", show(w)}, {"why", why(ctx, b)}}),
                   {{b.whole, "role.whole"}});
      }
    }
  }
}

}  // namespace tally
