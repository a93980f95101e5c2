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
  bool subset = false;  // "（含 A、B）": some of the counted things, so it may be shorter than its count
  bool values = false;  // a list of figures, not of names
  // "A、B 和 C": the last item holds a conjunction whose sides do not end alike — two names (山歌、剪纸和
  // 皮影戏) or one with 和 inside it (食品的挑选与储藏): `items` counts it as one, a count of one more agrees.
  bool joined = false;
};

List split_list(std::string_view s, const Vocabulary& vocab) {
  List l;
  if (s.empty()) return l;
  size_t pos = 0;
  l.items = 1;
  while ((pos = text::find(s, "、", pos)) != std::string_view::npos) {
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
    for (const auto& conj : vocab.list("list_and")) {
      size_t at = text::find(tail, conj);
      if (at == std::string_view::npos || prev_item.size() < 3) continue;
      std::string_view x = tail.substr(0, at), y = tail.substr(at + conj.size());
      std::string_view end = prev_item.substr(prev_item.size() - 3);
      if (x.size() >= 3 && y.size() >= 3 && text::ends_with(x, end) && text::ends_with(y, end)) ++l.items;
      else if (!x.empty() && !y.empty()) l.joined = true;
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

// "28 个省（区、市）", "12 个县（市、区）": a bracket right after the counted noun whose every item is a
// bare word for a kind of member (省, 自治区, 技工学校), the noun being of those kinds too, says which kinds
// the count takes in — it names no member. Not when the measure word counts kinds ("3 类学校（技工学校、
// 职业高中）"): those kinds are then the members.
bool kind_gloss(std::string_view gap, std::string_view inside, const UnitDef& unit, const Vocabulary& vocab) {
  if (unit.dimension == "kinds") return false;
  const WordList& kinds = vocab.list("member_kinds");
  std::string_view noun = text::trim(gap);
  if (noun.empty() || (text::ends_with_any(noun, kinds).empty() && text::ends_with_any(noun, vocab.list("generic_nouns")).empty()))
    return false;
  size_t b = 0;
  for (;;) {
    size_t e = text::find(inside, "、", b);
    if (!kinds.is_word(text::trim(inside.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)))) return false;
    if (e == std::string_view::npos) return true;
    b = e + 3;
  }
}

// The end of the sentence a list after its cue runs to (。, ；, ！, ？ or the paragraph's end).
size_t sentence_end(std::string_view p, size_t b) {
  size_t i = b;
  while (i < p.size()) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (c == U'。' || c == U'；' || c == ';' || c == U'！' || c == U'？' || c == '\n') break;
    i = k;
  }
  return i;
}

// "分别是 A、B 设备制造业，C 制造业，D 制造业": names after the cue parted by ，, the 、 inside one of them
// joining two words of one name. They read as one list when there are two or more parts, short, without
// figures, each ending with the same character (…制造业，…制造业; …集群，…集群) and none opening like a
// comment on the list (均为…, 其中…). Returns the parts, or none when they do not read so; `etc` when the
// last ends with 等.
std::vector<std::string_view> comma_items(std::string_view p, size_t b, const Vocabulary& vocab, bool& etc) {
  std::vector<std::string_view> parts;
  std::string_view s = p.substr(b, sentence_end(p, b) - b);
  for (size_t i = 0;;) {
    size_t e = std::min(text::find(s, "，", i), s.find(',', i));
    parts.push_back(text::trim(s.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i)));
    if (e == std::string_view::npos) break;
    i = e + (s[e] == ',' ? 1 : 3);
  }
  etc = false;
  if (parts.size() < 2) return {};
  std::string_view& last = parts.back();
  std::string_view etc_word = text::ends_with_any(last, vocab.list("list_etc"));
  if (!etc_word.empty()) {
    last = text::trim(last.substr(0, last.size() - etc_word.size()));
    etc = true;
  }
  char32_t head = 0;
  for (std::string_view part : parts) {
    if (part.empty() || utf8::count_code_points(part) > 30) return {};
    if (!text::starts_with_any(part, vocab.list("list_comment")).empty()) return {};
    for (char c : part)
      if (c >= '0' && c <= '9') return {};
    size_t k = part.size();
    char32_t end = utf8::prev(part, k);
    if (head != 0 && end != head) return {};
    head = end;
  }
  return parts;
}

// Reads the list after a cue as parts parted by ，when it reads so (comma_items). With no 、 inside a
// part the parts are the one reading. With one, the reading is open — the parts, every name between 、
// and ，, or the first part alone (`first`, the list as the first clause reads it): the count agrees when
// it is one of them, and when it is none nothing can be said. Returns false when the parts are no list;
// else sets `list`, or `open` when the count is left alone.
bool comma_reading(std::string_view p, size_t b, long long n, const List& first, const Vocabulary& vocab, List& list,
                   bool& open) {
  bool etc = false;
  std::vector<std::string_view> parts = comma_items(p, b, vocab, etc);
  if (parts.empty()) return false;
  int commas = static_cast<int>(parts.size()), all = 0;
  for (std::string_view part : parts) all += split_list(part, vocab).items;
  open = false;
  list = List{};
  list.etc = etc;
  if (all == commas) {
    list.items = commas;
    return true;
  }
  bool agrees = n == commas || n == all || (first.items >= 2 && n == first.items) || (etc && n > commas);
  list.items = static_cast<int>(n);
  if (!agrees) open = true;
  return true;
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
    size_t f = text::find(p, o, pos);
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
  // "金奖、银奖各两项", "按照小学、初中分别核算了 7 项指标": so many for each of the names — they are the
  // scope of the count, not the things counted.
  if (text::contains_any(last, vocab.list("distributive"))) return false;
  // "小学、初中均有六项指标…": what each of the names has — they are who has them, not what is counted.
  if (text::contains_any(last, vocab.list("each_has"))) return false;
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
      size_t at = text::find(rest, cue);
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
      size_t stop = text::find(g, "。");
      bool clean = (stop == std::string_view::npos || stop + 3 == g.size()) && text::find(gap, "；") == std::string_view::npos;
      for (char c : gap)
        if (c >= '0' && c <= '9') clean = false;
      size_t gap_len = utf8::count_code_points(gap);
      if (clean && (paren ? gap_len <= 5 : gap_len <= 40)) {
        size_t b = tail + cue_at + cue_len;
        std::string_view inside = list_after(p, b, paren);
        list = split_list(inside, vocab);
        found = list.items >= 2;
        if (paren && found) {
          if (kind_gloss(gap, inside, *u, vocab)) found = false;
          // "37 所学校（含 A、B）": some of them, however many it names.
          else if (!text::starts_with_any(text::trim(inside), vocab.list("inclusion")).empty()) list.subset = true;
        }
        List parts;
        bool open = false;
        if (!paren && comma_reading(p, b, n, list, vocab, parts, open)) {
          if (open) continue;  // several readings, none of them the count: which one is meant is not clear
          list = parts;
          found = true;
        }
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
    if (list.items == n || (list.joined && list.items + 1 == n)) continue;
    if ((list.etc || list.subset) && list.items < n) continue;
    ctx.report(q.id,
               Message(list.etc ? "count.mismatch_etc" : "count.mismatch", {{"count", q.text},
                                                                           {"unit", q.unit},
                                                                           {"items", std::to_string(list.items)},
                                                                           {"s", list.items == 1 ? "" : "s"}}),
               {}, list.etc || list.subset || list.joined || q.cn_numeral ? std::nullopt
                                                                          : std::optional<std::string>(std::to_string(list.items)));
  }
}

}  // namespace tally
