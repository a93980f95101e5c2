// table-change: a change column (增量, 增减, 比上年增长) equals the difference of the two period
// columns of the same measure — in units for counts and amounts, in percentage points for
// percentage columns — or, for a growth-rate column, (new − old) ÷ old. A change cell may be written
// unsigned for a decrease.
#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"
#include "checks/table_cells.h"

namespace tally {

namespace {

bool printed_negative(const FactBase& fb, const Quantity& q) {
  if (q.negative) return true;
  uint32_t b = q.span.begin;
  std::string_view before = fb.source->slice({b >= 3 ? b - 3 : 0, b});
  return text::ends_with(before, "-") || text::ends_with(before, "−") || text::ends_with(before, "－");
}

// The two period columns a change column compares: same measure, two periods, one column each.
bool period_pair(const Table& tab, int change_col, int* old_col, int* new_col) {
  const ColumnInfo& d = tab.cols[change_col];
  std::map<int, std::vector<int>> by_period;
  for (size_t c = 0; c < tab.cols.size(); ++c) {
    const ColumnInfo& o = tab.cols[c];
    if (o.label || o.change || o.sample || !o.period) continue;
    if (o.measure != d.measure) continue;
    by_period[o.period].push_back(static_cast<int>(c));
  }
  if (by_period.size() < 2) return false;
  // The latest two periods (a 增量 compares the last year with the one before).
  auto last = std::prev(by_period.end());
  auto before = std::prev(last);
  if (last->second.size() != 1 || before->second.size() != 1) return false;
  if (by_period.size() > 2) {
    // More than two periods: only when the change column follows the latest one.
    if (change_col < last->second[0]) return false;
  }
  *old_col = before->second[0];
  *new_col = last->second[0];
  return true;
}

// The value columns left of a change column, nearest first, other change columns passed over ("本年 ·
// 上年 · 增减 · 增长（%）": the growth column's are 上年 and 本年).
std::vector<int> values_left_of(const Table& tab, int change_col) {
  std::vector<int> out;
  for (int c = change_col - 1; c >= 0; --c) {
    const ColumnInfo& o = tab.cols[c];
    if (o.label) break;
    // Another change column, or a rate or ratio (完成预算 between 执行数 and 上年同期): not a period's amount.
    if (o.change || o.not_summed) continue;
    if (o.sample || o.total || o.part) break;
    out.push_back(c);
  }
  return out;
}

// The two period columns of a change column whose headers name the periods in words, not years: the
// previous one opens with a previous-period word (上年产量, 去年, 上年同期; vocabulary previous_period), the
// current one is the same measure bare, with a current-period word (本年产量, 本年) or named by its kind
// (粮食产量 for 上年产量), or any measure beside a bare 上年 / 去年同期. Both must be the two value columns right
// before the change column, in one unit.
bool named_pair(const Table& tab, const Vocabulary& v, int change_col, int* old_col, int* new_col) {
  std::vector<int> left = values_left_of(tab, change_col);
  if (left.size() < 2) return false;
  for (int k = 0; k < 2; ++k) {
    int prev = left[k], cur = left[1 - k];
    const ColumnInfo& p = tab.cols[prev];
    const ColumnInfo& c = tab.cols[cur];
    if (p.period || p.unit != c.unit) continue;
    std::string_view word = text::starts_with_any(p.measure, v.list("previous_period"));
    if (word.empty()) continue;
    std::string rest = p.measure.substr(word.size());
    if (text::starts_with(rest, "的")) rest = rest.substr(std::string_view("的").size());
    std::string_view now = text::starts_with_any(c.measure, v.list("current_period"));
    std::string cur_rest = c.measure.substr(now.size());
    // 本年产量 / 上年产量, 本期 / 上期, 粮食产量 / 上年产量; a bare 上年 (去年同期) is the period before of the
    // measure right beside it (客运量 / 去年同期), a year column's (2024年 / 上年) included.
    bool same = cur_rest == rest || rest.empty() ||
                (utf8::count_code_points(rest) >= 2 && now.empty() && text::ends_with(c.measure, rest));
    if (!same || (c.period && !rest.empty())) continue;
    // A change column that names a measure of its own is of that measure only.
    const std::string& own = tab.cols[change_col].measure;
    if (!own.empty() && !text::contains(c.measure, own)) return false;
    *old_col = prev;
    *new_col = cur;
    return true;
  }
  return false;
}

// How a period column is called in a finding: its year, or its header when it names none.
std::string period_name(const ColumnInfo& c) {
  return c.period ? fmt::format("{}", c.period) : bare_label(c.measure);
}

}  // namespace

void check_table_change(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  TableCells cells(fb);
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    const int T = static_cast<int>(t);
    if (tab.header_rows == 0) continue;
    for (size_t dc = 0; dc < tab.cols.size(); ++dc) {
      const ColumnInfo& dcol = tab.cols[dc];
      if (!dcol.change || dcol.label) continue;
      // Growth at comparable prices (可比增长, 实际增长) is no quotient of the two nominal columns.
      bool real = false;
      for (const auto& e : dcol.path) real |= text::contains_any(e, ctx.strings("not_nominal"));
      if (real) continue;
      int old_col = -1, new_col = -1;
      if (!period_pair(tab, static_cast<int>(dc), &old_col, &new_col) &&
          !named_pair(tab, *fb.vocab, static_cast<int>(dc), &old_col, &new_col))
        continue;
      for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
        if (!figure_row(tab.info[r])) continue;
        int a = cells.at(T, static_cast<int>(r), old_col);
        int b = cells.at(T, static_cast<int>(r), new_col);
        int d = cells.at(T, static_cast<int>(r), static_cast<int>(dc));
        if (a < 0 || b < 0 || d < 0) continue;
        const Quantity& qa = fb.q(a);
        const Quantity& qb = fb.q(b);
        const Quantity& qd = fb.q(d);
        if (qa.kind != qb.kind || qa.kind == QuantityKind::Ratio || qd.kind == QuantityKind::Ratio) continue;
        if (qa.approx != Approx::None || qb.approx != Approx::None || qd.approx != Approx::None) continue;
        if (qa.malformed || qb.malformed || qd.malformed) continue;
        bool percent = qa.kind == QuantityKind::Percent;
        // A growth rate: the column says so, or it gives percentages of counts.
        bool growth = !percent && (dcol.growth_rate || qd.kind == QuantityKind::Percent);
        if (!percent && !growth && qd.kind != QuantityKind::Number) continue;
        if (!percent && !growth && !qa.unit.empty() && !qd.unit.empty() && qa.unit != qd.unit) continue;
        ctx.mark(a);
        ctx.mark(b);
        ctx.mark(d);
        bool negative = printed_negative(fb, qd);
        std::vector<CheckContext::Role> roles = {{b, period_name(tab.cols[new_col])}, {a, period_name(tab.cols[old_col])}};
        if (growth) {
          // Growth of a signed amount (a deficit turning to a surplus) is not (new − old) ÷ old.
          if (qa.value == Rational(0) || qa.negative || qb.negative) continue;
          Interval up = (qb.interval() - qa.interval()) / qa.interval() * Interval::exact(Rational(100));
          Interval down = (qa.interval() - qb.interval()) / qa.interval() * Interval::exact(Rational(100));
          // Division assumes non-negative operands: compare with the magnitude that is positive.
          bool rising = qa.value < qb.value;
          Rational stated = qd.printed < Rational(0) ? Rational(0) - qd.printed : qd.printed;
          RoundingVerdict v = compare_rounded(rising ? up : down, stated, qd.decimals);
          if (negative && rising && stated != Rational(0)) v = RoundingVerdict::Mismatch;  // a rise printed as a fall
          if (v == RoundingVerdict::Match) {
            ctx.held({a, b, d});
            continue;
          }
          Rational exact = (qb.value - qa.value) / qa.value * Rational(100);
          // The sign as printed: a cell under a （%） header is written without it.
          bool sign = text::ends_with(qd.text, "%") || text::ends_with(qd.text, "％");
          std::string fix = exact.round_str(qd.decimals) + (sign ? "%" : "");
          std::string shown = exact.round_str(std::max(2, qd.decimals + 1));
          if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
            ctx.report(d,
                       Message("table_change.growth_truncated", {{"after", qb.text},
                                                                 {"before", qa.text},
                                                                 {"value", shown},
                                                                 {"fix", fix},
                                                                 {"stated", qd.text}}),
                       roles, fix, Severity::Warning, true);
          } else {
            ctx.report(d,
                       Message("table_change.growth", {{"after", qb.text}, {"before", qa.text}, {"value", shown}, {"stated", qd.text}}),
                       roles, fix);
          }
          continue;
        }
        // A difference, in units or in percentage points. A change cell whose unit nothing declared
        // ("单位：万吨" read into the period columns only) is in the unit of the periods it compares.
        Rational scale(qd.multiplier);
        Interval stated = qd.interval();
        if (qd.unit.empty() && !qa.unit.empty() && qd.multiplier == 1 && qa.multiplier == qb.multiplier && !percent) {
          scale = Rational(qa.multiplier);
          stated = stated * Interval::exact(scale);
        }
        Interval diff = qb.signed_interval() - qa.signed_interval();
        Interval neg = qa.signed_interval() - qb.signed_interval();
        bool ok = negative ? neg.intersects(stated) : (diff.intersects(stated) || neg.intersects(stated));
        // A bare 增减 (同比增减) that holds as a growth rate is one: which it is the header does not say.
        if (!ok && !percent && qd.kind == QuantityKind::Number && qd.unit.empty() && qa.value != Rational(0) &&
            !qa.negative && !qb.negative) {
          Interval rate = (qb.interval() - qa.interval()) / qa.interval() * Interval::exact(Rational(100));
          Interval fall = (qa.interval() - qb.interval()) / qa.interval() * Interval::exact(Rational(100));
          Rational shown = qd.printed < Rational(0) ? Rational(0) - qd.printed : qd.printed;
          ok = compare_rounded(qa.value < qb.value ? rate : fall, shown, qd.decimals) != RoundingVerdict::Mismatch;
        }
        if (ok) {
          ctx.held({a, b, d});
          continue;
        }
        Rational exact = qb.signed_value() - qa.signed_value();
        int dec = std::max(qd.decimals, std::max(qa.decimals, qb.decimals));
        std::string unit = percent ? " percentage points" : "";
        std::string fix = (exact / scale).round_str(qd.decimals);
        if (percent && qd.kind == QuantityKind::Percent) fix += "%";
        ctx.report(d,
                   Message("table_change.change", {{"after", qb.text},
                                                   {"before", qa.text},
                                                   {"value", (exact / scale).round_str(dec) + unit},
                                                   {"stated", qd.text}}),
                   roles, fix);
      }
    }
  }
}

}  // namespace tally
