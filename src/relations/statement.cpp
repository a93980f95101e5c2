#include "relations/statement.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "extract/extractor.h"
#include "extract/label_match.h"
#include "relations/bulletin_util.h"

namespace tally {

const char* to_string(ValueType t) {
  switch (t) {
    case ValueType::Level: return "level";
    case ValueType::Change: return "change";
    case ValueType::Growth: return "growth";
    case ValueType::PointChange: return "point-change";
    case ValueType::Share: return "share";
    case ValueType::Ratio: return "ratio";
    case ValueType::PerCapita: return "per-capita";
    case ValueType::Rank: return "rank";
  }
  return "?";
}

const char* to_string(Basis b) {
  switch (b) {
    case Basis::Unstated: return "";
    case Basis::Nominal: return "nominal";
    case Basis::Real: return "real";
  }
  return "";
}

namespace {

// Strips words that may sit between a cue and its figure: "减少了", "增长为", "下降达".
std::string_view strip_fillers(std::string_view s) {
  s = text::trim(s);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view f : {"了", "为", "达", "约", "近", "超", "分别", "共"}) {
      if (text::ends_with(s, f) && s.size() > f.size()) {
        s = text::trim(s.substr(0, s.size() - f.size()));
        changed = true;
      }
    }
  }
  return s;
}

// The measure a label names: scope, area and time words set aside ("全年全县户籍总人口" → "户籍总人口").
std::string measure_of(const std::string& label, const Vocabulary& v) {
  std::string core = core_label(label, v);
  std::string_view s = core;
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    std::string_view w = v.stop_prefix(s, "measure_prefix_stop");
    if (w.empty()) w = v.stop_prefix(s, "label_prefix_stop");
    if (!w.empty() && w.size() < s.size()) {
      s.remove_prefix(w.size());
      changed = true;
    }
    // A leading year: "2024年", "2024 年"; "2024年末" keeps its 年末 for the stop words above, so that it
    // names the same time as "年末" ("2024年末政府债务余额" and "截至年末，政府债务余额").
    size_t i = 0;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == ' ')) ++i;
    if (i >= 4 && text::starts_with(s.substr(i), "年") && i + 3 < s.size()) {
      std::string_view period = v.stop_prefix(s.substr(i), "measure_prefix_stop");
      s.remove_prefix(period.size() > 3 ? i : i + 3);
      changed = true;
    }
  }
  return std::string(s);
}

// The text before a year that ends `s` — four digits and one of `marks` ("比 2024 届" → "比"), spaces
// trimmed; nullopt when s ends with no mark, or the digits before the first mark it ends with are not a
// year's four.
std::optional<std::string_view> before_year(std::string_view s, std::initializer_list<std::string_view> marks) {
  for (std::string_view mark : marks)
    if (text::ends_with(s, mark)) {
      s = text::trim_right(s.substr(0, s.size() - mark.size()));
      size_t digits = 0;
      while (!s.empty() && s.back() >= '0' && s.back() <= '9') {
        s.remove_suffix(1);
        ++digits;
      }
      if (digits != 4) return std::nullopt;
      return text::trim_right(s);
    }
  return std::nullopt;
}

// "比上年进出口总额 361.5 亿元增加 24.7 亿元", "比上年末在园幼儿 17950 人增加 670 人": the comparison level
// named with its measure between the cue and the figure, and a change right after it. The cue, or "".
std::string_view previous_named(std::string_view before, std::string_view after, const Vocabulary& v) {
  after = text::trim_left(after);
  if (text::starts_with_any(after, v.list("change_up")).empty() && text::starts_with_any(after, v.list("change_down")).empty())
    return {};
  for (const auto& w : v.list("previous_level")) {
    if (utf8::count_code_points(w) < 3) continue;  // 由, 从: too common to open a comparison alone
    size_t at = text::rfind(before, w);
    if (at == std::string_view::npos) continue;
    std::string_view name = before.substr(at + w.size());
    size_t n = 0;
    bool plain = true;
    for (size_t i = 0; i < name.size() && plain; ++n) plain = text::is_cjk(utf8::next(name, i));
    if (plain && n >= 2 && n <= 12) return w;
  }
  return {};
}

// "增长 8.12%（上年末 378.19 亿元）", "286.5 万元（上年 231.2 万元），增长 21.9%", "（2024 年为 231.2 万元）": a
// bracket that opens with the comparison period (and 为) and holds the figure alone. The period, or "".
std::string_view previous_aside(std::string_view before, std::string_view after, const Vocabulary& v) {
  after = text::trim_left(after);
  if (!text::starts_with(after, "）") && !text::starts_with(after, ")")) return {};
  size_t at = before.rfind("（");
  if (size_t a = before.rfind('('); a != std::string_view::npos && (at == std::string_view::npos || a > at)) at = a;
  if (at == std::string_view::npos) return {};
  std::string_view inner = text::trim(before.substr(at + (before[at] == '(' ? 1 : std::string_view("（").size())));
  bool said = false;  // (为 or 是 after the period)
  for (std::string_view copula : {"为", "是"})
    if (text::ends_with(inner, copula)) {
      inner = text::trim_right(inner.substr(0, inner.size() - copula.size()));
      said = true;
    }
  if (inner.empty()) return {};
  if (v.list("previous_period").is_word(inner)) return inner;
  // A year said with 为 ("（2024 年为 A）") — a bare year in brackets may date the figure itself.
  std::optional<std::string_view> y = before_year(inner, {"年末", "年"});
  if (said && y && y->empty()) return inner;
  return {};
}

// "与 2020 年第七次人口普查的 A 相比", "同上年的 A 相比": a level inside a comparison frame — an opener
// (与, 同) before it in the words since the last figure, ending with 的, and a closer (相比) right after it.
bool in_comparison_frame(std::string_view before, std::string_view after, const Vocabulary& v) {
  before = text::trim_right(before);
  if (!text::ends_with(before, "的") || text::starts_with_any(text::trim_left(after), v.list("comparison_frame_close")).empty())
    return false;
  for (const auto& w : v.list("comparison_frame_open"))
    if (text::contains(before, w)) return true;
  return false;
}

// "与 2020 年相比，增加 C": a clause of the sentence before this one closes a comparison frame.
bool frame_closed_before(std::string_view earlier, const Vocabulary& v) {
  earlier = text::trim_right(earlier);
  while (text::ends_with(earlier, "，") || text::ends_with(earlier, ","))
    earlier = text::trim_right(earlier.substr(0, earlier.size() - (text::ends_with(earlier, "，") ? 3 : 1)));
  std::string_view close = text::ends_with_any(earlier, v.list("comparison_frame_close"));
  if (close.empty()) return false;
  // The frame's opener in the clause it closes.
  std::string_view last = earlier.substr(0, earlier.size() - close.size());
  size_t cut = std::max({last.rfind("，") == std::string_view::npos ? 0 : last.rfind("，") + 3,
                         last.rfind("；") == std::string_view::npos ? 0 : last.rfind("；") + 3});
  return text::contains_any(last.substr(cut), v.list("comparison_frame_open"));
}

// "比上年（46200 元）增长 4.19%", "较上年末（60.62%）上升 0.47 个百分点", "比 2024 届（8540 元）增长": the
// comparison level in brackets right after the comparison, a change right after the bracket. The cue, or "".
std::string_view previous_in_brackets(std::string_view before, std::string_view after, const Vocabulary& v) {
  before = text::trim_right(before);
  std::string_view open = text::ends_with(before, "（") ? "（" : text::ends_with(before, "(") ? "(" : "";
  if (open.empty()) return {};
  after = text::trim_left(after);
  std::string_view close = text::starts_with(after, "）") ? "）" : text::starts_with(after, ")") ? ")" : "";
  if (close.empty()) return {};
  after = text::trim_left(after.substr(close.size()));
  bool change = !text::starts_with_any(after, v.list("change_up")).empty() ||
                !text::starts_with_any(after, v.list("change_down")).empty() ||
                !text::starts_with_any(after, v.list("change_up_compared")).empty() ||
                !text::starts_with_any(after, v.list("change_down_compared")).empty();
  if (!change) return {};
  before = text::trim_right(before.substr(0, before.size() - open.size()));
  std::string_view cue = text::ends_with_any(before, v.list("comparison"));
  if (!cue.empty() && utf8::count_code_points(cue) >= 2) return before.substr(before.size() - cue.size());
  // 比 / 较 and a year: "比 2024 届", "较 2020 年末".
  std::optional<std::string_view> y = before_year(before, {"年末", "年度", "年", "届"});
  if (y && (text::ends_with(*y, "比") || text::ends_with(*y, "较"))) return y->substr(y->size() - std::string_view("比").size());
  return {};
}

// "比上年（710.81 亿立方米）偏多 16.3%": a clause that opens right after a bracket, the comparison said
// before the bracket.
bool compared_before_bracket(std::string_view p, size_t clause_begin, const Vocabulary& v) {
  std::string_view head = text::trim_right(p.substr(0, clause_begin));
  std::string_view close = text::ends_with(head, "）") ? "）" : text::ends_with(head, ")") ? ")" : "";
  if (close.empty()) return false;
  size_t open = head.rfind(close == "）" ? "（" : "(");
  if (open == std::string_view::npos || head.size() - open > 80) return false;
  std::string_view cue = text::ends_with_any(text::trim_right(head.substr(0, open)), v.list("comparison"));
  return utf8::count_code_points(cue) >= 2;
}

// "从 2022 年的" → "从", "比 2024 届的" → "比", "较 2023 级的" → "较", "由上年末的" stays: a year (or a
// cohort's: 届, 级, 学年) and 的 between the cue and the figure.
std::string_view without_dated_of(std::string_view s) {
  if (!text::ends_with(s, "的")) return s;
  s = text::trim_right(s.substr(0, s.size() - 3));
  if (!text::ends_with(s, "年") && !text::ends_with(s, "届") && !text::ends_with(s, "级")) return s;
  return before_year(s, {"学年", "年", "届", "级"}).value_or(std::string_view());
}

bool is_percent_points(const Quantity& q) { return q.dimension == "percentage-points"; }

// Does the label name a value per head or per unit (生均, 人均, 校均)? "256 所学校均已建立…" holds 校均
// only across a word boundary: 均 there is "all", an adverb before a verb (均已, 均为, 均达到).
bool names_per_unit(std::string_view label, const Vocabulary& v) {
  for (std::string_view w : v.list("per_unit"))
    for (size_t at = text::find(label, w); at != std::string_view::npos; at = text::find(label, w, at + 1))
      if (text::starts_with_any(label.substr(at + w.size()), v.list("all_adverb_next")).empty()) return true;
  return false;
}

// "年平均常住人口 62.50 万人": a head count averaged over the year is a level of people, not a value per
// head; "每班平均人数 45 人" is one per class.
bool average_headcount(const Quantity& q, const Vocabulary& v) {
  if (q.dimension != "people" || text::contains(q.label, "每")) return false;
  return !text::ends_with_any(text::trim(q.label), v.list("average_headcount")).empty();
}

// A figure written with a minus sign before it ("-0.4", "−0.4", "－0.4"; a table cell's sign is part of
// its span, Quantity::negative; in prose the scanner leaves the sign outside the figure). A hyphen
// between two figures is a range ("3-5 年", "2023-2024 学年"), not a sign.
bool negative_cell(const FactBase& fb, const Quantity& q) {
  if (q.negative) return true;
  uint32_t b = q.span.begin;
  std::string_view before = fb.source->slice({b >= 4 ? b - 4 : 0, b});  // the longest minus is 3 bytes
  std::string_view minus;
  for (std::string_view m : {"-", "−", "－"})
    if (text::ends_with(before, m)) minus = m;
  if (minus.empty()) return false;
  before.remove_suffix(minus.size());
  if (before.empty()) return true;
  char c = before.back();
  return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '%' || c == ')');
}

// Is the cell's row named only as growth rates ("增速（%）", "比上年增长")?
bool growth_row(const Table& t, const Quantity& q, const Vocabulary& v) {
  if (q.row < 0 || q.row >= static_cast<int>(t.info.size())) return false;
  const std::string label = text::remove_spaces(t.info[q.row].label);
  return v.list("table_growth_rows").is_word(text::before_parenthesis(label));
}

void type_table_cell(const FactBase& fb, const Quantity& q, Statement& s) {
  const Vocabulary& v = *fb.vocab;
  const Table& t = fb.doc.tables[q.table];
  const ColumnInfo* col = q.col >= 0 && q.col < static_cast<int>(t.cols.size()) ? &t.cols[q.col] : nullptr;
  if (q.kind == QuantityKind::Ratio) s.type = ValueType::Ratio;
  // "比上年增长（%）": the growth rate of the row's amount, not a level of the row's measure.
  else if (col && col->change && col->growth_rate && q.kind == QuantityKind::Percent) {
    s.type = ValueType::Growth;
    s.sign = s.negative ? -1 : 1;  // "-2.1": the minus sign stays outside the figure
    s.compared = true;
    // "名义增长（%）" / "实际增长（%）" (or "按可比价计算" in the row's name): the basis of the rate.
    std::string names = column_name(*col) + text::remove_spaces(q.row_label);
    if (text::contains_any(names, v.list("basis_real"))) s.basis = Basis::Real;
    else if (text::contains_any(names, v.list("basis_nominal"))) s.basis = Basis::Nominal;
  } else if (q.kind == QuantityKind::Percent && col && !col->change && !col->label && growth_row(t, q, v)) {
    // A row "增速（%）" of a transposed table: the growth rate of its column's amount.
    s.type = ValueType::Growth;
    s.sign = s.negative ? -1 : 1;
    s.compared = true;
  } else if (text::contains_any(q.col_label, v.list("table_change")) ||
           text::contains_any(q.row_label, v.list("table_change")))
    s.type = is_percent_points(q) ? ValueType::PointChange : ValueType::Change;
  // "拉动（百分点）", "差距（百分点）": points are a difference of rates wherever they stand, never an
  // amount of the row's measure (a growth cell beside them does not qualify them).
  else if (is_percent_points(q)) {
    s.type = ValueType::PointChange;
    s.sign = s.negative ? -1 : 1;
  } else if (q.kind == QuantityKind::Percent) s.type = ValueType::Share;
  else if (names_per_unit(q.label, v) && !average_headcount(q, v)) s.type = ValueType::PerCapita;
  s.cue = "table";
  // A sub-row with a bare name measures its parent's thing: "在国外开办学校数 / 其中：专业数量" is the
  // 专业 of those schools. A sub-row with a full name of its own ("毕业生升学人数") keeps it.
  if (q.row >= 0 && q.row < static_cast<int>(t.info.size()) && t.info[q.row].parent >= 0 &&
      q.label == clean_label(t.info[q.row].label, v)) {
    std::string_view bare = s.measure;
    std::string_view suffix = text::ends_with_any(bare, v.list("measure_suffix_stop"));
    if (!suffix.empty() && suffix.size() < bare.size()) bare.remove_suffix(suffix.size());
    if (utf8::count_code_points(bare) <= 3)
      s.measure = measure_of(clean_label(t.info[t.info[q.row].parent].label, v), v) + "·" + s.measure;
  }
}

// "今年主要预期目标是：…；一般公共预算收入达到 33.76 亿元" / "明年发展目标：…": after a target word and
// a colon, every figure of the sentence is a target, whatever its own clause says.
bool announces_targets(std::string_view sentence, const Vocabulary& v) {
  for (const auto& w : v.list("target")) {
    size_t at = text::find(sentence, w);
    if (at == std::string_view::npos) continue;
    std::string_view after = sentence.substr(at + w.size());
    if (text::contains(after, "：") || text::contains(after, ":")) return true;
  }
  return false;
}

void type_prose(const FactBase& fb, const Quantity& q, uint32_t prev_end, Statement& s) {
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t cb = std::min(q.clause_begin, q.para_begin);
  uint32_t nb = std::max(cb, std::min(prev_end, q.para_begin));
  std::string_view clause = p.substr(cb, q.para_begin - cb);
  std::string_view near = strip_fillers(p.substr(nb, q.para_begin - nb));
  uint32_t sb = fb.sentence_start(q.paragraph, q.para_begin);
  if (q.para_begin - sb > 240) sb = q.para_begin - 240;  // bounded look-back keeps long lines linear
  while (sb < q.para_begin && (static_cast<unsigned char>(p[sb]) & 0xC0) == 0x80) ++sb;
  std::string_view sentence = p.substr(sb, q.para_begin - sb);

  // Basis: the nearest basis word before the figure in its sentence.
  size_t nominal = std::string_view::npos, real = std::string_view::npos;
  for (const auto& w : v.list("basis_nominal")) {
    size_t at = text::rfind(sentence, w);
    if (at != std::string_view::npos && (nominal == std::string_view::npos || at > nominal)) nominal = at;
  }
  for (const auto& w : v.list("basis_real")) {
    size_t at = text::rfind(sentence, w);
    if (at != std::string_view::npos && (real == std::string_view::npos || at > real)) real = at;
  }
  if (nominal != std::string_view::npos || real != std::string_view::npos)
    s.basis = (real != std::string_view::npos && (nominal == std::string_view::npos || real > nominal)) ? Basis::Real
                                                                                                        : Basis::Nominal;
  s.target = text::contains_any(clause, v.list("target")) ||
             (q.approx == Approx::About && text::contains_any(sentence, v.list("target"))) ||
             announces_targets(sentence, v);

  // "毕业生共有 734 人参加高考": the figure counts those who did what follows, a part of the group
  // the words before it name; the verb phrase belongs to the measure.
  {
    std::string_view after = p.substr(std::min<size_t>(q.unit_end, p.size()));
    if (!text::starts_with_any(after, v.list("label_verbs")).empty()) {
      size_t e = 0, n = 0;
      while (e < after.size() && n < 10) {
        size_t k = e;
        char32_t c = utf8::next(after, k);
        if (!text::is_cjk(c)) break;
        e = k;
        ++n;
      }
      std::string_view phrase = after.substr(0, e);
      if (!text::starts_with(phrase, q.label)) s.measure += "·" + std::string(phrase);  // not the label itself
    }
  }
  if (q.kind == QuantityKind::Ratio) {
    s.type = ValueType::Ratio;
    return;
  }
  std::string_view up = text::ends_with_any(near, v.list("change_up"));
  std::string_view down = text::ends_with_any(near, v.list("change_down"));
  // "增加到 B", "下降至 B": B is the new level.
  std::string_view to = text::ends_with_any(near, v.list("change_to"));
  // "文盲率由 2.81% 下降为 2.24%": after "由 A" in its clause, a verb and 为 say the new level too.
  {
    std::string_view raw_near = text::trim(p.substr(nb, q.para_begin - nb));
    if (to.empty() && text::ends_with(raw_near, "为") && (text::contains(clause, "由") || text::contains(clause, "从"))) {
      std::string_view verb = raw_near.substr(0, raw_near.size() - std::string_view("为").size());
      if (!text::ends_with_any(verb, v.list("change_up")).empty() || !text::ends_with_any(verb, v.list("change_down")).empty()) {
        s.cue = std::string(raw_near);
        return;  // a level
      }
    }
  }
  if (!to.empty()) {
    std::string_view verb = near.substr(0, near.size() - to.size());
    if (!text::ends_with_any(verb, v.list("change_up")).empty() ||
        !text::ends_with_any(verb, v.list("change_down")).empty()) {
      s.cue = std::string(near.substr(near.size() > 12 ? near.size() - 12 : 0));
      return;  // a level
    }
  }
  // "比上年多 15 户" / "同比少 3 所": 多 and 少 are changes only when the clause names the comparison.
  bool compared = text::contains_any(clause, v.list("comparison")) || compared_before_bracket(p, cb, v) ||
                  (cb > sb && frame_closed_before(p.substr(sb, cb - sb), v));
  if (up.empty() && down.empty() && compared) {
    up = text::ends_with_any(near, v.list("change_up_compared"));
    down = text::ends_with_any(near, v.list("change_down_compared"));
  }
  std::string_view verb = up.size() >= down.size() ? up : down;
  int sign = verb.empty() ? 0 : (up.size() >= down.size() ? +1 : -1);
  if (is_percent_points(q)) {
    s.type = ValueType::PointChange;
    s.sign = sign;
    s.cue = std::string(verb);
    return;
  }
  if (!verb.empty()) {
    s.type = q.kind == QuantityKind::Percent ? ValueType::Growth : ValueType::Change;
    s.sign = sign;
    s.compared = compared;  // the clause's comparison, found above
    s.cue = (s.compared ? "比较 " : "") + std::string(verb);
    return;
  }
  // The comparison period's level: "比上年的 A", "上年为 A", "从 2022 年的 A", "由上年的 91.6%".
  {
    std::string_view raw = text::trim(p.substr(nb, q.para_begin - nb));
    std::string_view cue = text::ends_with_any(raw, v.list("previous_level"));
    if (cue.empty()) cue = text::ends_with_any(near, v.list("previous_level"));
    if (cue.empty()) cue = text::ends_with_any(without_dated_of(raw), v.list("previous_level"));
    // "比 2020 年的 51.38%": 比 / 较 and a dated 的 (比 alone is too common a character to be a cue).
    if (cue.empty()) {
      std::string_view dated = without_dated_of(raw);
      if (dated.size() < raw.size() && (text::ends_with(dated, "比") || text::ends_with(dated, "较")))
        cue = dated.substr(dated.size() - std::string_view("比").size());
    }
    if (cue.empty()) cue = previous_named(raw, p.substr(std::min<size_t>(q.unit_end, p.size())), v);
    if (cue.empty()) {
      // (From the figure before: a bracket opens a clause of its own.)
      uint32_t wb = std::min(prev_end, q.para_begin);
      cue = previous_aside(p.substr(wb, q.para_begin - wb), p.substr(std::min<size_t>(q.unit_end, p.size())), v);
    }
    if (cue.empty() && in_comparison_frame(raw, p.substr(std::min<size_t>(q.unit_end, p.size())), v))
      cue = text::starts_with_any(text::trim_left(p.substr(std::min<size_t>(q.unit_end, p.size()))), v.list("comparison_frame_close"));
    if (cue.empty()) {
      // The bracket opens a clause of its own: read from the figure before it.
      uint32_t wb = std::max(sb, std::min(prev_end, q.para_begin));
      cue = previous_in_brackets(p.substr(wb, q.para_begin - wb), p.substr(std::min<size_t>(q.unit_end, p.size())), v);
    }
    // A rate's comparison level too ("占比 41.3%，上年为 38.9%", "比上年 96.8% 提高 …"): what the points
    // of its change are counted from.
    if (!cue.empty() && (q.kind == QuantityKind::Number || q.kind == QuantityKind::Percent)) {
      s.previous = true;
      s.cue = std::string(cue);
      return;
    }
  }
  if (!text::ends_with_any(near, v.list("rank")).empty()) {
    s.type = ValueType::Rank;
    s.cue = std::string(text::ends_with_any(near, v.list("rank")));
    return;
  }
  if (q.kind == QuantityKind::Percent) {
    s.type = ValueType::Share;
    s.cue = text::contains_any(clause, v.list("share")) ? "占" : "";
    return;
  }
  if (names_per_unit(q.label, v) && !average_headcount(q, v)) {
    s.type = ValueType::PerCapita;
    s.cue = std::string(text::ends_with_any(q.label, v.list("per_unit")));
  }
}

// "医师日均担负诊疗 7.2 人次和住院 2.1 床日": an item joined to a value per unit by 和 / 、 / 及 (no comma
// between) is one per unit too — the 日均 before the list qualifies all of it.
void per_unit_lists(const FactBase& fb, std::vector<Statement>& st) {
  for (size_t pi = 0; pi < fb.by_paragraph.size(); ++pi) {
    const auto& ids = fb.by_paragraph[pi];
    std::string_view p = fb.para_text(static_cast<int>(pi));
    for (size_t k = 1; k < ids.size(); ++k) {
      const Quantity& a = fb.q(ids[k - 1]);
      const Quantity& b = fb.q(ids[k]);
      if (st[a.id].type != ValueType::PerCapita || st[b.id].type != ValueType::Level || a.sentence != b.sentence) continue;
      std::string_view gap = text::trim(p.substr(a.unit_end, b.para_begin - a.unit_end));
      bool joined = text::starts_with(gap, "和") || text::starts_with(gap, "、") || text::starts_with(gap, "及");
      if (joined && utf8::count_code_points(gap) <= 8 && !text::contains(gap, "，") && !text::contains(gap, "；"))
        st[b.id].type = ValueType::PerCapita;
    }
  }
}

// How many of a subject's first characters a label says in a row ("国家级奖项" in "学生获国家级奖励" → 4:
// 国家级奖). From the first: a subject that shares only its head noun (重症床位, 开放床位) names another thing.
size_t shared_run(std::string_view subject, std::string_view label) {
  std::vector<size_t> ends;  // byte ends of the subject's prefixes, longest last
  for (size_t i = 0; i < subject.size();) {
    utf8::next(subject, i);
    ends.push_back(i);
  }
  for (size_t n = ends.size(); n > 0; --n)
    if (text::contains(label, subject.substr(0, ends[n - 1]))) return n;
  return 0;
}

// "国家级奖励 126 项、省级奖励 418 项，国家级奖项较上年的 109 项增加 17 项": a change whose clause (after the
// nearest level) opens with a subject of its own before its comparison (比上年, 较上年) is about the
// earlier level of its sentence that subject names — the one whose label says the most of the subject's
// first characters, two at least, no other as many. -2 when the clause has no subject of its own (the nearest
// level stands); -1 when the subject names none of them clearly (the change is left alone).
int level_named_by_subject(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids,
                           size_t k, const Quantity& nearest) {
  const Quantity& q = fb.q(ids[k]);
  std::string_view p = fb.para_text(q.paragraph);
  size_t cs = 0;
  for (std::string_view stop : {"，", "；", "。", "："}) {
    size_t at = p.substr(0, q.para_begin).rfind(stop);
    if (at != std::string_view::npos) cs = std::max(cs, at + stop.size());
  }
  if (cs <= nearest.unit_end) return -2;
  std::string_view clause = p.substr(cs, q.para_begin - cs);
  size_t cmp = std::string_view::npos;
  for (const auto& w : fb.vocab->list("comparison")) cmp = std::min(cmp, text::find(clause, w));
  if (cmp == std::string_view::npos) return -2;
  // "同 2020 年相比增加 C": the frame's opener, not 比 inside its 相比, ends the subject.
  for (const auto& w : fb.vocab->list("comparison_frame_open")) cmp = std::min(cmp, text::find(clause, w));
  std::string_view subject = text::trim(clause.substr(0, cmp));
  if (utf8::count_code_points(subject) < 2) return -2;
  int best = -1;
  size_t best_run = 1, tie = 0;
  for (size_t j = k; j > 0;) {
    const Quantity& c = fb.q(ids[--j]);
    if (c.sentence != q.sentence) break;
    if (st[c.id].type != ValueType::Level || st[c.id].previous || c.dimension != q.dimension) continue;
    size_t run = shared_run(subject, c.label);
    if (run > best_run) {
      best = c.id;
      best_run = run;
      tie = 0;
    } else if (run == best_run && best >= 0) {
      tie = run;
    }
  }
  return tie == best_run ? -1 : best;
}

// "全市常住人口为 438.6 万人。与 2020 年相比，增加 7.4 万人，增长 1.7%": a sentence with no subject that
// opens with its comparison (比上年…, 与 2020 年…相比) goes on about the level of the sentence before —
// the one level there that can carry the change (of its dimension; any level for a rate), else none (-1).
int level_of_sentence_before(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids, size_t k) {
  const Quantity& q = fb.q(ids[k]);
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t sb = fb.sentence_start(q.paragraph, q.para_begin);
  if (sb == 0) return -1;
  std::string_view lead = text::trim_left(p.substr(sb, q.para_begin - sb));
  bool opens = false;
  for (const auto& w : v.list("comparison"))
    opens |= utf8::count_code_points(w) >= 2 && text::starts_with(lead, w);
  if (!opens && !text::starts_with_any(lead, v.list("comparison_frame_open")).empty()) {
    size_t clause_end = std::min(text::find(lead, "，"), lead.size());
    opens = text::contains_any(lead.substr(0, clause_end), v.list("comparison_frame_close"));
  }
  // "比 2020 年增加": 比 and a year.
  if (!opens && (text::starts_with(lead, "比") || text::starts_with(lead, "较")))
    opens = before_year(lead.substr(0, std::min(lead.size(), text::find(lead, "年") == std::string_view::npos ? 0 : text::find(lead, "年") + 3)),
                        {"年"}).has_value();
  if (!opens) return -1;
  // The figures of this sentence before it are changes or rates of the same comparison, no level.
  size_t j = k;
  while (j > 0 && fb.q(ids[j - 1]).sentence == q.sentence) {
    const Statement& t = st[ids[--j]];
    if (!t.previous && (t.type == ValueType::Level || t.type == ValueType::PerCapita)) return -1;
  }
  if (j == 0) return -1;
  const int before = fb.q(ids[j - 1]).sentence;
  std::vector<int> levels;
  for (size_t i = j; i > 0 && fb.q(ids[i - 1]).sentence == before;) {
    const Quantity& c = fb.q(ids[--i]);
    const Statement& t = st[c.id];
    if (t.previous || t.target || (t.type != ValueType::Level && t.type != ValueType::PerCapita)) continue;
    if (st[q.id].type == ValueType::Change && (c.dimension != q.dimension || c.dimension.empty())) continue;
    levels.push_back(c.id);
  }
  if (levels.size() == 1) return levels[0];
  // Two levels ("户籍总人口 A，其中 60 周岁及以上老年人口 B。与上年末相比，60 周岁及以上老年人口增加 C"): the
  // one the change's own words name, when exactly one is named; else which one is open.
  std::string_view own = lead.substr(0, std::min(lead.size(), static_cast<size_t>(q.para_begin - (lead.data() - p.data()))));
  int named = -1;
  for (int id : levels) {
    const std::string& m = st[id].measure;
    if (utf8::count_code_points(m) < 3 || !text::contains(own, m)) continue;
    if (named >= 0) return -1;
    named = id;
  }
  return named;
}

// "城镇化率为 58.3%，城镇化率由上年的 57.1% 提高 1.5 个百分点": a change right after the comparison level its
// clause opens with 由/从, the new level not said again (no 到/至 B), is about the level the words before
// 由 name — said earlier in the sentence or in the sentence before: the one level there whose label ends
// with those words (or ends them). -2 when the change is not so placed or its clause names no subject
// (the nearest level stands); -1 when no one level is so named, or the clause goes on to a figure of its own.
int level_named_before_from(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids,
                            size_t k) {
  const Quantity& q = fb.q(ids[k]);
  if (k == 0) return -2;
  const Quantity& a = fb.q(ids[k - 1]);
  const Statement& ta = st[a.id];
  const bool from = text::starts_with(ta.cue, "由") || text::starts_with(ta.cue, "从");
  if (a.sentence != q.sentence || !ta.previous || !from || a.dimension.empty()) return -2;
  std::string_view p = fb.para_text(q.paragraph);
  std::string_view verb = p.substr(a.unit_end, q.para_begin - a.unit_end);
  if (text::contains(verb, "，") || text::contains(verb, "；") || utf8::count_code_points(verb) > 6) return -2;
  size_t cs = std::min<size_t>(a.clause_begin, a.para_begin);
  std::string_view clause = p.substr(cs, a.para_begin - cs);
  size_t at = clause.rfind(ta.cue.substr(0, 3));  // 由 / 从 (one character, three bytes)
  if (at == std::string_view::npos) return -2;
  std::string_view subject = text::trim(clause.substr(0, at));
  if (utf8::count_code_points(subject) < 2) return -2;
  // "由 A 提高 p，达到 B": a figure of A's kind after the change, before any ；, may be the new level itself.
  for (size_t j = k + 1; j < ids.size(); ++j) {
    const Quantity& n = fb.q(ids[j]);
    if (n.sentence != q.sentence || text::contains(p.substr(q.unit_end, n.para_begin - q.unit_end), "；")) break;
    if (n.dimension == a.dimension && n.kind == a.kind) return -1;
  }
  int found = -1;
  int before = -1;  // the sentence before q's, once reached
  for (size_t j = k - 1; j > 0;) {
    const Quantity& c = fb.q(ids[--j]);
    if (c.sentence != q.sentence) {
      if (before < 0) before = c.sentence;
      if (c.sentence != before) break;
    }
    const Statement& t = st[c.id];
    if (t.previous || t.target || c.dimension != a.dimension || c.kind != a.kind) continue;
    if (t.type != ValueType::Level && t.type != ValueType::Share && t.type != ValueType::PerCapita) continue;
    std::string_view label = text::trim(c.label);
    bool named = utf8::count_code_points(label) >= 2 &&
                 (text::ends_with(label, subject) || text::ends_with(subject, label));
    if (!named) continue;
    if (found >= 0) return -1;  // two levels so named: which one is open
    found = c.id;
  }
  return found;
}

// The statement a change, growth rate or point change is about: the nearest
// earlier figure of its sentence that can carry it.
void link_qualified(const FactBase& fb, std::vector<Statement>& st) {
  for (const auto& ids : fb.by_paragraph) {
    for (size_t k = 0; k < ids.size(); ++k) {
      Statement& s = st[ids[k]];
      if (s.type != ValueType::Change && s.type != ValueType::Growth && s.type != ValueType::PointChange) continue;
      const Quantity& q = fb.q(ids[k]);
      if (int named = level_named_before_from(fb, st, ids, k); named != -2) {
        s.qualifies = named;
        if (named >= 0 && s.type != ValueType::PointChange) s.measure = st[named].measure;
        continue;
      }
      // "从 A 增加到 B，增加 D": the sentence names the comparison by its level A.
      bool against_previous = false;
      for (size_t j = k, n = 0; j > 0 && n < 12 && !against_previous; ++n) {
        const Quantity& c = fb.q(ids[--j]);
        if (c.sentence != q.sentence) break;
        against_previous = st[c.id].previous;
      }
      for (size_t j = k, n = 0; j > 0 && n < 12; ++n) {
        const Quantity& c = fb.q(ids[--j]);
        const Statement& t = st[c.id];
        if (c.sentence != q.sentence) break;
        if (t.previous) continue;
        // "完成年度计划（172 亿元）的 108.4%，较上年增长 12.6%": a figure alone in brackets is an aside (the
        // plan, a conversion), not the level the sentence goes on about.
        if (bulletin::bracketed_alone(fb, c)) continue;
        // "完成 A，为年初预算 B 的 90.9%，比上年同期增收 D": the budget a rate is of is not the level either.
        if (fb.base_of_rate(c)) continue;
        bool fits = false;
        // A point change is of a rate: a share, a growth rate, or a rate's new level ("提高到 93.2%").
        if (s.type == ValueType::PointChange)
          fits = t.type == ValueType::Growth || t.type == ValueType::Share ||
                 (t.type == ValueType::Level && c.kind == QuantityKind::Percent);
        else if (s.type == ValueType::Change)
          // An amount qualifies a level only when its clause says against what ("比上年增加 C"): a bare
          // "净增 9 个" after "新增 14 个，撤销 6 个" is a net change of something else.
          fits = (t.type == ValueType::Level || t.type == ValueType::PerCapita) &&
                 ((c.dimension == q.dimension && !c.dimension.empty() && (s.compared || against_previous)) ||
                  // A bare number's change, only against a comparison level the sentence states.
                  (c.dimension.empty() && same_kind_of_measure(c, q) && against_previous));
        // A growth rate is about an amount, not a share ("完成预算的 102.3%，比上年增长 4.1%").
        else fits = t.type == ValueType::Level || t.type == ValueType::PerCapita;
        if (fits) {
          s.qualifies = c.id;
          break;
        }
        // A change or rate in between qualifies the same level: keep looking past it.
        if (t.type == ValueType::Level || t.type == ValueType::PerCapita) break;
      }
      if (s.qualifies >= 0 && s.type == ValueType::Change) {
        int named = level_named_by_subject(fb, st, ids, k, fb.q(s.qualifies));
        if (named != -2) s.qualifies = named;
      }
      if (s.qualifies < 0 && s.type != ValueType::PointChange) s.qualifies = level_of_sentence_before(fb, st, ids, k);
      if (s.qualifies >= 0 && s.type != ValueType::PointChange) s.measure = st[s.qualifies].measure;
    }
  }
}

// The n levels right before ids[end] in its sentence, joined as one list; empty when they are fewer,
// when a change or another kind of figure is among them, or when one more level of their unit comes
// before them with no 其中/； in between (which n of the list the run is of is open).
std::vector<int> list_before(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids,
                             size_t end, size_t n) {
  std::string_view p = fb.para_text(fb.q(ids[end]).paragraph);
  const int sentence = fb.q(ids[end]).sentence;
  std::vector<int> parts;
  size_t k = end;
  while (parts.size() < n && k > 0) {
    const Quantity& q = fb.q(ids[--k]);
    const Statement& t = st[q.id];
    if (q.sentence != sentence || t.type != ValueType::Level || t.previous) return {};
    parts.push_back(q.id);
  }
  if (parts.size() < n) return {};
  std::reverse(parts.begin(), parts.end());
  if (k > 0) {
    const Quantity& before = fb.q(ids[k - 1]);
    const Quantity& first = fb.q(parts[0]);
    std::string_view gap = p.substr(before.unit_end, first.para_begin - before.unit_end);
    if (before.sentence == sentence && st[before.id].type == ValueType::Level && before.unit == first.unit &&
        !text::contains_any(gap, fb.vocab->list("breakdown")) && !text::contains(gap, "；"))
      return {};
  }
  return parts;
}

// Does ids[k] go on the run that ids[k - 1] ends: the same kind of figure (a percentage after a
// percentage, an amount of the same unit after an amount), in the same sentence, joined as a list?
bool continues_run(const FactBase& fb, const std::vector<int>& ids, size_t k, std::string_view p) {
  const Quantity& a = fb.q(ids[k - 1]);
  const Quantity& b = fb.q(ids[k]);
  if (b.kind != a.kind || b.sentence != a.sentence || (a.kind == QuantityKind::Number && b.unit != a.unit)) return false;
  return bulletin::list_joint(p.substr(a.unit_end, b.para_begin - a.unit_end));
}

// "其中玉米 A、水稻 B、大豆 C，分别比上年增长 x%、y% 和 z%" (or 分别增加 a、b 和 c): a run of changes or
// growth rates after 分别 and a change verb qualifies as many levels right before it, in order — they
// are no shares and no levels, and not all of the last level. The verb before the first types the
// whole run. A second run right after a first ("分别增加 a、b，分别增长 x%、y%") is of the same levels.
// When the levels do not line up with the run, which figure is whose is left open.
void respective_changes(const FactBase& fb, std::vector<Statement>& st) {
  for (const auto& ids : fb.by_paragraph) {
    if (ids.empty() || fb.q(ids[0]).paragraph < 0) continue;
    std::string_view p = fb.para_text(fb.q(ids[0]).paragraph);
    size_t prev_first = 0, prev_last = 0;  // the run before, when one was read
    std::vector<int> prev_parts;
    for (size_t first = 1, last; first < ids.size(); first = last + 1) {
      last = first;
      const Quantity& q0 = fb.q(ids[first]);
      const Quantity& lead = fb.q(ids[first - 1]);
      const Statement s0 = st[q0.id];
      if ((s0.type != ValueType::Growth && s0.type != ValueType::Change) || lead.sentence != q0.sentence ||
          !text::contains(p.substr(lead.unit_end, q0.para_begin - lead.unit_end), "分别"))
        continue;
      while (last + 1 < ids.size() && continues_run(fb, ids, last + 1, p)) ++last;
      if (last == first) continue;  // one figure: link_qualified's reading stands
      const size_t n = last - first + 1;
      std::vector<int> parts;
      if (!prev_parts.empty() && prev_last + 1 == first && prev_last - prev_first + 1 == n) parts = prev_parts;
      else parts = list_before(fb, st, ids, first, n);
      for (size_t k = first; k <= last; ++k) {
        Statement& s = st[ids[k]];
        s.type = s0.type;
        s.sign = s0.sign;
        s.compared = s0.compared;
        s.cue = s0.cue;
        s.qualifies = parts.empty() ? -1 : parts[k - first];
        s.respective = s.qualifies >= 0;
        s.distributed = true;
        if (s.qualifies >= 0) s.measure = st[s.qualifies].measure;
      }
      prev_first = first;
      prev_last = last;
      prev_parts = parts;
    }
  }
}

// In a table, a growth-rate cell ("比上年增长（%）") is the rate of the amount in its own row — when the
// row states exactly one amount. A row with two (2024年 and 2025年, or 绝对数 and 人均) leaves it open
// which one grew; the table-rate check compares period columns on its own.
void link_table_rates(const FactBase& fb, std::vector<Statement>& st) {
  const auto& qs = fb.ex.quantities;
  for (size_t i = 0, end; i < qs.size(); i = end) {
    const Quantity& first = qs[i];
    end = i + 1;
    if (first.table < 0) continue;
    while (end < qs.size() && qs[end].table == first.table && qs[end].row == first.row) ++end;  // one row's cells
    const Table& t = fb.doc.tables[first.table];
    int level = -1, levels = 0;
    for (size_t k = i; k < end; ++k) {
      const Quantity& q = qs[k];
      const ColumnInfo* col = q.col >= 0 && q.col < static_cast<int>(t.cols.size()) ? &t.cols[q.col] : nullptr;
      if (!col || col->label || col->change || col->sample) continue;
      if (st[q.id].type != ValueType::Level && st[q.id].type != ValueType::PerCapita) continue;
      level = q.id;
      ++levels;
    }
    if (levels == 1)
      for (size_t k = i; k < end; ++k)
        if (st[qs[k].id].type == ValueType::Growth && st[qs[k].id].qualifies < 0) st[qs[k].id].qualifies = level;
  }
}

// A growth cell of a 增速 row (a transposed table) is the rate of the one amount of its column.
void link_table_column_rates(const FactBase& fb, std::vector<Statement>& st) {
  const auto& qs = fb.ex.quantities;
  std::map<std::pair<int, int>, std::pair<int, int>> level_of;  // (table, col) → (level, count)
  for (const auto& q : qs)
    if (q.table >= 0 && (st[q.id].type == ValueType::Level || st[q.id].type == ValueType::PerCapita)) {
      auto& [id, n] = level_of.try_emplace({q.table, q.col}, -1, 0).first->second;
      id = q.id;
      ++n;
    }
  for (const auto& q : qs) {
    if (q.table < 0 || st[q.id].type != ValueType::Growth || st[q.id].qualifies >= 0) continue;
    const Table& t = fb.doc.tables[q.table];
    if (q.col < 0 || q.col >= static_cast<int>(t.cols.size()) || t.cols[q.col].change) continue;
    auto it = level_of.find({q.table, q.col});
    if (it != level_of.end() && it->second.second == 1) st[q.id].qualifies = it->second.first;
  }
}

// "研发经费支出 12.6 亿元，占地区生产总值的比重为 2.19%": a share is of its subject — the amount
// before it in the sentence — not merely of the words after 占; two such shares of one base are
// different measures.
void name_share_subjects(const FactBase& fb, std::vector<Statement>& st) {
  for (const auto& ids : fb.by_paragraph)
    for (size_t k = 1; k < ids.size(); ++k) {
      Statement& s = st[ids[k]];
      if (s.type != ValueType::Share || s.cue != "占") continue;
      const Quantity& q = fb.q(ids[k]);
      for (size_t j = k, n = 0; j > 0 && n < 6; ++n) {
        const Quantity& a = fb.q(ids[--j]);
        if (a.sentence != q.sentence) break;
        if (st[a.id].type == ValueType::Level && !st[a.id].measure.empty()) {
          s.measure = st[a.id].measure + "·" + s.measure;
          break;
        }
      }
    }
}

}  // namespace

std::vector<Statement> type_statements(const FactBase& fb) {
  const auto& qs = fb.ex.quantities;
  std::vector<Statement> st(qs.size());
  std::vector<uint32_t> prev_end(qs.size(), 0);
  for (const auto& ids : fb.by_paragraph)
    for (size_t k = 1; k < ids.size(); ++k) prev_end[ids[k]] = fb.q(ids[k - 1]).unit_end;
  for (const auto& q : qs) {
    Statement& s = st[q.id];
    s.quantity = q.id;
    s.measure = measure_of(q.label, *fb.vocab);
    s.negative = negative_cell(fb, q);  // first: a table cell's growth or point change takes its sign from it
    if (q.paragraph < 0) type_table_cell(fb, q, s);
    else type_prose(fb, q, prev_end[q.id], s);
  }
  per_unit_lists(fb, st);
  link_qualified(fb, st);
  respective_changes(fb, st);
  link_table_rates(fb, st);
  link_table_column_rates(fb, st);
  name_share_subjects(fb, st);
  return st;
}

bool same_kind_of_measure(const Quantity& a, const Quantity& b) {
  if (!a.dimension.empty()) return a.dimension == b.dimension;
  auto bare = [](const Quantity& q) {
    return q.dimension.empty() && q.unit.empty() && (q.kind == QuantityKind::Number || q.kind == QuantityKind::Ratio);
  };
  return bare(a) && bare(b);
}

}  // namespace tally
