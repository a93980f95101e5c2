#include "document/document.h"
#include "document/table.h"

#include <algorithm>

#include "base/spaces.h"
#include "base/text.h"
#include "base/utf8.h"
#include "document/markdown_table.h"

namespace tally {

namespace {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Sentence-final characters: a line ending with one of them ends its paragraph.
// The longest line taken for a title when a blank line follows it (see the paragraphs of build_document).
constexpr size_t kStandaloneLine = 20;

bool ends_paragraph(std::string_view line) {
  std::string_view t = text::trim(line);
  if (t.empty()) return true;
  size_t i = t.size();
  char32_t c = utf8::prev(t, i);
  switch (c) {
    case U'。': case U'！': case U'？': case U'；': case U'：': case U'!': case U'?': case U';':
    case U'”': case U'）': case U')': case U'…':
      return true;
    default:
      return false;
  }
}

// A table-of-contents entry ends in a page number: "1.1 规模	- 4 -", "3. 1 专业布局.....	8".
bool looks_like_toc(std::string_view line) {
  std::string_view t = text::trim(line);
  if (t.empty()) return false;
  size_t i = t.size();
  // strip trailing "-" and spaces
  while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '-' || t[i - 1] == '\t')) --i;
  size_t digits_end = i;
  while (i > 0 && is_ascii_digit(t[i - 1])) --i;
  if (i == digits_end || digits_end - i > 3) return false;
  std::string_view before = t.substr(0, i);
  // a leader of dots, an ellipsis, a tab or "- " before the page number
  size_t k = before.size();
  while (k > 0 && (before[k - 1] == ' ' || before[k - 1] == '-')) --k;
  std::string_view head = before.substr(0, k);
  // A row of figures ("2	专业点数量	个	187	195") is a table row, not a TOC entry.
  size_t cells = 0, numeric_cells = 0, pos = 0;
  while (pos <= head.size()) {
    size_t tab = head.find('\t', pos);
    std::string_view cell = text::trim(head.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (!cell.empty()) {
      ++cells;
      if (std::all_of(cell.begin(), cell.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; }))
        ++numeric_cells;
    }
    if (tab == std::string_view::npos) break;
    pos = tab + 1;
  }
  if (numeric_cells > 1 || (numeric_cells == 1 && cells > 2)) return false;
  return text::ends_with(head, "..") || text::ends_with(head, "…") || text::ends_with(head, "\t") ||
         text::ends_with(head, "·") || text::ends_with(head, "．");
}

bool looks_like_caption(std::string_view line) {
  std::string_view t = text::without_emphasis(line);
  if (utf8::count_code_points(t) > 60) return false;
  for (std::string_view p : {"附表", "图表", "表", "图"}) {
    if (text::starts_with(t, p)) {
      std::string_view rest = text::trim_left(t.substr(p.size()));
      if (rest.empty()) return false;
      char32_t c = utf8::at(rest, 0);
      return is_ascii_digit(c) || text::is_cn_numeral(c);
    }
  }
  return false;
}

// The "#" marks of a Markdown heading and the spaces after them; 0 when the line is no such heading.
size_t markdown_heading_marks(std::string_view s) {
  size_t lead = s.size() - text::trim_left(s).size();
  size_t i = lead;
  while (i < s.size() && s[i] == '#') ++i;
  if (i == lead || i - lead > 6 || i >= s.size() || (s[i] != ' ' && s[i] != '\t')) return 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i < s.size() ? i : 0;
}

}  // namespace

size_t match_section_number(std::string_view s, int* level) {
  size_t lead = s.size() - text::trim_left(s).size();
  std::string_view t = s.substr(lead);
  size_t i = 0;
  // 第一部分, 第二章, 第3篇: a part above the 一、 sections — followed by a space, a 、/： or the end of the
  // line, or by a short title with no sentence in it ("第一部分学校概况"; not "第一部分介绍了…。").
  if (text::starts_with(t, "第")) {
    size_t j = 3;
    while (j < t.size() && (text::is_cn_numeral(utf8::at(t, j)) || is_ascii_digit(t[j]))) j += utf8::seq_len(t[j]);
    if (j > 3 && j <= 3 + 12)
      for (std::string_view unit : {"部分", "章", "篇", "编"})
        if (text::starts_with(t.substr(j), unit)) {
          size_t k = j + unit.size();
          std::string_view rest = t.substr(k);
          std::string_view title = text::trim(rest);
          bool spaced = rest.empty() || rest[0] == ' ' || rest[0] == '\t' || text::starts_with(rest, "　") ||
                        text::starts_with(rest, "、") || text::starts_with(rest, "：") || text::starts_with(rest, ":");
          bool short_title = utf8::count_code_points(title) <= 20 && text::find(title, "。") == std::string_view::npos &&
                             text::find(title, "，") == std::string_view::npos;
          if (spaced || short_title) {
            *level = 0;
            return lead + k;
          }
        }
  }
  // 一、 二、 十一、
  {
    size_t j = 0;
    while (j < t.size() && text::is_cn_numeral(utf8::at(t, j))) j += utf8::seq_len(t[j]);
    if (j > 0 && j <= 9 && text::starts_with(t.substr(j), "、")) {
      *level = 1;
      return lead + j + 3;
    }
  }
  // （一） (一)
  for (std::string_view open : {"（", "("}) {
    if (text::starts_with(t, open)) {
      size_t j = open.size();
      size_t k = j;
      while (k < t.size() && text::is_cn_numeral(utf8::at(t, k))) k += utf8::seq_len(t[k]);
      if (k > j) {
        for (std::string_view close : {"）", ")"})
          if (text::starts_with(t.substr(k), close)) {
            *level = 2;
            return lead + k + close.size();
          }
      }
    }
  }
  // 1.  1.1  2. 3  3.4.1  (components of at most two digits)
  int parts = 0;
  bool dot = false;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && is_ascii_digit(t[j])) ++j;
    if (j == i || j - i > 2) break;
    ++parts;
    i = j;
    size_t k = i;
    while (k < t.size() && t[k] == ' ') ++k;
    if (k < t.size() && (t[k] == '.' || text::starts_with(t.substr(k), "．"))) {
      size_t after = k + (t[k] == '.' ? 1 : 3);
      size_t m = after;
      while (m < t.size() && t[m] == ' ') ++m;
      dot = true;
      if (m < t.size() && is_ascii_digit(t[m])) {
        i = m;
        continue;
      }
      i = after;
      break;
    }
    break;
  }
  if (parts > 0 && dot) {
    std::string_view rest = text::trim_left(t.substr(i));
    if (rest.empty()) return 0;
    char32_t c = utf8::at(rest, 0);
    // "23.19%" or "2.79:7.21" are figures, not section numbers
    if (c == '%' || c == U'％' || c == ':' || c == U'：' || c == U'万' || c == U'亿') return 0;
    *level = parts;
    return lead + i;
  }
  return 0;
}

int year_label(std::string_view cell) {
  std::string buf;
  std::string_view c = text::without_spaces(cell, buf);
  // "2024届": a graduating class is named by its year, as a column heading or a row label; "2024年末" the
  // year-end of its year.
  for (std::string_view suf : {"学年", "年度", "年末", "年底", "年", "届"})
    if (text::ends_with(c, suf)) {
      c.remove_suffix(suf.size());
      break;
    }
  size_t dash = c.find_last_of("-");
  if (dash != std::string_view::npos) c = c.substr(dash + 1);
  if (text::ends_with(c, "—")) return 0;
  size_t em = c.rfind("—");
  if (em != std::string_view::npos) c = c.substr(em + 3);
  if (c.size() != 4 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return 0;
  int y = 0;
  for (char ch : c) y = y * 10 + (ch - '0');
  return y >= 1949 && y <= 2100 ? y : 0;
}

namespace {

bool code_length(size_t n) { return n == 3 || n == 5 || n == 7; }

size_t leading_digits(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}

}  // namespace

std::string_view leading_subject_code(std::string_view cell) {
  std::string_view c = text::trim(cell);
  size_t n = leading_digits(c);
  if (!code_length(n)) return {};
  std::string_view rest = c.substr(n);
  std::string_view name = text::trim_left(rest);
  if (name.size() == rest.size() || name.empty()) return {};  // a space between code and name
  if (static_cast<unsigned char>(name[0]) < 0xE0) return {};  // a name in Chinese
  if (utf8::count_code_points(name) < 4) return {};
  if (std::any_of(name.begin(), name.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return {};
  return c.substr(0, n);
}

bool subject_code_cell(std::string_view cell) {
  std::string_view c = text::trim(cell);
  return code_length(c.size()) && leading_digits(c) == c.size();
}

bool per_unit_header(std::string_view header) {
  constexpr size_t npos = std::string_view::npos;
  size_t wide = header.rfind("（"), narrow = header.rfind("(");
  size_t open = wide == npos ? narrow : narrow == npos ? wide : std::max(wide, narrow);
  if (open == std::string_view::npos) return false;
  std::string_view inside = header.substr(open);
  return text::contains(inside, "/") || text::contains(inside, "／");
}

uint32_t Paragraph::to_source(uint32_t offset) const {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                             [](uint32_t o, const std::pair<uint32_t, uint32_t>& p) { return o < p.first; });
  if (it == pieces.begin()) return pieces.empty() ? 0 : pieces.front().second;
  --it;
  return it->second + (offset - it->first);
}

bool Document::in_case(int line) const {
  if (line < 1 || line > static_cast<int>(lines.size())) return false;
  int s = lines[line - 1].section;
  while (s >= 0) {
    if (sections[s].is_case) return true;
    s = sections[s].parent;
  }
  return false;
}

Document build_document(const SourceText& src, const Vocabulary& vocab) {
  Document doc;
  doc.source = &src;
  int n = src.line_count();
  doc.lines.resize(n);
  bool in_toc = false;
  int current_section = -1;
  for (int ln = 1; ln <= n; ++ln) {
    Line& L = doc.lines[ln - 1];
    L.number = ln;
    std::string_view t = src.line_text(ln);
    L.span = {src.line_start(ln), static_cast<uint32_t>(src.line_start(ln) + t.size())};
    std::string_view tt = text::trim(t);
    L.section = current_section;  // a heading below moves it to its own new section
    if (tt.empty()) {
      L.kind = LineKind::Blank;
      continue;
    }
    if (markdown_table::is_row(tt)) {
      L.kind = LineKind::TableRow;
      continue;
    }
    bool toc_heading = false;
    if (tt.size() <= 40) {  // a 目录 heading is a few characters
      std::string compact = text::remove_spaces(tt);
      for (const auto& m : vocab.list("toc_marker"))
        if (text::starts_with(compact, m) && utf8::count_code_points(compact) <= 8) toc_heading = true;
    }
    if (toc_heading) {
      in_toc = true;
      L.kind = LineKind::Toc;
      continue;
    }
    // A row under a table row with as many cells is a table row, even when it ends in a
    // number like a TOC entry ("1	班主任培训	65").
    if (t.find('\t') != std::string_view::npos && !in_toc) {
      int k = ln - 1;
      while (k >= 1 && doc.lines[k - 1].kind == LineKind::Blank) --k;
      int head = k;
      while (head > 1 && (doc.lines[head - 2].kind == LineKind::TableRow || doc.lines[head - 2].kind == LineKind::Blank)) --head;
      while (head < k && doc.lines[head - 1].kind == LineKind::Blank) ++head;
      std::string_view above = k >= 1 ? src.line_text(k) : std::string_view();
      if (k >= 1 && doc.lines[k - 1].kind == LineKind::TableRow && !looks_like_toc(src.line_text(head)) &&
          std::count(t.begin(), t.end(), '\t') == std::count(above.begin(), above.end(), '\t')) {
        L.kind = LineKind::TableRow;
        continue;
      }
    }
    if (looks_like_toc(t)) {
      L.kind = LineKind::Toc;
      continue;
    }
    if (in_toc && utf8::count_code_points(tt) <= 40 && text::find(t, "。") == std::string_view::npos) {
      // Entries of a TOC without page numbers (chapter titles) until prose starts.
      int lvl;
      if (match_section_number(t, &lvl) || looks_like_caption(t)) {
        L.kind = LineKind::Toc;
        continue;
      }
    }
    in_toc = false;
    if (t.find('\t') != std::string_view::npos) {
      L.kind = LineKind::TableRow;
      continue;
    }
    if (looks_like_caption(t)) {
      L.kind = LineKind::Caption;
      continue;
    }
    int level = 0;
    // A Markdown heading ("## 二、教师队伍", "### 概况"): its marks are no part of the title, and a
    // heading without a number of its own is a section all the same, at the level its marks give.
    size_t marks = markdown_heading_marks(t);
    size_t num_len = match_section_number(t.substr(marks), &level);
    if (num_len > 0) {
      num_len += marks;
    } else if (marks > 0) {
      num_len = marks;
      level = std::max(1, static_cast<int>(std::count(t.begin(), t.begin() + marks, '#')) - 1);
    }
    bool is_case = false;
    // "案例 2 …", and the same marker in brackets: "【案例】…", "〔案例 3〕…", "[典型案例]…".
    std::string_view marked = tt;
    for (std::string_view open : {"【", "〔", "[", "［", "「"})
      if (text::starts_with(tt, open)) marked = text::trim_left(tt.substr(open.size()));
    for (const auto& m : vocab.list("case_marker"))
      if (text::starts_with(marked, m) && utf8::count_code_points(tt) <= 60) is_case = true;
    if (num_len > 0 || is_case) {
      Section s;
      std::string_view num = t.substr(0, num_len);
      s.number = text::remove_spaces(num);
      std::string_view rest = text::trim(t.substr(num_len));
      size_t stop = text::find(rest, "。");
      s.title = std::string(stop == std::string_view::npos ? rest : rest.substr(0, stop));
      s.level = is_case ? 9 : level + (text::starts_with(s.number, "（") || text::starts_with(s.number, "(") ? 0 : 0);
      s.line = ln;
      s.is_case = is_case;
      // Parent: nearest earlier section with a smaller level. A 案例 nests in the current section.
      int p = current_section;
      while (p >= 0 && doc.sections[p].level >= s.level) p = doc.sections[p].parent;
      s.parent = p;
      doc.sections.push_back(s);
      current_section = static_cast<int>(doc.sections.size()) - 1;
      L.section_number = {L.span.begin, static_cast<uint32_t>(L.span.begin + num_len)};
      bool short_line = utf8::count_code_points(tt) <= 40 && stop == std::string_view::npos;
      L.kind = short_line ? LineKind::Heading : LineKind::Text;
    } else {
      L.kind = LineKind::Text;
    }
    L.section = current_section;
  }

  // Lines without tabs between the rows of one table (----, 重点专业：, a repeated caption).
  table_reader::absorb_table_lines(doc, src, vocab);

  // Paragraphs: consecutive prose lines, joined across blank lines when the
  // previous line stops mid-sentence (a page break).
  // A short line standing alone above a blank line — an unnumbered heading (工业和建筑业), the issuing office
  // (某市统计局), a date (2026年3月18日) — is no sentence cut by a page break: a line a page break cuts is a
  // full line of text.
  Paragraph cur;
  bool open = false;
  bool blank_before = false;
  auto flush = [&] {
    if (open) doc.paragraphs.push_back(std::move(cur));
    cur = Paragraph{};
    open = false;
  };
  for (int ln = 1; ln <= n; ++ln) {
    const Line& L = doc.lines[ln - 1];
    if (L.kind == LineKind::Blank) {
      blank_before = true;
      continue;
    }
    if (L.kind != LineKind::Text) {
      flush();
      continue;
    }
    std::string_view t = src.line_text(ln);
    uint32_t skip = L.section_number.empty() ? 0 : L.section_number.end - L.section_number.begin;
    const bool alone = blank_before && open && cur.first_line == cur.last_line &&
                       utf8::count_code_points(text::trim(src.line_text(cur.last_line))) <= kStandaloneLine;
    blank_before = false;
    bool continues = open && !alone && !ends_paragraph(src.line_text(cur.last_line)) && L.section_number.empty();
    if (!continues) flush();
    if (!open) {
      open = true;
      cur.first_line = ln;
      cur.section = L.section;
    }
    cur.pieces.push_back({static_cast<uint32_t>(cur.text.size()), L.span.begin + skip});
    cur.text.append(t.substr(skip));
    cur.last_line = ln;
  }
  flush();

  // Tables: runs of tab-separated lines (a caption just above is attached), read in table.cpp.
  table_reader::read_tables(doc, src, vocab);
  return doc;
}

}  // namespace tally
