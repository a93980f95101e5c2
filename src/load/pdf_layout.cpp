#include "load/pdf_layout.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <re2/re2.h>

#include "base/utf8.h"

namespace tally {

namespace {

// One physical line of a page.
struct Row {
  std::vector<const PdfWord*> words;
  double top = 0, bottom = 0, left = 0, right = 0;
  double size = 0;  // typical word height, a stand-in for the font size
  double center_sum = 0;
  std::string lead;  // "\t" for each empty cell before the first word
  std::vector<const char*> seps;  // between words k and k+1: "", " " or "\t"
  std::string text;
  int index = 0;  // 1-based on its page
  bool dropped = false;

  double center() const { return center_sum / words.size(); }
  bool has_tab() const { return text.find('\t') != std::string::npos; }
};

double height(const PdfWord& w) { return std::max(0.1, w.y1 - w.y0); }

bool is_ascii_alnum(char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); }

// What goes between two neighbouring words of a line.
const char* separator(const PdfWord& a, const PdfWord& b) {
  double h = std::min(height(a), height(b));
  double gap = b.x0 - a.x1;
  // Wider than any word space (h is about 1.2 em): a new column.
  if (gap > 0.8 * h) return "\t";
  if (a.space_after || gap > 0.2 * h) return " ";
  return "";
}

std::vector<Row> rows_of(const PdfPage& page) {
  std::vector<const PdfWord*> words;
  for (const auto& w : page.words)
    if (!w.text.empty()) words.push_back(&w);
  auto center = [](const PdfWord* w) { return (w->y0 + w->y1) / 2; };
  std::stable_sort(words.begin(), words.end(), [&](auto* a, auto* b) { return center(a) < center(b); });
  std::vector<Row> rows;
  for (const PdfWord* w : words) {
    if (!rows.empty()) {
      Row& r = rows.back();
      if (std::abs(center(w) - r.center()) < 0.5 * std::min(height(*w), r.size)) {
        r.words.push_back(w);
        r.center_sum += center(w);
        r.top = std::min(r.top, w->y0);
        r.bottom = std::max(r.bottom, w->y1);
        continue;
      }
    }
    Row r;
    r.words.push_back(w);
    r.center_sum = center(w);
    r.top = w->y0;
    r.bottom = w->y1;
    r.size = height(*w);
    rows.push_back(std::move(r));
  }
  int index = 0;
  for (Row& r : rows) {
    r.index = ++index;
    std::stable_sort(r.words.begin(), r.words.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
    std::vector<double> heights;
    for (size_t i = 0; i < r.words.size(); ++i) {
      if (i) r.seps.push_back(separator(*r.words[i - 1], *r.words[i]));
      heights.push_back(height(*r.words[i]));
    }
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    r.size = heights[heights.size() / 2];
    r.left = r.words.front()->x0;
    r.right = r.words.back()->x1;
  }
  return rows;
}

// In a table, a column gap can be as narrow as a word space (a tab stop just
// past the text). A gap whose next word starts where a column starts in a
// nearby row that has clear column gaps is a column gap too.
void align_columns(std::vector<Row>& rows) {
  constexpr int kReach = 6;  // rows looked at on each side
  int n = static_cast<int>(rows.size());
  std::vector<std::vector<double>> starts(n);
  for (int i = 0; i < n; ++i)
    for (size_t k = 0; k < rows[i].seps.size(); ++k)
      if (std::string_view(rows[i].seps[k]) == "\t") starts[i].push_back(rows[i].words[k + 1]->x0);
  auto aligned = [&](int i, double x, double tol) {
    for (int j = std::max(0, i - kReach); j <= std::min(n - 1, i + kReach); ++j)
      for (double s : starts[j])
        if (j != i && std::abs(s - x) < tol) return true;
    return false;
  };
  for (int i = 0; i < n; ++i) {
    Row& r = rows[i];
    // Only rows that look like table rows: most of their gaps are column
    // gaps already or line up with columns; prose keeps its word spaces.
    std::vector<size_t> candidates;
    int gaps = 0, tabs = 0;
    for (size_t k = 0; k < r.seps.size(); ++k) {
      if (r.words[k + 1]->x0 - r.words[k]->x1 < 0.1 * r.size) continue;  // touching: one cell
      ++gaps;
      if (std::string_view(r.seps[k]) == "\t") ++tabs;
      else if (aligned(i, r.words[k + 1]->x0, 0.3 * r.size)) candidates.push_back(k);
    }
    if (candidates.empty() || gaps < 2 || 2 * (tabs + static_cast<int>(candidates.size())) <= gaps) continue;
    for (size_t k : candidates) r.seps[k] = "\t";
  }
  // A row whose first cell is empty starts right of the left column: one
  // "\t" per column start left of it.
  double page_left = 1e9;
  for (const Row& r : rows) page_left = std::min(page_left, r.left);
  for (int i = 0; i < n; ++i) {
    Row& r = rows[i];
    double tol = 0.3 * r.size;
    if (r.left < page_left + r.size || !aligned(i, r.left, tol)) continue;
    std::vector<double> cols{page_left};
    for (int j = std::max(0, i - kReach); j <= std::min(n - 1, i + kReach); ++j)
      for (double x : starts[j]) cols.push_back(x);
    std::sort(cols.begin(), cols.end());
    int before = 0;
    double last = -1e9;
    for (double x : cols) {
      if (x > r.left - tol) break;
      if (x - last > tol) ++before;
      last = x;
    }
    r.lead = std::string(before, '\t');
  }
  for (Row& r : rows) {
    r.text = r.lead + r.words.front()->text;
    for (size_t k = 0; k < r.seps.size(); ++k) r.text += r.seps[k] + r.words[k + 1]->text;
  }
}

// "3", "- 3 -", "— 3 —", "第 3 页", "第3页 共12页", "3 / 12", "Page 3 of 12", "iv".
bool is_page_number(const std::string& text) {
  static const RE2 re(
      R"((?i)^\s*[-–—·•\s]*(\d{1,4}|[ivxlc]{1,6}|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(\s*of\s*\d{1,4})?)[-–—·•\s]*$)");
  return RE2::FullMatch(text, re);
}

// The line's text without white space, to recognise a running header or
// footer. A page number inside it ("某某学校 · 3") changes from page to page,
// so a single run of digits is masked; a line with more numbers is body text
// and must repeat exactly.
std::string header_key(const std::string& text) {
  std::string k;
  int runs = 0;
  bool in_digits = false;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    bool digit = c >= '0' && c <= '9';
    runs += digit && !in_digits;
    in_digits = digit;
    k += c;
  }
  if (runs != 1) return k;
  for (char& c : k)
    if (c >= '0' && c <= '9') c = '#';
  return k;
}

// Marks running headers/footers (a line repeated at the top or bottom of
// most pages) and bare page numbers at either end of a page as dropped.
void drop_running_lines(std::vector<std::vector<Row>>& pages, const std::vector<PdfPage>& geometry) {
  constexpr int kEdge = 2;           // lines looked at on each end of a page
  constexpr double kZone = 0.15;     // … and only in the outer 15% of the page height
  std::map<std::string, int> seen;  // key → pages where it sits at an edge
  for (const auto& rows : pages) {
    std::set<std::string> keys;
    for (int i = 0; i < static_cast<int>(rows.size()); ++i)
      if (i < kEdge || i >= static_cast<int>(rows.size()) - kEdge) keys.insert(header_key(rows[i].text));
    for (const auto& k : keys) ++seen[k];
  }
  int n = static_cast<int>(pages.size());
  int needed = std::max(2, (n + 1) / 2);
  auto running = [&](const Row& r, double page_height) {
    if (is_page_number(r.text)) return true;
    bool in_zone = page_height <= 0 || r.bottom < kZone * page_height || r.top > (1 - kZone) * page_height;
    std::string k = header_key(r.text);
    return n >= 2 && in_zone && k.size() >= 2 && seen[k] >= needed;
  };
  for (int p = 0; p < n; ++p) {
    auto& rows = pages[p];
    double h = geometry[p].height;
    int size = static_cast<int>(rows.size());
    for (int i = 0; i < std::min(kEdge, size) && running(rows[i], h); ++i) rows[i].dropped = true;
    for (int i = size - 1; i >= std::max(0, size - kEdge) && !rows[i].dropped && running(rows[i], h); --i)
      rows[i].dropped = true;
  }
}

// A line ends its sentence: 。！？ (or ASCII), possibly inside a closing
// quote; also ；： when `clauses` is set.
bool ends_sentence(const std::string& text, bool clauses) {
  std::string_view s = text;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  size_t i = s.size();
  char32_t last = utf8::prev(s, i);
  if (last == U'”' || last == U'」' || last == U'』' || last == U'）' || last == ')' || last == U'’') {
    if (i == 0) return false;
    last = utf8::prev(s, i);
  }
  switch (last) {
    case U'。': case U'！': case U'？': case U'…': case '!': case '?':
      return true;
    case U'；': case U'：': case ';': case ':':
      return clauses;
    case '.': {
      // An English full stop, but not "23." of a number split by PDF spacing.
      char32_t before = i == 0 ? 0 : utf8::prev(s, i);
      return before < 0x80 && std::isalpha(static_cast<int>(before));
    }
    default:
      return false;
  }
}

struct Margins {
  double left = 1e9, right = -1e9;
};

// The text block's edges: the leftmost start, and the median end of the long
// lines (full lines end there; a stray line running into the margin does not
// move it).
Margins margins_of(const std::vector<Row>& rows) {
  Margins m;
  double max_right = -1e9;
  for (const Row& r : rows) {
    if (r.dropped || r.has_tab()) continue;
    m.left = std::min(m.left, r.left);
    max_right = std::max(max_right, r.right);
  }
  std::vector<double> ends;
  for (const Row& r : rows)
    if (!r.dropped && !r.has_tab() && r.right - m.left > 0.6 * (max_right - m.left)) ends.push_back(r.right);
  if (ends.empty()) return m;
  std::nth_element(ends.begin(), ends.begin() + ends.size() / 2, ends.end());
  m.right = ends[ends.size() / 2];
  return m;
}

// Width of what b must keep together at its start: a number or Latin word
// cannot be broken, so a line wraps early when it does not fit.
double leading_unit_width(const Row& b) {
  const PdfWord& w = *b.words.front();
  size_t total = utf8::count_code_points(w.text), ascii = 0;
  for (size_t i = 0; i < w.text.size() && static_cast<unsigned char>(w.text[i]) < 0x80 && w.text[i] != ' '; ++i) ++ascii;
  if (total == 0) return 0;
  return (w.x1 - w.x0) * static_cast<double>(ascii) / static_cast<double>(total);
}

// Does the document start its paragraphs with a first-line indent (as most
// Chinese reports do, by two characters)? Then a full line followed by an
// unindented one is a wrap even after ；or ：.
bool uses_indent(const std::vector<std::vector<Row>>& pages, const std::vector<Margins>& margins) {
  int rows = 0, indented = 0;
  for (size_t p = 0; p < pages.size(); ++p)
    for (const Row& r : pages[p]) {
      if (r.dropped || r.has_tab()) continue;
      ++rows;
      double in = r.left - margins[p].left;
      indented += in > 1.5 * r.size && in < 2.6 * r.size;
    }
  return indented >= 3 && indented * 10 >= rows;
}

// Does b continue the paragraph a wrapped out of?
bool continues(const Row& a, const Margins& ma, const Row& b, const Margins& mb, bool same_page, bool indent_doc) {
  if (a.has_tab() || b.has_tab() || a.text.empty() || b.text.empty()) return false;
  if (ends_sentence(a.text, !indent_doc)) return false;
  if (std::abs(a.size - b.size) > 0.25 * std::max(a.size, b.size)) return false;
  // a stops short of the margin by more than b's first unbreakable piece
  // (plus room for line-breaking rules): the paragraph ended there.
  double slack = std::max(2.5 * a.size, leading_unit_width(b) + 1.0 * a.size);
  if (a.right < ma.right - slack) return false;
  if (b.left > mb.left + 1.0 * b.size) return false;               // b is indented: a new paragraph
  if (same_page && b.top - a.bottom > 1.2 * a.size) return false;  // paragraph spacing
  return true;
}

void append_joined(std::string& a, const std::string& b) {
  size_t i = a.size();
  char32_t last = a.empty() ? 0 : utf8::prev(a, i);
  char32_t first = utf8::at(b, 0);
  if (is_ascii_alnum(last) && is_ascii_alnum(first)) a += ' ';
  a += b;
}

}  // namespace

std::vector<PdfLine> layout_pdf(const std::vector<PdfPage>& pages) {
  std::vector<std::vector<Row>> rows;
  for (const auto& p : pages) {
    rows.push_back(rows_of(p));
    align_columns(rows.back());
  }
  drop_running_lines(rows, pages);
  std::vector<Margins> margins;
  for (const auto& r : rows) margins.push_back(margins_of(r));

  bool indent_doc = uses_indent(rows, margins);
  std::vector<PdfLine> out;
  const Row* prev = nullptr;
  size_t prev_page = 0;
  for (size_t p = 0; p < rows.size(); ++p) {
    for (const Row& r : rows[p]) {
      if (r.dropped) continue;
      int page = static_cast<int>(p) + 1;
      if (prev && continues(*prev, margins[prev_page], r, margins[p], prev_page == p, indent_doc)) {
        PdfLine& l = out.back();
        append_joined(l.text, r.text);
        l.starts.push_back({l.text.size() - r.text.size(), page, r.index});
      } else {
        out.push_back(PdfLine{r.text, page, r.index, {{0, page, r.index}}});
      }
      prev = &r;
      prev_page = p;
    }
  }
  return out;
}

}  // namespace tally
