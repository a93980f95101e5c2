// percent-range: shares and rates that cannot exceed 100% (满意度, 占比,
// 落实率 …). Rates that may (完成率 of a target, growth) are not listed.
#include <fmt/format.h>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

namespace {

// A rate of a plan (完成比例, 执行率; a 录取率 beside a 计划数 column or a 招生计划): actual ÷ planned, over
// 100% when the plan is exceeded.
bool of_plan(const FactBase& fb, const Quantity& q, std::string_view label) {
  const Vocabulary& vocab = *fb.vocab;
  if (text::contains_any(label, vocab.list("plan_completion"))) return true;
  if (!text::contains_any(label, vocab.list("plan_relative"))) return false;
  if (q.table >= 0 && q.table < static_cast<int>(fb.doc.tables.size())) {
    const Table& tab = fb.doc.tables[q.table];
    for (const auto& col : tab.cols)
      for (const auto& e : col.path)
        if (text::contains_any(e, vocab.list("plan_words"))) return true;
    return false;
  }
  return q.paragraph >= 0 && text::contains_any(fb.para_text(q.paragraph), vocab.list("plan_words"));
}

}  // namespace

void check_percent_range(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const std::vector<std::string>& bounded = ctx.strings("bounded");
  const std::vector<std::string>& unbounded = ctx.strings("unbounded");
  for (const auto& q : fb.ex.quantities) {
    if (q.kind != QuantityKind::Percent || q.approx == Approx::AtMost) continue;
    // A cell of a 样本数 / 调查人次 column counts people, whatever the row's 单位 says; a change column
    // (增量, 比上年增长) is not a share.
    if (q.table >= 0 && q.table < static_cast<int>(fb.doc.tables.size())) {
      const Table& tab = fb.doc.tables[q.table];
      if (q.col >= 0 && q.col < static_cast<int>(tab.cols.size()) && (tab.cols[q.col].sample || tab.cols[q.col].change))
        continue;
    }
    std::string label = q.label + "|" + q.col_label;
    bool is_bounded = false;
    for (const auto& w : bounded) is_bounded |= text::contains(label, w);
    for (const auto& w : unbounded) is_bounded &= !text::contains(label, w);
    if (!is_bounded || of_plan(fb, q, label)) continue;
    ctx.mark(q.id);
    if (q.value > Rational(100))
      ctx.report(q.id, Message("percent_range.over", {{"figure", q.text}, {"label", q.label}}), {});
  }
}

}  // namespace tally
