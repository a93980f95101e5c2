// change: 新增 − 撤销 = 净增 in one sentence; a stated growth percentage
// equals the relative change between two figures of the same measure.
#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

void check_net_change(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (const auto& ids : fb.by_paragraph) {
    for (int nid : ids) {
      const Quantity& net = fb.q(nid);
      if (net.kind != QuantityKind::Number || !text::contains_any(net.label, vocab.list("change_net"))) continue;
      int added = -1, removed = -1;
      for (int id : ids) {
        const Quantity& q = fb.q(id);
        if (q.sentence != net.sentence || q.id == nid || q.unit != net.unit || q.kind != QuantityKind::Number) continue;
        if (text::contains_any(q.label, vocab.list("change_net"))) continue;
        if (text::contains_any(q.label, vocab.list("change_added"))) added = id;
        else if (text::contains_any(q.label, vocab.list("change_removed"))) removed = id;
      }
      if (added < 0 || removed < 0) continue;
      const Quantity& a = fb.q(added);
      const Quantity& r = fb.q(removed);
      ctx.mark(nid);
      ctx.mark(added);
      ctx.mark(removed);
      Interval diff = a.interval() - r.interval();
      if (diff.intersects(net.interval())) {
        ctx.held({nid, added, removed});
        continue;
      }
      Rational d = a.value - r.value;
      ctx.report(nid, Message("change.net", {{"added", a.text}, {"removed", r.text}, {"diff", scale_word(net.multiplier).empty() ? d.str(2) : show_scaled(d, net, 2)}, {"net", net.text}}),
                 {{added, "role.added"}, {removed, "role.removed"}}, d.str(2));
    }
  }
}

void check_growth(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (const auto& ids : fb.by_paragraph) {
    for (size_t k = 0; k < ids.size(); ++k) {
      const Quantity& g = fb.q(ids[k]);
      if (g.kind != QuantityKind::Percent || g.approx != Approx::None) continue;
      if (!text::ends_with_any(g.label, vocab.list("growth")).size()) continue;
      // The two figures before it in the sentence, of one unit and one label.
      std::vector<int> prev;
      for (size_t j = k; j-- > 0 && prev.size() < 2;) {
        const Quantity& q = fb.q(ids[j]);
        if (q.sentence != g.sentence) break;
        if (q.kind != QuantityKind::Number || q.approx != Approx::None) break;
        prev.push_back(q.id);
      }
      if (prev.size() != 2) continue;
      // Two levels of one measure, then the rate: a change amount or a comparison-period level in
      // between is the level–change–rate relation (change-rate), not this one.
      auto plain_level = [&](int id) {
        const Statement& s = ctx.rel.st(id);
        return (s.type == ValueType::Level || s.type == ValueType::PerCapita) && !s.previous;  // 平均起薪 too
      };
      if (!plain_level(prev[0]) || !plain_level(prev[1]) || ctx.rel.st(g.id).type != ValueType::Growth) continue;
      // One of a run of rates after 分别 ("7月 A、8月 B、9月 C，同比分别增长 x%、y%、z%"): each rate is of its own
      // level against its own comparison period, never the change from the level before it to the next.
      if (ctx.rel.st(g.id).distributed) continue;
      const Quantity& before = fb.q(prev[1]);
      const Quantity& after = fb.q(prev[0]);
      auto no_digits = [](std::string s) {
        s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }), s.end());
        return s;
      };
      if (before.unit != after.unit || no_digits(before.label) != no_digits(after.label) || before.label.empty() || before.value.sign() <= 0)
        continue;
      ctx.mark(g.id);
      ctx.mark(before.id);
      ctx.mark(after.id);
      Interval change = (after.interval() - before.interval()) / before.interval() * Interval::exact(Rational(100));
      if (compare_rounded(change, g.printed, g.decimals) != RoundingVerdict::Mismatch) continue;
      Rational exact = (after.value - before.value) / before.value * Rational(100);
      ctx.report(g.id,
                 Message("arith.mismatch", {{"how", fmt::format("({} − {}) ÷ {}", after.text, before.text, before.text)},
                                            {"value", exact.round_str(std::max(2, g.decimals + 1)) + "%"},
                                            {"stated", g.text},
                                            {"named", named(g)}}),
                 {{before.id, "role.before"}, {after.id, "role.after"}}, exact.round_str(g.decimals) + "%");
    }
  }
}

}  // namespace tally
