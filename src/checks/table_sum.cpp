// Sums in tables: a total stated in the sentence that introduces a table equals the sum of its
// column (table-column-sum); 合计/小计/总计 rows and columns equal the sum of what they total
// (table-total).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "checks/check.h"
#include "checks/table_cells.h"

namespace tally {

namespace {

// An exact amount of money ("320.50" in a 万元 table, "1250 万元").
bool money_amount(const Quantity& q) {
  return q.kind == QuantityKind::Number && q.dimension == "money" && q.approx == Approx::None && !q.malformed;
}

}  // namespace

// table-column-sum: a total stated in the sentence that introduces a table
// ("共培训 410 人") equals the sum of the table's column of that measure.
void check_table_column_sum(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  TableCells cells_of(fb);
  each_introduced_table(fb, [&](size_t pi, int t, const Table& tab) {
    if (tab.data_rows() < 2 || tab.header_rows == 0) return;
    bool has_total = false;
    for (const auto& ri : tab.info) has_total |= ri.total;
    if (has_total) return;  // the 合计 row is checked by the sum rule
    std::string_view p = fb.para_text(static_cast<int>(pi));
    std::string caption = caption_text(fb, tab);
    for (size_t c = 0; c < tab.col_units.size(); ++c) {
      if (static_cast<int>(c) == tab.index_column || static_cast<int>(c) == tab.unit_column || tab.col_years[c]) continue;
      // The column's figures, one per data row: all exact counts, or all amounts of money (万元 with
      // decimals: compared within their rounding).
      std::vector<int> cells;
      bool counts = true, money = true;
      for (size_t r = tab.header_rows; r < tab.rows.size() && (counts || money); ++r) {
        if (tab.info[r].role != RowRole::Data || tab.info[r].total || tab.info[r].parent >= 0) continue;
        int id = cells_of.at(t, static_cast<int>(r), static_cast<int>(c));
        if (id < 0) {
          counts = money = false;
          continue;
        }
        counts = counts && fb.q(id).exact_count();
        money = money && money_amount(fb.q(id));
        cells.push_back(id);
      }
      if ((!counts && !money) || cells.size() < 2) continue;
      std::string header = c < tab.rows[0].size() ? std::string(fb.source->slice(tab.rows[0][c].span)) : "";
      Rational sum(0);
      Interval range = Interval::exact(Rational(0));
      int decimals = 0;
      for (int id : cells) {
        sum = sum + fb.q(id).signed_value();
        range = range + fb.q(id).signed_interval();
        decimals = std::max(decimals, fb.q(id).decimals);
      }
      for (int id : fb.by_paragraph[pi]) {
        const Quantity& q = fb.q(id);
        if (!(counts ? q.exact_count() : money_amount(q)) || q.approx != Approx::None || q.unit.empty()) continue;
        if (!total_cue_before(p, q, vocab)) continue;
        // The column measures what the figure counts: 人数 ↔ 人, or a header unit "（人）".
        // (or the unit the whole table declares, "单位：万元", which its cells carry).
        bool same_measure = (!tab.col_units[c].empty() && tab.col_units[c] == q.unit) ||
                            (q.dimension == "people" && text::contains(header, "人数")) ||
                            (!tab.unit.empty() && fb.q(cells.front()).unit == q.unit);
        if (!same_measure || !(share_word(q.label, caption) || share_word(q.label, header))) continue;
        for (int id2 : cells) ctx.mark(id2);
        ctx.mark(q.id);
        if (counts ? q.value == sum : range.intersects(q.interval())) {
          ctx.held({q.id});
          ctx.held(cells);
          continue;
        }
        std::string expr;
        for (size_t i = 0; i < cells.size() && i < 12; ++i) expr += (i ? " " : "") + sum_term(fb.q(cells[i]), i == 0);
        if (cells.size() > 12) expr += " + …";
        // Amounts: the sum in the stated total's multiplier ("= 1240.50", against "1250 万元"); no fix, since
        // which figure is wrong is not known and the rounding of the total is the author's.
        std::string shown = counts ? sum.str(0) : (sum / Rational(q.multiplier)).round_str(decimals);
        std::optional<std::string> fix;
        if (counts) fix = sum.str(0);
        ctx.report(q.id,
                   Message("table_sum.column", {{"header", std::string(text::trim(header))}, {"expr", expr},
                                                {"sum", shown}, {"stated", show(q)}}),
                   {{cells.front(), "role.first_cell_of_column"}, {cells.back(), "role.last_cell_of_column"}}, fix);
      }
    }
  });
}


namespace {

// A column whose cells can be summed: figures of an amount, not a rate, share, average or change.
bool summable_column(const Table& tab, size_t c, const std::vector<std::string>& not_summed) {
  const ColumnInfo& col = tab.cols[c];
  if (col.label || col.change || col.sample || col.per_unit || col.not_summed || col.unit == "%") return false;
  for (const auto& p : col.path)
    for (const auto& w : not_summed)
      if (text::contains(p, w)) return false;
  return true;
}

bool summable_row(const std::string& label, const std::vector<std::string>& not_summed) {
  if (per_unit_header(label)) return false;  // "单产（公斤/亩）"
  for (const auto& w : not_summed)
    if (text::contains(label, w)) return false;
  return true;
}

std::string sum_expr(const FactBase& fb, const std::vector<int>& parts) {
  std::string expr;
  for (size_t i = 0; i < parts.size() && i < 12; ++i) expr += (i ? " " : "") + sum_term(fb.q(parts[i]), i == 0);
  if (parts.size() > 12) expr += " + …";
  return expr;
}

// Whether first-column groups each split the whole (性别, 城乡; 按规模分, 按登记注册类型分): two or more
// groups whose cells add up to within a fifth of the total — items of one list are each a part of it.
template <typename CellOf>
bool splits_by_dimension(const FactBase& fb, int total, const std::map<std::string, std::vector<int>>& by_group,
                         CellOf cell_of) {
  if (total < 0 || !plain_number(fb.q(total))) return false;
  const Rational t = fb.q(total).signed_value();
  if (t.sign() <= 0) return false;
  int near = 0;
  for (const auto& [group, members] : by_group) {
    Rational sum(0);
    for (int k : members) {
      int id = cell_of(k);
      if (id == -2) continue;
      if (id < 0 || !plain_number(fb.q(id))) return false;
      sum = sum + fb.q(id).signed_value();
    }
    Rational ratio = sum / t;
    if (ratio >= Rational(4, 5) && ratio <= Rational(6, 5)) ++near;
  }
  return near >= 2;
}

// The items below row r up to the next 小计 or 合计: the group of a 小计 that heads it.
std::vector<int> rows_below(const Table& tab, int r) {
  std::vector<int> out;
  for (size_t k = r + 1; k < tab.info.size(); ++k) {
    RowRole role = tab.info[k].role;
    if (role == RowRole::Subtotal || role == RowRole::Total) break;
    if (role == RowRole::Data) out.push_back(static_cast<int>(k));
  }
  return out;
}

}  // namespace

// table-total: a 合计/小计/总计 row equals the sum of the rows it totals (the items of its group for
// a 小计, the 小计 rows or all items for a 合计), and a 合计/小计 column the sum of the columns before
// it in its period. Zero may be written as a dash. A total the relations stage already pairs with its
// rows (the `sum` rule) is left to that rule.
void check_table_total(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  std::vector<std::string> not_summed = ctx.strings("not_summed");
  TableCells cells(fb);
  std::set<int> sum_wholes;
  for (const auto& b : ctx.rel.breakdowns)
    if (b.kind == BreakdownKind::Sum) sum_wholes.insert(b.whole);

  // whole = Σ parts, each part a cell (or -2 for a dash: zero). A whole that is both a row total and
  // a column total (the 合计 row's cell in the 合计 column) and holds one way is not blamed for the
  // other: the cell that is off is elsewhere. Reports are kept until every relation is seen.
  struct Pending {
    int whole;
    Message detail;
    std::vector<CheckContext::Role> roles;
    std::string fix;
  };
  std::vector<Pending> pending;
  std::set<int> whole_held;
  auto verify = [&](int whole, const std::vector<int>& parts, const Message& what) {
    if (whole < 0 || parts.size() < 2 || sum_wholes.count(whole)) return;
    const Quantity& w = fb.q(whole);
    if (!plain_number(w)) return;
    std::vector<int> ids;
    Interval sum = Interval::exact(Rational(0));
    for (int p : parts) {
      if (p == -2) continue;
      if (p < 0) return;
      const Quantity& q = fb.q(p);
      if (!plain_number(q) || q.unit != w.unit) return;
      sum = sum + q.signed_interval();
      ids.push_back(p);
    }
    if (ids.empty()) return;
    ctx.mark(whole);
    for (int id : ids) ctx.mark(id);
    if (sum.intersects(w.signed_interval())) {
      ctx.held({whole});
      ctx.held(ids);
      whole_held.insert(whole);
      return;
    }
    Rational exact(0);
    for (int id : ids) exact = exact + fb.q(id).signed_value();
    int decimals = w.decimals;
    std::string shown = (exact / Rational(w.multiplier)).round_str(std::max(decimals, 0));
    pending.push_back({whole,
                       Message("table_sum.mismatch", {{"what", ctx.say(what)}, {"expr", sum_expr(fb, ids)},
                                                      {"sum", (exact / Rational(w.multiplier)).str(4)}, {"stated", w.text}}),
                       {{ids.front(), "role.first_part"}, {ids.back(), "role.last_part"}}, shown});
  };
  auto part_cell = [&](int t, int r, int c) { return cells.dash(t, r, c) ? -2 : cells.at(t, r, c); };
  // Whether whole = Σ parts holds (every cell a plain number of the whole's unit), reporting nothing.
  auto adds_up = [&](int whole, const std::vector<int>& parts) {
    if (whole < 0 || parts.size() < 2 || !plain_number(fb.q(whole))) return false;
    Interval sum = Interval::exact(Rational(0));
    for (int p : parts) {
      if (p == -2) continue;
      if (p < 0 || !plain_number(fb.q(p)) || fb.q(p).unit != fb.q(whole).unit) return false;
      sum = sum + fb.q(p).signed_interval();
    }
    return sum.intersects(fb.q(whole).signed_interval());
  };

  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    const int T = static_cast<int>(t);
    const int nrows = static_cast<int>(tab.rows.size());
    const int ncols = static_cast<int>(tab.cols.size());
    std::vector<int> value_cols;
    for (int c = 0; c < ncols; ++c)
      if (summable_column(tab, c, not_summed)) value_cols.push_back(c);
    // Total rows.
    // A group starts at its label (a label row, or a new name in the first column); one that ends
    // without a 小计 counts in the 合计 with its rows ("loose"). Loose rows under no named group, or a
    // 小计 of another group than the rows above it, leave unclear what the 合计 sums.
    std::vector<int> items, group_items, subtotals, loose;
    bool seen_item = false, unclear = false;
    auto close_group = [&] {
      for (int k : group_items) {
        loose.push_back(k);
        unclear |= tab.info[k].group.empty();
      }
      group_items.clear();
    };
    for (int r = tab.header_rows; r < nrows; ++r) {
      const RowInfo& ri = tab.info[r];
      if (ri.role == RowRole::Data) {
        if (!group_items.empty() && tab.info[group_items.back()].group != ri.group) close_group();
        items.push_back(r);
        group_items.push_back(r);
        seen_item = true;
      } else if (ri.role == RowRole::GroupLabel) {
        close_group();
      } else if ((tab.unclear_rows || tab.partial_rows) && (ri.role == RowRole::Subtotal || ri.role == RowRole::Total)) {
        continue;  // which rows it adds is not known (close_open_lists), or only some of them are listed
      } else if (ri.role == RowRole::Subtotal) {
        // Its group: the items since the last 小计 — or, when 小计 rows head their groups, the items
        // below it up to the next 小计 or 合计.
        std::vector<int> group = tab.subtotals_lead ? rows_below(tab, r) : group_items;
        bool same_group = tab.subtotals_lead || group.empty() || tab.info[group.back()].group == ri.group;
        unclear |= !same_group;
        for (int c : value_cols) {
          if (!same_group) break;
          std::vector<int> parts;
          for (int k : group) parts.push_back(part_cell(T, k, c));
          verify(cells.at(T, r, c), parts,
                 ri.group.empty() ? Message("table_sum.subtotal_row") : Message("table_sum.subtotal_row_of", {{"group", ri.group}}));
        }
        subtotals.push_back(r);
        group_items.clear();
      } else if (ri.role == RowRole::Total) {
        if (tab.subtotals_lead) group_items.clear();  // the last group's items: its 小计 is above them
        close_group();
        std::vector<int> rows = items;
        if (!subtotals.empty()) {
          rows = subtotals;
          rows.insert(rows.end(), loose.begin(), loose.end());
          std::sort(rows.begin(), rows.end());
          if (unclear) rows.clear();
        }
        bool top = false;
        std::vector<int> all_items = items;
        if (!seen_item && subtotals.empty()) {
          // A 合计 row above the items: it totals the items below it, up to the next total — or the
          // 小计 rows below it, when they head their groups.
          top = true;
          rows.clear();
          all_items.clear();
          for (int k = r + 1; k < nrows && tab.info[k].role != RowRole::Total; ++k) {
            if (tab.info[k].role == RowRole::Data) all_items.push_back(k);
            if (tab.info[k].role == (tab.subtotals_lead ? RowRole::Subtotal : RowRole::Data)) rows.push_back(k);
          }
        }
        const bool of_subtotals = !subtotals.empty() || (top && tab.subtotals_lead);
        // "性别 男/女, 城乡 城镇/乡村" under one 合计: first-column groups that each split the whole by
        // another dimension add up to the total each, not together.
        std::map<std::string, std::vector<int>> by_group;
        if (!of_subtotals)
          for (int k : rows) by_group[tab.info[k].group].push_back(k);
        if (by_group.size() < 2 || by_group.count("")) by_group.clear();
        for (int c : value_cols) {
          std::vector<int> parts;
          for (int k : rows) parts.push_back(part_cell(T, k, c));
          if (!by_group.empty() && splits_by_dimension(fb, cells.at(T, r, c), by_group, [&](int k) { return part_cell(T, k, c); })) {
            // One group that adds up does not clear another that does not: the whole is held only
            // when every group holds.
            const int whole = cells.at(T, r, c);
            const bool held_before = whole_held.count(whole) > 0;
            const size_t reports_before = pending.size();
            for (const auto& [group, members] : by_group) {
              std::vector<int> group_parts;
              for (int k : members) group_parts.push_back(part_cell(T, k, c));
              verify(whole, group_parts, Message("table_sum.total_row_by_group", {{"label", ri.label}, {"group", group}}));
            }
            if (pending.size() > reports_before && !held_before) whole_held.erase(whole);
            continue;
          }
          // A 合计 that its items add up to is right: a 小计 that is off is reported on its own row.
          if (of_subtotals) {
            std::vector<int> all;
            for (int k : all_items) all.push_back(part_cell(T, k, c));
            if (adds_up(cells.at(T, r, c), all)) parts = all;
          }
          verify(cells.at(T, r, c), parts,
                 Message(!subtotals.empty() && !loose.empty() ? "table_sum.total_row_of_groups"
                         : !subtotals.empty()                  ? "table_sum.total_row_of_subtotals"
                         : top              ? "table_sum.total_row_above"
                                            : "table_sum.total_row",
                         {{"label", ri.label}}));
        }
        items.clear();
        group_items.clear();
        subtotals.clear();
        loose.clear();
        unclear = false;
        seen_item = false;
      }
    }
    // Total columns: the value columns before it in its period (or after it, when it comes first).
    for (int c = 0; c < ncols; ++c) {
      const ColumnInfo& col = tab.cols[c];
      if (!col.total || col.label || col.change) continue;
      auto sibling = [&](int k) {
        const ColumnInfo& o = tab.cols[k];
        // Under the same upper headers ("在校生 › 男" with "在校生 › 合计", not "教师 › 男").
        if (o.path.size() != col.path.size()) return false;
        for (size_t i = 0; i + 1 < col.path.size(); ++i)
          if (o.path[i] != col.path[i]) return false;
        return !o.label && !o.change && !o.sample && !o.total && !o.part && o.period == col.period &&
               summable_column(tab, k, not_summed);
      };
      std::vector<int> part_cols;
      for (int k = c - 1; k >= 0 && sibling(k); --k) part_cols.insert(part_cols.begin(), k);
      if (part_cols.empty())
        for (int k = c + 1; k < ncols && sibling(k); ++k) part_cols.push_back(k);
      if (part_cols.size() < 2) continue;
      for (int r = tab.header_rows; r < nrows; ++r) {
        if (!figure_row(tab.info[r]) || !summable_row(tab.info[r].label, not_summed)) continue;
        std::vector<int> parts;
        for (int k : part_cols) parts.push_back(part_cell(T, r, k));
        verify(cells.at(T, r, c), parts,
               Message("table_sum.total_column", {{"measure", col.measure}, {"label", tab.info[r].label}}));
      }
    }
  }
  std::set<int> reported;
  for (const auto& p : pending) {
    if (whole_held.count(p.whole) || !reported.insert(p.whole).second) continue;
    ctx.report(p.whole, p.detail, p.roles, p.fix);
  }
}

}  // namespace tally
