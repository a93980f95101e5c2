// table-rate, shares of a base: a 占比 / 比例 / 比重 column (or row) whose header names neither the
// part nor the whole is the count beside it (the column to its left, the row above it) ÷ a base the
// table does not name. The base is one of
//   the 合计 row of that count column (the 合计 column of that count row),
//   the sum of the count column (row) when the table has no 合计,
//   another count column (row) of the table, per row (column): 专任教师 for a 占比 beside 双师型教师;
//   for a sub-row, the row it breaks down (an indicator table's whole named first, its parts indented);
// and it is the one under which the shares hold in the most cells, counted over every period of the
// table (the base that works for 2023 is the base for 2024). A base that holds nowhere, or that ties
// with another, is not used: the table is then silent. Truncation is a warning, as for every rate.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"
#include "checks/table_cells.h"

namespace tally {

namespace {

// A label that says "share" and nothing else — or "share of X" (占毕业生比例, 占全县比重, 占总数的比重): X
// says which whole, and the bases below are tried all the same; one that fails in most cells (a share of
// the province in a table of its counties) is not used.
bool bare_share(const std::string& label, const std::vector<std::string>& words) {
  std::string s = bare_label(label);
  for (const auto& w : words) {
    if (s == w) return true;
    std::string_view of = s;
    if (!text::starts_with(of, "占") || !text::ends_with(of, w)) continue;
    of = of.substr(std::string_view("占").size(), of.size() - std::string_view("占").size() - w.size());
    if (text::ends_with(of, "的")) of.remove_suffix(std::string_view("的").size());
    size_t n = utf8::count_code_points(of);
    bool words_only = n >= 1 && n <= 8;
    for (size_t i = 0; i < of.size() && words_only; i += utf8::seq_len(static_cast<unsigned char>(of[i])))
      words_only = text::is_cjk(utf8::at(of, i));
    if (words_only) return true;
  }
  return false;
}

// The whole a share label names ("占全县人口比重" → "全县人口"), or "" (a bare "比重").
std::string named_whole(const std::string& label, const std::vector<std::string>& words) {
  std::string s = bare_label(label);
  if (!text::starts_with(s, "占")) return "";
  for (const auto& w : words) {
    if (!text::ends_with(s, w)) continue;
    std::string of = s.substr(std::string_view("占").size(), s.size() - std::string_view("占").size() - w.size());
    if (text::ends_with(of, "的")) of.resize(of.size() - std::string_view("的").size());
    return of;
  }
  return "";
}

// A base reading: where the base of each cell comes from.
struct Base {
  enum Kind { Total, Sum, Other, Parent } kind = Total;
  std::string other;  // the name of the other count line (Other)
  int holds = 0, fails = 0;
  bool precise = false;  // a holding share printed with decimals (not a whole percentage that fits by chance)
  bool operator<(const Base& o) const { return std::tie(kind, other) < std::tie(o.kind, o.other); }
};

struct Cellq {
  int share = -1;
  Interval base;
  Rational base_exact;
  std::vector<int> base_ids;  // the figures the base is made of
};

// Interval arithmetic of one share cell against count ÷ base × 100.
RoundingVerdict judge(const FactBase& fb, int share, int count, const Interval& base, const Rational& exact_base,
                      Rational* exact) {
  const Quantity& qs = fb.q(share);
  const Quantity& qc = fb.q(count);
  *exact = qc.value / exact_base * Rational(100);
  Interval v = qc.interval() / base * Interval::exact(Rational(100));
  return compare_rounded(v, qs.printed, qs.decimals);
}

}  // namespace

void check_table_shares(CheckContext& ctx, const TableCells& cells) {
  const FactBase& fb = ctx.fb;
  std::vector<std::string> words =
      ctx.strings("share_words");
  auto is_share_cell = [&](int id) {
    return id >= 0 && percent_cell(fb, fb.q(id)) && fb.q(id).approx == Approx::None && !fb.q(id).malformed;
  };
  // A negative cell (a loss, a deficit) has no share of a whole.
  auto is_count_cell = [&](int id) {
    return id >= 0 && plain_number(fb.q(id)) && !fb.q(id).negative && !percent_cell(fb, fb.q(id));
  };

  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    const int T = static_cast<int>(t);
    const int nrows = static_cast<int>(tab.rows.size());
    const int ncols = static_cast<int>(tab.cols.size());
    std::vector<int> item_rows, value_cols;
    int total_row = -1, totals = 0;
    bool subtotals = false;
    for (int r = tab.header_rows; r < nrows; ++r) {
      const RowInfo& ri = tab.info[r];
      if (!figure_row(ri)) continue;
      item_rows.push_back(r);
      if (ri.role == RowRole::Total) {
        total_row = r;
        ++totals;
      }
      subtotals |= ri.role == RowRole::Subtotal;
    }
    // One 合计 row is the base of every row; with several (or 小计 rows) which one is meant is not clear.
    if (totals != 1 || subtotals) total_row = totals == 0 && !subtotals ? -1 : -3;
    value_cols = value_columns(tab);
    if (item_rows.size() < 2 || value_cols.empty()) continue;

    // Each reading's verdicts, gathered over the whole table before anything is reported.
    struct Verdict {
      int share, count;
      Cellq base;
      Base key;
      std::string layout;
    };
    std::vector<Verdict> all;
    auto evaluate = [&](int share, int count, const Cellq& base, const Base& key, const std::string& layout) {
      if (!is_share_cell(share) || !is_count_cell(count) || base.base_exact <= Rational(0)) return;
      all.push_back({share, count, base, key, layout});
    };
    // The base made of several count cells (the items' column or the row's cells), when all are counts.
    auto sum_of = [&](const std::vector<int>& ids, Cellq* sum) {
      sum->base = Interval::exact(Rational(0));
      for (int id : ids) {
        if (!is_count_cell(id)) return false;
        sum->base = sum->base + fb.q(id).interval();
        sum->base_exact = sum->base_exact + fb.q(id).value;
        sum->base_ids.push_back(id);
      }
      return true;
    };
    auto single = [&](int id) {
      Cellq b;
      b.base = fb.q(id).interval();
      b.base_exact = fb.q(id).value;
      b.base_ids = {id};
      return b;
    };

    // Columns: a share column and the count column to its left under the same upper headers.
    for (int c : value_cols) {
      const ColumnInfo& col = tab.cols[c];
      if (!bare_share(col.measure, words) && !(col.path.size() > 1 && bare_share(col.path.back(), words))) continue;
      auto same_group = [&](int k) {
        const ColumnInfo& o = tab.cols[k];
        if (o.period != col.period || o.path.size() != col.path.size()) return false;
        for (size_t i = 0; i + 1 < col.path.size(); ++i)
          if (o.path[i] != col.path[i]) return false;
        return !o.label && !o.change && !o.sample && o.unit != "%";
      };
      auto count_column = [&](int k) {
        int n = 0;
        for (int r : item_rows) {
          int id = cells.at(T, r, k);
          if (id < 0) continue;
          if (!is_count_cell(id)) return false;
          ++n;
        }
        return n >= 2;
      };
      // The count is the nearest amount to the left: an average or a rate between them (户均人口 between
      // 总人口 and 占全县人口比重) is no amount of the rows, so no part of a whole (vocabulary
      // table_not_summed marks such columns).
      // When the label names its whole (占全县人口比重) and one amount to the left says it (总人口 beside 户数),
      // that amount is the count; otherwise the nearest.
      std::string whole = named_whole(col.path.empty() ? col.measure : col.path.back(), words);
      int count = -1, named = -1, nameds = 0;
      for (int k = c - 1; k >= 0 && same_group(k); --k) {
        if (tab.cols[k].not_summed || !count_column(k)) continue;
        if (count < 0) count = k;
        if (!whole.empty() && share_word(bare_label(tab.cols[k].measure), whole)) {
          named = k;
          ++nameds;
        }
      }
      if (nameds == 1) count = named;
      if (count < 0) continue;
      std::string layout =
          ctx.say(Message("table_share.column", {{"name", bare_label(col.path.empty() ? col.measure : col.path.back())}}));
      for (int r : item_rows) {
        int s = cells.at(T, r, c), n = cells.at(T, r, count);
        if (total_row >= 0 && r != total_row) {
          int b = cells.at(T, total_row, count);
          if (is_count_cell(b)) evaluate(s, n, single(b), {Base::Total, ""}, layout);
        }
        // A sub-row's share of the row it breaks down: "地区生产总值 / 　第一产业 …", the whole named first.
        if (tab.info[r].parent >= 0) {
          int b = cells.at(T, tab.info[r].parent, count);
          if (is_count_cell(b)) evaluate(s, n, single(b), {Base::Parent, ""}, layout);
        }
        if (total_row == -1) {
          std::vector<int> ids;
          for (int k : item_rows)
            if (tab.info[k].parent < 0) ids.push_back(cells.at(T, k, count));
          Cellq sum;
          if (ids.size() >= 2 && sum_of(ids, &sum)) evaluate(s, n, sum, {Base::Sum, ""}, layout);
        }
        for (int k = 0; k < ncols; ++k)
          if (k != count && k != c && same_group(k) && count_column(k)) {
            int b = cells.at(T, r, k);
            if (is_count_cell(b)) evaluate(s, n, single(b), {Base::Other, bare_label(tab.cols[k].measure)}, layout);
          }
      }
    }

    // Rows: a share row and the count row above it, across the value columns.
    int total_col = -1;
    for (int c : value_cols)
      if (tab.cols[c].total) total_col = total_col == -1 ? c : -2;
    bool one_period = true;
    for (int c : value_cols) one_period &= tab.cols[c].period == tab.cols[value_cols.front()].period;
    auto count_row = [&](int r) {
      int n = 0;
      for (int c : value_cols) {
        int id = cells.at(T, r, c);
        if (id < 0) continue;
        if (!is_count_cell(id)) return false;
        ++n;
      }
      return n >= 2 || (n == 1 && value_cols.size() == 1);
    };
    for (size_t i = 0; i < item_rows.size(); ++i) {
      int r = item_rows[i];
      if (!bare_share(tab.info[r].label, words) || tab.info[r].total) continue;
      int count = -1;
      for (size_t j = i; j-- > 0;)
        if (count_row(item_rows[j])) {
          count = item_rows[j];
          break;
        }
      if (count < 0) continue;
      for (int c : value_cols) {
        int s = cells.at(T, r, c), n = cells.at(T, count, c);
        if (total_col >= 0 && c != total_col && tab.cols[c].period == tab.cols[total_col].period) {
          int b = cells.at(T, count, total_col);
          if (is_count_cell(b)) evaluate(s, n, single(b), {Base::Total, ""}, ctx.say("table_share.row"));
        }
        if (total_col == -1 && one_period && value_cols.size() >= 2) {
          std::vector<int> ids;
          for (int k : value_cols) ids.push_back(cells.at(T, count, k));
          Cellq sum;
          if (sum_of(ids, &sum)) evaluate(s, n, sum, {Base::Sum, ""}, ctx.say("table_share.row"));
        }
        for (int k : item_rows)
          if (k != count && k != r && !tab.info[k].total && count_row(k)) {
            int b = cells.at(T, k, c);
            if (is_count_cell(b)) evaluate(s, n, single(b), {Base::Other, bare_label(tab.info[k].label)}, ctx.say("table_share.row"));
          }
      }
    }
    if (all.empty()) continue;

    // Score each reading; the share lines of one table are read one way.
    std::map<Base, Base> score;
    for (const auto& v : all) {
      Rational exact;
      RoundingVerdict rv = judge(fb, v.share, v.count, v.base.base, v.base.base_exact, &exact);
      Base& b = score.emplace(v.key, v.key).first->second;
      if (rv == RoundingVerdict::Mismatch) {
        ++b.fails;
      } else {
        ++b.holds;
        b.precise |= fb.q(v.share).decimals >= 1;
      }
    }
    const Base* best = nullptr;
    bool tie = false;
    for (const auto& [k, b] : score) {
      if (!best || b.holds > best->holds || (b.holds == best->holds && b.fails < best->fails)) {
        best = &b;
        tie = false;
      } else if (b.holds == best->holds && b.fails == best->fails) {
        tie = true;
      }
    }
    if (!best || tie || best->holds == 0 || best->holds < best->fails || (!best->precise && best->holds < 2)) continue;
    for (const auto& v : all) {
      if (v.key.kind != best->kind || v.key.other != best->other) continue;
      Rational exact;
      RoundingVerdict rv = judge(fb, v.share, v.count, v.base.base, v.base.base_exact, &exact);
      const Quantity& qs = fb.q(v.share);
      ctx.mark(v.share);
      ctx.mark(v.count);
      for (int id : v.base.base_ids) ctx.mark(id);
      if (rv == RoundingVerdict::Match) {
        ctx.held({v.share, v.count});
        continue;
      }
      std::string base_text = v.base.base_ids.size() == 1
                                  ? fb.q(v.base.base_ids[0]).text
                                  : ctx.say(Message("table_share.sum_value", {{"value", v.base.base_exact.str(4)}}));
      std::string base_name = best->kind == Base::Total ? ctx.say("table_share.base_total")
                              : best->kind == Base::Sum ? ctx.say("table_share.base_sum")
                              : best->kind == Base::Parent ? tab.info[fb.q(v.base.base_ids[0]).row].label
                                                           : best->other;
      bool sign = text::ends_with(qs.text, "%") || text::ends_with(qs.text, "％");
      std::string fix = exact.round_str(qs.decimals) + (sign ? "%" : "");
      std::string shown = exact.round_str(std::max(2, qs.decimals + 1)) + "%";
      std::vector<CheckContext::Role> roles = {{v.count, "role.part"}};
      if (v.base.base_ids.size() == 1) roles.push_back({v.base.base_ids[0], "role.whole"});
      std::string arith = fmt::format("{} ÷ {} = {}", fb.q(v.count).text, base_text, shown);
      std::vector<std::pair<std::string, std::string>> args = {
          {"where", v.layout}, {"base", base_name}, {"arith", arith}, {"fix", fix}, {"stated", qs.text}};
      if (rv == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
        ctx.report(v.share, Message("table_share.truncated", args), roles, fix, Severity::Warning, true);
      } else {
        ctx.report(v.share, Message("table_share.mismatch", args), roles, fix);
      }
    }
  }
}

}  // namespace tally
