#include "relations/breakdowns.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "extract/label_match.h"
#include "relations/averages.h"

namespace tally {
std::string fmt_join(const std::vector<std::string>& v);

// (Declared in breakdowns.h.) Does a part's label name the rest of its whole: 其他单位, or a last class joined to the rest
// (水运及其他, 一次电力及其他能源, 住宿餐饮和其他行业)?
bool names_the_rest(std::string_view label, const Vocabulary& v) {
  if (!text::starts_with_any(label, v.list("remainder")).empty()) return true;
  for (std::string_view join : v.list("rest_join"))
    for (size_t at = text::find(label, join); at != std::string_view::npos; at = text::find(label, join, at + 1))
      if (at > 0 && !text::starts_with_any(label.substr(at + join.size()), v.list("remainder")).empty()) return true;
  return false;
}

namespace {

// What a figure counts, for matching wholes and parts: its unit's dimension ("人", "名" and "位" all
// count people), or the unit itself when it has none.
std::string measured(const Quantity& q) { return q.dimension.empty() ? q.unit : q.dimension; }

// Parentheses of one paragraph, found once: nesting questions become two binary searches
// instead of a scan of the sentence (long single-line paragraphs stay linear). Kept by the document's
// Finder: the paragraph texts it is keyed by live as long as it does (a cache that outlived its document
// — it was thread_local — met another document's paragraph at the same address and size).
struct Parens {
  const char* text = nullptr;
  size_t size = 0;
  std::vector<uint32_t> opens, closes;
};

// What every finder reads and writes.
struct Finder {
  const FactBase& fb;
  const std::vector<Statement>& st;
  std::vector<Breakdown>& out;
  std::unordered_map<uint64_t, int> cells;  // (table, row, col) → quantity id
  std::set<std::pair<int, std::vector<int>>> seen;  // (whole, parts) already proposed
  mutable Parens parens;                                // the last paragraph's parentheses (parens_of)
  const Quantity& q(int id) const { return fb.q(id); }
  std::string_view para_text(int pi) const { return fb.para_text(pi); }
  uint32_t sentence_start(int pi, uint32_t o) const { return fb.sentence_start(pi, o); }
  uint32_t sentence_end(int pi, uint32_t o) const { return fb.sentence_end(pi, o); }
  std::string_view between(int pi, uint32_t b, uint32_t e) const { return fb.between(pi, b, e); }
  bool level(int id) const { return st[id].type == ValueType::Level && !st[id].previous && !st[id].target; }
  // A figure that can be a whole or a part: a level counted in a unit (in a 案例 too: a case's own
  // relations are checked; its figures are kept apart from the report's by their scope).
  bool countable(const Quantity& x) const {
    return x.kind == QuantityKind::Number && !x.unit.empty() && !x.malformed && level(x.id);
  }
};

// Offset just after the parenthesis that closes the one opening at `open`, or npos.
size_t close_paren(std::string_view p, size_t open) {
  int depth = 0;
  size_t i = open;
  while (i < p.size()) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (c == U'（' || c == '(') ++depth;
    if (c == U'）' || c == ')') {
      if (--depth == 0) return k;
    }
    i = k;
  }
  return std::string_view::npos;
}

// The members of `part` the labels name (the longest member each label contains), or nothing when
// some label names none of them.
std::optional<std::set<std::string>> members_named(const std::vector<std::string>& labels, const Partition& part) {
  std::set<std::string> seen;
  for (const auto& l : labels) {
    std::string hit;
    for (const auto& m : part.members)
      if (text::contains(l, m) && m.size() > hit.size()) hit = m;
    if (hit.empty()) return std::nullopt;
    seen.insert(hit);
  }
  return seen;
}

// "公办幼儿园 168 所，普惠性民办幼儿园 203 所": a later member with words before it that the first
// label's member lacks (普惠性, 非营利性, 备案) is a narrower group, a part of the member, so the list
// does not cover the whole. Words the first label has too (市直公办, 市直民办), or words on the first
// label only (市直公办 3 所，民办 3 所: the rest read with them), keep the split; so does a list naming a
// member more than once (市直公办, 市直民办, 县公办, 县民办), which crosses another grouping. A leading
// area word (全市) says only whose the figures are.
bool narrowed_member(const std::vector<std::string>& labels, const Partition& part, const Vocabulary& vocab) {
  if (labels.size() != part.members.size()) return false;
  std::string first;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string hit;
    for (const auto& m : part.members)
      if (text::contains(labels[i], m) && m.size() > hit.size()) hit = m;
    if (hit.empty()) return false;
    std::string_view q = std::string_view(labels[i]).substr(0, labels[i].find(hit));
    q.remove_prefix(text::starts_with_any(q, vocab.list("breakdown")).size());
    q.remove_prefix(text::starts_with_any(q, vocab.list("city_scope")).size());
    if (i == 0) first = std::string(q);
    else if (!q.empty() && q != first) return true;
  }
  return false;
}

// The partition that every label names a member of, with at least two distinct members.
const Partition* partition_of(const std::vector<std::string>& labels, const Vocabulary& vocab, bool complete) {
  for (const auto& part : vocab.partitions) {
    auto seen = members_named(labels, part);
    // Members may repeat when the parts cross another grouping (市直公办, 市直民办, 县公办, 县民办).
    if (seen && seen->size() >= 2 &&
        (!complete || (seen->size() == part.members.size() && seen->size() == labels.size() &&
                       !narrowed_member(labels, part, vocab))))
      return &part;
  }
  return nullptr;
}

// The partition member a label names, or "".
std::string member_named(std::string_view label, const Vocabulary& vocab) {
  for (const auto& part : vocab.partitions)
    for (const auto& m : part.members)
      if (text::contains(label, m)) return m;
  return "";
}

// Are the labels classes of a classification whose classes do not overlap (政府收支分类: 教育支出,
// 卫生健康支出; taxes: 增值税, 企业所得税)? Each label must be a class itself, not contain one:
// "职业教育支出" is a part of 教育支出. Such parts add up to at most their whole.
bool disjoint_classes(const std::vector<std::string>& labels, const Vocabulary& vocab) {
  const WordList& classes = vocab.list("disjoint_classes");
  if (labels.size() < 2) return false;
  std::set<std::string> seen;
  for (const auto& l : labels) {
    std::string bare = text::remove_spaces(l);
    std::string_view b = bare;
    b.remove_prefix(text::starts_with_any(b, vocab.list("breakdown")).size());
    for (std::string_view colon : {"：", ":"})
      if (text::starts_with(b, colon)) b.remove_prefix(colon.size());
    if (classes.prefix_of(b).size() != b.size() || b.empty() || !seen.insert(std::string(b)).second) return false;
  }
  return true;
}

// Do the labels name every member of one partition (so the parts add up to the whole)? A list that
// names only some members ("国家级 6 场、省级 11 场" of 42) is partial.
const Partition* complete_partition_of(const std::vector<std::string>& labels, const Vocabulary& vocab) {
  for (const auto& part : vocab.partitions) {
    auto seen = members_named(labels, part);
    if (seen && seen->size() == part.members.size() && !narrowed_member(labels, part, vocab)) return &part;
  }
  return nullptr;
}

// Two parts that a whole names by itself: a compound of their first characters in the whole's label
// (进出口 → 进口 + 出口, 中小学 → 中学 + 小学, 出入境 → 出境 + 入境, 男女 → 男 + 女), or X and 非X
// (税收收入 + 非税收入, 全日制 + 非全日制).
std::string parts_named_by_whole(std::string_view whole, std::string_view a, std::string_view b) {
  std::u32string w = utf8::decode(whole), x = utf8::decode(a), y = utf8::decode(b);
  if (x.empty() || y.empty()) return "";
  for (int swap = 0; swap < 2; ++swap) {
    const std::u32string& p = swap ? y : x;
    const std::u32string& q = swap ? x : y;
    if (q.size() >= 2 && (q[0] == U'非' || q[0] == U'不') && q[1] == p[0] && q.back() == p.back())
      return "X and 非X";
  }
  if (x[0] == y[0]) return "";
  for (size_t i = 0; i + 1 < w.size(); ++i)
    if ((w[i] == x[0] && w[i + 1] == y[0]) || (w[i] == y[0] && w[i + 1] == x[0]))
      return "the whole's name joins its parts";
  return "";
}

// The items of the longest 、-list in the text (none if there is none): "国家助学金、免学费、国家奖学金" → 3 items;
// the list is a run of CJK words joined by 、 with no figure inside it (and not opening right after one).
// A bracket names categories of the figure only when it says it includes them (含, 包括): one of what is
// left out ("实际就业（不含升学、出国出境）") or a gloss of kinds ("12 个县（市、区）") names none.
std::vector<std::string_view> categories_named(std::string_view t, const Vocabulary& vocab) {
  std::vector<std::string_view> best, run;
  size_t item = 0;            // where the current item began
  bool after_figure = false;  // the current item opens right after a figure ("项目 64 个、资金…"): a unit
  auto close_run = [&](size_t end) {
    if (!run.empty()) {
      run.push_back(t.substr(item, end - item));
      if (run.size() >= best.size()) best = run;
    }
    run.clear();
  };
  size_t i = 0;
  while (i < t.size()) {
    size_t k = i;
    char32_t c = utf8::next(t, k);
    if ((c == U'（' || c == U'(') && text::starts_with_any(t.substr(k), vocab.list("inclusion")).empty()) {
      size_t close = close_paren(t, i);
      close_run(i);
      i = close == std::string_view::npos ? t.size() : close;
      item = i;
      after_figure = false;
      continue;
    }
    if (c == U'、') {
      // "项目 64 个、资金…": the item right after a figure is its unit, and the 、 joins two figures.
      if (after_figure && utf8::count_code_points(text::trim(t.substr(item, i - item))) <= 2) {
        run.clear();
      } else {
        run.push_back(t.substr(item, i - item));
      }
      item = k;
      after_figure = false;
    } else if (!(text::is_cjk(c) || c == U'“' || c == U'”')) {
      close_run(i);
      item = k;
      after_figure = c >= '0' && c <= '9';
      if (c == ' ' && i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9') after_figure = true;
    }
    i = k;
  }
  close_run(t.size());
  return best;
}

// Do the parts name the categories listed with their whole ("共发放国家助学金、免学费、国家奖学金 … 资金 X" and
// the parts 免学费资金, 助学金资助金额, …)? A part names a category when the two share two characters in a
// row other than the whole's head noun (资金, 教材); with three categories or more, one part may go unnamed
// (奖励金额 for 国家奖学金). Verbs listed with the whole (主编、参编教材) share only the head noun with the
// parts (国家规划教材): no categories.
bool parts_name_categories(const Finder& fb, const Quantity& whole, const std::vector<int>& parts,
                           const std::vector<std::string_view>& items) {
  std::u32string head = utf8::decode(fb.st[whole.id].measure);
  if (head.size() > 2) head = head.substr(head.size() - 2);
  std::vector<std::u32string> names;
  for (auto item : items) names.push_back(utf8::decode(text::remove_spaces(item)));
  std::set<size_t> used;
  int unnamed = 0;
  for (int id : parts) {
    std::u32string label = utf8::decode(text::remove_spaces(fb.q(id).label));
    bool found = false;
    for (size_t i = 0; i < names.size() && !found; ++i) {
      if (used.count(i)) continue;
      for (size_t k = 0; k + 2 <= label.size() && !found; ++k) {
        std::u32string pair = label.substr(k, 2);
        if (pair != head && names[i].find(pair) != std::u32string::npos) found = true;
      }
      if (found) used.insert(i);
    }
    if (!found) ++unnamed;
  }
  return unnamed == 0 || (unnamed == 1 && items.size() >= 3);
}

// The names of the 、-list that ends where `t` ends ("覆盖工学、理学、管理学" → 覆盖工学, 理学, 管理学: the
// first name keeps the words before it), or nothing when `t` does not end with such a list.
std::vector<std::string_view> list_ending(std::string_view t) {
  std::vector<std::string_view> names;
  size_t end = t.size(), i = t.size();
  while (i > 0) {
    size_t k = i;
    char32_t c = utf8::prev(t, k);
    if (c == U'、') {
      if (end == i) return {};
      names.push_back(t.substr(i, end - i));
      end = k;
    } else if (!text::is_cjk(c)) {
      break;
    }
    i = k;
  }
  if (names.empty() || end == i) return {};
  names.push_back(t.substr(i, end - i));
  std::reverse(names.begin(), names.end());
  return names;
}

// "覆盖工学、理学、管理学 3 个学科门类": a figure that counts the names listed right before it counts
// categories, not the things a 其中 list after it splits among them. The names, or nothing.
std::vector<std::string_view> names_counted(const Finder& fb, const Quantity& q) {
  std::string_view p = fb.para_text(q.paragraph);
  // From the sentence start (a clause ends at 、): the list ends at the first character of no name.
  uint32_t from = fb.sentence_start(q.paragraph, q.para_begin);
  if (q.para_begin - from > 240) return {};
  auto names = list_ending(text::trim(p.substr(from, q.para_begin - from)));
  auto n = q.value.to_int64();
  if (names.size() < 2 || !n || *n != static_cast<long long>(names.size())) return {};
  return names;
}


// The noun a figure counts when it is written after its unit ("7 个学科门类" → 学科门类): the run of CJK
// characters right after the unit, at most a few; "" when punctuation follows.
std::string_view noun_after(const Finder& fb, const Quantity& q) {
  std::string_view p = fb.para_text(q.paragraph);
  size_t i = q.unit_end, n = 0;
  while (i < p.size() && n < 8) {
    size_t k = i;
    if (!text::is_cjk(utf8::next(p, k))) break;
    i = k;
    ++n;
  }
  return p.substr(q.unit_end, i - q.unit_end);
}

// "专业 72 个，覆盖 7 个学科门类，其中工学 28 个…": a figure that counts categories (its noun a
// category_counts word) stands between a count and the 其中 list splitting that count among the
// categories; the list is not its parts — unless a part counts the same categories ("其中 3 个门类…").
bool counts_categories_passed(const Finder& fb, const Quantity& q, const std::vector<int>& parts) {
  std::string_view kind = text::ends_with_any(noun_after(fb, q), fb.fb.vocab->list("category_counts"));
  if (kind.empty()) return false;
  for (int id : parts)
    if (text::contains(noun_after(fb, fb.q(id)), kind)) return false;
  return true;
}

// Does each part's label begin with one of the counted names, each name taken once ("工学专业 40 个" for
// 工学)? The first name may carry the words before the list ("覆盖工学"): it ends with the label's start.
bool parts_under_names(const Finder& fb, const std::vector<int>& parts, const std::vector<std::string_view>& names) {
  if (parts.size() != names.size()) return false;
  std::set<size_t> used;
  for (int id : parts) {
    const std::string& l = fb.q(id).label;
    if (utf8::count_code_points(l) < 2) return false;
    std::string head;
    for (size_t i = 0, k = 0; i < 2; ++i) {
      size_t at = k;
      utf8::next(l, k);
      head += l.substr(at, k - at);
    }
    size_t hit = names.size();
    for (size_t n = 0; n < names.size() && hit == names.size(); ++n)
      if (text::starts_with(l, names[n]) || (n == 0 && text::ends_with(names[n], head))) hit = n;
    if (hit == names.size() || !used.insert(hit).second) return false;
  }
  return true;
}

// The one member of a class list a label names, a member inside a longer one (市级 in 州市级) not
// counted apart; "" when it names none or two.
std::string_view member_named(std::string_view label, const std::vector<std::string>& members) {
  std::string_view hit;
  size_t named = 0;
  for (const auto& m : members) {
    if (!text::contains(label, m)) continue;
    bool inside = false;
    for (const auto& o : members) inside |= o != m && o.size() > m.size() && text::contains(label, o) && text::contains(o, m);
    if (inside) continue;
    ++named;
    hit = m;
  }
  return named == 1 ? hit : std::string_view{};
}

// Do the labels each name one member of one partition or dimension, all different, none naming more
// (国家级 2 个、省级 3 个、县级 4 个)? Such classes never overlap: the parts add up to at most their whole.
// A label that reaches past its class (省级以上, 国家级和省级, 含…) may overlap the others: not such a list.
bool disjoint_members(const std::vector<std::string>& labels, std::string_view whole, const Vocabulary& vocab) {
  if (labels.size() < 2) return false;
  for (const auto& l : labels)
    for (std::string_view w : {"以上", "以下", "及", "和", "含", "与", "或", "累计"})
      if (text::contains(l, w)) return false;
  // The partitions, and the classes of the disjoint_classes list (one set: a label naming two of them,
  // 市级医院, is not clearly in one class). 调整 = 新增 + 撤销 only is left out (whole_named): 撤销
  // ones lie outside 现有.
  std::vector<const std::vector<std::string>*> sets;
  for (const auto& part : vocab.partitions)
    if (!part.whole_named) sets.push_back(&part.members);
  auto it = vocab.words.find("disjoint_classes");
  if (it != vocab.words.end()) sets.push_back(&it->second);
  for (const auto* members : sets) {
    std::set<std::string_view> seen;
    bool ok = true;
    for (const auto& l : labels) {
      std::string_view hit = member_named(l, *members);
      ok = ok && !hit.empty() && seen.insert(hit).second;
    }
    // The whole is not itself one of the classes ("省级示范校 20 所，其中国家级 …").
    if (ok && !text::contains_any(whole, *members)) return true;
  }
  return false;
}

// The label of a part as a class: spaces, a leading 其中 and a colon set aside.
std::string bare_label(std::string_view l, const Vocabulary& vocab) {
  std::string bare = text::remove_spaces(l);
  std::string_view b = bare;
  b.remove_prefix(text::starts_with_any(b, vocab.list("breakdown")).size());
  for (std::string_view colon : {"：", ":"})
    if (text::starts_with(b, colon)) b.remove_prefix(colon.size());
  return std::string(b);
}

// Do the labels, their shared head noun set aside, each end with the same classifier (三级医院,
// 二级医院; 企业类, 高校类; 一等奖, 二等奖; 5A级, 4A级) after a short modifier, all different? Such
// parts are classes of one classification: they never overlap, so they add up to at most their whole.
// Not when a label reaches past its class (3A级以上, 一级和二级), when one modifier holds another (高级,
// 副高级: the one may count the other), or when the whole is itself one of the classes.
bool classifier_classes(const std::vector<std::string>& labels, std::string_view whole, const Vocabulary& vocab) {
  if (labels.size() < 2) return false;
  std::vector<std::string> bare;
  for (const auto& l : labels) {
    for (std::string_view w : {"以上", "以下", "及", "和", "含", "与", "或", "累计", "其他", "其它"})
      if (text::contains(l, w)) return false;
    bare.push_back(bare_label(l, vocab));
  }
  const WordList& classifiers = vocab.list("class_classifiers");
  std::string_view first = bare[0];
  // The last classifier of the first label that its head noun follows; every label must end alike.
  for (size_t end = first.size(); end > 0;) {
    size_t k = end;
    utf8::prev(first, k);
    if (!classifiers.is_word(first.substr(k, end - k))) {
      end = k;
      continue;
    }
    std::string_view suffix = first.substr(k);
    std::vector<std::string_view> mods;
    for (std::string_view b : bare) {
      if (!text::ends_with(b, suffix)) return false;
      std::string_view mod = b.substr(0, b.size() - suffix.size());
      if (mod.empty() || utf8::count_code_points(mod) > 3) return false;
      std::string_view cls = b.substr(0, mod.size() + (end - k));
      if (text::contains(whole, cls)) return false;
      mods.push_back(mod);
    }
    for (size_t i = 0; i < mods.size(); ++i)
      for (size_t j = 0; j < mods.size(); ++j)
        if (i != j && text::contains(mods[i], mods[j])) return false;
    return true;
  }
  return false;
}

// A partition whose members (at least two) or abbreviation the text names.
const Partition* partition_in_text(std::string_view t, const Vocabulary& vocab) {
  for (const auto& part : vocab.partitions) {
    if (text::contains_any(t, part.abbreviations)) return &part;
    int n = 0;
    for (const auto& m : part.members) n += text::contains(t, m);
    if (n >= 2) return &part;
  }
  return nullptr;
}

// Do the 、-separated categories before 分别为 name distinct known measures (专任教师、专业课教师)?
bool names_distinct_metrics(std::string_view t, const Vocabulary& vocab) {
  std::set<std::string> metrics;
  size_t pos = 0;
  int items = 0;
  while (pos <= t.size()) {
    size_t e = text::find(t, "、", pos);
    std::string item = clean_label(t.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos), vocab);
    std::string m = find_metric(item, vocab);
    if (!m.empty()) metrics.insert(m);
    ++items;
    if (e == std::string_view::npos) break;
    pos = e + 3;
  }
  return metrics.size() >= 2;
}

// Index of the first figure of the paragraph at or after `offset` (ids are in text order).
size_t first_at(const Finder& fb, const std::vector<int>& ids, size_t offset) {
  return std::lower_bound(ids.begin(), ids.end(), offset,
                          [&](int id, size_t o) { return fb.q(id).para_begin < o; }) -
         ids.begin();
}

const Parens& parens_of(const Finder& fb, std::string_view p) {
  Parens& cache = fb.parens;
  if (cache.text == p.data() && cache.size == p.size()) return cache;
  cache = Parens{p.data(), p.size(), {}, {}};
  for (size_t i = 0; i < p.size();) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (c == U'（' || c == '(') cache.opens.push_back(static_cast<uint32_t>(i));
    if (c == U'）' || c == ')') cache.closes.push_back(static_cast<uint32_t>(i));
    i = k;
  }
  return cache;
}

size_t count_in(const std::vector<uint32_t>& v, size_t from, size_t to) {
  return std::lower_bound(v.begin(), v.end(), to) - std::lower_bound(v.begin(), v.end(), from);
}

// Is offset `o` inside a parenthesis that opens after `from`?
bool nested_in_paren(const Finder& fb, std::string_view p, size_t from, size_t o) {
  if (o <= from) return false;
  const Parens& pr = parens_of(fb, p);
  return count_in(pr.opens, from, o) > count_in(pr.closes, from, o);
}

void add(Finder& fb, Breakdown b) {
  if (!fb.seen.insert({b.whole, b.parts}).second) return;  // found twice (其中 and a partition)
  fb.out.push_back(std::move(b));
}

// "新增国家级 X A 个、省级 X B 个，累计分别达到 C 个和 D 个": the members named before 分别 each
// carry a figure of their own (a label naming that member alone), so 分别 pairs its values with those
// members (each one's stock) — they are no breakdown of the last of them. Two such members are enough.
bool members_have_values(const Finder& fb, const std::vector<int>& ids, uint32_t from, size_t cue,
                         const Partition& part, const std::string& measure) {
  std::set<std::string> carried;
  for (size_t k = first_at(fb, ids, from); k < ids.size(); ++k) {
    const Quantity& q = fb.q(ids[k]);
    if (q.para_begin >= cue) break;
    if (measured(q) != measure || !fb.countable(q)) continue;
    std::vector<std::string> named;  // "国家级、省级示范校 20 所" names both: their whole, not one's value
    for (const auto& m : part.members)
      if (text::contains(q.label, m)) named.push_back(m);
    if (named.size() == 1) carried.insert(named[0]);
  }
  return carried.size() >= 2;
}

// "直接就业的毕业生中，面向第一、二、三产业就业人数分别为 412 人、1,873 人、2,947 人": values for
// the categories of a known partition, and the whole the sentence names before them.
void respectively_breakdowns(Finder& fb, int pi) {
  std::string_view p = fb.para_text(pi);
  const auto& ids = fb.fb.by_paragraph[pi];
  for (const auto& cue : fb.fb.vocab->list("respectively")) {
    size_t pos = 0;
    while ((pos = text::find(p, cue, pos)) != std::string_view::npos) {
      size_t at = pos;
      pos += cue.size();
      uint32_t s0 = fb.sentence_start(pi, at);
      uint32_t s1 = fb.sentence_end(pi, at);
      std::string_view cats = p.substr(s0, at - s0);
      if (text::contains_any(cats, fb.fb.vocab->list("breakdown"))) continue;  // a 其中 list
      const Partition* part = partition_in_text(cats, *fb.fb.vocab);
      if (!part) continue;
      std::vector<int> values;
      for (size_t k = first_at(fb, ids, at); k < ids.size() && values.size() < 40; ++k) {
        int id = ids[k];
        const Quantity& q = fb.q(id);
        if (q.para_begin >= s1) break;
        if (!fb.countable(q)) continue;
        if (!values.empty() && measured(q) != measured(fb.q(values[0]))) break;
        values.push_back(id);
      }
      if (values.size() < 2) continue;
      if (members_have_values(fb, ids, s0, at, *part, measured(fb.q(values[0])))) continue;
      uint32_t w0 = s0 > 0 ? fb.sentence_start(pi, s0 - 1) : 0;
      int whole = -1;
      for (size_t k = first_at(fb, ids, at), n = 0; k > 0 && n < 60 && whole < 0; ++n) {
        const Quantity& q = fb.q(ids[--k]);
        if (q.para_begin < w0) break;
        if (measured(q) != measured(fb.q(values[0])) || !fb.countable(q)) continue;
        std::string core = clean_label(q.label, *fb.fb.vocab);
        if (core.size() >= 6 && (text::contains(cats, core) || text::contains_any(core, part->parents))) whole = q.id;
      }
      if (whole < 0 || fb.q(whole).approx != Approx::None) continue;
      Breakdown b;
      b.whole = whole;
      b.parts = values;
      b.kind = BreakdownKind::Sum;
      b.why = Message("why.each_over_categories", {{"members", fmt_join(part->members)}});
      add(fb, b);
    }
  }
}


// The words that name a whole: its clause up to it and its label ("全市共有省级示范校 20 所": 省级 is the
// whole's, though its label keeps only 示范校).
std::string whole_words(const Finder& fb, const Quantity& w) {
  uint32_t from = std::min(w.clause_begin, w.para_begin);
  return std::string(fb.para_text(w.paragraph).substr(from, w.para_begin - from)) + w.label;
}

void paren_breakdowns(Finder& fb, int pi) {
  std::string_view p = fb.para_text(pi);
  const auto& ids = fb.fb.by_paragraph[pi];
  for (size_t k = 0; k < ids.size(); ++k) {
    const Quantity& w = fb.q(ids[k]);
    if (!fb.countable(w) || w.approx != Approx::None) continue;
    size_t o = w.unit_end;
    while (o < p.size() && p[o] == ' ') ++o;
    // "11所职业院校（9所中职学校、2所高职院校）": a short noun may sit between figure and parenthesis.
    for (size_t k2 = o, n = 0; k2 < p.size() && n <= 8; ++n) {
      if (text::starts_with(p.substr(k2), "（") || text::starts_with(p.substr(k2), "(")) {
        o = k2;
        break;
      }
      size_t nx = k2;
      char32_t c = utf8::next(p, nx);
      if (!text::is_cjk(c)) break;
      k2 = nx;
    }
    if (!(text::starts_with(p.substr(o), "（") || text::starts_with(p.substr(o), "("))) continue;
    size_t close = close_paren(p, o);
    if (close == std::string_view::npos) continue;
    std::string_view inner = p.substr(o, close - o);
    std::string_view lead = inner.substr(inner[0] == '(' ? 1 : 3);
    // "（其中 …）" and "（含 …）" name parts that need not add up: a subset, not a sum.
    bool subset = !text::starts_with_any(lead, fb.fb.vocab->list("breakdown")).empty() ||
                  !text::starts_with_any(lead, fb.fb.vocab->list("inclusion")).empty();
    Breakdown b;
    b.whole = w.id;
    for (size_t j = k + 1; j < ids.size(); ++j) {
      const Quantity& part = fb.q(ids[j]);
      if (part.para_begin >= close) break;
      if (measured(part) == measured(w) && fb.countable(part) && !nested_in_paren(fb, p, o + 1, part.para_begin))
        b.parts.push_back(part.id);
    }
    if (b.parts.size() < (subset ? 1u : 2u)) continue;
    b.kind = subset ? BreakdownKind::Subset : BreakdownKind::Sum;
    b.why = subset ? Message("why.parenthesised_subset",
                             {{"cue", text::starts_with_any(lead, fb.fb.vocab->list("inclusion")).empty() ? "其中" : "含"}})
                   : Message("why.parenthesised");
    // "（其中返还性收入 …、一般性转移支付收入 …、专项转移支付收入 …）": classes that never overlap.
    std::vector<std::string> labels;
    for (int id : b.parts) labels.push_back(fb.q(id).label);
    if (subset && disjoint_members(labels, whole_words(fb, w), *fb.fb.vocab)) {
      b.kind = BreakdownKind::AtMost;
      b.why = Message("why.of_which_disjoint");
    }
    add(fb, b);
  }
}

// Two labels naming different members of one partition: siblings ("第二产业投资" and "第三产业投资").
bool siblings(std::string_view a, std::string_view b, const Vocabulary& vocab) {
  for (const auto& part : vocab.partitions) {
    std::string ma, mb;
    for (const auto& m : part.members) {
      if (text::contains(a, m) && m.size() > ma.size()) ma = m;
      if (text::contains(b, m) && m.size() > mb.size()) mb = m;
    }
    if (!ma.empty() && !mb.empty() && ma != mb) return true;
  }
  return false;
}

// The last two characters of a measure: the head noun the parts of one list share ("…在校生", "…总量").
std::string_view head_of(std::string_view m) {
  size_t i = m.size();
  for (int n = 0; n < 2 && i > 0; ++n) {
    size_t k = i;
    utf8::prev(m, k);
    i = k;
  }
  return m.substr(i);
}

// "出租汽车 A 辆，其中新能源 B 辆；网约车经营者 14 家，取得许可的车辆 C 辆", "在校生 A 人，其中小学 B 人、初中
// C 人；专任教师 D 人，比上年增加 E 人": the clause after ； (from `next`, its first figure, to `clause_end`)
// opens a new subject with its own count — a figure of another unit than the list's, with no figure of
// the list's unit named as the whole or a part is (车辆 is no 出租汽车); or a figure of the list's unit
// named by a noun of its own (专任教师: neither the whole's head nor a part's) whose change the clause
// gives. Its figures are no parts of the list.
bool opens_new_head(const Finder& fb, int whole, const std::vector<int>& parts, int next, size_t cue_at,
                    size_t clause_end) {
  if (parts.empty()) return false;
  const std::string unit = measured(fb.q(parts[0]));
  const std::string_view whole_m = fb.st[whole].measure;
  auto named_as_list = [&](std::string_view m) {
    if (m.empty()) return true;  // an unnamed figure may be one more part
    if (head_of(m) == head_of(whole_m) || text::contains(m, whole_m)) return true;
    for (int id : parts)
      if (!fb.st[id].measure.empty() && head_of(fb.st[id].measure) == head_of(m)) return true;
    return false;
  };
  const auto& ids = fb.fb.by_paragraph[fb.q(next).paragraph];
  size_t k = std::lower_bound(ids.begin(), ids.end(), next) - ids.begin();
  if (measured(fb.q(next)) != unit) {
    // (Items written as an amount and a count of another kind — "免学费资金 A 万元，惠及 B 人次；…" — go on
    // with such a count: it is no new subject.)
    for (size_t n = first_at(fb, ids, cue_at); n < k; ++n)
      if (fb.countable(fb.q(ids[n])) && measured(fb.q(ids[n])) != unit) return false;
    for (size_t n = k + 1; n < ids.size() && fb.q(ids[n]).para_begin < clause_end; ++n) {
      const Quantity& q = fb.q(ids[n]);
      if (fb.countable(q) && measured(q) == unit && named_as_list(fb.st[q.id].measure)) return false;
    }
    return true;
  }
  const std::string_view m = fb.st[next].measure;
  if (utf8::count_code_points(m) < 3 || named_as_list(m) || text::contains(whole_m, m)) return false;
  // (A member of the partition a part names — 女职工 after 男职工 — is one more part.)
  for (int id : parts)
    if (siblings(fb.q(id).label, fb.q(next).label, *fb.fb.vocab)) return false;
  for (size_t n = k + 1; n < ids.size() && fb.q(ids[n]).para_begin < clause_end; ++n) {
    const Statement& t = fb.st[ids[n]];
    if (t.qualifies == next && (t.type == ValueType::Change || t.type == ValueType::Growth)) return true;
  }
  return false;
}

// A list of parts opened by 其中 runs to its sentence end, but a ； ends it unless the clause after
// it goes on with the list: another member of the partition its parts name, the head noun its parts
// share ("邮政业务总量 …；电信业务总量 …"), or a clause written like the first (an amount in the same
// unit). A sibling of the whole ("第二产业投资 …，其中工业投资 …；第三产业投资 …"), parts that already
// complete a partition ("男教师 …，女教师 …；硕士以上学历 74 人"), a figure larger than the whole or a
// clause with a 其中 list of its own end it.
uint32_t list_end(const Finder& fb, int pi, size_t cue_at, uint32_t w0, uint32_t s1) {
  std::string_view p = fb.para_text(pi);
  const auto& ids = fb.fb.by_paragraph[pi];
  const Vocabulary& v = *fb.fb.vocab;
  size_t k = first_at(fb, ids, cue_at);
  int whole = -1;
  for (size_t j = k; j > 0;) {
    const Quantity& q = fb.q(ids[--j]);
    if (q.para_begin < w0) break;
    if (fb.countable(q)) {
      whole = q.id;
      break;
    }
  }
  if (whole < 0) return s1;
  // A list is a few dozen parts long: look for its end within a bounded span (linear on long lines).
  size_t limit = std::min<size_t>(s1, cue_at + 4000);
  std::vector<int> parts;
  size_t j = k;
  for (size_t semi = text::find(p, "；", cue_at); semi != std::string_view::npos && semi < limit; semi = text::find(p, "；", semi + 3)) {
    for (; j < ids.size() && fb.q(ids[j]).para_begin < semi && parts.size() < 40; ++j)
      if (fb.countable(fb.q(ids[j]))) parts.push_back(ids[j]);
    int next = -1;
    for (size_t n = j, c = 0; n < ids.size() && c < 8; ++n, ++c) {
      const Quantity& q = fb.q(ids[n]);
      if (q.para_begin >= s1) break;
      if (fb.countable(q)) {
        next = q.id;
        break;
      }
    }
    if (next < 0) return static_cast<uint32_t>(semi);
    if (siblings(fb.st[whole].measure, fb.st[next].measure, v)) return static_cast<uint32_t>(semi);
    // "基金收入 A，其中…；基金支出 B；当年结余 C": a clause whose measure ends with another of the opposed
    // heads (收入, 支出, 结余) than the whole's is the next item of the account, no part of the whole.
    {
      std::string_view hw = text::ends_with_any(fb.st[whole].measure, v.list("opposed_heads"));
      std::string_view hn = text::ends_with_any(fb.st[next].measure, v.list("opposed_heads"));
      if (!hw.empty() && !hn.empty() && hw != hn) return static_cast<uint32_t>(semi);
    }
    // "合作社 1286 家，其中…；家庭农场 2142 家，其中…": a clause with a 其中 list of its own, or a figure
    // larger than the whole, is a new whole, not one more part.
    if (measured(fb.q(whole)) == measured(fb.q(next)) && fb.q(whole).value < fb.q(next).value)
      return static_cast<uint32_t>(semi);
    {
      // (A 其中 inside brackets breaks down one figure of the clause, not the clause.)
      size_t e = std::min({text::find(p, "；", semi + 3), text::find(p, "。", semi + 3), p.size()});
      for (const auto& cue : v.list("breakdown"))
        for (size_t at = text::find(p, cue, semi + 3); at != std::string_view::npos && at < e; at = text::find(p, cue, at + cue.size()))
          if (!nested_in_paren(fb, p, semi, at)) return static_cast<uint32_t>(semi);
    }
    // Parts that already name every member of a partition (男 …，女 …) are a complete list.
    std::vector<std::string> labels;
    for (int id : parts) labels.push_back(fb.q(id).label);
    if (parts.size() >= 2 && complete_partition_of(labels, v)) return static_cast<uint32_t>(semi);
    // Clauses written alike (an amount and those it reached; the same again after ；) go on: the
    // clause after ； states a figure in the unit of the list's first part.
    bool goes_on = false;
    size_t clause_end = std::min<size_t>(text::find(p, "；", semi + 3), s1);
    for (size_t n = j, c = 0; !parts.empty() && n < ids.size() && c < 8; ++n, ++c) {
      const Quantity& q = fb.q(ids[n]);
      if (q.para_begin >= clause_end) break;
      if (fb.countable(q) && measured(q) == measured(fb.q(parts[0]))) goes_on = true;
    }
    std::string next_member = member_named(fb.q(next).label, v);
    for (int id : parts) {
      std::string member = member_named(fb.q(id).label, v);
      if (!next_member.empty() && !member.empty() && member != next_member &&
          siblings(fb.q(id).label, fb.q(next).label, v))
        goes_on = true;
      if (!fb.st[id].measure.empty() && head_of(fb.st[id].measure) == head_of(fb.st[next].measure) &&
          utf8::count_code_points(fb.st[next].measure) >= 2)
        goes_on = true;
    }
    if (!goes_on || opens_new_head(fb, whole, parts, next, cue_at, clause_end)) return static_cast<uint32_t>(semi);
  }
  return s1;
}

// Where a list of parts opens: 其中, and the bulletin forms 分城乡看, 按学历分, 从收入结构看 (a short
// noun phrase between 分/按/从 and 看/分, ending its clause). Offsets and lengths, in text order.
std::vector<std::pair<size_t, size_t>> breakdown_cues(std::string_view p, const Vocabulary& vocab) {
  std::vector<std::pair<size_t, size_t>> cues;
  for (const auto& cue : vocab.list("breakdown"))
    for (size_t pos = 0; (pos = text::find(p, cue, pos)) != std::string_view::npos; pos += cue.size())
      cues.push_back({pos, cue.size()});
  for (size_t i = 0; i < p.size();) {
    size_t k = i;
    char32_t c = utf8::next(p, k);
    if (c == U'分' || c == U'按' || c == U'从') {
      char32_t close = c == U'按' ? U'分' : U'看';
      size_t j = k;
      int n = 0;
      // (按 phrases run longer: 按经营单位所在地分, 按企业登记注册类型分.)
      while (j < p.size() && n <= (c == U'分' ? 5 : c == U'从' ? 8 : 10)) {
        size_t m = j;
        char32_t d = utf8::next(p, m);
        if (d == close && n >= 1) {
          // "分城乡看，" — the cue ends a clause of its own.
          size_t after = m;
          char32_t e = after < p.size() ? utf8::next(p, after) : U'，';
          if (e == U'，' || e == U'：' || e == ',' || e == ':') cues.push_back({i, m - i});
          break;
        }
        if (!text::is_cjk(d)) break;
        j = m;
        ++n;
      }
    }
    i = k;
  }
  std::sort(cues.begin(), cues.end());
  return cues;
}

// "专任教师中，具有博士学位的 312 人"; "在优良天数中，优 142 天、良 186 天": a clause that opens with a
// short noun phrase and 中 (no figure in it) splits the whole that phrase names. Offsets of the
// clauses' leads, their length up to the list, and the name (在 set aside), in text order.
struct NamedLead {
  size_t at = 0, len = 0;
  std::string_view name;
};

// Does nothing but blank lines stand between paragraph `pi` and the one above it (no heading, no table)?
bool only_blank_above(const Finder& fb, int pi) {
  const Document& doc = fb.fb.doc;
  for (int line = doc.paragraphs[pi - 1].last_line + 1; line < doc.paragraphs[pi].first_line; ++line)
    if (doc.lines[line - 1].kind != LineKind::Blank) return false;
  return true;
}

std::vector<NamedLead> named_leads(std::string_view p) {
  std::vector<NamedLead> leads;
  size_t start = 0;
  while (start < p.size()) {
    size_t i = start;
    while (i < p.size() && (p[i] == ' ' || p[i] == '\t')) ++i;
    size_t name_at = i;
    int n = 0;
    bool ok = false;
    size_t end = i;
    while (end < p.size() && n <= 14) {
      size_t k = end;
      char32_t c = utf8::next(p, k);
      if (c == U'中' && n >= 2 && k < p.size()) {
        size_t m = k;
        char32_t d = utf8::next(p, m);
        if (d == U'，' || d == U'：' || d == ',' || d == ':' || d == U'有') {
          ok = true;
          leads.push_back({i, (d == U'有' ? k : m) - i, {}});
          break;
        }
      }
      // (A name may hold digits and a dash of its own: 15岁及以上人口, 0—14岁人口; a lead holding a figure,
      // "全县 12 个乡镇中", is the among-frame's, set aside by the caller.)
      if (!text::is_cjk(c) && !(c >= '0' && c <= '9') && c != U'—' && c != U'－' && c != '-' && c != U'～' && c != ' ')
        break;
      end = k;
      ++n;
    }
    if (ok) {
      std::string_view name = p.substr(name_at, end - name_at);
      if (text::starts_with(name, "在")) name.remove_prefix(std::string_view("在").size());
      if (utf8::count_code_points(name) >= 2) leads.back().name = name;
      else leads.pop_back();
    }
    // The next clause: after 。！？； (a lead after a comma is too often a clause of the sentence before).
    size_t next = std::string_view::npos;
    for (std::string_view stop : {"。", "；", "！", "？"}) next = std::min(next, text::find(p, stop, start));
    if (next == std::string_view::npos) break;
    start = next + 3;
  }
  return leads;
}

// "直接就业的中职毕业生" is named by "直接就业的毕业生中，": the figure's own scope word inside its name (not
// at its head, where measures leave it out already) set aside, the name is the lead's. Returns `m` when
// so, "" otherwise.
std::string_view without_scope_word(std::string_view m, const std::string& scope, std::string_view name,
                                    const Vocabulary& v) {
  if (scope.empty() || m.size() <= name.size()) return {};
  const size_t cut = m.size() - name.size();
  for (size_t i = 0; i + cut <= m.size() && m.substr(0, i) == name.substr(0, i); ++i) {
    if (m.substr(i + cut) != name.substr(i)) continue;
    auto it = v.scope_of_word.find(m.substr(i, cut));
    if (it != v.scope_of_word.end() && it->second == scope) return m;
  }
  return {};
}

// Does the text between two figures join them as items of one list: one 、 or one 和/及/与 (list_and),
// the second item's name or the first's classifier and noun around it, and no clause break or bracket?
bool joins_list_items(std::string_view gap, const Vocabulary& v) {
  std::string g = text::remove_spaces(gap);
  if (g.size() > 60) return false;  // a long stretch between them is more than a name
  for (std::string_view stop : {"，", "；", "。", "：", "（", "）", ",", ";", ":", "(", ")"})
    if (text::contains(g, stop)) return false;
  if (text::contains_any(g, v.list("breakdown"))) return false;
  int joints = 0;
  for (size_t at = text::find(g, "、"); at != std::string::npos; at = text::find(g, "、", at + 1)) ++joints;
  for (const auto& w : v.list("list_and").words())
    if (text::contains(g, w)) ++joints;
  // (以及 holds 及: one joint either way.)
  if (text::contains(g, "以及")) --joints;
  return joints == 1;
}

// Is the word found at `at` of `t` part of a longer word that does not say "all" (人均, 平均, 共同)?
bool inside_other_word(std::string_view t, size_t at, std::string_view word, const Vocabulary& v) {
  for (const WordList* l : {&v.list("per_unit"), &v.list("list_all_stop")})
    for (const auto& s : l->words())
      for (size_t o = text::find(s, word); o != std::string_view::npos; o = text::find(s, word, o + 1))
        if (o <= at && t.substr(at - o, s.size()) == s) return true;
  return false;
}

// Does the text after a list say it is about all of its items (全部达到, 均通过, 共…)?
bool says_all_of_list(std::string_view after, const Vocabulary& v) {
  for (const auto& w : v.list("list_all").words())
    for (size_t at = text::find(after, w); at != std::string_view::npos; at = text::find(after, w, at + 1))
      if (!inside_other_word(after, at, w, v)) return true;
  return false;
}

}  // namespace

// (Declared in breakdowns.h.)
CountList count_list_before(const FactBase& fb, const std::vector<Statement>& st, int last, uint32_t end) {
  CountList out;
  const Quantity& l = fb.q(last);
  if (l.paragraph < 0 || end < l.unit_end) return out;
  const Vocabulary& v = *fb.vocab;
  std::string_view p = fb.para_text(l.paragraph);
  auto counted = [&](const Quantity& x) {
    return x.kind == QuantityKind::Number && !x.unit.empty() && !x.malformed && x.approx == Approx::None &&
           st[x.id].type == ValueType::Level && !st[x.id].previous && !st[x.id].target;
  };
  if (!counted(l)) return out;
  const auto& ids = fb.by_paragraph[l.paragraph];
  size_t k = std::lower_bound(ids.begin(), ids.end(), last) - ids.begin();
  // (No figure between the list and `end`: the list is what the text after it is about.)
  if (k + 1 < ids.size() && fb.q(ids[k + 1]).para_begin < end) return out;
  out.members.push_back(last);
  for (; k > 0 && out.members.size() < 20; --k) {
    const Quantity& prev = fb.q(ids[k - 1]);
    const Quantity& cur = fb.q(out.members.back());
    if (prev.sentence != cur.sentence || !counted(prev) || measured(prev) != measured(cur)) break;
    if (!joins_list_items(p.substr(prev.unit_end, cur.para_begin - prev.unit_end), v)) break;
    out.members.push_back(prev.id);
  }
  if (out.members.size() < 2) return CountList{};
  std::reverse(out.members.begin(), out.members.end());
  out.closed = says_all_of_list(p.substr(l.unit_end, end - l.unit_end), v);
  return out;
}

// (Declared in breakdowns.h.)
CountList count_list_of_part(const FactBase& fb, const std::vector<Statement>& st, int part) {
  const Quantity& q = fb.q(part);
  if (q.paragraph < 0) return {};
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t s0 = fb.sentence_start(q.paragraph, q.para_begin);
  // The 其中 the part follows, in its sentence, with no figure of its unit between them (床位超过 200 张的
  // 15 家 qualifies the part).
  size_t cue = std::string_view::npos;
  for (const auto& w : fb.vocab->list("breakdown")) {
    size_t at = text::rfind(p.substr(s0, q.para_begin - s0), w);
    if (at != std::string_view::npos && (cue == std::string_view::npos || s0 + at > cue)) cue = s0 + at;
  }
  if (cue == std::string_view::npos) return {};
  const auto& ids = fb.by_paragraph[q.paragraph];
  size_t k = std::lower_bound(ids.begin(), ids.end(), part) - ids.begin();
  for (; k > 0 && fb.q(ids[k - 1]).para_begin > cue; --k)
    if (measured(fb.q(ids[k - 1])) == measured(q)) return {};
  // Where the list may be: the sentence before 其中, or the one before when 其中 opens a sentence.
  uint32_t w0 = s0;
  if (text::trim(p.substr(s0, cue - s0)).empty() && s0 > 0) w0 = fb.sentence_start(q.paragraph, s0 - 1);
  for (; k > 0; --k) {
    const Quantity& w = fb.q(ids[k - 1]);
    if (w.para_begin < w0) break;
    if (measured(w) == measured(q)) return count_list_before(fb, st, w.id, static_cast<uint32_t>(cue));
  }
  return {};
}

// (Declared in breakdowns.h.)
std::string_view opening_topic(std::string_view text) {
  std::vector<NamedLead> leads = named_leads(text);
  size_t first = 0;
  while (first < text.size() && (text[first] == ' ' || text[first] == '\t')) ++first;
  return !leads.empty() && leads[0].at == first ? leads[0].name : std::string_view{};
}

namespace {

// The figure a lead names: the one figure of `unit` before the lead, in its paragraph or the paragraph
// right above it, whose name is the lead's name (专任教师) or ends with it (乡镇卫生院 for 卫生院). A
// figure named exactly wins over one whose name only ends with it; figures of two values leave it open.
int named_whole(const Finder& fb, int pi, size_t cue_at, std::string_view name, const std::string& unit) {
  const Vocabulary& v = *fb.fb.vocab;
  int exact = -1, ending = -1;
  bool exact_two = false, ending_two = false;
  // (A count's 数 set aside on both sides: 优良天数 names 空气质量优良天数, 专任教师 names 专任教师数.)
  auto core = [&](std::string_view m) {
    std::string_view suffix = text::ends_with_any(m, v.list("measure_suffix_stop"));
    if (suffix.size() < m.size()) m.remove_suffix(suffix.size());
    return m;
  };
  const std::string spaced = text::remove_spaces(name);  // measures are kept without spaces
  name = core(spaced);
  // "全市常住人口中": the words of the whole area or the year before a name are no part of it.
  for (std::string_view w; !(w = text::starts_with_any(name, v.list("city_scope"))).empty() ||
                           !(w = text::starts_with_any(name, v.list("measure_prefix_stop"))).empty();)
    name.remove_prefix(w.size());
  if (utf8::count_code_points(name) < 2) return -1;
  // "初中在校生中，": a school level before the name is the figure's scope (its measure is 在校生), so the
  // whole is a figure of the name in that scope.
  std::string scope;
  {
    std::string_view level;
    for (const auto& sc : v.scopes)
      for (const auto& w : sc.words)
        if (w.size() > level.size() && text::starts_with(name, w)) {
          level = w;
          scope = sc.id;
        }
    if (!scope.empty() && utf8::count_code_points(name.substr(level.size())) >= 2) name.remove_prefix(level.size());
    else scope.clear();
  }
  auto same = [&](int a, int b) { return fb.q(a).value == fb.q(b).value && fb.q(a).unit == fb.q(b).unit; };
  // "中等职业学校 5 所。中职学校中，…", "普通高级中学 12 所。普通高中中，…": a lead naming a kind of school by
  // one of its words names a figure named by another word of that kind.
  auto kind_of = [&](std::string_view word) {
    auto it = v.scope_of_word.find(word);
    return it == v.scope_of_word.end() ? std::string_view() : std::string_view(it->second);
  };
  const std::string_view name_kind = kind_of(name);
  auto look = [&](int para, size_t before) {
    const auto& ids = fb.fb.by_paragraph[para];
    for (size_t k = first_at(fb, ids, before), n = 0; k > 0 && n < 200; ++n) {
      const Quantity& q = fb.q(ids[--k]);
      if (!fb.countable(q) || measured(q) != unit || (!scope.empty() && q.scope != scope)) continue;
      std::string_view m = core(fb.st[q.id].measure);
      if (m == name || (!name_kind.empty() && kind_of(m) == name_kind) || m == without_scope_word(m, q.scope, name, v)) {
        exact_two |= exact >= 0 && !same(exact, q.id);
        if (exact < 0) exact = q.id;
      } else if (text::ends_with(m, name)) {
        ending_two |= ending >= 0 && !same(ending, q.id);
        if (ending < 0) ending = q.id;
      }
    }
  };
  look(pi, cue_at);
  if (pi > 0 && only_blank_above(fb, pi)) look(pi - 1, fb.para_text(pi - 1).size());
  if (exact >= 0) return exact_two ? -1 : exact;
  return ending_two ? -1 : ending;
}

}  // namespace

// "城镇 60 周岁及以上老年人口 A，农村 B": a part named by its class and a measure — the measure a whole
// must be of (not the 15—64 岁人口 above).
std::string_view measure_after_class(std::string_view label, const Vocabulary& v) {
  for (const auto& part : v.partitions)
    for (const auto& member : part.members)
      if (text::starts_with(label, member) && utf8::count_code_points(label.substr(member.size())) >= 3)
        return label.substr(member.size());
  return {};
}

namespace {

// The one countable figure of `unit` in the paragraph right above paragraph `pi` (blank lines between),
// -1 when there is none or more than one, or when the parts name another measure than its own.
int only_figure_above(Finder& fb, int pi, const std::string& unit, const std::vector<int>& parts) {
  if (pi == 0 || !only_blank_above(fb, pi)) return -1;
  int only = -1;
  for (int id : fb.fb.by_paragraph[pi - 1]) {
    const Quantity& q = fb.q(id);
    if (measured(q) != unit || !fb.countable(q)) continue;
    // (Last year's level, a goal, a change: no figure the classes could split.)
    const Statement& t = fb.st[id];
    if (t.type != ValueType::Level || t.previous || t.target) continue;
    if (nested_in_paren(fb, fb.para_text(pi - 1), 0, q.para_begin)) continue;  // "目标任务（20 万人次）的"
    if (only >= 0) return -1;
    only = id;
  }
  if (only < 0) return -1;
  const std::string whole = text::remove_spaces(fb.st[only].measure);
  for (int id : parts) {
    if (measured(fb.q(id)) != unit) continue;
    const std::string label = text::remove_spaces(fb.q(id).label);
    std::string_view m = measure_after_class(label, *fb.fb.vocab);
    if (!m.empty() && !text::ends_with(whole, m) && !text::ends_with(m, whole)) return -1;
    break;  // the first part of the unit says it
  }
  return only;
}

// The whole of a 其中 list that opens paragraph `pi`: the one figure of the unit in the last sentence
// of the paragraph above, when nothing but blank lines stands between them (a heading or a table
// does). Two such figures ("收入 186,420 万元，为预算 182,230 万元的…") leave it open, and a sentence
// that is itself a list of parts has none to give. Figures that are not levels are kept as rivals.
int whole_above(Finder& fb, int pi, const std::string& unit, std::vector<Message>& rivals) {
  if (pi == 0) return -1;
  if (!only_blank_above(fb, pi)) return -1;
  const auto& ids = fb.fb.by_paragraph[pi - 1];
  if (ids.empty()) return -1;
  std::string_view p = fb.para_text(pi - 1);
  uint32_t w0 = fb.sentence_start(pi - 1, fb.q(ids.back()).para_begin);
  if (!breakdown_cues(p.substr(w0), *fb.fb.vocab).empty()) return -1;
  int whole = -1, wholes = 0;
  std::vector<Message> passed;
  for (size_t k = ids.size(), n = 0; k > 0 && n < 60; ++n) {
    const Quantity& q = fb.q(ids[--k]);
    if (q.para_begin < w0) break;
    if (measured(q) != unit || nested_in_paren(fb, p, w0, q.para_begin)) continue;
    if (fb.countable(q)) {
      whole = q.id;
      ++wholes;
      continue;
    }
    const Statement& t = fb.st[q.id];
    if (t.type != ValueType::Level || t.previous)
      passed.push_back(t.previous ? Message("why.rival_previous", {{"figure", q.text}})
                                  : Message("why.rival_type", {{"figure", q.text}, {"type", to_string(t.type)}}));
  }
  if (wholes != 1) return -1;
  rivals.insert(rivals.end(), passed.begin(), passed.end());
  return whole;
}

// Parts told apart by school level (小学在校生, 初中在校生) add up to their whole only when its scope is
// declared to split into exactly those levels (义务教育 = 小学 + 初中): the students of every level
// have more in them than a list of two.
bool levels_complete(const Finder& fb, const Quantity& whole, const std::vector<int>& parts) {
  const Vocabulary& v = *fb.fb.vocab;
  const WordList& levels = v.list("school_levels");
  std::set<std::string> named;
  bool leveled = false;
  for (int id : parts) {
    named.insert(fb.q(id).scope);
    leveled |= levels.is_word(fb.q(id).scope);
  }
  if (!leveled) return true;
  for (const auto& sc : v.scopes)
    if (sc.id == whole.scope)
      return named == std::set<std::string>(sc.parts.begin(), sc.parts.end()) && named.size() == parts.size();
  return false;
}

// The whole of the earlier list `part` is a part of, or -1. A list that opens its sentence with a
// dimension cue (按学历分，…) right after a list by another dimension (按类别分，执业医师 …，药师 186 人。)
// splits that list's whole: the last part before it is not its whole.
int whole_of_list_before(const Finder& fb, int part) {
  for (const auto& b : fb.out)
    if (b.whole != part && std::find(b.parts.begin(), b.parts.end(), part) != b.parts.end()) return b.whole;
  return -1;
}

// The last character of a measure's head noun, a count's 数 set aside (在校生数 → 生, 户籍人口 → 口).
std::string_view head_char(std::string_view m, const Vocabulary& v) {
  std::string_view suffix = text::ends_with_any(m, v.list("measure_suffix_stop"));
  if (suffix.size() < m.size()) m.remove_suffix(suffix.size());
  if (m.empty()) return m;
  size_t k = m.size();
  utf8::prev(m, k);
  return m.substr(k);
}

// "在校生 8650 人，其中留学生 120 人，折合在校生数 9130 人": after a comma, a figure larger than the whole
// and named by the whole's head noun (折合在校生, 户籍人口 after 常住人口) is the whole counted another
// way — the list ended before it. A member of a partition (农村人口 after 城镇人口) stays a part.
void drop_restatements(const Finder& fb, const Quantity& w, std::vector<int>& parts, std::vector<std::string>& labels) {
  const Vocabulary& v = *fb.fb.vocab;
  std::string_view head = head_char(fb.st[w.id].measure, v);
  if (head.empty()) return;
  for (size_t i = 1; i < parts.size(); ++i) {
    const Quantity& q = fb.q(parts[i]);
    const Quantity& prev = fb.q(parts[i - 1]);
    if (q.paragraph != prev.paragraph || q.para_begin < prev.unit_end) continue;
    std::string_view gap = fb.para_text(q.paragraph).substr(prev.unit_end, q.para_begin - prev.unit_end);
    Interval qi = q.interval(), wi = w.interval();
    if (!text::contains(gap, "，") || qi.lo_inf || wi.hi_inf || !(qi.lo > wi.hi)) continue;
    if (head_char(fb.st[q.id].measure, v) != head || !member_named(q.label, v).empty()) continue;
    // Named by the whole's full name and more (获奖学生 of 学生): a group of the whole, too large.
    if (text::contains(fb.st[q.id].measure, fb.st[w.id].measure)) continue;
    parts.resize(i);
    labels.resize(i);
    return;
  }
}

// "其中国家级 3 项、省级 12 项，另获发明专利 4 项": a list joined by 、 ends at a comma before a figure
// named by a noun of its own — neither the whole's head noun nor any part's, nor a category alone
// (国家级, 公办: measure_key ""). That figure is a new statement, not one more part. A list joined by
// commas throughout gives no such sign, and is left as it is.
std::string measure_key(const Finder& fb, const Quantity& q);

void end_before_new_noun(const Finder& fb, const Quantity& w, std::vector<int>& parts, std::vector<std::string>& labels) {
  const Vocabulary& v = *fb.fb.vocab;
  if (parts.size() < 3) return;
  std::set<std::string_view> heads{head_char(fb.st[w.id].measure, v)};
  for (size_t i = 1; i < parts.size(); ++i) {
    const Quantity& q = fb.q(parts[i]);
    const Quantity& prev = fb.q(parts[i - 1]);
    heads.insert(head_char(fb.st[prev.id].measure, v));
    if (q.paragraph != prev.paragraph || q.para_begin < prev.unit_end) return;
    std::string_view gap = fb.para_text(q.paragraph).substr(prev.unit_end, q.para_begin - prev.unit_end);
    if (!text::contains(gap, "，")) {
      if (!text::contains(gap, "、")) return;
      continue;
    }
    // At least two parts joined by 、 before the comma.
    if (i < 2) return;
    std::string_view m = fb.st[q.id].measure;
    if (measure_key(fb, q).empty() || utf8::count_code_points(m) < 2 || !member_named(q.label, v).empty() ||
        heads.count(head_char(m, v)))
      return;
    parts.resize(i);
    labels.resize(i);
    return;
  }
}

// What a whole or part counts, to pair them: its pack metric (在校生 and 在校学生 are both students),
// else its head noun's last character.
// The measure a part or whole is of, for telling which whole a part goes with: its metric, else the
// last character of its head noun; "" for a figure named by a category alone (中职 64 个, 公办 12 所,
// 国家级 3 个), which has no measure of its own and goes with the nearest whole.
std::string measure_key(const Finder& fb, const Quantity& q) {
  if (!q.metric.empty()) return "metric:" + q.metric;
  const Vocabulary& v = *fb.fb.vocab;
  std::string_view m = fb.st[q.id].measure;
  if (v.scope_words.is_word(m)) return "";
  for (const auto& part : v.partitions)
    for (const auto& member : part.members)
      if (m == member) return "";
  auto classes = v.words.find("disjoint_classes");
  if (classes != v.words.end())
    for (const auto& c : classes->second)
      if (m == c) return "";
  // "具有博士学位的 312 人": a name that ends in 的 leaves its noun unsaid.
  if (text::ends_with(m, "的")) return "";
  return std::string(head_char(m, v));
}

// "学校 182 所，在校学生 7.86 万人，专任教师 5630 人。其中，普通高中 6 所，在校生 1.12 万人": the
// parts of one unit may belong to different wholes of that unit. A part whose measure is not the
// nearest whole's but an earlier whole's (在校生 of 在校学生, not of 专任教师) goes with that one;
// the others stay with the nearest. The lists, each with its whole, in text order of wholes.
std::vector<std::pair<int, std::vector<int>>> wholes_by_measure(const Finder& fb, int whole,
                                                                const std::vector<int>& parts, uint32_t w0) {
  const Quantity& w = fb.q(whole);
  std::string_view p = fb.para_text(w.paragraph);
  const auto& ids = fb.fb.by_paragraph[w.paragraph];
  // The earlier figures that could be wholes: countable, of the nearest whole's unit, nearest first.
  std::vector<int> earlier;
  for (size_t k = first_at(fb, ids, w.para_begin); k > 0;) {
    const Quantity& q = fb.q(ids[--k]);
    if (q.para_begin < w0) break;
    if (fb.countable(q) && measured(q) == measured(w) && !nested_in_paren(fb, p, w0, q.para_begin)) earlier.push_back(q.id);
  }
  std::map<int, std::vector<int>> lists;
  const std::string nearest_key = measure_key(fb, w);
  for (int id : parts) {
    int own = whole;
    std::string key = measure_key(fb, fb.q(id));
    if (!key.empty() && key != nearest_key)
      for (int e : earlier)
        if (measure_key(fb, fb.q(e)) == key) {
          own = e;
          break;
        }
    lists[own].push_back(id);
  }
  return {lists.begin(), lists.end()};
}

// The figure of `unit` before the sentence of `w` that the figures of that unit in w's sentence add up
// to (男生 a，女生 b after 毕业生 a + b), or -1.
int whole_of_siblings(const Finder& fb, const std::vector<int>& ids, const Quantity& w, const std::string& unit) {
  Interval sum = Interval::exact(Rational(0));
  size_t k = first_at(fb, ids, w.para_begin);
  size_t end = k;
  while (end < ids.size() && fb.q(ids[end]).sentence == w.sentence) ++end;
  while (k > 0 && fb.q(ids[k - 1]).sentence == w.sentence) --k;
  int n = 0;
  for (size_t j = k; j < end; ++j) {
    const Quantity& o = fb.q(ids[j]);
    if (!fb.countable(o) || measured(o) != unit) continue;
    sum = sum + o.interval();
    ++n;
  }
  if (n < 2) return -1;
  for (size_t j = k, seen = 0; j > 0 && seen < 40; ++seen) {
    const Quantity& o = fb.q(ids[--j]);
    if (fb.countable(o) && measured(o) == unit && o.interval().intersects(sum)) return o.id;
  }
  return -1;
}

// Is w one of two or more figures of `unit` in its sentence joined as a list (男生 a，女生 b)?
bool part_of_siblings_run(const Finder& fb, const std::vector<int>& ids, const Quantity& w, const std::string& unit) {
  int n = 0;
  size_t k = first_at(fb, ids, w.para_begin);
  while (k > 0 && fb.q(ids[k - 1]).sentence == w.sentence) --k;
  for (; k < ids.size() && fb.q(ids[k]).sentence == w.sentence; ++k)
    n += fb.countable(fb.q(ids[k])) && measured(fb.q(ids[k])) == unit;
  return n >= 2;
}

// "全市有城市社区 412 个、行政村 2386 个，其中建成综合服务设施 2798 个": after a run of figures of one unit,
// a 其中 may split the run's total rather than its last item. When a part exceeds the last item, does not
// name it (标准化村卫生室 names 村卫生室) and fits in the run's total, the list is left unread: which whole it
// splits cannot be told.
bool whole_may_be_run_total(const Finder& fb, const Quantity& w, const std::vector<int>& parts) {
  const auto& ids = fb.fb.by_paragraph[w.paragraph];
  std::string_view p = fb.para_text(w.paragraph);
  const Vocabulary& v = *fb.fb.vocab;
  // The run: w and the figures of its unit right before it, back to a ；, a 其中 or another kind of figure.
  Interval total = w.interval();
  int n = 1;
  for (size_t k = first_at(fb, ids, w.para_begin), next = w.para_begin; k > 0;) {
    const Quantity& o = fb.q(ids[--k]);
    if (o.sentence != w.sentence || !fb.countable(o) || measured(o) != measured(w) || o.unit_end > next) break;
    std::string_view gap = p.substr(o.unit_end, next - o.unit_end);
    if (text::contains(gap, "；") || text::contains_any(gap, v.list("breakdown"))) break;
    total = total + o.interval();
    ++n;
    next = o.para_begin;
  }
  if (n < 2) return false;
  std::string_view whole_measure = fb.st[w.id].measure;
  for (int id : parts) {
    const Quantity& q = fb.q(id);
    if (!whole_measure.empty() && text::contains(fb.st[id].measure, whole_measure)) continue;
    if (w.interval().hi_inf || q.interval().lo_inf || total.hi_inf) continue;
    if (q.interval().lo > w.interval().hi && !(q.interval().lo > total.hi)) return true;
  }
  return false;
}

// Are the labels classes of one dimension, as a 按…分 / 分…看 list names them: two at least, none holding
// another (本科以上 and 硕士以上 nest), no two open at the same end of a scale (以上, 以下)?
bool classes_of_one_dimension(const std::vector<std::string>& labels, const Vocabulary& v) {
  if (labels.size() < 2) return false;
  for (const auto& l : labels)
    if (utf8::count_code_points(l) < 1) return false;
  for (size_t i = 0; i < labels.size(); ++i)
    for (size_t j = 0; j < labels.size(); ++j)
      if (i != j && text::contains(labels[i], labels[j])) return false;
  for (const auto& bound : v.list("share_set_bounds")) {
    int n = 0;
    for (const auto& l : labels) n += text::contains(l, bound);
    if (n > 1) return false;
  }
  return true;
}

const std::vector<int>& ids_of(const Finder& fb, const Quantity& q) { return fb.fb.by_paragraph[q.paragraph]; }

// "共建产业学院 210 个，其中中职 82 个、高职 128 个；…；试点专业 183 个，其中中职 71 个、高职 102 个": classes
// that split another whole of the sentence exactly (82 + 128 = 210) are a complete split here too.
bool classes_complete_before(const Finder& fb, const Quantity& w, const std::vector<std::string>& labels) {
  if (labels.size() < 2) return false;
  std::vector<std::string> mine = labels;
  std::sort(mine.begin(), mine.end());
  if (std::adjacent_find(mine.begin(), mine.end()) != mine.end()) return false;
  // fb.out holds the lists found so far, paragraph by paragraph: those of w's paragraph are at its end (a
  // walk over all of them made a long document quadratic). Table and earlier lists end the walk.
  for (auto it = fb.out.rbegin(); it != fb.out.rend(); ++it) {
    const Breakdown& b = *it;
    const Quantity& o = fb.q(b.whole);
    if (o.paragraph != w.paragraph) break;
    if (b.whole == w.id || o.sentence != w.sentence || b.parts.size() != labels.size()) continue;
    std::vector<std::string> theirs;
    Interval sum = Interval::exact(Rational(0));
    for (int id : b.parts) {
      theirs.push_back(fb.q(id).label);
      sum = sum + fb.q(id).interval();
    }
    std::sort(theirs.begin(), theirs.end());
    if (theirs == mine && sum.intersects(o.interval())) return true;
  }
  return false;
}

// "乡镇卫生院 28 个、村卫生室 410 个，其中标准化村卫生室 …": a part whose name holds the name of the last item
// of a list before 其中 is that item's part, not one of the list's sum.
bool names_last_item(const Finder& fb, int last, const std::vector<int>& parts, const std::string& unit) {
  const std::string item = text::remove_spaces(fb.st[last].measure);
  if (utf8::count_code_points(item) < 2) return false;
  for (int id : parts)
    if (measured(fb.q(id)) == unit) return text::contains(text::remove_spaces(fb.st[id].measure), item);
  return false;
}

void qizhong_breakdowns(Finder& fb, int pi) {
  std::string_view p = fb.para_text(pi);
  const auto& ids = fb.fb.by_paragraph[pi];
  auto cues = breakdown_cues(p, *fb.fb.vocab);
  // Leads that name their whole ("专任教师中，…") open lists as 其中 does; their whole is looked up by name.
  std::map<size_t, NamedLead> lead_names;
  for (const auto& l : named_leads(p)) {
    // A lead that holds a figure ("全县 12 个乡镇中，") states its whole itself.
    size_t f = first_at(fb, ids, l.at);
    if (f < ids.size() && fb.q(ids[f]).para_begin < l.at + l.len) continue;
    bool taken = false;
    for (const auto& c : cues) taken |= c.first < l.at + l.len && l.at < c.first + c.second;
    if (!taken) lead_names[l.at] = l;
  }
  for (const auto& [at, l] : lead_names) cues.push_back({at, l.len});
  std::sort(cues.begin(), cues.end());
  for (size_t ci = 0; ci < cues.size(); ++ci) {
    {
      size_t cue_at = cues[ci].first;
      auto named_it = lead_names.find(cue_at);
      std::string_view lead_name = named_it == lead_names.end() ? std::string_view() : named_it->second.name;
      // A 其中 inside parentheses belongs to the parenthesised breakdown.
      if (nested_in_paren(fb, p, fb.sentence_start(pi, cue_at), cue_at)) continue;
      uint32_t s0 = fb.sentence_start(pi, cue_at);
      uint32_t s1 = fb.sentence_end(pi, cue_at);
      // Where the whole may be: the same sentence before 其中, or the previous
      // sentence when 其中 opens a sentence.
      uint32_t w0 = s0;
      std::string_view lead = text::trim(p.substr(s0, cue_at - s0));
      if (lead.empty() && s0 > 0) w0 = fb.sentence_start(pi, s0 - 1);
      // Parts: figures after 其中 up to the sentence end (or the next 其中), not nested in a
      // part's parentheses; a list has at most a few dozen parts.
      for (size_t cj = ci + 1; cj < cues.size() && cues[cj].first < s1; ++cj)
        if (!nested_in_paren(fb, p, cue_at, cues[cj].first)) {
          s1 = static_cast<uint32_t>(cues[cj].first);
          break;
        }
      s1 = list_end(fb, pi, cue_at, w0, s1);
      std::vector<int> parts;
      for (size_t k = first_at(fb, ids, cue_at); k < ids.size() && parts.size() < 40; ++k) {
        int id = ids[k];
        const Quantity& q = fb.q(id);
        if (q.para_begin >= s1) break;
        if (!fb.countable(q) || nested_in_paren(fb, p, cue_at, q.para_begin)) continue;
        // "其中女性 318 人，每十万人口拥有百岁老人 10.66 人": a value per head after parts that are not is
        // said of the whole, not one more part; the list ends before it.
        if (!parts.empty() && is_per_head(q.label, *fb.fb.vocab) &&
            std::none_of(parts.begin(), parts.end(), [&](int e) { return is_per_head(fb.q(e).label, *fb.fb.vocab); }))
          break;
        // A part restated later in the sentence ("一等奖 19 个（个人赛…）") is not another part.
        bool again = false;
        for (int e : parts) again |= fb.q(e).label == q.label && fb.q(e).value == q.value && fb.q(e).unit == q.unit;
        if (!again) parts.push_back(id);
      }
      // Group the parts by unit; each group's whole is the nearest earlier figure of that unit.
      std::set<std::string> units;
      for (int id : parts) units.insert(measured(fb.q(id)));
      bool respectively = false;
      size_t resp_at = std::string_view::npos;
      for (const auto& r : fb.fb.vocab->list("respectively")) {
        size_t rp = p.substr(0, s1).find(r, cue_at);
        if (rp != std::string_view::npos && rp < s1) {
          respectively = true;
          resp_at = std::min(resp_at, rp + r.size());
        }
      }
      if (respectively) {
        // The values of 分别为 are the run right after it: "分别为 276 人、1135 人、2814 人".
        std::vector<int> run;
        uint32_t prev = static_cast<uint32_t>(resp_at);
        for (int id : parts) {
          const Quantity& q = fb.q(id);
          if (q.para_begin < resp_at) continue;
          std::string gap = text::remove_spaces(p.substr(prev, q.para_begin - prev));
          if (!run.empty() && !(gap == "、" || gap == "，" || gap == "和" || gap == "及" || gap == "、和")) break;
          if (run.empty() && !gap.empty() && gap != "：") break;
          run.push_back(id);
          prev = q.unit_end;
        }
        if (run.size() >= 2) parts = run;
        else respectively = false;
      }
      for (const auto& unit : units) {
        int whole = -1;
        // "其中：资金闲置 A 亿元；…；42 个项目效益不佳，涉及资金 B 亿元": one figure of another unit than the
        // list's first part says what an item is about; it is no list of its own.
        if (!parts.empty() && unit != measured(fb.q(parts[0]))) {
          int n = 0, only = -1;
          for (size_t j = 0; j < parts.size(); ++j)
            if (measured(fb.q(parts[j])) == unit) {
              ++n;
              only = static_cast<int>(j);
            }
          // …followed in its clause by an amount of the list's unit.
          if (n == 1 && only + 1 < static_cast<int>(parts.size())) {
            const Quantity& a = fb.q(parts[only]);
            const Quantity& b = fb.q(parts[only + 1]);
            std::string_view between = p.substr(a.unit_end, b.para_begin - a.unit_end);
            if (measured(b) == measured(fb.q(parts[0])) && !text::contains(between, "；") && !text::contains(between, "。"))
              continue;
          }
        }
        // The nearest earlier figure of that unit (looking back a bounded distance).
        size_t k = first_at(fb, ids, cue_at);
        std::vector<Message> rivals;
        std::vector<std::string_view> counted;  // the categories a figure passed over counts
        for (size_t n = 0; lead_name.empty() && k > 0 && n < 60; ++n) {
          const Quantity& q = fb.q(ids[--k]);
          if (q.para_begin < w0) break;
          if (measured(q) != unit || nested_in_paren(fb, p, w0, q.para_begin)) continue;
          if (fb.countable(q) && counted.empty() && !(counted = names_counted(fb, q)).empty()) continue;
          if (fb.countable(q) && counts_categories_passed(fb, q, parts)) continue;
          if (fb.countable(q) && fb.fb.base_of_rate(q)) continue;
          // "每千人拥有指导员 4.67 人；其中国家级 86 人…": a value per head is no whole; the list splits
          // the count before it.
          if (fb.countable(q) && is_per_head(q.label, *fb.fb.vocab)) continue;
          if (fb.countable(q)) {
            whole = q.id;
            break;
          }
          // A change, a growth rate or last year's level is not the whole: the list refers back past it.
          const Statement& t = fb.st[q.id];
          if (t.type != ValueType::Level || t.previous)
            rivals.push_back(t.previous ? Message("why.rival_previous", {{"figure", q.text}})
                                        : Message("why.rival_type", {{"figure", q.text}, {"type", to_string(t.type)}}));
        }
        // "96 个乡镇卫生院、168 个社区卫生服务中心全部达到…，其中…": after a list of counts of the unit the
        // list's whole is their sum, stated nowhere — not its last item. No list is proposed; the share
        // check reads the sum (count_list_of_part) when the text says the list is about all its items.
        if (whole >= 0 && !names_last_item(fb, whole, parts, unit) &&
            !count_list_before(fb.fb, fb.st, whole, static_cast<uint32_t>(cue_at)).members.empty())
          continue;
        // "全年地区生产总值 2856.40 亿元。⏎其中，第一产业增加值…": a paragraph that opens with 其中
        // goes on from the last sentence of the paragraph right above it (a report's lines are often
        // its paragraphs).
        if (whole < 0 && lead.empty() && s0 == 0 &&
            !text::starts_with_any(p.substr(cue_at), fb.fb.vocab->list("breakdown")).empty())
          whole = whole_above(fb, pi, unit, rivals);
        // So does one that opens with a dimension ("按培训对象分：…", "分行业看，…") — of the one figure of its
        // unit in the paragraph above (a dimension splits a paragraph's headline figure, which its last
        // sentence, a basis or a 其中 part, need not be).
        else if (whole < 0 && lead.empty() && s0 == 0 && lead_name.empty())
          whole = only_figure_above(fb, pi, unit, parts);
        bool dimension_cue = text::starts_with_any(p.substr(cue_at), fb.fb.vocab->list("breakdown")).empty();
        // "…副高级职称的 358 人；从学位结构看，…": after a semicolon, a dimension cue opens its clauses as
        // it would a sentence.
        std::string_view clause_lead = lead;
        if (size_t semi = lead.rfind("；"); semi != std::string_view::npos)
          clause_lead = text::trim(lead.substr(semi + std::string_view("；").size()));
        // "医院中，公立医院 41 个，民营医院 55 个。按医院等级分：三级医院 12 个，…": a dimension's list whose
        // whole is only the nearest figure of an earlier sentence, no list's whole, may split a total the
        // report never states — it is kept as a subset, never read as classes adding up to at most it.
        bool guessed_whole = false;
        if (!lead_name.empty()) whole = named_whole(fb, pi, cue_at, lead_name, unit);
        else if (whole >= 0 && clause_lead.empty() && dimension_cue) {
          int above = whole_of_list_before(fb, whole);
          // (Unless the classes add up to the part itself and not to its list's whole: "就业 A 人，其中市内
          // 就业 B 人。按产业划分，…" of B.)
          if (above >= 0 && measured(fb.q(above)) == unit) {
            Interval sum = Interval::exact(Rational(0));
            for (int id : parts)
              if (measured(fb.q(id)) == unit) sum = sum + fb.q(id).interval();
            if (!(sum.intersects(fb.q(whole).interval()) && !sum.intersects(fb.q(above).interval()))) whole = above;
          } else if (fb.q(whole).para_begin < s0) {
            // …and the last of figures of its unit in its sentence (公立医院 41 个，民营医院 55 个).
            const Quantity& wq = fb.q(whole);
            size_t wk = first_at(fb, ids, wq.para_begin);
            for (size_t k = wk; k > 0 && !guessed_whole;) {
              const Quantity& o = fb.q(ids[--k]);
              if (o.sentence != wq.sentence) break;
              guessed_whole = measured(o) == unit && fb.countable(o);
            }
            // "毕业生 6842 人。男生 3915 人，女生 2927 人。从生源地看，…": when those figures add up to one
            // stated before them, that one is what the dimension splits.
            if (guessed_whole) {
              int total = whole_of_siblings(fb, ids, wq, unit);
              if (total >= 0) {
                whole = total;
                guessed_whole = false;
              }
            }
          }
        }
        if (whole < 0) continue;
        // A guessed whole that is one of several figures of its unit in its sentence (女生 after 男生) is a
        // sibling, not what the dimension splits: its list would be checked against the wrong figure.
        if (guessed_whole && part_of_siblings_run(fb, ids, fb.q(whole), unit)) continue;
        std::vector<int> of_unit;
        for (int id : parts)
          if (measured(fb.q(id)) == unit) of_unit.push_back(id);
        auto lists = lead_name.empty() ? wholes_by_measure(fb, whole, of_unit, w0)
                                       : std::vector<std::pair<int, std::vector<int>>>{{whole, of_unit}};
        for (const auto& [own_whole, own_parts] : lists) {
        int whole = own_whole;  // NOLINT: each list's own whole, from here on
        Breakdown b;
        b.whole = whole;
        b.rivals = rivals;
        std::vector<std::string> labels;
        for (int id : own_parts) {
          b.parts.push_back(id);
          labels.push_back(fb.q(id).label);
        }
        const Quantity& w = fb.q(whole);
        drop_restatements(fb, w, b.parts, labels);
        end_before_new_noun(fb, w, b.parts, labels);
        bool same_label = b.parts.size() >= 2 && !w.metric.empty();
        std::string wcore = core_label(w.label, *fb.fb.vocab);
        for (int id : b.parts)
          same_label = same_label && fb.q(id).metric == w.metric && core_label(fb.q(id).label, *fb.fb.vocab) == wcore;
        same_label = same_label && levels_complete(fb, w, b.parts);
        // "共发放助学金、免学费、奖学金…发放资金 X 万元。其中…" — as many parts as categories named with the whole.
        uint32_t from = std::max<uint32_t>(fb.sentence_start(w.paragraph, w.para_begin), w.para_begin > 240 ? w.para_begin - 240 : 0);
        const std::vector<std::string_view> items = categories_named(fb.between(w.paragraph, from, w.para_begin), *fb.fb.vocab);
        int named = items.size() >= 2 && parts_name_categories(fb, w, b.parts, items) ? static_cast<int>(items.size()) : 0;
        const Partition* part = complete_partition_of(labels, *fb.fb.vocab);
        if (part && part->whole_named && !text::contains_any(fb.q(whole).label, part->parents)) part = nullptr;
        std::string named_parts;
        if (b.parts.size() == 2)
          named_parts = parts_named_by_whole(fb.st[whole].measure, fb.st[b.parts[0]].measure, fb.st[b.parts[1]].measure);
        // (After a dimension, "分行业看，农业、牧业产值分别为 A 和 B" names some of its classes, not all.)
        if (b.parts.size() >= 2 && respectively && !dimension_cue &&
            !names_distinct_metrics(p.substr(cue_at, s1 - cue_at), *fb.fb.vocab)) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_each");
        } else if (part) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.categories", {{"members", fmt_join(part->members)}});
        } else if (b.parts.size() >= 2 && names_the_rest(fb.q(b.parts.back()).label, *fb.fb.vocab)) {
          // "国有单位 …，集体单位 …，其他单位 …": a last part naming the rest completes the list.
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_rest");
        } else if (!named_parts.empty()) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_named", {{"parts", named_parts}});
        } else if (same_label) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_same_measure");
        } else if (classes_complete_before(fb, w, labels)) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.classes_complete_before");
        } else if (named >= 2 && static_cast<int>(b.parts.size()) == named) {
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_named_categories", {{"n", std::to_string(named)}});
        } else if (!counted.empty() && parts_under_names(fb, b.parts, counted)) {
          // "专业 62 个，覆盖工学、理学、管理学 3 个学科门类。其中，工学专业 …": one part per category counted.
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.of_which_named_categories", {{"n", std::to_string(counted.size())}});
        } else if (dimension_cue && lead_name.empty() && classes_of_one_dimension(labels, *fb.fb.vocab) &&
                   !(guessed_whole && part_of_siblings_run(fb, ids_of(fb, w), w, unit))) {
          // "全年培训 12486 人次。按培训类型分：就业技能培训 …，岗位技能提升培训 …，创业培训 …": the classes one
          // dimension splits its whole into never overlap — their sum is at most the whole, though the list
          // may leave some out.
          b.kind = BreakdownKind::AtMost;
          b.why = Message("why.dimension_classes");
        } else if (guessed_whole) {
          b.kind = BreakdownKind::Subset;
          b.why = Message("why.of_which");
        } else if (disjoint_classes(labels, *fb.fb.vocab) &&
                   !text::contains_any(whole_words(fb, w), fb.fb.vocab->list("disjoint_classes"))) {
          // (Not when the whole is one of the classes: "省级示范校 20 所，其中国家级 …, 省级 …".)
          b.kind = BreakdownKind::AtMost;
          b.why = Message("why.of_which_disjoint");
        } else if (b.parts.size() == labels.size() && disjoint_members(labels, whole_words(fb, w), *fb.fb.vocab)) {
          b.kind = BreakdownKind::AtMost;
          b.why = Message("why.of_which_disjoint");
        } else if (b.parts.size() == labels.size() && classifier_classes(labels, whole_words(fb, w), *fb.fb.vocab)) {
          b.kind = BreakdownKind::AtMost;
          b.why = Message("why.of_which_disjoint");
        } else {
          b.kind = BreakdownKind::Subset;
          b.why = Message("why.of_which");
        }
        if (w.approx != Approx::None && b.kind == BreakdownKind::Sum) continue;
        if (lead_name.empty() && whole_may_be_run_total(fb, w, b.parts)) continue;
        if (!lead_name.empty() && b.kind == BreakdownKind::Subset)
          b.why = Message("why.lead_names_whole", {{"name", std::string(lead_name)}});
        add(fb, b);
        }
      }
    }
  }
}

// "面向第一产业就业276人、面向第二产业就业1135人、面向第三产业就业人数2716人" after
// "直接就业人数4127人": a complete partition following a whole named by its parent word.
void category_runs(Finder& fb, int pi, const std::vector<char>& in_breakdown) {
  const auto& ids = fb.fb.by_paragraph[pi];
  for (size_t k = 0; k < ids.size(); ++k) {
    const Quantity& first = fb.q(ids[k]);
    if (!fb.countable(first)) continue;
    std::vector<int> run{first.id};
    for (size_t j = k + 1; j < ids.size() && run.size() < 12; ++j) {
      const Quantity& q = fb.q(ids[j]);
      if (q.sentence != first.sentence || measured(q) != measured(first) || !fb.countable(q)) break;
      run.push_back(q.id);
    }
    if (run.size() < 2) continue;
    std::vector<std::string> labels;
    for (int id : run) labels.push_back(fb.q(id).label);
    const Partition* part = partition_of(labels, *fb.fb.vocab, true);
    if (!part || part->parents.empty()) continue;
    bool already = false;
    for (int id : run) already |= in_breakdown[id];
    if (already) continue;
    // The whole: nearest earlier figure of the same unit in this or the previous sentence whose
    // label carries a parent word.
    int whole = -1;
    for (size_t j = k > 60 ? k - 60 : 0; j < k; ++j) {
      const Quantity& q = fb.q(ids[j]);
      if (measured(q) == measured(first) && fb.countable(q) && q.sentence >= first.sentence - 1 &&
          text::contains_any(q.label, part->parents))
        whole = q.id;
    }
    // "就业毕业生 1486 人，其中本地就业 1012 人。按就业单位所属产业划分，第一产业 62 人，…": the nearest
    // figure is a 其中 part, and its list's whole carries a parent word too; the classes may split either.
    // The one they add up to is theirs; when they add up to neither, which one they miss is open. (A
    // list's whole the parent word does not name — 毕业生 over 其中直接就业 — is no candidate.)
    int list_whole = whole >= 0 ? whole_of_list_before(fb, whole) : -1;
    if (list_whole >= 0 && text::contains_any(fb.q(list_whole).label, part->parents)) {
      Interval sum = Interval::exact(Rational(0));
      for (int id : run) sum = sum + fb.q(id).interval();
      if (sum.intersects(fb.q(list_whole).interval())) whole = list_whole;
      else if (!sum.intersects(fb.q(whole).interval())) continue;
    }
    if (whole < 0 || fb.q(whole).approx != Approx::None) continue;
    Breakdown b;
    b.whole = whole;
    b.parts = run;
    b.kind = BreakdownKind::Sum;
    b.why = Message("why.categories", {{"members", fmt_join(part->members)}});
    add(fb, b);
    k += run.size() - 1;
  }
}

// "一般公共预算收入 12.36 亿元，上级补助收入 2.48 亿元，调入资金 0.86 亿元，收入合计 15.70 亿元": a run
// of amounts closed by one named 合计/总计/共计 is a sum. The run starts at the clause group (sentence
// start or ；) and must hold nothing but levels of the total's unit — a rate, a change or a figure in
// another unit and nothing is read; a run whose first figure is already a 其中 whole is that list's.
void totals_after_parts(Finder& fb, int pi, const std::vector<char>& in_breakdown) {
  const auto& ids = fb.fb.by_paragraph[pi];
  const Vocabulary& v = *fb.fb.vocab;
  std::string_view p = fb.para_text(pi);
  size_t start = 0;
  for (size_t k = 0; k < ids.size(); ++k) {
    const Quantity& t = fb.q(ids[k]);
    if (k > 0) {
      const Quantity& prev = fb.q(ids[k - 1]);
      std::string_view gap = p.substr(prev.unit_end, t.para_begin - std::min(t.para_begin, prev.unit_end));
      if (prev.sentence != t.sentence || text::contains(gap, "；") || text::contains(gap, ";")) start = k;
    }
    std::string_view cue = text::trim(p.substr(t.clause_begin, t.para_begin - std::min(t.para_begin, t.clause_begin)));
    for (std::string_view f : {"为", "达到", "达", "是"})
      if (text::ends_with(cue, f) && cue.size() > f.size()) cue = text::trim(cue.substr(0, cue.size() - f.size()));
    // A clause that is the total's word alone ("…，合计 9.46 亿元", "…，共 6182 人"), or a named total
    // ("收入合计 16.80 亿元") whose name the run's first amount carries (一般公共预算收入 …).
    std::string_view word = text::ends_with_any(cue, v.list("total_cue"));
    bool bare = cue == "共" || (!word.empty() && word.size() == cue.size());
    std::string_view named = word.empty() ? std::string_view() : cue.substr(0, cue.size() - word.size());
    if (!named.empty() && utf8::count_code_points(named) > 4) named = named.substr(named.size() - 12);
    // "…，合计新建学校 24 所", "两者合计为地方级税收收入 221.54 亿元": a clause that opens with the total's
    // word, then names what it totals; 两者 / 三者 also say how many figures it adds.
    size_t wanted = 0;
    std::string_view lead;
    if (!bare && named.empty()) {
      lead = text::starts_with_any(cue, v.list("total_lead"));
      bare = !lead.empty();
      if (text::starts_with(lead, "两者") || text::starts_with(lead, "二者")) wanted = 2;
      if (text::starts_with(lead, "三者")) wanted = 3;
    }
    if ((!bare && named.empty()) || !fb.countable(t) || t.approx != Approx::None) continue;
    if (k - start < 2 || (wanted && k - start != wanted)) continue;
    std::vector<int> parts;
    bool clean = true;
    for (size_t j = start; j < k && clean; ++j) {
      const Quantity& q = fb.q(ids[j]);
      clean = fb.countable(q) && measured(q) == measured(t) && q.approx == Approx::None && !in_breakdown[q.id] &&
              text::ends_with_any(q.label, v.list("total_cue")).empty();  // not another total
      parts.push_back(q.id);
    }
    if (clean && !bare && !text::contains(fb.q(parts.front()).label, named)) clean = false;
    // "收入 199.02 亿元，增长 4.0%。加上级补助收入 A、调入资金 B，收入总计 C": a run that opens with 加 adds
    // to a base before it (in another clause or sentence): the run alone does not make the total.
    if (clean) {
      const Quantity& first = fb.q(parts.front());
      std::string_view opening = text::trim(p.substr(first.clause_begin, first.para_begin - std::min(first.para_begin, first.clause_begin)));
      if (text::starts_with(opening, "加")) clean = false;
    }
    if (!clean) {
      start = k + 1;
      continue;
    }
    Breakdown b;
    b.whole = t.id;
    b.parts = parts;
    b.kind = BreakdownKind::Sum;
    b.why = Message("why.closed_by", {{"cue", std::string(cue == "共" ? cue : word.empty() ? lead : word)}});
    add(fb, b);
    start = k + 1;
  }
}

// "96 名选手参赛，评出一等奖 24 人、二等奖 38 人": the classes of one partition are disjoint, so what
// they count together cannot exceed the participants the sentence names before them.
void participant_runs(Finder& fb, int pi, const std::vector<char>& in_breakdown) {
  const auto& ids = fb.fb.by_paragraph[pi];
  const Vocabulary& v = *fb.fb.vocab;
  for (size_t k = 0; k < ids.size(); ++k) {
    const Quantity& w = fb.q(ids[k]);
    // People: each takes at most one class of a contest (a school or a team may take several).
    if (!fb.countable(w) || w.approx != Approx::None || in_breakdown[w.id] || w.dimension != "people") continue;
    std::string_view p = fb.para_text(pi);
    // The participants: the figure's label or the words right after it name taking part.
    std::string_view after = p.substr(w.unit_end, std::min<size_t>(p.size() - w.unit_end, 60));
    for (std::string_view stop : {"，", "；", "。", "、"}) after = after.substr(0, text::find(after, stop));
    bool takes_part = text::contains_any(w.label, v.list("participants")) ||
                      text::contains_any(after.substr(0, std::min<size_t>(after.size(), 18)), v.list("participants")) ||
                      ((text::contains(after, "参加") || text::contains(after, "参与")) && text::contains(after, "赛"));
    if (!takes_part) continue;
    // The classes: the first run of the sentence whose labels name members of a partition
    // ("…参赛、125 名评委听课，评出一等奖 36 人、二等奖 60 人").
    std::vector<int> run;
    std::vector<std::string> labels;
    for (size_t j = k + 1; j < ids.size() && run.size() < 12 && j <= k + 40; ++j) {
      const Quantity& q = fb.q(ids[j]);
      if (q.sentence != w.sentence) break;
      bool member = !member_named(q.label, v).empty();
      // "20 名教师参赛、16 人获奖": the winners, one class.
      if (run.empty() && text::contains_any(q.label, v.list("winners")) && fb.countable(q) &&
          q.dimension == w.dimension) {
        run.push_back(q.id);
        labels.push_back(q.label);
        break;
      }
      if (run.empty() && !member) {
        if (text::contains_any(q.label, v.list("participants"))) break;  // another group of participants
        continue;
      }
      if (!member || !fb.countable(q) || q.dimension != w.dimension) break;
      run.push_back(q.id);
      labels.push_back(q.label);
    }
    bool winners = run.size() == 1 && text::contains_any(labels[0], v.list("winners"));
    const Partition* part = run.size() >= 2 ? partition_of(labels, v, false) : nullptr;
    // The whole is not itself one of the classes ("…获一等奖 82 个、二等奖 175 个").
    if (!winners && (!part || text::contains_any(w.label, part->members))) continue;
    bool taken = false;
    for (int id : run) taken |= in_breakdown[id] != 0;
    if (taken) continue;
    Breakdown b;
    b.whole = w.id;
    b.parts = run;
    b.kind = BreakdownKind::AtMost;
    b.why = Message(winners ? "why.winners" : "why.disjoint_participants");
    add(fb, b);
  }
}

// Cell quantity at (table, row, col), or -1.
// A table row that states a measure for a scope and for each of the scopes that split it (高中阶段,
// 普通高中, 中职 在校生): the parts add up — when the row holds no other scope of that measure.
void scope_rows(Finder& fb, const std::vector<int>& table_cells) {
  const Vocabulary& v = *fb.fb.vocab;
  std::map<std::pair<int, std::string>, std::vector<int>> by_row;  // (row, metric) → cells
  for (int id : table_cells) {
    const Quantity& q = fb.q(id);
    if (!q.metric.empty() && q.kind == QuantityKind::Number && q.approx == Approx::None)
      by_row[{q.row, q.metric}].push_back(q.id);
  }
  for (const auto& [key, cells] : by_row) {
    for (const auto& sc : v.scopes) {
      if (sc.parts.size() < 2) continue;
      int whole = -1, others = 0;
      std::vector<int> parts(sc.parts.size(), -1);
      bool clash = false;
      for (int id : cells) {
        const std::string& s = fb.q(id).scope;
        if (s == sc.id) {
          clash |= whole >= 0;
          whole = id;
          continue;
        }
        auto it = std::find(sc.parts.begin(), sc.parts.end(), s);
        if (it == sc.parts.end()) {
          ++others;
          continue;
        }
        int& slot = parts[it - sc.parts.begin()];
        clash |= slot >= 0;
        slot = id;
      }
      if (whole < 0 || clash || others > 0 || std::count(parts.begin(), parts.end(), -1) > 0) continue;
      Breakdown b;
      b.whole = whole;
      b.parts = parts;
      b.kind = BreakdownKind::Sum;
      b.why = Message("why.scopes_split", {{"scope", sc.id}});
      add(fb, b);
    }
  }
}

uint64_t cell_key(int t, int r, int c) {
  return (static_cast<uint64_t>(t) << 42) ^ (static_cast<uint64_t>(r) << 21) ^ static_cast<uint64_t>(c);
}

int cell(const Finder& fb, int t, int r, int c) {
  auto it = fb.cells.find(cell_key(t, r, c));
  return it == fb.cells.end() ? -1 : it->second;
}

bool table_countable(const Quantity& q) {
  return q.kind == QuantityKind::Number && !q.malformed && q.approx == Approx::None;
}

// 合计 rows total the data rows above them; 其中 / indented sub-rows break their parent row down.
void table_breakdowns(Finder& fb, int ti) {
  const Table& t = fb.fb.doc.tables[ti];
  size_t ncols = t.col_units.size();
  // A column of rates, ratios or averages: its 合计 cell is the whole's own value, not a sum.
  auto summed = [&](size_t c) { return c >= t.cols.size() || !t.cols[c].not_summed; };
  int start = t.header_rows;
  bool subtotalled = false;  // a 小计 row since the last 合计
  for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
    const RowInfo& ri = t.info[r];
    if (ri.total) {
      bool subtotal = ri.role == RowRole::Subtotal;
      // A 合计 after 小计 rows sums them and the rows of the groups that have none: table-total reads it.
      // A table whose 其中 list has no known end: which rows the total adds is not known either.
      bool skip = (!subtotal && subtotalled) || t.unclear_rows;
      subtotalled = subtotal;
      // A 小计 sums its own group: a group of another name above it (one row, no 小计 of its own, its
      // name in the first column) is not part of it.
      int from = start;
      int to = r;
      // A 小计 that heads its group sums the rows below it, up to the next 小计 or 合计.
      if (subtotal && t.subtotals_lead) {
        from = r + 1;
        for (to = from; to < static_cast<int>(t.rows.size()) && !t.info[to].total;) ++to;
      }
      if (subtotal && !ri.group.empty() && !t.subtotals_lead)
        while (from < r && !t.info[from].group.empty() && t.info[from].group != ri.group) ++from;
      // Rows grouped in the first column (按性别 男/女, 按学历 …; 职称 …, 学位 …) may each split the
      // total by another dimension rather than add up to it: table-total reads such groups.
      if (!subtotal) {
        std::set<std::string_view> groups;
        for (int k = from; k < r; ++k)
          if (!t.info[k].group.empty()) groups.insert(t.info[k].group);
        skip |= groups.size() >= 2;
      }
      for (size_t c = 0; c < ncols && !skip; ++c) {
        int whole = cell(fb, ti, r, static_cast<int>(c));
        if (whole < 0 || !summed(c) || !table_countable(fb.q(whole))) continue;
        Breakdown b;
        b.whole = whole;
        bool ok = true;
        for (int k = from; k < to; ++k) {
          if (t.info[k].parent >= 0 || t.info[k].total) continue;
          int part = cell(fb, ti, k, static_cast<int>(c));
          if (part < 0) {
            ok = false;
            break;
          }
          if (!table_countable(fb.q(part))) ok = false;
          b.parts.push_back(part);
        }
        if (!ok || b.parts.size() < 2) continue;
        b.kind = BreakdownKind::Sum;
        b.why = Message("why.table_total_row", {{"label", ri.label}});
        // A table of only some of what its totals add (主要商品类别, 注：仅列出…): its rows, disjoint
        // categories, add up to at most the total — when none of them is negative.
        if (t.partial_rows) {
          bool signed_figure = fb.q(whole).value.sign() < 0;
          for (int part : b.parts) signed_figure |= fb.q(part).value.sign() < 0;
          if (signed_figure) continue;
          b.kind = BreakdownKind::AtMost;
          b.why = Message("why.table_partial_rows", {{"label", ri.label}});
        }
        add(fb, b);
      }
      start = r + 1;
    }
  }
  // Sub-rows under a parent row (children found in one pass: linear in the table's size).
  std::vector<std::vector<int>> children(t.rows.size());
  for (int k = t.header_rows; k < static_cast<int>(t.rows.size()); ++k)
    if (t.info[k].parent >= 0) children[t.info[k].parent].push_back(k);
  for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
    const std::vector<int>& subs = children[r];
    if (subs.empty()) continue;
    // The sub-rows that name the members of one partition, each once (国家级/省级/校级): they add up
    // to the parent; other sub-rows in between ("其中接入平台数") break those members down further.
    const Vocabulary& v = *fb.fb.vocab;
    const Partition* part = nullptr;
    std::vector<int> member_rows;
    for (const auto& candidate : v.partitions) {
      std::vector<int> rows;
      std::set<std::string> seen;
      bool repeated = false;
      for (int k : subs) {
        std::string hit;
        for (const auto& m : candidate.members)
          if (text::contains(t.info[k].label, m) && m.size() > hit.size()) hit = m;
        if (hit.empty()) continue;
        repeated |= !seen.insert(hit).second;
        rows.push_back(k);
      }
      if (!repeated && seen.size() == candidate.members.size()) {
        part = &candidate;
        member_rows = rows;
        break;
      }
    }
    for (size_t c = 0; c < ncols; ++c) {
      int whole = cell(fb, ti, r, static_cast<int>(c));
      if (whole < 0 || !summed(c) || !table_countable(fb.q(whole))) continue;
      auto parts_of = [&](const std::vector<int>& rows) {
        std::vector<int> out;
        for (int k : rows) {
          int p = cell(fb, ti, k, static_cast<int>(c));
          if (p >= 0 && table_countable(fb.q(p)) && fb.q(p).unit == fb.q(whole).unit) out.push_back(p);
        }
        return out;
      };
      Breakdown b;
      b.whole = whole;
      b.parts = parts_of(subs);
      if (b.parts.empty()) continue;
      b.kind = BreakdownKind::Subset;
      b.why = Message("why.table_of_which_rows", {{"label", t.info[r].label}});
      std::vector<std::string> sub_labels;
      for (int k : subs) sub_labels.push_back(t.info[k].label);
      if (b.parts.size() == subs.size() && disjoint_classes(sub_labels, v)) {
        b.kind = BreakdownKind::AtMost;
        b.why = Message("why.table_disjoint_subrows", {{"label", t.info[r].label}});
      }
      if (part) {
        std::vector<int> members = parts_of(member_rows);
        if (members.size() == member_rows.size()) {
          b.parts = members;
          b.kind = BreakdownKind::Sum;
          b.why = Message("why.table_subrows", {{"members", fmt_join(part->members)}});
        }
      }
      add(fb, b);
    }
  }
}

}  // namespace

std::string fmt_join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? "/" : "") + v[i];
  return s;
}

namespace {

// "当年结余 A，上年末滚存结余 B，年末滚存结余 C": a fund's closing balance is its opening balance plus the
// period's — a sum, when the paragraph names each once, in money (vocabulary balance_opening,
// balance_closing, balance_flow; the opening's name ends like the closing's, so it is tried first).
void carry_over(Finder& fb, int pi) {
  const Vocabulary& v = *fb.fb.vocab;
  int opening = -1, closing = -1, flow = -1;
  int n_open = 0, n_close = 0, n_flow = 0;
  for (int id : fb.fb.by_paragraph[pi]) {
    const Quantity& q = fb.q(id);
    if (q.dimension != "money" || !fb.countable(q) || fb.st[id].type != ValueType::Level || fb.st[id].previous) continue;
    const std::string label = text::remove_spaces(q.label);
    if (!text::ends_with_any(label, v.list("balance_opening")).empty()) {
      opening = id;
      ++n_open;
    } else if (!text::ends_with_any(label, v.list("balance_closing")).empty()) {
      closing = id;
      ++n_close;
    } else if (!text::ends_with_any(label, v.list("balance_flow")).empty()) {
      flow = id;
      ++n_flow;
    }
  }
  if (n_open != 1 || n_close != 1 || n_flow != 1) return;
  Breakdown b;
  b.whole = closing;
  b.parts = {opening, flow};
  b.kind = BreakdownKind::Sum;
  b.why = Message("why.carry_over");
  add(fb, b);
}

}  // namespace

void find_breakdowns(const FactBase& base, const std::vector<Statement>& st, std::vector<Breakdown>& out) {
  Finder fb{base, st, out, {}, {}, {}};
  for (const auto& q : base.ex.quantities)
    if (q.table >= 0 && !fb.cells.count(cell_key(q.table, q.row, q.col))) fb.cells[cell_key(q.table, q.row, q.col)] = q.id;
  for (size_t pi = 0; pi < fb.fb.doc.paragraphs.size(); ++pi) {
    paren_breakdowns(fb, static_cast<int>(pi));
    qizhong_breakdowns(fb, static_cast<int>(pi));
    respectively_breakdowns(fb, static_cast<int>(pi));
    carry_over(fb, static_cast<int>(pi));
  }
  std::vector<char> in_breakdown(fb.fb.ex.quantities.size(), 0);
  for (const auto& b : fb.out)
    for (int id : b.parts) in_breakdown[id] = 1;
  for (size_t pi = 0; pi < fb.fb.doc.paragraphs.size(); ++pi) category_runs(fb, static_cast<int>(pi), in_breakdown);
  for (size_t pi = 0; pi < fb.fb.doc.paragraphs.size(); ++pi) participant_runs(fb, static_cast<int>(pi), in_breakdown);
  for (size_t pi = 0; pi < fb.fb.doc.paragraphs.size(); ++pi) totals_after_parts(fb, static_cast<int>(pi), in_breakdown);
  std::vector<std::vector<int>> table_cells(fb.fb.doc.tables.size());
  for (const auto& q : fb.fb.ex.quantities)
    if (q.table >= 0 && q.table < static_cast<int>(table_cells.size())) table_cells[q.table].push_back(q.id);
  for (size_t ti = 0; ti < fb.fb.doc.tables.size(); ++ti) {
    table_breakdowns(fb, static_cast<int>(ti));
    scope_rows(fb, table_cells[ti]);
  }
}

}  // namespace tally
