#include "extract/scanner.h"

#include <string>

#include "base/text.h"
#include "base/utf8.h"

namespace tally {

namespace {

struct Cursor {
  std::string_view s;
  size_t i = 0;
  char32_t peek(size_t at) const { return at < s.size() ? text::fold_width(utf8::at(s, at)) : 0; }
  size_t after(size_t at) const { return at < s.size() ? at + utf8::seq_len(s[at]) : at; }
};

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char32_t before(std::string_view s, size_t i) {
  if (i == 0) return 0;
  return text::fold_width(utf8::prev(s, i));
}

size_t skip_spaces(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || text::starts_with(s.substr(i), "\u3000")))
    i += s[i] == ' ' ? 1 : 3;
  return i;
}

// Does a clause start just before i (spaces aside): the text's start, or after a colon, a full stop, a
// semicolon or a line break?
bool clause_starts_at(std::string_view s, size_t i) {
  while (i > 0 && s[i - 1] == ' ') --i;
  if (i == 0) return true;
  char32_t p = before(s, i);
  return p == ':' || p == U'：' || p == U'。' || p == ';' || p == U'；' || p == '\n';
}

// Reads digits (ASCII or full-width) from i; appends ASCII digits to out.
size_t read_digits(const Cursor& c, size_t i, std::string& out) {
  while (i < c.s.size()) {
    char32_t ch = c.peek(i);
    if (!is_digit(ch)) break;
    out += static_cast<char>(ch);
    i = c.after(i);
  }
  return i;
}

// Reads one decimal number at i: "1,234", "23.19", "23. 19" (PDF spacing), "０.５".
// Returns the end offset, or i when there is no number. Sets malformed for "291.万".
size_t read_number(const Cursor& c, size_t i, std::string& digits, int& decimals, bool& malformed) {
  size_t j = read_digits(c, i, digits);
  if (j == i) return i;
  // thousands separators: ",ddd" groups
  while (j < c.s.size() && c.peek(j) == ',') {
    size_t k = c.after(j);
    std::string grp;
    size_t e = read_digits(c, k, grp);
    if (grp.size() != 3) break;
    digits += grp;
    j = e;
  }
  decimals = 0;
  if (j < c.s.size() && (c.peek(j) == '.' || c.s.substr(j, 3) == "．")) {
    size_t k = c.after(j);
    size_t k2 = k;
    if (k2 < c.s.size() && c.s[k2] == ' ') ++k2;  // "23. 19"
    std::string frac;
    size_t e = read_digits(c, k2, frac);
    if (!frac.empty()) {
      digits += '.';
      digits += frac;
      decimals = static_cast<int>(frac.size());
      return e;
    }
    char32_t nx = c.peek(k);
    if (nx == U'万' || nx == U'亿') {
      malformed = true;
      return k;
    }
  }
  return j;
}

bool in_list(std::string_view s, size_t at, const WordList& words, size_t* len) {
  std::string_view w = text::starts_with_any(s.substr(at), words);
  if (w.empty()) return false;
  if (len) *len = w.size();
  return true;
}

bool preceded_by_any(std::string_view s, size_t at, const WordList& words, size_t* len = nullptr) {
  std::string_view w = text::ends_with_any(s.substr(0, at), words);
  if (w.empty()) return false;
  if (len) *len = w.size();
  return true;
}

// "72小时准时率为 83.6%", "15天办结率", "30日回款率": a measured span glued to the name of a rate names
// the rate (the rate of things done within 72 hours); it is not a figure of its own, and read as one it
// became the part of the rate beside it. The words after the unit must end in a rate word (率, 比例), with
// nothing after it but a verb (为, 达到) or the end of the words.
bool names_a_rate(std::string_view s, size_t at, const Vocabulary& vocab) {
  size_t end = at;
  int chars = 0;
  while (end < s.size() && chars < 10 && text::is_cjk(utf8::at(s, end))) end += utf8::seq_len(s[end]), ++chars;
  std::string_view run = s.substr(at, end - at);
  for (size_t i = 0; i < run.size(); i += utf8::seq_len(run[i])) {
    std::string_view rate = vocab.list("rate_suffix").prefix_of(run.substr(i));
    if (rate.empty()) continue;
    if (i == 0) return false;  // the rate word alone (人率?) names nothing
    std::string_view rest = run.substr(i + rate.size());
    return rest.empty() || !vocab.list("label_suffix_stop").prefix_of(rest).empty();
  }
  return false;
}

// Approximate markers after the unit (95% 以上, 100人左右, 六项以上) and before the number (约, 近, 超过): a
// bound or an estimate, not the value. `k` is the end of the unit; it moves past a marker after it.
void approx_markers(std::string_view s, size_t start, size_t& k, const Vocabulary& vocab, Approx& approx) {
  size_t ak = skip_spaces(s, k);
  size_t al = 0;
  if (in_list(s, ak, vocab.list("approx_at_least_after"), &al)) approx = Approx::AtLeast, k = ak + al;
  else if (in_list(s, ak, vocab.list("approx_at_most_after"), &al)) approx = Approx::AtMost, k = ak + al;
  else if (in_list(s, ak, vocab.list("approx_about_after"), &al)) approx = Approx::About, k = ak + al;
  size_t bs = start;
  while (bs > 0 && s[bs - 1] == ' ') --bs;
  // The longer word decides: 不超过 is at most, though it ends with 超过.
  size_t least = 0, most = 0;
  preceded_by_any(s, bs, vocab.list("approx_at_least_before"), &least);
  preceded_by_any(s, bs, vocab.list("approx_at_most_before"), &most);
  if (least > 0 && least >= most) approx = Approx::AtLeast;
  else if (most > 0) approx = Approx::AtMost;
  else if (preceded_by_any(s, bs, vocab.list("approx_about_before"))) approx = Approx::About;
}

}  // namespace

ScanResult scan_numbers(std::string_view s, const Vocabulary& vocab) {
  ScanResult out;
  Cursor c{s};
  const auto& not_after = vocab.list("not_quantity_after");
  const auto& not_before = vocab.list("not_quantity_before");
  size_t i = 0;
  while (i < s.size()) {
    char32_t ch = c.peek(i);
    if (is_digit(ch)) {
      size_t start = i;
      char32_t prev = before(s, i);
      // Part of a code, a name or a longer token: "A1", "5G", "1+X", "3.|06".
      bool glued = is_alpha(prev) || prev == '_' || prev == '/' || prev == '#' || prev == '=' || prev == '@';
      std::string digits;
      int decimals = 0;
      bool malformed = false;
      size_t e = read_number(c, i, digits, decimals, malformed);
      size_t next = e;
      if (glued) {
        while (next < s.size() && (is_digit(c.peek(next)) || is_alpha(c.peek(next)) || c.peek(next) == '.'))
          next = c.after(next);
        i = next;
        continue;
      }
      ScannedNumber sn;
      Quantity& q = sn.q;
      q.printed = Rational::parse(digits);
      q.decimals = decimals;
      q.malformed = malformed;
      size_t k = skip_spaces(s, e);
      char32_t nx = c.peek(k);
      bool skip = false;
      // Names and formulas: "1+X", "3+2", "5+N" — not a sign opening a cell or a clause ("+1.96", "（+0.2）").
      if (nx == '+') skip = true;
      if (prev == '+') {
        size_t plus = start;
        utf8::prev(s, plus);
        char32_t pp = before(s, plus);
        if (is_digit(pp) || is_alpha(pp)) skip = true;
      }
      // A token glued to letters: "5G", "4K", "3D" — unless the letters are a unit ("100Mbps").
      if (e < s.size() && is_alpha(c.peek(e)) && !vocab.unit_at(s.substr(e))) {
        while (next < s.size() && (is_digit(c.peek(next)) || is_alpha(c.peek(next)))) next = c.after(next);
        skip = true;
      }
      // An index's base in brackets — "性别比（以女性为100）", "（以 2020 年为 100）": the base of the figure
      // beside it, no figure of its own.
      if (digits == "100" && decimals == 0 && prev == U'为') {
        for (std::string_view open : {"（以", "(以"}) {
          size_t at = s.rfind(open, start);
          if (at != std::string_view::npos && start - at < 60 && s.substr(at, start - at).find_first_of(")") == std::string_view::npos &&
              s.substr(at, start - at).find("）") == std::string_view::npos)
            skip = true;
        }
      }
      // Ordinals and document numbers: 第2届, 〔2024〕, 〕88号
      if (preceded_by_any(s, start, not_before)) skip = true;
      if (prev == U'〔' || prev == '[' || prev == U'【' || prev == U'〕' || prev == ']' || nx == U'〕') skip = true;
      // An item number opening a clause — "注：2.口径…", "说明：3、…", "备注：（2）…" — numbers a note or
      // a list, it counts nothing.
      if (decimals == 0 && digits.size() <= 2) {
        bool dot = nx == '.' || nx == U'．' || nx == U'、';
        if (dot && !is_digit(c.peek(skip_spaces(s, c.after(k)))) && clause_starts_at(s, start)) skip = true;
        bool paren = (prev == '(' || prev == U'（') && (nx == ')' || nx == U'）');
        size_t open = start - 1;  // where the bracket starts (ASCII or full-width)
        while (paren && open > 0 && (static_cast<unsigned char>(s[open]) & 0xC0) == 0x80) --open;
        if (paren && clause_starts_at(s, open)) skip = true;
      }
      // A number in quotes with nothing else: “121119”
      if (prev == U'“' && nx == U'”') skip = true;
      // A code alone in parentheses: (410000)
      if ((prev == '(' || prev == U'（') && (nx == ')' || nx == U'）') && digits.size() >= 5) skip = true;
      // Ranges "2-3 个", "2024—2026 年", "18日至20日": neither end is a figure to check.
      bool range = false;
      if (nx == '-' || nx == U'—' || nx == U'－' || nx == '~' || nx == U'～' || nx == U'至' || nx == U'到') {
        size_t r = skip_spaces(s, c.after(k));
        if (nx == U'—' && r < s.size() && c.peek(r) == U'—') r = skip_spaces(s, c.after(r));
        if (is_digit(c.peek(r))) range = true;
      }
      if ((prev == '-' || prev == U'—' || prev == U'－' || prev == '~' || prev == U'～' || prev == U'至') &&
          is_digit(before(s, start - (prev < 0x80 ? 1 : 3))))
        range = true;
      // Years, dates, grades: followed by 年/月/日/届/级 …
      size_t wl = 0;
      bool not_q = in_list(s, k, not_after, &wl);
      if (not_q || range) {
        if (decimals == 0 && digits.size() == 4) {
          int y = std::stoi(digits);
          if (y >= 1949 && y <= 2100) {
            // the year named by "2022-2023 学年" is the later one; a range's first end is skipped below
            out.years.push_back({static_cast<uint32_t>(start), y});
          }
        }
        skip = true;
      }
      if (skip) {
        i = next;
        continue;
      }
      // Percent
      if (nx == '%') {
        q.kind = QuantityKind::Percent;
        k = c.after(k);
        e = k;
        q.unit = "%";
        q.dimension = "percent";
      } else if ((nx == ':' || nx == U'∶') && is_digit(c.peek(skip_spaces(s, c.after(k))))) {
        // Ratio a:b[:c] (also with the ratio sign ∶, U+2236, that Word's equation tools insert)
        q.kind = QuantityKind::Ratio;
        q.ratio_parts.push_back(q.printed);
        q.ratio_decimals.push_back(decimals);
        size_t r = k;
        while (r < s.size() && (c.peek(r) == ':' || c.peek(r) == U'∶')) {
          size_t b2 = skip_spaces(s, c.after(r));
          std::string d2;
          int dec2 = 0;
          bool mf = false;
          size_t e2 = read_number(c, b2, d2, dec2, mf);
          if (e2 == b2) break;
          q.ratio_parts.push_back(Rational::parse(d2));
          q.ratio_decimals.push_back(dec2);
          e = e2;
          r = skip_spaces(s, e2);
        }
        k = e;
        q.dimension = "ratio";
      } else {
        // Multiplier: 万, 亿, 百万, 万亿, … (the longest the vocabulary knows)
        if (auto m = vocab.multiplier_at(s.substr(k)); m.length > 0) {
          q.multiplier = m.factor;
          k += m.length;
          e = k;
        }
        // Approximate marker between number and unit: 3000余人, 50多名
        size_t al = 0;
        if (in_list(s, k, vocab.list("approx_at_least_after"), &al)) {
          q.approx = Approx::AtLeast;
          k += al;
        }
        size_t uk = skip_spaces(s, k);
        if (const UnitDef* u = vocab.unit_at(s.substr(uk))) {
          q.unit = u->word;
          q.dimension = u->dimension;
          q.multiplier *= u->factor;
          k = uk + u->word.size();
          if (names_a_rate(s, k, vocab)) {
            i = std::max(k, next);
            continue;
          }
        }
      }
      approx_markers(s, start, k, vocab, q.approx);
      q.value = q.printed * Rational(q.multiplier);
      // "参加2025全国职业院校技能大赛": a year-like number with no unit inside words names an event.
      if (q.kind == QuantityKind::Number && q.unit.empty() && decimals == 0 && digits.size() == 4 &&
          q.multiplier == 1 && text::is_cjk(prev) && text::is_cjk(c.peek(e))) {
        int y = std::stoi(digits);
        if (y >= 1949 && y <= 2100) {
          i = std::max(e, next);
          continue;
        }
      }
      sn.begin = static_cast<uint32_t>(start);
      sn.end = static_cast<uint32_t>(e);
      sn.unit_end = static_cast<uint32_t>(k);
      q.text = std::string(s.substr(start, e - start));
      out.numbers.push_back(std::move(sn));
      i = std::max(e, next);
      continue;
    }
    if (text::is_cn_numeral(ch) && ch != U'〇' && ch != U'零') {
      size_t start = i;
      size_t j = i;
      while (j < s.size() && text::is_cn_numeral(c.peek(j))) j = c.after(j);
      std::string_view run = s.substr(start, j - start);
      long long v = text::parse_cn_numeral(run);
      char32_t prev = before(s, start);
      const UnitDef* unit = vocab.unit_at(s.substr(j));
      if (unit && !unit->counter) unit = nullptr;
      bool ordinal = preceded_by_any(s, start, not_before);
      // "一校一策": a numeral after the measure word too is an idiom, not a count.
      bool idiom = unit && text::is_cn_numeral(c.peek(j + unit->word.size()));
      bool plan = prev == U'“' && !unit;
      // Terms that only look like counts: 三次产业, 一次性.
      if (!vocab.list("not_quantity_terms").prefix_of(s.substr(start)).empty()) unit = nullptr;
      if (v >= 2 && v <= 99 && unit && !ordinal && !idiom && !plan && !text::is_cn_numeral(prev)) {
        ScannedNumber sn;
        Quantity& q = sn.q;
        q.printed = Rational(v);
        q.value = q.printed;
        q.cn_numeral = true;
        q.unit = unit->word;
        q.dimension = unit->dimension;
        q.text = std::string(run);
        // A count in words is bounded or estimated like one in digits ("六项以上", "近三成", "五所左右").
        size_t unit_end = j + unit->word.size();
        approx_markers(s, start, unit_end, vocab, q.approx);
        sn.begin = static_cast<uint32_t>(start);
        sn.end = static_cast<uint32_t>(j);
        sn.unit_end = static_cast<uint32_t>(unit_end);
        out.numbers.push_back(std::move(sn));
      }
      i = j;
      continue;
    }
    i = c.after(i);
  }
  return out;
}

}  // namespace tally
