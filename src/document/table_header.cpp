// Table headers: which leading rows are headers, and for each column the path of header cells above
// it — with spans resolved (an empty header cell continues the one to its left when a lower header
// row splits it: a "2023年" over 人数 and 比例) — and from that path its period, measure and unit.
#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"
#include "document/markdown_table.h"
#include "document/table.h"

namespace tally::table_reader {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Words of a change column (besides the pack's table_change list).
constexpr std::string_view kChangeWords[] = {"比上年增长", "比上年增减", "比上年增加", "较上年增", "同比增", "增长率",
                                             "增幅", "增速", "增长"};
constexpr std::string_view kGrowthRateWords[] = {"增长率", "增幅", "增速", "增长（%）", "增长(%)", "增长%"};
constexpr std::string_view kTotalHeaders[] = {"合计", "小计", "总计", "共计"};

// "2023年在校生" → 2023 and "在校生"; 0 if the text does not start with a year.
int leading_year(const std::string& h, std::string* rest) {
  if (h.size() < 7 || !std::all_of(h.begin(), h.begin() + 4, is_digit)) return 0;
  if (!text::starts_with(std::string_view(h).substr(4), "年")) return 0;
  int y = std::stoi(h.substr(0, 4));
  if (y < 1949 || y > 2100) return 0;
  std::string r = h.substr(7);
  if (text::starts_with(r, "度")) r = r.substr(3);
  *rest = r;
  return y;
}

}  // namespace

namespace {

// "60岁及以上人口（人）", "2024届毕业生（人）": a column's name may open with a threshold figure; with
// words after the figure and its unit in brackets at the end it names a column — no cell of a row
// carries its unit so.
bool names_column(std::string_view ct, const Vocabulary& vocab) {
  std::string h = text::remove_spaces(ct);
  if (!text::ends_with(h, "）") && !text::ends_with(h, ")")) return false;
  if (unit_in_parentheses(h, vocab).empty()) return false;
  const std::string name = strip_parentheses(h);
  size_t i = 0;
  while (i < name.size() && (is_digit(name[i]) || name[i] == '.')) ++i;
  return utf8::count_code_points(std::string_view(name).substr(i)) >= 3;
}

// Is the row whose first cell this is the header of a Markdown pipe table — the delimiter row
// ("| --- |") right under it? The syntax says so, whatever its cells hold.
bool above_markdown_delimiter(const SourceText& src, const Cell& first) {
  int line = src.line_of(first.span.begin);
  return line < src.line_count() && markdown_table::is_delimiter(text::trim(src.line_text(line + 1)));
}

}  // namespace

std::string unit_in_parentheses(const std::string& h, const Vocabulary& vocab) {
  // "完成预算%", "增长％": a percent sign at the end of a header, without parentheses.
  if (text::ends_with(h, "%") || text::ends_with(h, "％")) {
    std::string_view rest = std::string_view(h).substr(0, h.size() - (text::ends_with(h, "%") ? 1 : 3));
    if (!rest.empty() && !text::ends_with(rest, "（") && !text::ends_with(rest, "(")) return "%";
  }
  size_t open = h.rfind("（");
  size_t open_a = h.rfind("(");
  if (open == std::string::npos || (open_a != std::string::npos && open_a > open)) open = open_a;
  if (open == std::string::npos) return "";
  size_t b = open + (h[open] == '(' ? 1 : 3);
  size_t e = text::find(h, "）", b);
  size_t ea = h.find(')', b);
  if (e == std::string::npos || (ea != std::string::npos && ea < e)) e = ea;
  if (e == std::string::npos) return "";
  std::string u = h.substr(b, e - b);
  if (u == "％") u = "%";
  if (vocab.unit(u) || u == "%" || vocab.multiplier_at(u).length > 0) return u;
  return "";
}

bool declares_percent(std::string_view line) {
  for (std::string_view key : {"单位：", "单位:"}) {
    size_t at = text::find(line, key);
    if (at == std::string_view::npos) continue;
    std::string_view rest = line.substr(at + key.size());
    rest = rest.substr(0, std::min(text::find(rest, "）"), text::find(rest, ")")));
    return text::contains(rest, "%") || text::contains(rest, "％");
  }
  return false;
}

std::string declared_unit(std::string_view line, const Vocabulary& vocab) {
  for (std::string_view key : {"单位：", "单位:"}) {
    size_t at = text::find(line, key);
    if (at == std::string_view::npos) continue;
    std::string_view rest = text::trim(line.substr(at + key.size()));
    // Up to a closing parenthesis, a separator or the end: "（单位：亿元）", "单位：万元、%".
    size_t end = rest.size();
    for (std::string_view stop : {"）", ")", "、", "，", ",", "；", " ", "\t"}) end = std::min(end, text::find(rest, stop));
    std::string u(rest.substr(0, end));
    if (u == "％") u = "%";
    if (u.empty()) return "";
    std::string base = u;
    if (auto m = vocab.multiplier_at(base); m.length > 0 && base.size() > m.length) base = base.substr(m.length);
    if (u == "%" || vocab.unit(base)) return u;
    return "";
  }
  return "";
}

std::string strip_parentheses(const std::string& h) {
  size_t cut = std::min(text::find(h, "（"), text::find(h, "("));
  if (cut == 0 || cut == std::string::npos) return h;
  return h.substr(0, cut);
}

void read_header(Table& tab, const SourceText& src, const Vocabulary& vocab) {
  size_t ncols = 0;
  for (const auto& row : tab.rows) ncols = std::max(ncols, row.size());
  auto cell_text = [&](size_t r, size_t c) -> std::string {
    if (r >= tab.rows.size() || c >= tab.rows[r].size()) return "";
    return text::remove_spaces(src.slice(tab.rows[r][c].span));
  };
  // Header rows: leading rows with no figure (a year such as "2024 年" is a header); a group label,
  // a separator or a note ends them.
  tab.header_rows = 0;
  for (size_t r = 0; r < tab.rows.size(); ++r) {
    bool has_figure = false, nonempty = 0;
    int cells = 0;
    std::string first;
    for (const auto& c : tab.rows[r]) {
      std::string_view ct = text::trim(src.slice(c.span));
      if (ct.empty()) continue;
      ++cells;
      if (first.empty()) first = text::remove_spaces(ct);
      if (starts_with_figure(ct) && !names_column(ct, vocab)) has_figure = true;
    }
    (void)nonempty;
    // A pipe table's first row is a header when the delimiter is under it, whatever its cells hold.
    if (has_figure && !(r == 0 && tab.rows.size() > 1 && !tab.rows[0].empty() &&
                        above_markdown_delimiter(src, tab.rows[0][0])))
      break;
    if (r > 0 && cells == 1 && (text::ends_with(first, "：") || text::ends_with(first, ":"))) break;
    if (cells > 0 && (is_separator(first) || is_note(first))) break;
    ++tab.header_rows;
  }
  // A table of words only (a list of names): its first row is the header.
  if (tab.header_rows == static_cast<int>(tab.rows.size()) && tab.rows.size() > 1) tab.header_rows = 1;
  const size_t H = static_cast<size_t>(tab.header_rows);

  tab.col_units.assign(ncols, "");
  tab.col_years.assign(ncols, 0);
  tab.cols.assign(ncols, ColumnInfo{});
  // 序号 and 单位 columns.
  for (size_t h = 0; h < H; ++h)
    for (size_t c = 0; c < ncols; ++c) {
      std::string t = cell_text(h, c);
      for (const auto& w : vocab.list("table_index_header"))
        if (t == w && tab.index_column < 0) tab.index_column = static_cast<int>(c);
      if ((t == "单位" || t == "计量单位") && tab.unit_column < 0) tab.unit_column = static_cast<int>(c);
    }
  // A column of budget subject codes (科目编码 213 / 21301 …): names of rows, like a 序号 column, not
  // figures; the rows' nesting is read from them (nest_by_code).
  for (size_t c = 0; c < ncols && tab.index_column < 0; ++c) {
    bool named = false;
    for (size_t h = 0; h < H; ++h) named |= text::contains_any(cell_text(h, c), vocab.list("table_code_header"));
    if (!named) continue;
    int codes = 0;
    bool others = false;
    for (size_t r = H; r < tab.rows.size(); ++r)
      for (const auto& cell : tab.rows[r]) {
        if (cell.col != static_cast<int>(c)) continue;
        std::string_view ct = text::trim(src.slice(cell.span));
        if (subject_code_cell(ct)) ++codes;
        else if (!ct.empty()) others = true;
      }
    if (codes >= 2 && !others) tab.index_column = static_cast<int>(c);
  }
  // Value columns: those with a figure in some row below the header.
  std::vector<char> has_value(ncols, 0);
  for (size_t r = H; r < tab.rows.size(); ++r)
    for (const auto& c : tab.rows[r])
      if (c.col != tab.index_column && c.col != tab.unit_column && starts_with_figure(text::trim(src.slice(c.span))) &&
          !(year_label(src.slice(c.span)) && c.col == 0))
        has_value[c.col] = 1;
  size_t first_value = ncols;
  for (size_t c = 0; c < ncols; ++c)
    if (has_value[c] && static_cast<int>(c) != tab.index_column && static_cast<int>(c) != tab.unit_column) {
      first_value = c;
      break;
    }
  for (size_t c = 0; c < ncols; ++c)
    tab.cols[c].label = static_cast<int>(c) == tab.index_column || static_cast<int>(c) == tab.unit_column ||
                        (c < first_value && !has_value[c]);

  // The header grid with spans resolved.
  std::vector<std::vector<std::string>> grid(H, std::vector<std::string>(ncols));
  for (size_t h = 0; h < H; ++h)
    for (size_t c = 0; c < ncols; ++c) grid[h][c] = cell_text(h, c);
  for (size_t h = 0; h + 1 < H; ++h)
    for (size_t c = 1; c < ncols; ++c) {
      if (!grid[h][c].empty() || grid[h][c - 1].empty() || tab.cols[c].label || tab.cols[c - 1].label) continue;
      bool split_below = false;
      for (size_t k = h + 1; k < H; ++k) split_below |= !grid[k][c].empty();
      if (split_below) grid[h][c] = grid[h][c - 1];
    }

  std::vector<std::string_view> change_words(std::begin(kChangeWords), std::end(kChangeWords));
  for (const auto& w : vocab.list("table_change")) change_words.push_back(w);
  // Columns whose header names a rate of growth (增幅, 增速, 增长率, 增长 — not 增减): beside such a column a
  // bare 增减 under "单位：起、%" is the amount, and only the named one is in percent.
  auto names_growth = [&](size_t c) {
    for (size_t h = 0; h < H; ++h) {
      const std::string& e = grid[h][c];
      for (auto w : kGrowthRateWords)
        if (text::contains(e, w)) return true;
      if (text::contains(e, "增长") && !text::contains_any(e, vocab.list("table_change"))) return true;
    }
    return false;
  };
  std::vector<char> growth_named(ncols, 0);
  for (size_t c = 0; c < ncols; ++c) growth_named[c] = names_growth(c);
  for (size_t c = 0; c < ncols; ++c) {
    ColumnInfo& col = tab.cols[c];
    for (size_t h = 0; h < H; ++h)
      if (!grid[h][c].empty() && (col.path.empty() || col.path.back() != grid[h][c])) col.path.push_back(grid[h][c]);
    std::string explicit_unit;
    for (const auto& e : col.path) {
      std::string u = unit_in_parentheses(e, vocab);
      if (!u.empty()) explicit_unit = u;
      std::string rest;
      int y = year_label(e);
      if (!y) y = leading_year(e, &rest);
      else rest.clear();
      if (y) {
        if (!col.period) col.period = y;
        if (!rest.empty() && !text::starts_with(rest, "（") && !text::starts_with(rest, "(")) col.measure = strip_parentheses(rest);
        continue;
      }
      bool change = false;
      for (auto w : change_words) change |= text::contains(e, w);
      if (change) {
        col.change = true;
        for (auto w : kGrowthRateWords) col.growth_rate |= text::contains(e, w);
        if (u == "%" && (text::contains(e, "增长") || text::contains(e, "增幅"))) col.growth_rate = true;
        // "增减人数": the change of a measure named in the same cell
        std::string m = strip_parentheses(e);
        for (auto w : change_words)
          if (text::starts_with(m, w) && m.size() > w.size()) m = m.substr(w.size());
        bool only_change = false;
        for (auto w : change_words) only_change |= (m == w);
        if (!only_change && utf8::count_code_points(m) >= 2 && !text::contains(m, "增")) col.measure = m;
        continue;
      }
      for (const auto& w : vocab.list("sample_column")) col.sample |= text::contains(e, w);
      for (auto w : kTotalHeaders) col.total |= (strip_parentheses(e) == w);
      col.part |= text::starts_with(e, "其中");
      // A header cell that is only a unit ("（人）" on the row under "在校生") names no measure.
      if (text::starts_with(e, "（") || text::starts_with(e, "(")) continue;
      col.measure = strip_parentheses(e);
    }
    for (const auto& e : col.path) {
      col.not_summed |= text::contains_any(e, vocab.list("table_not_summed"));
      col.per_unit |= per_unit_header(e);
    }
    col.not_summed |= col.per_unit;
    // "单位：亿元，%" over a column headed 增长 / 增减 alone: the change in percent, a growth rate.
    if (col.change && explicit_unit.empty() && tab.percent_declared && tab.unit != "%") {
      bool amount = false;
      for (const auto& e : col.path) amount |= text::contains(e, "额") || text::contains(e, "量") || text::contains(e, "数");
      for (size_t k = 0; k < ncols && !growth_named[c]; ++k) amount |= k != c && growth_named[k];
      if (!amount) {
        explicit_unit = "%";
        col.growth_rate = true;
        col.not_summed = true;
      }
    }
    col.unit = explicit_unit;
    if (col.sample && col.unit.empty()) col.unit = "人次";
    tab.col_units[c] = explicit_unit;
    tab.col_years[c] = col.change ? 0 : col.period;
  }
}

}  // namespace tally::table_reader
