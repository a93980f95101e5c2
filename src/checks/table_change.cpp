// table-change: a change column (增量, 增减, 比上年增长) equals the difference of the two period
// columns of the same measure — in units for counts and amounts, in percentage points for
// percentage columns — or, for a growth-rate column, (new − old) ÷ old. A change cell may be written
// unsigned for a decrease.
#include <fmt/format.h>

#include <map>

#include "base/text.h"
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
      int old_col = -1, new_col = -1;
      if (!period_pair(tab, static_cast<int>(dc), &old_col, &new_col)) continue;
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
        std::vector<CheckContext::Role> roles = {{b, fmt::format("{}", tab.cols[new_col].period)},
                                                 {a, fmt::format("{}", tab.cols[old_col].period)}};
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
          std::string fix = exact.round_str(qd.decimals) + "%";
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
        // A difference, in units or in percentage points.
        Interval diff = qb.signed_interval() - qa.signed_interval();
        Interval neg = qa.signed_interval() - qb.signed_interval();
        Interval stated = qd.interval();
        bool ok = negative ? neg.intersects(stated) : (diff.intersects(stated) || neg.intersects(stated));
        if (ok) {
          ctx.held({a, b, d});
          continue;
        }
        Rational exact = qb.signed_value() - qa.signed_value();
        int dec = std::max(qd.decimals, std::max(qa.decimals, qb.decimals));
        std::string unit = percent ? " percentage points" : "";
        std::string fix = (exact / Rational(qd.multiplier)).round_str(qd.decimals);
        if (percent && qd.kind == QuantityKind::Percent) fix += "%";
        ctx.report(d,
                   Message("table_change.change", {{"after", qb.text},
                                                   {"before", qa.text},
                                                   {"value", exact.round_str(dec) + unit},
                                                   {"stated", qd.text}}),
                   roles, fix);
      }
    }
  }
}

}  // namespace tally
