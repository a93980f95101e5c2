// The table reader: runs of tab-separated lines (with the tab-less lines that belong between them),
// split into cells; header rows and columns (table_header.cpp); and the role of each row — data,
// 合计/小计, a 其中 sub-row of another row, a group label, a note, a separator, a repeated caption or
// header.
#include <algorithm>

#include "base/spaces.h"
#include "base/text.h"
#include "base/utf8.h"
#include "document/markdown_table.h"
#include "document/table.h"

namespace tally {

std::string column_name(const ColumnInfo& c) {
  std::string s;
  for (const auto& p : c.path) s += p;
  return s;
}

const char* row_role_name(RowRole r) {
  switch (r) {
    case RowRole::Header: return "header";
    case RowRole::Data: return "data";
    case RowRole::Total: return "total";
    case RowRole::Subtotal: return "subtotal";
    case RowRole::SubRow: return "sub-row";
    case RowRole::GroupLabel: return "group-label";
    case RowRole::Note: return "note";
    case RowRole::Separator: return "separator";
    case RowRole::Caption: return "caption";
  }
  return "?";
}

int Table::data_rows() const {
  int n = 0;
  for (size_t r = header_rows; r < rows.size(); ++r)
    if (info[r].role == RowRole::Data && !info[r].total && info[r].parent < 0) ++n;
  return n;
}

int Table::value_row(int r, int c) const {
  // Follow "同上" cells up; stops at the first row whose cell is not a ditto.
  for (int k = r, steps = 0; k >= header_rows && steps < 64; --k, ++steps) {
    if (c >= static_cast<int>(rows[k].size())) return k;
    if (!rows[k][c].ditto) return k;
  }
  return r;
}

namespace table_reader {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Leading spaces of a cell that mark an indented sub-row: a full-width space or two ASCII spaces
// between the cell's separator (a tab, a Markdown pipe, or the line start) and its text.
bool cell_indented(const SourceText& src, const Cell& c) {
  uint32_t start = src.line_start(src.line_of(c.span.begin));
  std::string_view before = std::string_view(src.text()).substr(start, c.span.begin - start);
  size_t sep = before.find_last_of("\t|");
  if (sep != std::string_view::npos) before.remove_prefix(sep + 1);
  return text::contains(before, "　") || text::contains(before, "  ");
}

std::string normalized_caption(std::string_view line) {
  std::string s = text::remove_spaces(line);
  for (std::string_view w : {"（续）", "(续)", "续表", "续"}) {
    size_t at = text::find(s, w);
    if (at != std::string::npos) s.erase(at, w.size());
  }
  return s;
}

// "卫生机构合计", "全省总计": a label that names a total after what it totals.
bool names_total(std::string_view label) {
  return utf8::count_code_points(label) > 2 && (text::ends_with(label, "合计") || text::ends_with(label, "总计"));
}

// "住房类小计", "城区小计": a subtotal named after its group (vocabulary table_subtotal).
bool names_subtotal(std::string_view label, const Vocabulary& vocab) {
  std::string_view w = text::ends_with_any(label, vocab.list("table_subtotal"));
  return !w.empty() && w.size() < label.size();
}

// Subtotals that head their groups ("城区小计" above 城区一小, 城区二小, then "乡村小计" above its own):
// two or more, the first before any item (so it cannot total the rows above it), each with items
// right below it. One named total first ("本年收入合计" above the other sources and 总计) is a part.
bool subtotals_lead(const Table& tab) {
  int subtotals = 0;
  bool item_seen = false;
  for (size_t r = tab.header_rows; r < tab.info.size(); ++r) {
    RowRole role = tab.info[r].role;
    if (role == RowRole::Data) item_seen = true;
    if (role != RowRole::Subtotal) continue;
    if ((subtotals == 0 && item_seen) || r + 1 >= tab.info.size() || tab.info[r + 1].role != RowRole::Data)
      return false;
    ++subtotals;
  }
  return subtotals >= 2;
}

// Is the label a category of some partition (公办, 女生, 城镇 …) rather than a measure of its own?
bool names_category(std::string_view label, const Vocabulary& vocab) {
  for (const auto& part : vocab.partitions)
    for (const auto& m : part.members)
      if (text::starts_with(label, m) && label.size() <= m.size() + 6) return true;
  return false;
}

// A tab-less line that may sit between the rows of one table: a separator, a group label
// ("重点专业："), a note, or a caption repeated after a page break.
enum class Absorb { No, Separator, GroupLabel, Note, Caption };

Absorb absorbable(const Line& L, std::string_view t) {
  std::string buf;
  std::string_view s = text::without_spaces(t, buf);
  if (s.empty()) return Absorb::No;
  if (is_separator(s)) return Absorb::Separator;
  if (L.kind == LineKind::Caption) return Absorb::Caption;
  if (L.kind != LineKind::Text || !L.section_number.empty()) return Absorb::No;
  if (is_note(s)) return Absorb::Note;
  if (utf8::count_code_points(s) <= 20 && (text::ends_with(s, "：") || text::ends_with(s, ":")) &&
      text::find(s, "。") == std::string::npos)
    return Absorb::GroupLabel;
  return Absorb::No;
}

}  // namespace

bool is_separator(std::string_view cell) {
  std::string buf;
  std::string_view s = text::without_spaces(cell, buf);
  if (s.size() < 2) return false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::at(s, i);
    if (c != '-' && c != '=' && c != '_' && c != U'—' && c != U'－' && c != U'─' && c != U'━' && c != U'…' &&
        c != '*')
      return false;
    i += utf8::seq_len(s[i]);
  }
  return true;
}

bool is_ditto(std::string_view cell) {
  std::string buf;
  std::string_view s = text::without_spaces(cell, buf);
  return s == "同上" || s == "〃" || s == "\"" || s == "″";
}

bool starts_with_figure(std::string_view ct) {
  if (ct.empty() || is_separator(ct)) return false;
  if (is_digit(ct[0])) {
    if (year_label(ct)) return false;
    if (!leading_subject_code(ct).empty()) return false;  // "213 农林水支出": a row's name
    // "2023 年（万元）", "2023年在校生": a year heading a column
    size_t i = 0;
    while (i < ct.size() && is_digit(ct[i])) ++i;
    size_t j = i;
    while (j < ct.size() && ct[j] == ' ') ++j;
    if (i == 4 && text::starts_with(ct.substr(j), "年") && !text::starts_with(ct.substr(j), "年级")) return false;
    return true;
  }
  if (ct[0] == '-' || ct[0] == '+') return ct.size() == 1 || is_digit(ct[1]) || ct[1] == '.';
  if (text::starts_with(ct, "−") || text::starts_with(ct, "－")) return ct.size() > 3 && is_digit(ct[3]);
  return false;
}

bool is_note(std::string_view t) {
  std::string buf;
  std::string_view s = text::without_spaces(t, buf);
  for (std::string_view w : {"注：", "注:", "注1", "注 ：", "备注：", "说明：", "数据来源", "资料来源", "来源："})
    if (text::starts_with(s, w)) return true;
  return false;
}

const Cell* first_text_cell(const Table& tab, const SourceText& src, size_t r) {
  for (const auto& c : tab.rows[r]) {
    if (c.col == tab.index_column || c.col == tab.unit_column) continue;
    if (!text::trim(src.slice(c.span)).empty()) return &c;
  }
  return nullptr;
}

std::string_view first_text(const Table& tab, const SourceText& src, size_t r) {
  const Cell* c = first_text_cell(tab, src, r);
  return c ? text::trim(src.slice(c->span)) : std::string_view{};
}

void absorb_table_lines(Document& doc, const SourceText& src, const Vocabulary&) {
  int n = static_cast<int>(doc.lines.size());
  auto kind = [&](int ln) { return doc.lines[ln - 1].kind; };
  auto next_nonblank = [&](int ln) {
    for (int k = ln + 1, gap = 0; k <= n && gap <= 3; ++k, ++gap)
      if (kind(k) != LineKind::Blank) return k;
    return 0;
  };
  auto tabs = [&](int ln) {
    std::string_view t = src.line_text(ln);
    return std::count(t.begin(), t.end(), '\t');
  };
  for (int ln = 2; ln < n; ++ln) {
    Line& L = doc.lines[ln - 1];
    if (L.kind == LineKind::Blank || L.kind == LineKind::TableRow) continue;
    int prev = 0;
    for (int k = ln - 1, gap = 0; k >= 1 && gap <= 3; --k, ++gap)
      if (kind(k) != LineKind::Blank) {
        prev = k;
        break;
      }
    if (!prev || kind(prev) != LineKind::TableRow) continue;
    Absorb a = absorbable(L, src.line_text(ln));
    if (a == Absorb::No) continue;
    int next = next_nonblank(ln);
    if (!next) continue;
    // A row below a group label may look like a TOC entry ("机电技术应用	312"): with as many cells
    // as the rows above, it is a table row.
    int ref = prev;  // the nearest row above with cells
    while (ref > 1 && tabs(ref) == 0 && (kind(ref - 1) == LineKind::TableRow || kind(ref - 1) == LineKind::Blank)) --ref;
    auto rows_like_above = [&](int k) {
      return kind(k) == LineKind::Toc && tabs(k) == tabs(ref) && tabs(k) > 0;
    };
    int row_after = next;  // the next row with cells
    if (kind(next) != LineKind::TableRow && !rows_like_above(next)) {
      // A caption repeated after a page break may be followed by a group label or a separator.
      Absorb b = absorbable(doc.lines[next - 1], src.line_text(next));
      int after = b != Absorb::No && b != Absorb::Caption ? next_nonblank(next) : 0;
      if (!after || (kind(after) != LineKind::TableRow && !rows_like_above(after))) continue;
      row_after = after;
    }
    if (a != Absorb::Caption) {
      // Between two rows of one table: the row below has the shape of the rows above and is not a
      // new header ("各校情况如下：" between two tables introduces the second one).
      if (tabs(row_after) != tabs(ref)) continue;
      std::string_view below = src.line_text(row_after);
      bool figure = false;
      size_t pos = 0;
      while (pos <= below.size()) {
        size_t t = below.find('\t', pos);
        figure |= starts_with_figure(text::trim(below.substr(pos, t == std::string_view::npos ? std::string_view::npos : t - pos)));
        if (t == std::string_view::npos) break;
        pos = t + 1;
      }
      if (!figure && a != Absorb::Separator) continue;
      std::string_view lt = src.line_text(ln);
      if (a == Absorb::GroupLabel && (text::contains(lt, "如下") || text::contains(lt, "下表") || text::contains(lt, "见表")))
        continue;
    }
    if (rows_like_above(row_after) || rows_like_above(next)) {
      for (int k = next; k <= n && (rows_like_above(k) || kind(k) == LineKind::Blank || k < row_after); ++k)
        if (rows_like_above(k)) doc.lines[k - 1].kind = LineKind::TableRow;
    }
    if (a == Absorb::Caption) {
      // Only the caption of the table it continues (the same caption, perhaps with 续).
      int head = prev;
      while (head > 1 && (kind(head - 1) == LineKind::TableRow || kind(head - 1) == LineKind::Blank)) --head;
      int cap = 0;
      for (int k = head - 1; k >= 1 && k >= head - 3; --k)
        if (kind(k) == LineKind::Caption) {
          cap = k;
          break;
        } else if (kind(k) != LineKind::Blank) {
          break;
        }
      bool same = cap && normalized_caption(src.line_text(cap)) == normalized_caption(src.line_text(ln));
      bool continued = text::contains(src.line_text(ln), "续");
      if (!same && !continued) continue;
    }
    L.kind = LineKind::TableRow;
  }
}

namespace {

// The row roles, labels, groups and sub-rows of a table whose header is read.
void read_rows(Table& tab, const SourceText& src, const Vocabulary& vocab) {
  tab.info.assign(tab.rows.size(), RowInfo{});
  for (int r = 0; r < tab.header_rows; ++r) tab.info[r].role = RowRole::Header;
  // Header rows as printed, to recognise a header repeated after a page break.
  std::vector<std::string> header_text;
  for (int r = 0; r < tab.header_rows; ++r) {
    std::string s;
    for (const auto& c : tab.rows[r]) s += text::remove_spaces(src.slice(c.span)) + "|";
    header_text.push_back(s);
  }
  // A first column that names a group once for several rows: empty in some rows with a label beside
  // it ("市直	甲校	1200" / "	乙校	800"), or the same name again on each row of its group ("第二产业	小计	47").
  // (The row keeps its first text cell as its label; the group is recorded beside it.)
  int group_col = -1;
  if (!tab.cols.empty() && tab.index_column != 0 && tab.unit_column != 0) {
    int empty_g = 0, full_g = 0;
    bool text_only = true;
    std::string_view last_g;
    for (size_t r = tab.header_rows; r < tab.rows.size() && text_only; ++r) {
      const auto& row = tab.rows[r];
      if (row.size() < 2) continue;
      std::string_view g = text::trim(src.slice(row[0].span));
      if (starts_with_figure(g) || year_label(g) || is_separator(g)) {
        text_only = !starts_with_figure(g) && !year_label(g);
        continue;
      }
      bool rest = false;
      for (size_t k = 1; k < row.size(); ++k) rest |= !text::trim(src.slice(row[k].span)).empty();
      // A 合计 row closes the table, whatever its first column holds.
      if (!rest || vocab.list("table_total").is_word(text::remove_spaces(g))) continue;
      if (g.empty() || g == last_g) ++empty_g;
      else ++full_g;
      if (!g.empty()) last_g = g;
    }
    if (text_only && empty_g > 0 && full_g > 0 && empty_g >= full_g) group_col = 0;
  }

  int named_totals = 0;  // rows named "X合计" / "X总计"
  size_t grand_total = 0;  // the last row named 总计 alone, or 0
  for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
    std::string name = text::remove_spaces(first_text(tab, src, r));
    named_totals += names_total(name);
    if (name == "总计") grand_total = r;
  }

  int last_parent = -1;
  bool in_qizhong = false;
  std::vector<int> top_rows;  // rows that may have sub-rows, in order
  std::string group;          // the current group label
  std::string col_group;      // the current first-column group
  int indented_rows = 0, label_rows = 0;
  for (size_t r = tab.header_rows; r < tab.rows.size(); ++r)
    if (const Cell* c = first_text_cell(tab, src, r)) {
      ++label_rows;
      if (cell_indented(src, *c)) ++indented_rows;
    }
  bool use_indent = indented_rows > 0 && indented_rows < label_rows;

  for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
    RowInfo& ri = tab.info[r];
    auto& row = tab.rows[r];
    // Ditto cells.
    for (auto& c : row)
      if (is_ditto(src.slice(c.span)) && r > static_cast<size_t>(tab.header_rows)) c.ditto = true;
    std::string first_text;
    int first_col = -1, nonempty = 0;
    bool has_figure = false, stop_label = false;
    for (const auto& c : row) {
      std::string_view ct = text::trim(src.slice(c.span));
      if (ct.empty()) continue;
      ++nonempty;
      if (c.col == tab.unit_column || c.ditto) continue;
      if (c.col == tab.index_column && is_digit(ct[0])) continue;
      std::string_view code = leading_subject_code(ct);
      if (!code.empty()) ct = text::trim_left(ct.substr(code.size()));  // "213 农林水支出" is named 农林水支出
      if (starts_with_figure(ct)) {
        has_figure = true;
        continue;
      }
      if (year_label(ct)) stop_label = true;  // a row of a year table: "2025	54744 …"
      if (first_text.empty() && !has_figure && !stop_label) {
        first_text = text::remove_spaces(ct);
        first_col = c.col;
      }
    }
    if (group_col >= 0 && !row.empty() && row.size() >= 2) {
      std::string g = text::remove_spaces(src.slice(row[0].span));
      if (!g.empty() && !is_separator(g)) col_group = g;
    }
    // Non-data rows.
    std::string joined, buf;
    for (const auto& c : row) {
      joined += text::without_spaces(src.slice(c.span), buf);
      joined += '|';
    }
    std::string_view whole_line = src.line_text(src.line_of(row.empty() ? 0 : row[0].span.begin));  // is_separator skips spaces
    if (nonempty == 0) {
      ri.role = RowRole::Separator;
      continue;
    }
    if (is_separator(whole_line) || (nonempty > 0 && std::all_of(row.begin(), row.end(), [&](const Cell& c) {
          std::string_view ct = text::trim(src.slice(c.span));
          return ct.empty() || is_separator(ct);
        }))) {
      ri.role = RowRole::Separator;
      continue;
    }
    if (std::find(header_text.begin(), header_text.end(), joined) != header_text.end()) {
      ri.role = RowRole::Header;
      continue;
    }
    if (nonempty == 1 && row.size() == 1 && src.line_of(row[0].span.begin) > 0) {
      std::string_view lt = text::trim(src.line_text(src.line_of(row[0].span.begin)));
      std::string_view s = text::without_spaces(lt, buf);
      for (std::string_view p : {"附表", "图表", "表", "续表"})
        if (text::starts_with(s, p) && s.size() > p.size() &&
            (is_digit(s[p.size()]) || text::is_cn_numeral(utf8::at(s, p.size())) || p == "续表")) {
          ri.role = RowRole::Caption;
          break;
        }
      if (ri.role == RowRole::Caption) continue;
    }
    if (is_note(first_text)) {
      ri.role = RowRole::Note;
      ri.label = first_text;
      in_qizhong = false;
      continue;
    }
    bool qizhong = !text::starts_with_any(first_text, vocab.list("breakdown")).empty();
    std::string label = first_text;
    if (qizhong) {
      label = label.substr(text::starts_with_any(label, vocab.list("breakdown")).size());
      for (std::string_view colon : {"：", ":"})
        if (text::starts_with(label, colon)) label = label.substr(colon.size());
    } else if (text::starts_with(label, "含：") || text::starts_with(label, "含:") || text::starts_with(label, "（含") ||
               text::starts_with(label, "(含")) {
      qizhong = true;
      label = label.substr(text::starts_with(label, "含") ? 3 : (label[0] == '(' ? 4 : 6));
      for (std::string_view colon : {"：", ":"})
        if (text::starts_with(label, colon)) label = label.substr(colon.size());
      if (text::ends_with(label, "）")) label.resize(label.size() - 3);
      else if (text::ends_with(label, ")")) label.resize(label.size() - 1);
    }
    ri.label = label;
    ri.group = group_col >= 0 && !col_group.empty() ? col_group : group;
    std::string bare = first_text;
    for (std::string_view colon : {"：", ":"})
      if (text::ends_with(bare, colon)) bare.resize(bare.size() - colon.size());
    // "第二产业	小计	47": the group's name in the first column and its total beside it (whatever the
    // word, the total of that group only).
    if (group_col >= 0 && first_col == group_col)
      for (const auto& c : row) {
        std::string beside = text::remove_spaces(src.slice(c.span));
        if (c.col == group_col + 1 && vocab.list("table_total").is_word(beside)) {
          ri.label = beside;
          bare = "小计";
        }
      }
    for (const auto& w : vocab.list("table_total"))
      if (bare == w) ri.total = true;
    bool subtotal = vocab.list("table_subtotal").is_word(bare);
    // "卫生机构合计", "一般公共预算收入合计": a total named after what it totals (not in a 其中 list) —
    // when it is the table's only one: 收入合计 and 支出合计 in one table are lines of a balance. Several
    // above a 总计 alone ("城区合计" … "乡村合计" … "总计") are the totals of its groups.
    bool named_total =
        !ri.total && !qizhong && (named_totals == 1 || r < grand_total) && names_total(bare);
    // "住房类小计" after 购房, 租房: the total of its group, as 小计 alone is.
    if (!ri.total && !qizhong && names_subtotal(bare, vocab)) subtotal = ri.total = true;
    if (named_total) ri.total = true;
    if (tab.unit_column >= 0 && tab.unit_column < static_cast<int>(row.size()))
      ri.unit = text::remove_spaces(src.slice(row[tab.unit_column].span));
    // Without a 单位 column, a unit in the row label ("在校生（人）", "满意度（%）") is the row's unit,
    // and the label is the measure without it.
    if (tab.unit_column < 0) {
      ri.unit = unit_in_parentheses(label, vocab);
      for (const std::string& suffix : {"（" + ri.unit + "）", "(" + ri.unit + ")", std::string("（％）")})
        if (!ri.unit.empty() && text::ends_with(label, suffix) && utf8::count_code_points(label) >= utf8::count_code_points(suffix) + 2) {
          ri.label = label.substr(0, label.size() - suffix.size());
          break;
        }
    }
    if (ri.total) {
      // "本年收入合计 … 年初结转和结余 … 总计": a total named after its items, above a 总计, is one
      // part of that 总计 (the rows after it are the others), as a 小计 is.
      bool under_grand_total = named_total && r < grand_total;
      ri.role = subtotal || under_grand_total ? RowRole::Subtotal : RowRole::Total;
      if (ri.role == RowRole::Total) ri.group.clear();
      in_qizhong = false;
      continue;
    }
    // A group label: a label alone on its row, ending in a colon ("重点专业：") or with nothing else
    // in a table that has figures.
    if (!has_figure && !label.empty() && !qizhong &&
        (text::ends_with(first_text, "：") || text::ends_with(first_text, ":") || (nonempty == 1 && row.size() == 1))) {
      ri.role = RowRole::GroupLabel;
      ri.label = bare;
      group = bare;
      ri.group.clear();
      last_parent = -1;
      in_qizhong = false;
      continue;
    }
    bool index_empty = tab.index_column >= 0 &&
                       (tab.index_column >= static_cast<int>(row.size()) ||
                        text::trim(src.slice(row[tab.index_column].span)).empty());
    bool first_empty = !row.empty() && text::trim(src.slice(row[0].span)).empty();
    bool row_indented = false;
    if (use_indent && first_col >= 0) row_indented = cell_indented(src, row[first_col]);
    // A row without a label continues the indicator above in another unit.
    if (label.empty() && tab.unit_column >= 0) {
      in_qizhong = false;
      continue;
    }
    // A 其中 row belongs to the nearest earlier row that can have parts: not a per-unit value
    // (课均, 生均) and not a row without a label.
    int parent = last_parent;
    for (size_t k = top_rows.size(), m = 0; k > 0 && m < 4; ++m) {
      int cand = top_rows[--k];
      if (text::contains_any(tab.info[cand].label, vocab.list("per_unit"))) continue;
      parent = cand;
      break;
    }
    // A row that would continue a 其中 list but is followed by a 其中 list of its own, in its own
    // unit, is the parent of that list ("专业教学资源库数 … 在线精品课程数 / 学时 / 其中：国家级数量").
    bool opens_own_list = false;
    for (size_t k = r + 1; k < tab.rows.size() && k <= r + 3; ++k) {
      std::string_view ft;
      for (const auto& c : tab.rows[k]) {
        std::string_view ct = text::trim(src.slice(c.span));
        if (ct.empty() || c.col == tab.index_column || c.col == tab.unit_column) continue;
        ft = ct;
        break;
      }
      bool numbered = tab.index_column >= 0 && tab.index_column < static_cast<int>(tab.rows[k].size()) &&
                      !text::trim(src.slice(tab.rows[k][tab.index_column].span)).empty();
      bool opens = !text::starts_with_any(ft, vocab.list("breakdown")).empty();
      // A numbered row with a label of its own starts another item: a list below it is not this
      // row's. (A 序号 may also sit on the 其中 row or on a unit-only row of a merged item.)
      if (numbered && !opens && !ft.empty() && !starts_with_figure(ft)) break;
      if (!opens) continue;
      std::string unit_k = tab.unit_column >= 0 && tab.unit_column < static_cast<int>(tab.rows[k].size())
                               ? text::remove_spaces(src.slice(tab.rows[k][tab.unit_column].span))
                               : std::string();
      opens_own_list = !ri.unit.empty() && unit_k == ri.unit;
      break;
    }
    bool same_unit_as_list = !opens_own_list;
    // A parent/child relation comes from 其中： / 含 (and the rows that continue its list: an empty 序号
    // or first cell), or from indentation; an empty 序号 cell alone makes no sub-row.
    if (qizhong && parent >= 0) {
      last_parent = parent;
      ri.parent = last_parent;
      in_qizhong = true;
    } else if (tab.index_column >= 0 && index_empty && last_parent >= 0 &&
               ((in_qizhong && same_unit_as_list) || names_category(label, vocab))) {
      // An empty 序号 cell continues an open 其中 list, or holds a category of the row above
      // (公办, 女生); on its own it makes no sub-row: "教职工总数" under "额定编制数" is a sibling.
      ri.parent = last_parent;
    } else if (tab.index_column < 0 && in_qizhong && first_empty && same_unit_as_list) {
      ri.parent = last_parent;
    } else if (row_indented && last_parent >= 0) {
      ri.parent = last_parent;
    } else {
      last_parent = static_cast<int>(r);
      top_rows.push_back(last_parent);
      in_qizhong = false;
    }
    if (ri.parent >= 0) ri.role = RowRole::SubRow;
  }
}

// Does the table list only some of what its totals add up — its caption saying so ("部分乡镇粮食产量",
// vocabulary partial_table_caption), or a note inside it or right under it ("注：表中仅列出主要类别，各类别之和
// 不等于合计", vocabulary partial_table_note)? A caption naming the main kinds (主要流域) may list them all.
bool lists_some_rows(const Table& tab, const Document& doc, const SourceText& src, const Vocabulary& vocab) {
  if (tab.caption_line && text::contains_any(src.line_text(tab.caption_line), vocab.list("partial_table_caption")))
    return true;
  // "注：因四舍五入，分项之和不等于合计" puts the difference down to rounding: every row is there.
  auto says_some = [&](std::string_view note) {
    return text::contains_any(note, vocab.list("partial_table_note")) && !text::contains_any(note, vocab.list("rounding_note"));
  };
  for (size_t r = 0; r < tab.rows.size(); ++r)
    if (tab.info[r].role == RowRole::Note && says_some(tab.info[r].label)) return true;
  int n = static_cast<int>(doc.lines.size());
  for (int k = tab.last_line + 1; k <= n && k <= tab.last_line + 3; ++k) {
    if (doc.lines[k - 1].kind == LineKind::Blank) continue;
    std::string_view t = src.line_text(k);
    return is_note(t) && says_some(t);
  }
  return false;
}

}  // namespace

void read_tables(Document& doc, const SourceText& src, const Vocabulary& vocab) {
  int n = static_cast<int>(doc.lines.size());
  auto kind = [&](int ln) { return doc.lines[ln - 1].kind; };
  for (int ln = 1; ln <= n;) {
    if (kind(ln) != LineKind::TableRow) {
      ++ln;
      continue;
    }
    Table tab;
    tab.first_line = ln;
    // The caption and a line declaring the table's unit ("单位：万元"), which may stand between the
    // caption and the header.
    for (int k = ln - 1; k >= 1 && k >= ln - 3; --k) {
      if (kind(k) == LineKind::Caption) {
        tab.caption_line = k;
        if (tab.unit.empty()) tab.unit = declared_unit(src.line_text(k), vocab);
        tab.percent_declared |= declares_percent(src.line_text(k));
        break;
      }
      if (kind(k) == LineKind::Blank) continue;
      std::string u = declared_unit(src.line_text(k), vocab);
      if (u.empty() || utf8::count_code_points(text::trim(src.line_text(k))) > 12) break;
      tab.unit = u;
      tab.percent_declared |= declares_percent(src.line_text(k));
    }
    int idx = static_cast<int>(doc.tables.size());
    while (ln <= n) {
      if (kind(ln) == LineKind::Blank) {
        // One blank line between rows, or a few around a page break after which the table goes on
        // with a tab-less row (a repeated caption, a separator).
        int k = ln;
        while (k <= n && kind(k) == LineKind::Blank && k - ln < 4) ++k;
        if (k > n || kind(k) != LineKind::TableRow) break;
        bool tabless = src.line_text(k).find('\t') == std::string_view::npos ||
                       src.line_text(tab.last_line).find('\t') == std::string_view::npos;
        if (k - ln > 1 && !tabless) break;
        tab.last_line = k - 1;
        ln = k;
        continue;
      }
      if (kind(ln) != LineKind::TableRow) break;
      Line& L = doc.lines[ln - 1];
      std::string_view t = src.line_text(ln);
      std::string_view tt = text::trim(t);
      if (markdown_table::is_delimiter(tt)) {  // under a Markdown header: not a row
        tab.last_line = ln;
        ++ln;
        continue;
      }
      L.table = idx;
      std::vector<Cell> row;
      if (markdown_table::is_row(tt)) {
        int col = 0;
        for (auto [b, e] : markdown_table::cells(t)) {
          std::string_view cell = t.substr(b, e - b);
          size_t lead = cell.size() - text::trim_left(cell).size();
          uint32_t begin = L.span.begin + static_cast<uint32_t>(b + lead);
          row.push_back({{begin, static_cast<uint32_t>(begin + text::trim(cell).size())}, static_cast<int>(tab.rows.size()),
                         col++});
        }
        tab.rows.push_back(std::move(row));
        tab.last_line = ln;
        ++ln;
        continue;
      }
      size_t pos = 0;
      int col = 0;
      while (true) {
        size_t tab_at = t.find('\t', pos);
        std::string_view cell = t.substr(pos, tab_at == std::string_view::npos ? std::string_view::npos : tab_at - pos);
        size_t lead = cell.size() - text::trim_left(cell).size();
        std::string_view trimmed = text::trim(cell);
        uint32_t b = L.span.begin + static_cast<uint32_t>(pos + lead);
        row.push_back({{b, static_cast<uint32_t>(b + trimmed.size())}, static_cast<int>(tab.rows.size()), col++});
        if (tab_at == std::string_view::npos) break;
        pos = tab_at + 1;
      }
      tab.rows.push_back(std::move(row));
      tab.last_line = ln;
      ++ln;
    }
    read_header(tab, src, vocab);
    read_rows(tab, src, vocab);
    nest_under_outline(tab, src);
    nest_by_code(tab, src);
    close_open_lists(tab, src, vocab);
    tab.subtotals_lead = subtotals_lead(tab);
    tab.partial_rows = lists_some_rows(tab, doc, src, vocab);
    doc.tables.push_back(std::move(tab));
  }
}

}  // namespace table_reader

}  // namespace tally
