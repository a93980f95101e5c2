// count: "N 所学校……分别是 A、B、C" names N items; a list written right before
// its count ("A、B、C 三位老师") has as many items as the count says. A list
// ending in 等 ("and others") may be shorter than its count.
#include <fmt/format.h>

#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"

namespace tally {

namespace {

struct List {
  int items = 0;
  bool etc = false;
  bool values = false;  // a list of figures, not of names
};

List split_list(std::string_view s, const Vocabulary& vocab) {
  List l;
  if (s.empty()) return l;
  size_t pos = 0;
  l.items = 1;
  while ((pos = s.find("、", pos)) != std::string_view::npos) {
    ++l.items;
    pos += 3;
  }
  // "A 学校、B 学校和 C 学校": the last two items joined by a conjunction — when both sides end like
  // the item before them (not "食品的挑选与储藏", one name with 与 inside).
  size_t last = s.rfind("、");
  if (last != std::string_view::npos) {
    std::string_view prev_item = s.substr(0, last);
    size_t prev_start = prev_item.rfind("、");
    if (prev_start != std::string_view::npos) prev_item.remove_prefix(prev_start + 3);
    std::string_view tail = text::trim(s.substr(last + 3));
    for (std::string_view conj : {"以及", "和", "及", "与"}) {
      size_t at = tail.find(conj);
      if (at == std::string_view::npos || prev_item.size() < 3) continue;
      std::string_view x = tail.substr(0, at), y = tail.substr(at + conj.size());
      std::string_view end = prev_item.substr(prev_item.size() - 3);
      if (x.size() >= 3 && y.size() >= 3 && text::ends_with(x, end) && text::ends_with(y, end)) ++l.items;
      break;
    }
  }
  for (char c : s)
    if (c >= '0' && c <= '9') l.values = true;
  std::string_view t = text::trim(s);
  // 等 ends the list ("A、B等"); a 等 inside a name (中等专业学校) does not count.
  l.etc = !text::ends_with_any(t, vocab.list("list_etc")).empty();
  return l;
}

// Text from `b` to the first clause end that closes the list.
std::string_view list_after(std::string_view p, size_t b, bool paren) {
  size_t i = b;
  while (i < p.size()) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (c == U'。' || c == U'；' || c == ';' || c == U'，' || (paren && (c == U'）' || c == ')')) ||
        (!paren && c == U'：'))
      break;
    i = k;
  }
  return p.substr(b, i - b);
}

bool is_break(char32_t c) {
  switch (c) {
    case U'，': case ',': case U'。': case U'；': case ';': case U'：': case ':': case U'（': case U'）': case '(':
    case ')': case ' ': case U'“': case U'”': case U'！': case U'？': case '\t':
      return true;
    default:
      return (c >= '0' && c <= '9');
  }
}

// The noun right after the measure word: "三位老师" → "老师"; "" when the clause ends there.
std::string_view counted_noun(std::string_view p, size_t from) {
  size_t i = from, n = 0;
  while (i < p.size() && n < 8) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (!text::is_cjk(c) || c == U'的') break;
    i = k;
    ++n;
  }
  return p.substr(from, i - from);
}

// "N 点意见：一是…二是…三是…": how many points the text numbers after a count that opens them (the
// noun, then ：，or 。), each 一是/二是/… opening a clause.
bool ordinal_points(std::string_view p, const Quantity& q, List& list) {
  std::string_view noun = counted_noun(p, q.unit_end);
  size_t at = q.unit_end + noun.size();
  if (noun.empty() || at >= p.size() ||
      !(text::starts_with(p.substr(at), "：") || text::starts_with(p.substr(at), "，") || text::starts_with(p.substr(at), "。")))
    return false;
  static const char* kOrdinals[] = {"一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"};
  size_t pos = at;
  int n = 0;
  for (const char* o : kOrdinals) {
    size_t f = p.find(o, pos);
    if (f == std::string_view::npos || f > pos + 1500) break;
    // It opens a clause: "：一是", "；二是", "。三是".
    size_t k = f;
    char32_t before = k > 0 ? utf8::prev(p, k) : U'。';
    if (!(before == U'：' || before == U'，' || before == U'；' || before == U'。' || before == ' ')) break;
    if (n == 0 && f > at + 6) return false;  // the first point follows the count
    ++n;
    pos = f + 6;
  }
  if (n < 2) return false;
  list = List{};
  list.items = n;
  return true;
}

bool list_before(std::string_view p, const Quantity& q, const Vocabulary& vocab, List& list) {
  size_t b = q.para_begin;
  // The count touches the last name, or follows it after 共 / 等 ("A、B、C 共 6 种").
  while (b > 0 && p[b - 1] == ' ') --b;
  for (std::string_view joint : {"共计", "共", "等"})
    if (text::ends_with(p.substr(0, b), joint)) {
      b -= joint.size();
      while (b > 0 && p[b - 1] == ' ') --b;
      break;
    }
  {
    size_t k = b;
    if (k == 0 || !text::is_cjk(utf8::prev(p, k))) return false;
    if (b < q.para_begin && p.substr(b, q.para_begin - b).find_first_not_of(' ') == std::string_view::npos)
      return false;  // only spaces between the list and the count: not a list of the counted things
  }
  if (counted_noun(p, q.unit_end).empty()) return false;
  size_t i = b;
  while (i > 0 && b - i < 180) {
    size_t k = i;
    char32_t c = utf8::prev(p, k);
    if (is_break(c)) break;
    i = k;
  }
  std::string_view before = p.substr(i, b - i);
  bool etc_joint = text::starts_with(p.substr(b), "等");
  size_t last_sep = before.rfind("、");
  if (last_sep == std::string_view::npos) return false;
  std::string_view last = before.substr(last_sep + 3);
  if (last.empty() || utf8::count_code_points(last) > 16) return false;
  // A count inside the last item ("护理三个专业的") belongs to that count, not to this one.
  for (size_t k = 0; k < last.size();) {
    char32_t c = utf8::next(last, k);
    if (text::is_cn_numeral(c)) return false;
  }
  if (text::ends_with(last, "各")) return false;  // "金奖、银奖各两项": so many of each
  list = split_list(before, vocab);
  // Any 等 in the list makes it partial ("A、B、C等大小共 15 个").
  if (etc_joint || text::contains_any(before, vocab.list("list_etc"))) list.etc = true;
  return list.items >= 2 && utf8::count_code_points(before) <= 60;
}

}  // namespace

void check_count(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (const auto& q : fb.ex.quantities) {
    if (q.paragraph < 0 || q.kind != QuantityKind::Number || !q.exact_count() || q.approx != Approx::None) continue;
    const UnitDef* u = vocab.unit(q.unit);
    if (!u || !u->counter) continue;
    std::optional<long long> whole = q.value.to_int64();
    if (!whole || *whole < 2 || *whole > 50) continue;
    long long n = *whole;
    std::string_view p = fb.para_text(q.paragraph);
    List list;
    // After: "N 个集团，分别是 A、B" / "“四个方案”（A、B、C、D）" — a cue within a few characters.
    size_t tail = q.unit_end;
    std::string_view rest = p.substr(tail, std::min<size_t>(p.size() - tail, 150));
    size_t cue_at = std::string_view::npos, cue_len = 0;
    bool paren = false;
    for (const auto& cue : vocab.list("enumeration")) {
      size_t at = rest.find(cue);
      if (at != std::string_view::npos && at < cue_at) {
        cue_at = at;
        cue_len = cue.size();
        paren = cue == "（" || cue == "(";
      }
    }
    bool found = false;
    if (cue_at != std::string_view::npos) {
      std::string_view gap = rest.substr(0, cue_at);
      // no other figure or sentence end between the count and its list — except a list that opens
      // the next sentence ("3 所学校。分别是 A、B 和 C。")
      std::string_view g = text::trim(gap);
      size_t stop = g.find("。");
      bool clean = (stop == std::string_view::npos || stop + 3 == g.size()) && gap.find("；") == std::string_view::npos;
      for (char c : gap)
        if (c >= '0' && c <= '9') clean = false;
      size_t gap_len = utf8::count_code_points(gap);
      if (clean && (paren ? gap_len <= 5 : gap_len <= 40)) {
        list = split_list(list_after(p, tail + cue_at + cue_len, paren), vocab);
        found = list.items >= 2;
      }
    }
    // After: "提出三点意见：一是…，二是…，三是…" — the points numbered in words.
    if (!found) found = ordinal_points(p, q, list);
    // Before: "王某、李某、张某三位老师" — names, then the numeral, the measure word and the noun
    // naming them. Anything else before a count ("到 A、B、C 义诊 9 场", "新建、扩建实训基地 7 个",
    // "A、B、C 三个专业的 45 名新生", "金奖、银奖各两项") is not a list of the counted things.
    if (!found) found = list_before(p, q, vocab, list);
    if (!found || list.values) continue;
    ctx.mark(q.id);
    if (list.items == n) continue;
    if (list.etc && list.items < n) continue;
    ctx.report(q.id,
               Message(list.etc ? "count.mismatch_etc" : "count.mismatch", {{"count", q.text},
                                                                           {"unit", q.unit},
                                                                           {"items", std::to_string(list.items)},
                                                                           {"s", list.items == 1 ? "" : "s"}}),
               {}, list.etc || q.cn_numeral ? std::nullopt : std::optional<std::string>(std::to_string(list.items)));
  }
}

}  // namespace tally
