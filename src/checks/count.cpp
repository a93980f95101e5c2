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

}  // namespace

void check_count(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (const auto& q : fb.ex.quantities) {
    if (q.paragraph < 0 || q.kind != QuantityKind::Number || !q.exact_count() || q.approx != Approx::None) continue;
    const UnitDef* u = vocab.unit(q.unit);
    if (!u || !u->counter) continue;
    long long n = q.value.num();
    if (n < 2 || n > 50 || q.value.den() != 1) continue;
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
      // no other figure or sentence end between the count and its list
      bool clean = gap.find("。") == std::string_view::npos && gap.find("；") == std::string_view::npos;
      for (char c : gap)
        if (c >= '0' && c <= '9') clean = false;
      size_t gap_len = utf8::count_code_points(gap);
      if (clean && (paren ? gap_len <= 5 : gap_len <= 40)) {
        list = split_list(list_after(p, tail + cue_at + cue_len, paren), vocab);
        found = list.items >= 2;
      }
    }
    // Before: "王某、李某、张某三位老师" — the list touches the count.
    if (!found) {
      size_t b = q.para_begin;
      size_t i = b;
      bool figures = false;
      {
        // The count must touch the last name: "岳倩三位老师", not "、5 所" (a list of counts).
        size_t k = b;
        char32_t last = utf8::prev(p, k);
        if (!text::is_cjk(last)) figures = true;
      }
      while (i > 0 && !figures) {
        size_t k = i;
        char32_t c = utf8::prev(p, k);
        if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'（' || c == U'）' || c == ' ') break;
        if ((c >= '0' && c <= '9') || c == U'“' || c == U'”') figures = true;
        i = k;
      }
      std::string_view before = p.substr(i, b - i);
      if (!figures && before.find("、") != std::string_view::npos) {
        // the last item must end right at the count
        list = split_list(before, vocab);
        // the first item may carry a verb before it ("组建A、B"); keep only short lists of names
        found = list.items >= 2 && utf8::count_code_points(before) <= 60;
      }
    }
    if (!found || list.values) continue;
    ctx.mark(q.id);
    if (list.items == n) continue;
    if (list.etc && list.items < n) continue;
    ctx.report(q.id,
               fmt::format("the text says {} {} but names {} item{}{}", q.text, q.unit, list.items,
                           list.items == 1 ? "" : "s", list.etc ? " (with 等)" : ""),
               {}, list.etc || q.cn_numeral ? std::nullopt : std::optional<std::string>(std::to_string(list.items)));
  }
}

}  // namespace tally
