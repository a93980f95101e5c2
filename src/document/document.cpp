#include "document/document.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"

namespace tally {

namespace {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Sentence-final characters: a line ending with one of them ends its paragraph.
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
  return text::ends_with(head, "..") || text::ends_with(head, "…") || text::ends_with(head, "\t") ||
         text::ends_with(head, "·") || text::ends_with(head, "．");
}

bool looks_like_caption(std::string_view line) {
  std::string_view t = text::trim(line);
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

}  // namespace

size_t match_section_number(std::string_view s, int* level) {
  size_t lead = s.size() - text::trim_left(s).size();
  std::string_view t = s.substr(lead);
  size_t i = 0;
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
    if (tt.empty()) {
      L.kind = LineKind::Blank;
      L.section = current_section;
      continue;
    }
    std::string compact = text::remove_spaces(tt);
    bool toc_heading = false;
    for (const auto& m : vocab.list("toc_marker"))
      if (text::starts_with(compact, m) && utf8::count_code_points(compact) <= 8) toc_heading = true;
    if (toc_heading) {
      in_toc = true;
      L.kind = LineKind::Toc;
      continue;
    }
    if (looks_like_toc(t)) {
      L.kind = LineKind::Toc;
      L.section = current_section;
      continue;
    }
    if (in_toc && utf8::count_code_points(tt) <= 40 && t.find("。") == std::string_view::npos) {
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
      L.section = current_section;
      continue;
    }
    if (looks_like_caption(t)) {
      L.kind = LineKind::Caption;
      L.section = current_section;
      continue;
    }
    int level = 0;
    size_t num_len = match_section_number(t, &level);
    bool is_case = false;
    for (const auto& m : vocab.list("case_marker"))
      if (text::starts_with(tt, m) && utf8::count_code_points(tt) <= 60) is_case = true;
    if (num_len > 0 || is_case) {
      Section s;
      std::string_view num = t.substr(0, num_len);
      s.number = text::remove_spaces(num);
      std::string_view rest = text::trim(t.substr(num_len));
      size_t stop = rest.find("。");
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

  // Paragraphs: consecutive prose lines, joined across blank lines when the
  // previous line stops mid-sentence (a page break).
  Paragraph cur;
  bool open = false;
  auto flush = [&] {
    if (open) doc.paragraphs.push_back(std::move(cur));
    cur = Paragraph{};
    open = false;
  };
  for (int ln = 1; ln <= n; ++ln) {
    const Line& L = doc.lines[ln - 1];
    if (L.kind == LineKind::Blank) continue;
    if (L.kind != LineKind::Text) {
      flush();
      continue;
    }
    std::string_view t = src.line_text(ln);
    uint32_t skip = L.section_number.empty() ? 0 : L.section_number.end - L.section_number.begin;
    bool continues = open && !ends_paragraph(src.line_text(cur.last_line)) && L.section_number.empty();
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

  // Tables: runs of tab-separated lines (a caption just above is attached).
  for (int ln = 1; ln <= n;) {
    if (doc.lines[ln - 1].kind != LineKind::TableRow) {
      ++ln;
      continue;
    }
    Table tab;
    tab.first_line = ln;
    for (int k = ln - 1; k >= 1 && k >= ln - 3; --k) {
      if (doc.lines[k - 1].kind == LineKind::Caption) {
        tab.caption_line = k;
        break;
      }
      if (doc.lines[k - 1].kind != LineKind::Blank) break;
    }
    int idx = static_cast<int>(doc.tables.size());
    while (ln <= n && (doc.lines[ln - 1].kind == LineKind::TableRow ||
                       (doc.lines[ln - 1].kind == LineKind::Blank && ln < n &&
                        doc.lines[ln].kind == LineKind::TableRow))) {
      Line& L = doc.lines[ln - 1];
      if (L.kind == LineKind::TableRow) {
        L.table = idx;
        std::vector<Cell> row;
        std::string_view t = src.line_text(ln);
        size_t pos = 0;
        int col = 0;
        while (true) {
          size_t tab_at = t.find('\t', pos);
          std::string_view cell = t.substr(pos, tab_at == std::string_view::npos ? std::string_view::npos : tab_at - pos);
          size_t lead = cell.size() - text::trim_left(cell).size();
          std::string_view trimmed = text::trim(cell);
          uint32_t b = L.span.begin + pos + lead;
          row.push_back({{b, static_cast<uint32_t>(b + trimmed.size())}, static_cast<int>(tab.rows.size()), col++});
          if (tab_at == std::string_view::npos) break;
          pos = tab_at + 1;
        }
        tab.rows.push_back(std::move(row));
      }
      tab.last_line = ln;
      ++ln;
    }
    // Header rows: leading rows with no cell that starts with a digit.
    for (const auto& row : tab.rows) {
      bool has_figure = false;
      for (const auto& c : row) {
        std::string_view ct = src.slice(c.span);
        if (!ct.empty() && (is_ascii_digit(ct[0]) || ct[0] == '-')) has_figure = true;
      }
      if (has_figure) break;
      ++tab.header_rows;
    }
    if (tab.header_rows > 0) {
      for (const auto& c : tab.rows[0]) {
        std::string h = text::remove_spaces(src.slice(c.span));
        for (const auto& w : vocab.list("table_index_header"))
          if (h == w) tab.index_column = c.col;
      }
    }
    doc.tables.push_back(std::move(tab));
  }
  return doc;
}

}  // namespace tally
