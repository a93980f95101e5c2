// Where a 其中 list of a table ends. A converted table keeps the "其中：" of a list's first row but
// loses the indentation that showed the rows after it to be parts too ("医院 / 其中：公立医院 /
// 民营医院 / 基层医疗卫生机构"): read as items, those rows are counted twice in the table's totals.
// The list's own figures say where it ends: the rows after its 其中 row that, with it, add up to
// its parent row in every value column continue it.
#include <algorithm>
#include <optional>

#include "base/decimal.h"
#include "base/text.h"
#include "base/utf8.h"
#include "vocab/vocabulary.h"
#include "document/table.h"

namespace tally::table_reader {

namespace {

constexpr int kMaxContinuation = 8;  // rows after a 其中 row that may still be of its list

// A plain numeric cell ("1,234", "56.7") as the interval it was rounded from; nullopt for anything
// else (words, a dash, a percent sign: those cells say nothing about where a list ends).
std::optional<Interval> cell_value(std::string_view ct) {
  if (ct.empty()) return std::nullopt;
  int decimals = -1;
  for (char c : ct) {
    if (c == '.') {
      if (decimals >= 0) return std::nullopt;
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      if (decimals >= 0) ++decimals;
    } else if (c != ',') {
      return std::nullopt;
    }
  }
  Rational v = Rational::parse(ct);
  if (!v.valid()) return std::nullopt;
  if (decimals <= 0) return Interval::exact(v);  // a count
  Rational half = pow10(-decimals) / Rational(2);
  return Interval{v - half, v + half};
}

// The value columns a list is summed in: figures of the table's unit, not rates or averages.
std::vector<int> value_columns(const Table& tab) {
  std::vector<int> cols;
  for (int c = 0; c < static_cast<int>(tab.cols.size()); ++c) {
    const ColumnInfo& col = tab.cols[c];
    if (!col.label && !col.change && !col.not_summed && !col.sample) cols.push_back(c);
  }
  return cols;
}

std::optional<Interval> value_at(const Table& tab, const SourceText& src, int r, int c) {
  for (const auto& cell : tab.rows[r])
    if (cell.col == c) return cell_value(text::trim(src.slice(cell.span)));
  return std::nullopt;
}

// Whether the item rows first..last (after the list's 其中 rows) close the list of `parent`:
// `sums` (the 其中 rows' totals per column) plus theirs meets the parent's value in every column.
// Sets `may_continue` to false when the first row cannot be a part (the list would exceed the parent).
bool closes(const Table& tab, const SourceText& src, const std::vector<int>& cols,
            std::vector<std::optional<Interval>>& sums, const std::vector<std::optional<Interval>>& whole, int row,
            bool& may_continue) {
  bool all_meet = true;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (!whole[i] || !sums[i]) continue;
    std::optional<Interval> v = value_at(tab, src, row, cols[i]);
    if (!v) {
      sums[i].reset();  // a cell without a plain figure: this column says nothing more
      continue;
    }
    sums[i] = *sums[i] + *v;
    if (whole[i]->hi < sums[i]->lo) may_continue = false;
    all_meet &= sums[i]->intersects(*whole[i]);
  }
  bool any = false;
  for (size_t i = 0; i < cols.size(); ++i) any |= whole[i] && sums[i];
  return any && all_meet;
}

// Whether row r opens with a 其中 / 含 cue: a list marked in words, whose end a converted table may
// have lost. (A list marked by indentation shows its end: the first row not indented.)
bool marked_in_words(const Table& tab, const SourceText& src, int r, const Vocabulary& vocab) {
  return !text::starts_with_any(first_text(tab, src, r), vocab.list("breakdown")).empty();
}

// "一、", "十二、": a first-level outline number.
bool outline_numbered(std::string_view label) {
  size_t k = 0, n = 0;
  while (k < label.size()) {
    size_t next = k;
    char32_t c = utf8::next(label, next);
    if (!text::is_cn_numeral(c)) break;
    k = next;
    ++n;
  }
  return n > 0 && n <= 3 && text::starts_with(label.substr(k), "、");
}

}  // namespace

void nest_under_outline(Table& tab, const SourceText& src) {
  const int n = static_cast<int>(tab.rows.size());
  std::vector<int> numbered;
  for (int r = tab.header_rows; r < n; ++r)
    if (tab.info[r].role == RowRole::Data && tab.info[r].parent < 0 && outline_numbered(first_text(tab, src, r)))
      numbered.push_back(r);
  if (numbered.size() < 2) return;  // one 一、 alone is no outline
  int head = -1;
  for (int r = numbered.front(); r < n; ++r) {
    RowInfo& ri = tab.info[r];
    if (ri.role == RowRole::Total || ri.role == RowRole::Subtotal) {
      head = -1;  // a total closes the outline's items
      continue;
    }
    if (ri.role != RowRole::Data && ri.role != RowRole::SubRow) continue;
    if (ri.role == RowRole::Data && ri.parent < 0 && outline_numbered(first_text(tab, src, r))) {
      head = r;
      continue;
    }
    if (head >= 0 && ri.parent < 0) {
      ri.parent = head;
      ri.role = RowRole::SubRow;
    }
  }
}

namespace {

// The subject code that names row r: its cell in a code column, or the digits before its name.
std::string_view row_code(const Table& tab, const SourceText& src, int r) {
  for (const auto& cell : tab.rows[r])
    if (cell.col == tab.index_column) {
      std::string_view ct = text::trim(src.slice(cell.span));
      if (subject_code_cell(ct)) return ct;
    }
  return leading_subject_code(first_text(tab, src, r));
}

}  // namespace

void nest_by_code(Table& tab, const SourceText& src) {
  const int n = static_cast<int>(tab.rows.size());
  std::vector<std::string_view> code(n);
  int coded = 0;
  size_t shortest = std::string_view::npos;
  for (int r = tab.header_rows; r < n; ++r) {
    const RowRole role = tab.info[r].role;
    if (role != RowRole::Data && role != RowRole::SubRow) continue;
    code[r] = row_code(tab, src, r);
    if (code[r].empty()) continue;
    ++coded;
    shortest = std::min(shortest, code[r].size());
  }
  if (coded < 2) return;
  // The coded rows above, each one's code extending the one before it: the chain a new row may
  // belong to. A total closes it.
  std::vector<int> chain;
  for (int r = tab.header_rows; r < n; ++r) {
    RowInfo& ri = tab.info[r];
    if (code[r].empty()) {
      if (ri.role == RowRole::Total || ri.role == RowRole::Subtotal) chain.clear();
      continue;
    }
    auto extends = [&](int above) {
      return code[r].size() > code[above].size() && text::starts_with(code[r], code[above]);
    };
    while (!chain.empty() && !extends(chain.back())) chain.pop_back();
    if (!chain.empty()) {
      ri.parent = chain.back();
      ri.role = RowRole::SubRow;
    } else {
      // A 款 without its 类 above: what it is a part of is not in the table, nor what the totals add.
      if (code[r].size() > shortest) tab.unclear_rows = true;
      ri.parent = -1;
      ri.role = RowRole::Data;
    }
    chain.push_back(r);
  }
}

void close_open_lists(Table& tab, const SourceText& src, const Vocabulary& vocab) {
  const int n = static_cast<int>(tab.rows.size());
  const std::vector<int> cols = value_columns(tab);
  if (cols.empty()) return;
  for (int r = tab.header_rows; r + 1 < n; ++r) {
    const int parent = tab.info[r].parent;
    // The last row of a 其中 list, followed by a row read as an item of the table.
    if (tab.info[r].role != RowRole::SubRow || parent < 0) continue;
    if (tab.info[r + 1].role != RowRole::Data || tab.info[r + 1].parent >= 0) continue;
    if (!marked_in_words(tab, src, r, vocab)) continue;
    std::vector<std::optional<Interval>> whole, sums;
    for (int c : cols) {
      whole.push_back(value_at(tab, src, parent, c));
      sums.push_back(Interval::exact(Rational(0)));
    }
    for (int k = parent + 1; k <= r; ++k) {
      if (tab.info[k].parent != parent) continue;
      for (size_t i = 0; i < cols.size(); ++i) {
        std::optional<Interval> v = value_at(tab, src, k, cols[i]);
        if (v && sums[i]) sums[i] = *sums[i] + *v;
        else sums[i].reset();
      }
    }
    bool may_continue = true, closed = false;
    int last = r;
    for (int k = r + 1; k < n && k <= r + kMaxContinuation; ++k) {
      if (tab.info[k].role != RowRole::Data || tab.info[k].parent >= 0) break;
      closed = closes(tab, src, cols, sums, whole, k, may_continue);
      if (!may_continue) break;
      last = k;
      if (closed) break;
    }
    if (closed) {
      for (int k = r + 1; k <= last; ++k) {
        tab.info[k].parent = parent;
        tab.info[k].role = RowRole::SubRow;
      }
      r = last;
    } else if (last > r) {
      // The next row could be a part, but no run of rows closes the list: which rows the table's
      // totals add is not known.
      tab.unclear_rows = true;
    }
  }
}

}  // namespace tally::table_reader
