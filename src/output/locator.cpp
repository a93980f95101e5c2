#include "output/locator.h"

#include <algorithm>

#include "base/utf8.h"

namespace tally {

namespace {

// Characters of context on each side, in code points: enough for a quote to be
// unique in a report, short enough to read in a message.
constexpr int kBefore = 8;
constexpr int kTotal = 20;
constexpr int kClauseReach = 6;     // extra characters looked back for a clause start
constexpr int kLongestFigure = 24;  // a longer span (a whole sum) is quoted from its start
// Bytes looked at on each side of the span: more than any quote needs, and a
// bound on the work per call however long the paragraph (one 5 MB line).
constexpr uint32_t kWindow = 256;

bool ends_sentence(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' || c == ';';
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Part of a number or Latin word, which a quote must not start or end inside ("40 人" of "1740 人").
bool is_word(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == ',' ||
         c == '%';
}

// Offset `n` code points after `from`, stopping at `limit`; *count gets how many were passed.
uint32_t forward(std::string_view text, uint32_t from, uint32_t limit, int n, int* count) {
  size_t i = from;
  int k = 0;
  while (k < n && i < limit) {
    size_t j = i;
    utf8::next(text, j);
    if (j > limit) break;
    i = j;
    ++k;
  }
  if (count) *count = k;
  return static_cast<uint32_t>(i);
}

}  // namespace

Location locate(const SourceText& src, Span span) {
  const auto& marks = src.marks;
  const std::string& text = src.text();
  uint32_t b = std::min<uint32_t>(span.begin, static_cast<uint32_t>(text.size()));
  if (marks.empty()) {
    // Only line locators (a SourceText made by hand): the line's.
    size_t line = static_cast<size_t>(src.line_of(b));
    return {line <= src.line_locators.size() ? src.line_locators[line - 1] : std::string(), {}};
  }
  auto it = std::upper_bound(marks.begin(), marks.end(), b,
                             [](uint32_t off, const SourceMark& m) { return off < m.offset; });
  if (it == marks.begin()) return {};
  const SourceMark& m = *std::prev(it);
  int line = src.line_of(m.offset);
  uint32_t line_end = src.line_start(line) + static_cast<uint32_t>(src.line_text(line).size());
  if (b > line_end) return {};  // a line without marks (the empty one after the last "\n")
  Location loc{m.locator, {}};
  if (!m.quotable) return loc;

  // The stretch, narrowed to the table cell holding the span: Word's search
  // does not match across cells or tabs.
  uint32_t lo = m.offset, hi = it != marks.end() ? std::min(it->offset, line_end) : line_end;
  std::string_view all(text);
  if (b > hi) return loc;
  // Only a window of the stretch is searched, never the whole paragraph.
  auto is_continuation = [&](uint32_t i) { return (static_cast<unsigned char>(all[i]) & 0xC0) == 0x80; };
  if (b - lo > kWindow)
    for (lo = b - kWindow; lo < b && is_continuation(lo);) ++lo;
  if (hi - b > 2 * kWindow)
    for (hi = b + 2 * kWindow; hi > b && is_continuation(hi);) --hi;
  size_t tab = all.substr(lo, b - lo).rfind('\t');
  if (tab != std::string_view::npos) lo += static_cast<uint32_t>(tab + 1);
  tab = all.substr(b, hi - b).find('\t');
  if (tab != std::string_view::npos) hi = b + static_cast<uint32_t>(tab);

  int figure = 0;
  uint32_t e = forward(all, b, std::clamp(span.end, b, hi), kLongestFigure, &figure);
  // Back towards the start of the sentence, at most kBefore characters, or a
  // few more when that reaches the start of a clause: the quote then reads
  // "其中民办5320人，占40%", not "办5320人，占40%".
  auto starts = [&](uint32_t i, bool clause) {
    size_t j = i;
    char32_t c = i <= lo ? 0 : utf8::prev(all, j);
    return i <= lo || ends_sentence(c) || (clause && (c == U'，' || c == U'、' || c == U'：' || c == ','));
  };
  auto back = [&](uint32_t i) {
    size_t j = i;
    utf8::prev(all, j);
    return static_cast<uint32_t>(j);
  };
  uint32_t qb = b;
  int before = 0;
  for (; before < kBefore && !starts(qb, false); ++before) qb = back(qb);
  uint32_t x = qb;
  int extra = 0;
  for (; extra < kClauseReach && !starts(x, true); ++extra) x = back(x);
  if (starts(x, true)) {
    qb = x;
    before += extra;
  }
  // On to the end of the sentence, filling the quote to about kTotal characters.
  uint32_t qe = e;
  for (int k = 0, n = std::max(6, kTotal - before - figure); k < n && qe < hi; ++k) {
    size_t i = qe;
    if (ends_sentence(utf8::next(all, i))) break;
    qe = static_cast<uint32_t>(i);
  }
  auto inside_word = [&](uint32_t i) { return i > lo && i < hi && is_word(all[i - 1]) && is_word(all[i]); };
  if (qb < b && inside_word(qb)) {
    // Take a short number whole ("1740 人，占比"); drop a long run's end instead.
    uint32_t y = qb;
    while (y + 12 > qb && inside_word(y)) --y;
    if (!inside_word(y)) qb = y;
    while (qb < b && inside_word(qb)) ++qb;
  }
  if (qe > e && inside_word(qe)) {
    // Finish a short number ("占比 53.4%"); cut a long run back instead.
    uint32_t z = qe;
    while (z < qe + 12 && inside_word(z)) ++z;
    if (!inside_word(z)) qe = z;
    while (qe > e && inside_word(qe)) --qe;
  }
  while (qb < b && is_space(all[qb])) ++qb;
  // A quote ends on a word, not on the comma before the next clause.
  for (;;) {
    while (qe > e && is_space(all[qe - 1])) --qe;
    size_t i = qe;
    char32_t last = qe > e ? utf8::prev(all, i) : 0;
    if (last != U'，' && last != U'、' && last != ',') break;
    qe = static_cast<uint32_t>(i);
  }
  if (qe > qb) loc.quote = {qb, qe};
  return loc;
}

namespace {

// Reads `word` then a number from the front of `s`.
bool take(std::string_view& s, std::string_view word, std::string* number) {
  if (!s.starts_with(word)) return false;
  size_t n = word.size();
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == word.size() || n - word.size() > 9) return false;
  *number = std::string(s.substr(word.size(), n - word.size()));
  s.remove_prefix(n);
  return true;
}

// The loaders' English form as a catalogue message; an empty id for any other text.
Message parse_locator(std::string_view s) {
  std::string a, b;
  if (s == "footnotes" || s == "endnotes") return Message("locator." + std::string(s));
  if (take(s, "page ", &a) && take(s, ", line ", &b) && s.empty())
    return Message("locator.page_line", {{"page", a}, {"line", b}});
  if (take(s, "table ", &a) && take(s, ", row ", &b) && s.empty())
    return Message("locator.table_row", {{"table", a}, {"row", b}});
  if (take(s, "footnote ", &a) && s.empty()) return Message("locator.footnote", {{"n", a}});
  if (take(s, "endnote ", &a) && s.empty()) return Message("locator.endnote", {{"n", a}});
  if (take(s, "paragraph ", &a)) {
    if (s.empty()) return Message("locator.paragraph", {{"n", a}});
    if (take(s, " (heading ", &b) && s == ")") return Message("locator.paragraph_heading", {{"n", a}, {"level", b}});
  }
  return {};
}

}  // namespace

std::string say_locator(std::string_view where, Lang lang) {
  if (lang == Lang::En) return std::string(where);  // the loaders' form is the English text
  Message m = parse_locator(where);
  return m.id.empty() ? std::string(where) : builtin_catalogue().render(m, lang);
}

std::string locator_text(const SourceText& src, const Location& loc, Lang lang) {
  std::string where = say_locator(loc.where, lang);
  if (loc.quote.empty() || loc.where.empty()) return where;
  return builtin_catalogue().render(
      Message("locator.quoted", {{"where", where}, {"quote", std::string(src.slice(loc.quote))}}), lang);
}

std::string locator_text(const SourceText& src, Span span, Lang lang) {
  return locator_text(src, locate(src, span), lang);
}

}  // namespace tally
