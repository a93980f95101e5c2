#include "checks/basis.h"

#include <algorithm>

#include "base/text.h"
#include "extract/label_match.h"

namespace tally {

namespace {

// Marks that end a phrase: a basis runs from 按 to 计 within one phrase.
bool breaks_phrase(std::string_view s) {
  for (char c : s)
    if ((c >= '0' && c <= '9') || c == ',' || c == '(' || c == ')' || c == ';' || c == ':') return true;
  for (std::string_view p : {"，", "。", "；", "、", "（", "）", "：", "％"})
    if (text::contains(s, p)) return true;
  return false;
}

// "本科生" for the basis 本科在校生: the students of a kind, written short.
bool short_for(std::string_view name, std::string_view basis) {
  constexpr std::string_view kEnrolled = "在校生", kStudent = "生";
  if (!text::ends_with(basis, kEnrolled) || basis.size() == kEnrolled.size()) return false;
  std::string_view kind = basis.substr(0, basis.size() - kEnrolled.size());
  return name.size() > kStudent.size() && text::ends_with(name, kStudent) &&
         text::ends_with(name.substr(0, name.size() - kStudent.size()), kind);
}

// "本科生 25,118 人" of "按本科生 25,118 人计": a basis stated with its count names the people before the
// count (the count itself is a figure of theirs, found with the others); the noun as it is otherwise.
std::string_view without_count(std::string_view noun) {
  size_t digit = noun.find_first_of("0123456789");
  if (digit == std::string_view::npos || digit == 0) return noun;
  std::string_view rest = noun.substr(digit);
  size_t k = rest.find_first_not_of("0123456789,. ");
  rest = text::trim(rest.substr(k == std::string_view::npos ? rest.size() : k));
  if (text::starts_with(rest, "万")) rest.remove_prefix(std::string_view("万").size());
  if (rest != "人" && rest != "名") return noun;
  return text::trim(noun.substr(0, digit));
}

}  // namespace

std::string group_basis(std::string_view per_label, std::string_view total_label, const Vocabulary& v) {
  std::string_view named = per_label;
  named.remove_prefix(text::starts_with_any(named, v.list("per_unit")).size());
  if (named.empty()) named = total_label;
  std::string_view group = text::starts_with_any(named, v.list("student_groups"));
  if (group.empty()) return {};
  // "本科" names its students as 本科在校生 / 本科生 (short_for); "研究生" names them itself.
  constexpr std::string_view kStudent = "生";
  return text::ends_with(group, kStudent) ? std::string(group) : std::string(group) + "在校生";
}

std::string_view stated_basis(std::string_view text, const Vocabulary& v) {
  constexpr std::string_view kBy = "按", kAccording = "照";
  constexpr size_t kLongest = 30;  // ten characters: a noun, not a clause
  for (size_t at = text::find(text, kBy); at != std::string_view::npos; at = text::find(text, kBy, at + kBy.size())) {
    size_t b = at + kBy.size();
    if (text::starts_with(text.substr(b), kAccording)) b += kAccording.size();  // 按照
    size_t e = std::min(text::find(text, "计", b), text::find(text, "核算", b));                 // 计算, 计, 核算
    if (e == std::string_view::npos || e == b || e - b > kLongest) continue;
    std::string_view noun = text.substr(b, e - b);
    if (text::ends_with(noun, "统")) noun.remove_suffix(std::string_view("统").size());  // 统计
    noun = without_count(noun);
    if (breaks_phrase(noun)) continue;
    noun.remove_suffix(text::ends_with_any(noun, v.list("measure_suffix_stop")).size());  // 折合在校生数
    if (text::ends_with_any(noun, v.list("population")).empty() &&
        text::starts_with_any(noun, v.list("student_groups")).empty())
      continue;
    return noun;
  }
  return {};
}

std::string_view basis_of(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return {};
  const Vocabulary& v = *fb.vocab;
  uint32_t own_begin = fb.sentence_start(q.paragraph, q.para_begin);
  std::string_view own =
      stated_basis(fb.between(q.paragraph, own_begin, fb.sentence_end(q.paragraph, q.para_begin)), v);
  if (!own.empty()) return own;
  // A sentence that states a basis and no figure speaks of the paragraph's values.
  const std::vector<uint32_t>& ends = fb.ex.sentence_ends[q.paragraph];
  const std::vector<int>& ids = fb.by_paragraph[q.paragraph];
  uint32_t size = static_cast<uint32_t>(fb.para_text(q.paragraph).size());
  uint32_t begin = 0;
  for (size_t i = 0; i <= ends.size() && begin < size; ++i) {
    uint32_t end = i < ends.size() ? ends[i] : size;
    if (begin != own_begin && end > begin) {
      auto first = std::lower_bound(ids.begin(), ids.end(), begin,
                                    [&](int id, uint32_t off) { return fb.q(id).para_begin < off; });
      bool has_figure = first != ids.end() && fb.q(*first).para_begin < end;
      if (!has_figure) {
        std::string_view basis = stated_basis(fb.between(q.paragraph, begin, end), v);
        if (!basis.empty()) return basis;
      }
    }
    begin = end;
  }
  return {};
}

bool is_default_students(std::string_view basis, const Vocabulary& v) { return v.list("students").is_word(basis); }

std::vector<int> basis_counts(const FactBase& fb, std::string_view basis, const Quantity& q) {
  const Vocabulary& v = *fb.vocab;
  std::vector<int> ids;
  for (const auto& c : fb.ex.quantities) {
    if (c.kind != QuantityKind::Number || c.approx != Approx::None || c.dimension != "people") continue;
    if (c.in_case != q.in_case || !fb.same_scope(c, q)) continue;
    std::string core = core_label(c.label, v);
    std::string_view name = core;
    name.remove_suffix(text::ends_with_any(name, v.list("measure_suffix_stop")).size());
    if (!text::ends_with(name, basis) && !short_for(name, basis)) continue;
    bool seen = false;
    for (int id : ids) seen |= fb.q(id).value == c.value && fb.q(id).decimals == c.decimals;
    if (!seen && ids.size() < 64) ids.push_back(c.id);
  }
  return ids;
}

std::string_view partition_member(std::string_view label, const Vocabulary& v) {
  std::string_view best;
  for (const auto& p : v.partitions)
    for (const auto& m : p.members)
      if (m.size() > best.size() && text::contains(label, m)) best = m;
  return best;
}

}  // namespace tally
