// Helpers shared by the table checks (table_*.cpp): the figure in each cell of each table, found in
// one pass over the quantities (linear in the size of the tables), with "同上" cells resolved.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

class TableCells {
 public:
  explicit TableCells(const FactBase& fb) : fb_(fb) {
    grid_.resize(fb.doc.tables.size());
    for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
      const Table& tab = fb.doc.tables[t];
      grid_[t].assign(tab.rows.size(), std::vector<int>(tab.cols.size(), -1));
    }
    for (const auto& q : fb.ex.quantities) {
      if (q.table < 0 || q.table >= static_cast<int>(grid_.size())) continue;
      auto& g = grid_[q.table];
      if (q.row < 0 || q.row >= static_cast<int>(g.size()) || q.col < 0 || q.col >= static_cast<int>(g[q.row].size()))
        continue;
      if (g[q.row][q.col] < 0) g[q.row][q.col] = q.id;  // the first figure of the cell
    }
  }
  // The figure at (row, col) of table t, following 同上 cells up; -1 if none.
  int at(int t, int r, int c) const {
    const Table& tab = fb_.doc.tables[t];
    if (r < 0 || r >= static_cast<int>(grid_[t].size()) || c < 0 || c >= static_cast<int>(grid_[t][r].size())) return -1;
    return grid_[t][tab.value_row(r, c)][c];
  }
  // Is the cell written as a dash ("—", "-"): nothing, i.e. zero in a sum?
  bool dash(int t, int r, int c) const {
    const Table& tab = fb_.doc.tables[t];
    if (r >= static_cast<int>(tab.rows.size()) || c >= static_cast<int>(tab.rows[r].size())) return false;
    std::string s = text::remove_spaces(fb_.source->slice(tab.rows[r][c].span));
    return s == "-" || s == "—" || s == "－" || s == "——" || s == "/";
  }

 private:
  const FactBase& fb_;
  std::vector<std::vector<std::vector<int>>> grid_;
};

// Rows that hold figures of the table's items or totals (not headers, notes, group labels …).
inline bool figure_row(const RowInfo& ri) {
  return ri.role == RowRole::Data || ri.role == RowRole::SubRow || ri.role == RowRole::Total ||
         ri.role == RowRole::Subtotal;
}

// The figure rows of a table, top to bottom.
inline std::vector<int> figure_rows(const Table& tab) {
  std::vector<int> rows;
  for (int r = tab.header_rows; r < static_cast<int>(tab.rows.size()); ++r)
    if (figure_row(tab.info[r])) rows.push_back(r);
  return rows;
}

// The columns that hold values of a measure (not the label, change or sample-size columns).
inline std::vector<int> value_columns(const Table& tab) {
  std::vector<int> cols;
  for (int c = 0; c < static_cast<int>(tab.cols.size()); ++c)
    if (!tab.cols[c].label && !tab.cols[c].change && !tab.cols[c].sample) cols.push_back(c);
  return cols;
}

// A figure that can take part in a sum or a ratio: a plain number, exact as printed.
inline bool plain_number(const Quantity& q) {
  return q.kind == QuantityKind::Number && !q.malformed && q.approx == Approx::None;
}

// A percentage cell: printed with %, or a plain figure in a row or column whose header says （%）
// ("满意度（%）	94.0") or whose 单位 cell is %.
inline bool percent_cell(const FactBase& fb, const Quantity& q) {
  if (q.kind == QuantityKind::Percent) return true;
  if (q.kind != QuantityKind::Number || q.multiplier != 1 || q.table < 0) return false;
  const Table& tab = fb.doc.tables[q.table];
  if (q.row < 0 || q.row >= static_cast<int>(tab.info.size()) || q.col < 0 || q.col >= static_cast<int>(tab.cols.size()))
    return false;
  if (tab.info[q.row].unit == "%" || tab.info[q.row].unit == "％" || tab.cols[q.col].unit == "%") return true;
  std::string_view label = tab.info[q.row].label;
  return text::ends_with(label, "（%）") || text::ends_with(label, "(%)") || text::ends_with(label, "（％）");
}

// A figure per one, "17.5:1" (生师比 as printed in many tables): its first term is the ratio.
inline bool per_one(const Quantity& q) {
  return q.kind == QuantityKind::Ratio && q.ratio_parts.size() == 2 && q.ratio_parts[1] == Rational(1) &&
         q.ratio_decimals.size() == 2 && q.approx == Approx::None && !q.malformed;
}

// "专任教师（人）" → "专任教师", "“双师型”教师" → "双师型教师".
inline std::string bare_label(std::string_view label) {
  std::string s = text::remove_spaces(label);
  size_t cut = std::min(s.find("（"), s.find("("));
  if (cut != std::string::npos && cut > 0) s = s.substr(0, cut);
  for (std::string_view q : {"“", "”", "\"", "‘", "’", "「", "」"}) {
    size_t at;
    while ((at = s.find(q)) != std::string::npos) s.erase(at, q.size());
  }
  return s;
}

// The table numbers a text names ("见表2", "如表 3-1 所示", "附表1"): each "表" followed by digits,
// spaces set aside, as written ("2", "3-1").
inline std::vector<std::string> table_numbers(std::string_view text) {
  std::vector<std::string> out;
  constexpr std::string_view kTable = "表";
  for (size_t at = text.find(kTable); at != std::string_view::npos; at = text.find(kTable, at + kTable.size())) {
    size_t k = at + kTable.size();
    while (k < text.size() && text[k] == ' ') ++k;
    std::string n;
    while (k < text.size() && ((text[k] >= '0' && text[k] <= '9') || ((text[k] == '-' || text[k] == '.') && !n.empty() &&
                                                                     k + 1 < text.size() && text[k + 1] >= '0' &&
                                                                     text[k + 1] <= '9')))
      n += text[k++];
    if (!n.empty()) out.push_back(std::move(n));
  }
  return out;
}

// Tables introduced by the text.
// The table a paragraph introduces: the first table starting within a few lines after it — unless
// the paragraph names its tables by number and that one's caption carries none of them ("…见表2"
// right before 表1: the sentence speaks of another table).
// Looked up by line (a walk over every table for every paragraph made a long document quadratic).
inline int table_after(const FactBase& fb, int paragraph) {
  int last = fb.doc.paragraphs[paragraph].last_line;
  int found = -1;
  for (int line = last + 1; line <= last + 4; ++line) {
    auto it = fb.table_starting_at.find(line);
    if (it != fb.table_starting_at.end() && (found < 0 || it->second < found)) found = it->second;
  }
  if (found < 0) return found;
  std::vector<std::string> named = table_numbers(fb.para_text(paragraph));
  if (named.empty()) return found;
  int caption = fb.doc.tables[found].caption_line;
  std::vector<std::string> own = caption ? table_numbers(fb.source->line_text(caption)) : std::vector<std::string>{};
  if (own.empty()) return found;  // a caption without a number: nothing to tell them apart by
  for (const auto& n : named)
    if (n == own.front()) return found;
  return -1;
}

// A total cue right before the figure in the paragraph ("共计 6 项", "共培训 410 人").
inline bool total_cue_before(std::string_view p, const Quantity& q, const Vocabulary& vocab) {
  // A cue word (共计, 共安排) within the figure's clause, up to sixteen characters back ("共安排职业教育专项
  // 资金 1250 万元"); a bare 共 only right before it ("共培训 410 人"), since 共 is also in 公共, 共享.
  size_t from = q.para_begin >= 48 ? q.para_begin - 48 : 0;
  from = std::max<size_t>(from, std::min(q.clause_begin, q.para_begin));
  while (from < q.para_begin && (static_cast<unsigned char>(p[from]) & 0xC0) == 0x80) ++from;
  std::string_view clause = p.substr(from, q.para_begin - from);
  for (const auto& w : vocab.list("total_cue"))
    if (clause.find(w) != std::string_view::npos) return true;
  size_t near = q.para_begin >= 12 ? q.para_begin - 12 : 0;
  return p.substr(near, q.para_begin - near).find("共") != std::string_view::npos;
}

// Do two labels share a word of two or more Chinese characters? (Two digits of a year, "2023年"
// in a label and in a caption, say nothing about what either names.)
inline bool share_word(std::string_view a, std::string_view b) {
  auto cjk_at = [&](size_t i) { return i + 3 <= a.size() && (static_cast<unsigned char>(a[i]) & 0xF0) == 0xE0; };
  for (size_t i = 0; i + 6 <= a.size();) {
    if (!cjk_at(i)) {
      ++i;
      continue;
    }
    if (cjk_at(i + 3) && b.find(a.substr(i, 6)) != std::string_view::npos) return true;
    i += 3;
  }
  return false;
}

// Calls f(paragraph, table) for each paragraph that introduces a table right after it.
template <typename F>
void each_introduced_table(const FactBase& fb, F f) {
  for (size_t pi = 0; pi < fb.doc.paragraphs.size(); ++pi) {
    int t = table_after(fb, static_cast<int>(pi));
    if (t >= 0) f(pi, t, fb.doc.tables[t]);
  }
}

inline std::string caption_text(const FactBase& fb, const Table& t) {
  return t.caption_line ? std::string(fb.source->line_text(t.caption_line)) : std::string();
}

// Shares of a base the table does not name (table_share.cpp), part of the table-rate check.
void check_table_shares(CheckContext& ctx, const TableCells& cells);

}  // namespace tally
