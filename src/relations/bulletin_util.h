// Small text helpers shared by the bulletin and budget finders.
#pragma once
#include <algorithm>
#include <string_view>

#include "base/text.h"
#include "relations/relations.h"

namespace tally::bulletin {

// Steps back to a UTF-8 character boundary.
inline uint32_t char_start(std::string_view p, uint32_t at) {
  while (at > 0 && at < p.size() && (static_cast<unsigned char>(p[at]) & 0xC0) == 0x80) --at;
  return at;
}

// The text of the figure's sentence before it (at most 240 bytes).
inline std::string_view sentence_before(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return {};
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t sb = fb.sentence_start(q.paragraph, q.para_begin);
  if (q.para_begin - sb > 240) sb = char_start(p, q.para_begin - 240);
  return p.substr(sb, q.para_begin - sb);
}

// The text of the figure's clause before it.
inline std::string_view clause_before(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return {};
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t cb = std::min(q.clause_begin, q.para_begin);
  return p.substr(cb, q.para_begin - cb);
}

// The text after the scope words of the whole area it starts with (年末, 全市, …).
inline std::string_view after_area_scope(std::string_view s, const Vocabulary& v) {
  for (std::string_view w; !(w = text::starts_with_any(s, v.list("bulletin_area_scope"))).empty();)
    s.remove_prefix(w.size());
  return s;
}

// Is the figure alone in brackets — "（172 亿元）", "(3.5万人)" — an aside (a plan, a conversion), not the
// level its sentence goes on about?
inline bool bracketed_alone(const FactBase& fb, const Quantity& c) {
  if (c.paragraph < 0) return false;
  std::string_view p = fb.para_text(c.paragraph);
  std::string_view before = text::trim_right(p.substr(0, std::min<size_t>(c.para_begin, p.size())));
  std::string_view after = text::trim_left(p.substr(std::min<size_t>(c.unit_end, p.size())));
  return (text::ends_with(before, "（") || text::ends_with(before, "(")) &&
         (text::starts_with(after, "）") || text::starts_with(after, ")"));
}

// Is the text between two figures only what joins the items of a list ("、", "，", "和", "、和")?
inline bool list_joint(std::string_view gap) {
  std::string g = text::remove_spaces(gap);
  return g == "、" || g == "，" || g == "和" || g == "及" || g == "、和" || g == "，和";
}

// The text between the previous figure of the paragraph (or the clause start) and this one.
inline std::string_view near_before(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return {};
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t b = std::min(q.clause_begin, q.para_begin);
  const auto& ids = fb.by_paragraph[q.paragraph];
  auto it = std::lower_bound(ids.begin(), ids.end(), q.id);
  if (it != ids.begin()) {
    const Quantity& prev = fb.q(*(it - 1));
    if (prev.unit_end <= q.para_begin) b = std::max(b, prev.unit_end);
  }
  return p.substr(b, q.para_begin - b);
}

// The end of a label after its last punctuation ("年末户籍人口中，男性" → "男性").
inline std::string_view label_tail(std::string_view l) {
  for (std::string_view sep : {"，", "、", "；", "：", ",", ":", "（", "("}) {
    size_t at = l.rfind(sep);
    if (at != std::string_view::npos && at + sep.size() < l.size()) l = l.substr(at + sep.size());
  }
  return text::trim(l);
}

// A level of this period: not a change, rate, share or comparison-period figure, and not a target
// unless `or_target` (a plan completed is one).
inline bool is_level(const FactBase& fb, const Relations& rel, int id, bool or_target = false) {
  const Statement& s = rel.st(id);
  const Quantity& q = fb.q(id);
  return s.type == ValueType::Level && !s.previous && (or_target || !s.target) && q.kind == QuantityKind::Number &&
         !q.malformed;
}

// The member of a partition a text names ("第三产业对经济增长的贡献率为" → 第三产业 of industries), when it
// names exactly one member of one partition.
struct Named {
  const Partition* p = nullptr;
  size_t member = 0;
};

inline Named member_named(const Vocabulary& v, std::string_view text) {
  Named found;
  int hits = 0;
  for (const auto& p : v.partitions)
    for (size_t m = 0; m < p.members.size(); ++m)
      if (text::contains(text, p.members[m])) {
        found = {&p, m};
        ++hits;
      }
  if (hits != 1) return {};
  return found;
}

// The partition a structure names: "三次产业结构" carries a parent word of 第一/二/三产业.
inline const Partition* partition_named(const Vocabulary& v, std::string_view words, size_t members) {
  const Partition* found = nullptr;
  for (const auto& p : v.partitions) {
    if (p.members.size() != members) continue;
    bool named = false;
    for (const auto& w : p.parents)
      if (text::contains(words, w) && text::contains_any(words, v.list("bulletin_structure"))) named = true;
    if (!named) continue;
    if (found) return nullptr;  // two partitions fit: not clear
    found = &p;
  }
  return found;
}

}  // namespace tally::bulletin
