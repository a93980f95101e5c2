// percent: a stated share equals part ÷ whole, with the whole found where the
// report names it ("占专业课教师的 62.18%", "占…总人数（96140 人）的 31.07%",
// a 其中 whole for "占比"), and rates (录取率, 就业率) computed from the figures
// of their own clause group.
#include <fmt/format.h>
#include <optional>

#include <algorithm>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"
#include "checks/share.h"
#include "relations/breakdowns.h"
#include "relations/bulletin_util.h"
#include "relations/repeats.h"

namespace tally {

namespace {

// A rate per mille or per 10万 is scanned as a number with its unit: it is no count to take a share of.
bool per_base(const Quantity& q) { return q.kind == QuantityKind::Number && rate_base(q) > 0; }

bool usable(const Quantity& q) {
  return q.kind == QuantityKind::Number && !q.malformed && q.approx == Approx::None && !q.unit.empty() &&
         !per_base(q);
}

// The core of a named whole: "专业课教师的" → "专业课教师", "教职工总数的" → "教职工总数",
// "一般公共预算收入的比重为" → "一般公共预算收入" (占 B 的比重为 p%: the share of B, said in full).
std::string named_core(std::string_view s, const Vocabulary& vocab) {
  std::string t = text::remove_spaces(s);
  for (std::string_view verb : {"达到", "为", "达", "是"})
    if (text::ends_with(t, verb) && t.size() > verb.size()) {
      t.resize(t.size() - verb.size());
      break;
    }
  if (std::string_view w = text::ends_with_any(t, vocab.list("share_nouns")); !w.empty() && t.size() > w.size())
    t.resize(t.size() - w.size());
  if (text::ends_with(t, "的") && t.size() > 3) t.resize(t.size() - 3);
  if (std::string_view w = text::ends_with_any(t, vocab.list("count_nouns")); !w.empty() && t.size() > w.size())
    t.resize(t.size() - w.size());
  return clean_label(t, vocab);
}

// "参保人数" → "参保": a name with the word of a count left out, as named_core leaves it out of a whole.
std::string_view without_count_word(std::string_view name, const Vocabulary& vocab) {
  std::string_view w = text::ends_with_any(name, vocab.list("count_nouns"));
  if (!w.empty() && name.size() > w.size()) return name.substr(0, name.size() - w.size());
  return name;
}

// "其中女职工 486 人，比重为 38.9%", "…，所占比例为 26.7%" (its 占 is found as a cue): a share noun standing alone
// between the part and the percentage, with at most a copula after it, says 占比 without the 占. Its offset in
// `between` (the text from the part's unit to the percentage), or npos.
size_t alone_share_noun(std::string_view between, const Vocabulary& vocab, size_t* len) {
  size_t lead = 0;
  for (std::string_view punct : {"，", ","})
    if (text::starts_with(between.substr(lead), punct)) lead += punct.size();
  std::string_view rest = text::trim(between.substr(lead));
  lead = between.size() - text::trim_left(between.substr(lead)).size();
  std::string_view w = text::starts_with_any(rest, vocab.list("share_nouns"));
  if (w.empty()) return std::string_view::npos;
  std::string_view tail = text::trim(rest.substr(w.size()));
  for (std::string_view verb : {"", "为", "是", "达", "约为", "达到"})
    if (tail == verb) {
      *len = w.size();
      return lead;
    }
  return std::string_view::npos;
}

// The words less those that say only whose or where the whole is (全社会研发 → 研发, 全市 → "").
std::string_view without_whose(std::string_view words, const Vocabulary& vocab) {
  for (bool changed = true; changed && !words.empty();) {
    changed = false;
    for (ListKey key : {ListKey("whole_owner"), ListKey("city_scope"), ListKey("measure_prefix_stop")}) {
      std::string_view w = text::starts_with_any(words, vocab.list(key));
      if (!w.empty()) {
        words.remove_prefix(w.size());
        changed = true;
      }
    }
  }
  return words;
}

bool label_names(const Quantity& q, const std::string& core, const Vocabulary& vocab) {
  if (core.empty()) return false;
  std::string lab(without_count_word(text::remove_spaces(q.label), vocab));
  if (text::ends_with(lab, core)) return !lab.empty();
  // A shorter name names the whole only when what it leaves out says whose or where the whole is (常住人口
  // for 全市常住人口): a figure named 支出 alone — the last word of 职工医保基金支出, or a sibling part's
  // name (统筹基金收入 A、支出 B) — is not it.
  if (!lab.empty() && text::ends_with(core, lab))
    return without_whose(std::string_view(core).substr(0, core.size() - lab.size()), vocab).empty();
  // "一般公共预算支出安排 A" for 占一般公共预算支出的: the measure before the words of how it stands.
  std::string_view verb = text::ends_with_any(lab, vocab.list("measure_verb_suffix"));
  if (!verb.empty() && verb.size() < lab.size() &&
      text::ends_with(std::string_view(lab).substr(0, lab.size() - verb.size()), core))
    return true;
  std::string m = find_metric(core, vocab);
  if (m.empty() || m != q.metric) return false;
  // "占工学专业的" and "本科专业 72 个": one metric (专业), but the words before its name (工学) say a kind
  // the figure's label does not — another kind of it, not the whole named.
  std::string_view kind = std::string_view(core).substr(0, core.size() - vocab.metric_aliases.suffix_of(core).size());
  kind = without_whose(kind, vocab);
  return kind.empty() || text::contains(lab, kind);
}

// "本科专业 72 个，其中工学 28 个 …，占工学专业的": a kind in a 其中 list named in full — its own name and
// the head noun of its whole's (专业) — names the whole of the share.
bool kind_named_in_full(const FactBase& fb, const Relations& rel, const Quantity& q, const std::string& core) {
  int b = rel.part_of[q.id];
  std::string lab = text::remove_spaces(q.label);
  if (b < 0 || lab.empty() || !text::starts_with(core, lab) || core.size() == lab.size()) return false;
  std::string_view head = std::string_view(core).substr(lab.size());
  return text::ends_with(text::remove_spaces(fb.q(rel.breakdowns[b].whole).label), head);
}

// Does the figure name the whole X as X itself? Its measure (scope, area and time words set aside: 全县,
// 年末) is X, or X after words that only say whose it is (政府债务余额 for 债务余额). A name with another
// qualifier before X (一般债务余额, 城镇常住人口) names a kind of X. A figure named otherwise (a shorter
// name, the metric alone) is not told apart here.
bool names_all_of(const Relations& rel, const Quantity& q, const std::string& core, const Vocabulary& vocab) {
  std::string lab(without_count_word(text::remove_spaces(q.label), vocab));
  if (!text::ends_with(lab, core) || lab == core) return true;
  std::string_view m = without_count_word(rel.st(q.id).measure, vocab);
  for (bool changed = true; changed;) {
    changed = false;
    for (ListKey key : {ListKey("whole_owner"), ListKey("city_scope"), ListKey("measure_prefix_stop")}) {
      std::string_view w = text::starts_with_any(m, vocab.list(key));
      if (!w.empty() && w.size() < m.size()) {
        m.remove_prefix(w.size());
        changed = true;
      }
    }
  }
  return m == core;
}

// A value per head or per unit (生均, 人均) or a ratio is no whole of an amount: 新增 5230 万元 is not a
// share of 生均 2.19 万元.
bool per_unit(const Relations& rel, int id) {
  ValueType t = rel.st(id).type;
  return t == ValueType::PerCapita || t == ValueType::Ratio;
}

// The figure a share is of when the figure before 占 is a change: "民生支出 29.1 亿元，比上年增加 1.8 亿元，
// 占…的 75.4%" is the share of the level the change is said of — unless the whole is a change too
// (增量占全省增量的). -1 when the change names no level.
int level_of(const FactBase& fb, const Relations& rel, int id, int whole) {
  const Statement& s = rel.st(id);
  bool change = s.type == ValueType::Change || s.type == ValueType::Growth || s.type == ValueType::PointChange;
  if (!change || (whole >= 0 && rel.st(whole).type == ValueType::Change)) return id;
  return s.qualifies >= 0 && usable(fb.q(s.qualifies)) ? s.qualifies : -1;
}

// Does the subject of a share name several of the figures before it together — a word of a total
// (医师合计, 两者) or a name that joins the first characters of two of their names (大中型企业: 大型企业
// and 中型企业)? Its part is their sum, not the last of them.
bool names_union(std::string_view subject, const std::vector<int>& lead, const Relations& rel, const Vocabulary& vocab) {
  if (lead.size() < 2) return false;
  if (text::contains_any(subject, vocab.list("union_words"))) return true;
  auto first = [](std::string_view m) {
    size_t k = 0;
    if (!m.empty()) utf8::next(m, k);
    return m.substr(0, k);
  };
  for (size_t i = 0; i < lead.size(); ++i)
    for (size_t j = i + 1; j < lead.size(); ++j) {
      std::string_view a = first(rel.st(lead[i]).measure), b = first(rel.st(lead[j]).measure);
      if (a.empty() || b.empty() || a == b) continue;
      if (text::contains(subject, std::string(a) + std::string(b)) || text::contains(subject, std::string(b) + std::string(a)))
        return true;
    }
  return false;
}

// The text with its bracketed asides left out: "（含市级 23.4 亿元、县级 68.4 亿元），" → "，".
std::string without_asides(std::string_view t) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < t.size();) {
    size_t k = i;
    char32_t c = utf8::next(t, k);
    if (c == U'（' || c == U'(') ++depth;
    else if ((c == U'）' || c == U')') && depth > 0) --depth;
    else if (depth == 0) out.append(t.substr(i, k - i));
    i = k;
  }
  return out;
}

// Does a bracket that is open at `from` close before `to`? (An aside is short: the scan stops after a
// few hundred bytes, so a long sentence stays linear.)
bool closed_before(std::string_view p, size_t from, size_t to) {
  int depth = 0;
  to = std::min(to, from + 600);
  for (size_t i = from; i < to && i < p.size();) {
    char32_t c = utf8::next(p, i);
    if (c == U'（' || c == U'(') ++depth;
    else if (c == U'）' || c == U')') {
      if (depth == 0) return true;
      --depth;
    }
  }
  return false;
}

// Has the 占 clause its value before the percentage: "约占基金收入的七成；基金支出 A，增长 p%", "占一半，
// …": a share said in words right after 占 or its 的 (约, 近, 超 between), or a ； closing the clause. The
// percentage after it is another clause's figure, not this 占's.
bool share_said_before(std::string_view after_zhan, const Vocabulary& v) {
  if (text::contains(after_zhan, "；")) return true;
  for (const auto& w : v.list("share_in_words"))
    for (size_t at = text::find(after_zhan, w); at != std::string_view::npos; at = text::find(after_zhan, w, at + 1)) {
      std::string_view head = text::trim_right(after_zhan.substr(0, at));
      for (const WordList* approx :
           {&v.list("approx_about_before"), &v.list("approx_at_least_before"), &v.list("approx_at_most_before")}) {
        std::string_view a = text::ends_with_any(head, *approx);
        if (!a.empty()) head = text::trim_right(head.substr(0, head.size() - a.size()));
      }
      if (head.empty() || text::ends_with(head, "的")) return true;
    }
  return false;
}

// Is the whole `parent` given its own share between it and `part` ("60岁及以上人口 …，占 20.51%，其中 65岁及
// 以上人口 …，占 15.30%")? Then the part's share may be of the parent's whole as well (公报 style), not
// of the parent.
// The parent's share, or -1. A share naming a whole the report does not state ("等级公路 A，占公路总里程的
// 98.6%") has no part for find_share; its statement, a share of the parent's measure right after the
// parent, says it all the same.
int own_share(const FactBase& fb, const Relations& rel, int parent, int part) {
  const Quantity& w = fb.q(parent);
  const Quantity& x = fb.q(part);
  if (w.paragraph != x.paragraph) return -1;
  const auto& ids = fb.by_paragraph[w.paragraph];
  const std::string of_parent = rel.st(parent).measure + "·";
  const auto first = std::upper_bound(ids.begin(), ids.end(), parent);
  for (auto it = first; it != ids.end() && *it < part; ++it) {
    const Quantity& q = fb.q(*it);
    if (q.kind != QuantityKind::Percent) continue;
    if (find_share(fb, rel, q).part == parent) return q.id;
    if (it == first && rel.st(q.id).type == ValueType::Share && !rel.st(parent).measure.empty() &&
        text::starts_with(rel.st(q.id).measure, of_parent))
      return q.id;
  }
  return -1;
}
bool has_own_share(const FactBase& fb, const Relations& rel, int parent, int part) {
  return own_share(fb, rel, parent, part) >= 0;
}

}  // namespace

int64_t rate_base(const Quantity& q) {
  if (q.kind == QuantityKind::Percent) return 100;
  if (q.kind != QuantityKind::Number) return 0;
  if (q.dimension == "per-mille") return 1000;
  if (q.dimension == "per-10k") return 10000;
  if (q.dimension == "per-100k") return 100000;
  return 0;
}

namespace {

// "毕业生中，升学 A 人，就业 B 人，就业率 p%", "参训 X 人，其中取证 A 人，就业 B 人，就业率
// p%": the nearest figure before a rate's part is its sibling, a part of the same whole — the
// rate is of that whole (or, for a rate of a step after another, 录取 of 报名, of the sibling: that reading
// is kept as the other whole). A sentence opening with a topic "X中，" whose parts the rate's part is one
// of, with no figure of X found, leaves the whole open: false, and nothing is said. A sibling across a ；
// is another clause's ("其中查处 A 起；排查化解纠纷 B 起，化解率 p%": B is no part of a list ended by ；).
bool whole_of_siblings(const FactBase& fb, const Relations& rel, ShareMatch& m, std::string_view p, uint32_t s0,
                       uint32_t pct_at) {
  const int b = rel.part_of[m.part];
  const Quantity& part = fb.q(m.part);
  if (b >= 0) {
    const Breakdown& bd = rel.breakdowns[b];
    const Quantity& w = fb.q(bd.whole);
    const Quantity& sib = fb.q(m.whole);
    const bool sibling = std::find(bd.parts.begin(), bd.parts.end(), m.whole) != bd.parts.end() &&
                         sib.paragraph == part.paragraph && sib.unit_end <= part.para_begin &&
                         !text::contains(p.substr(sib.unit_end, part.para_begin - sib.unit_end), "；");
    if (sibling && usable(w) && !per_unit(rel, w.id) && w.unit == part.unit &&
        bd.whole < m.part) {  // (ids are in text order)
      m.other_whole = m.whole;
      m.whole = w.id;
      m.open_whole = false;
      return true;
    }
  }
  return opening_topic(p.substr(s0, pct_at - s0)).empty();
}

// The figures of the sentence before `pct`'s (s0 is where pct's sentence starts): in its paragraph, or the last
// sentence of the paragraph just before (same section, nothing between them but blank lines) when pct's
// sentence opens its paragraph. Percentages, per-unit values and comparison levels are left out. Sets `p` and
// `s0` to that sentence's paragraph text and start; false when there is no such sentence.
bool previous_sentence_figures(const FactBase& fb, const Relations& rel, const Quantity& pct, uint32_t pct_s0,
                               std::vector<int>& out, std::string_view& p, uint32_t& s0) {
  int para = pct.paragraph;
  uint32_t end = pct_s0;
  if (end == 0) {
    para = pct.paragraph - 1;
    if (para < 0) return false;
    const Paragraph& a = fb.doc.paragraphs[para];
    const Paragraph& b = fb.doc.paragraphs[pct.paragraph];
    if (a.section != b.section) return false;
    for (int ln = a.last_line + 1; ln < b.first_line; ++ln)
      if (fb.doc.lines[ln - 1].kind != LineKind::Blank) return false;
    end = static_cast<uint32_t>(a.text.size());
  }
  if (end == 0) return false;
  p = fb.para_text(para);
  s0 = fb.sentence_start(para, end - 1);
  for (int id : fb.by_paragraph[para]) {
    const Quantity& q = fb.q(id);
    if (q.para_begin < s0 || q.para_begin >= end) continue;
    if (q.kind == QuantityKind::Percent || per_base(q) || rel.st(id).previous) continue;
    out.push_back(id);
  }
  return !out.empty();
}

// The share one percentage states, read on its own (find_share reads a run of them after 分别 first).
ShareMatch one_share(const FactBase& fb, const Relations& rel, const Quantity& pct) {
  ShareMatch m;
  if (pct.paragraph < 0 || rate_base(pct) == 0) return m;
  // "基金支出 A，增长 7.7%": a rate its own change word types is a growth rate, no share of anything.
  if (rel.st(pct.id).type == ValueType::Growth || rel.st(pct.id).type == ValueType::Change) return m;
  // A rate per mille or per 10万 (婴儿死亡率 2.81‰) is read as a rate of its clause group only: the
  // 占…的 readings are the percentages'.
  const bool percent = pct.kind == QuantityKind::Percent;
  const Vocabulary& vocab = *fb.vocab;
  std::string_view p = fb.para_text(pct.paragraph);
  const auto& ids = fb.by_paragraph[pct.paragraph];
  uint32_t s0 = fb.sentence_start(pct.paragraph, pct.para_begin);
  // Figures of the sentence before the percentage, and the previous percentage.
  std::vector<int> before;
  uint32_t seg = s0;
  // The percentage's own index in the paragraph, and at most 80 figures before it.
  size_t at = std::lower_bound(ids.begin(), ids.end(), pct.id) - ids.begin();
  size_t from = at > 80 ? at - 80 : 0;
  std::vector<int> window(ids.begin() + from, ids.begin() + at);
  for (int id : window) {
    const Quantity& q = fb.q(id);
    if (q.para_begin < s0 || q.para_begin >= pct.para_begin) continue;
    if (q.kind == QuantityKind::Percent || per_base(q)) {
      seg = q.unit_end;
      continue;
    }
    // "A，比上年的 B 增长 g%，占…的 p%": the level compared with is neither the share's part nor its whole.
    if (rel.st(id).previous) continue;
    // "农业用水 A（其中灌溉用水 B、其他用水 C），占总用水量的 p%": figures in brackets closed before the
    // percentage break down the figure before the bracket; the share is of that one.
    if (closed_before(p, q.unit_end, pct.para_begin)) continue;
    before.push_back(id);
  }
  uint32_t prev_end = before.empty() ? s0 : std::max(s0, fb.q(before.back()).unit_end);
  std::string_view pre = p.substr(prev_end, pct.para_begin - prev_end);
  // Share: 占 … 的 p%. The named whole may hold a figure of its own: "占…总人数（96140 人）的".
  uint32_t seg_start = std::max(s0, seg);
  std::string_view pre_full = p.substr(seg_start, pct.para_begin - seg_start);
  size_t zhan = std::string_view::npos, cue_len = 0;
  for (const auto& cue : vocab.list("share")) {
    size_t at = text::rfind(pre_full, cue);
    // The cue that ends last, and of those the longest: 所占 before 占 (its 所 is no subject).
    if (at != std::string_view::npos &&
        (zhan == std::string_view::npos || at + cue.size() > zhan + cue_len || (at + cue.size() == zhan + cue_len && at < zhan)))
      zhan = at, cue_len = cue.size();
  }
  if (zhan != std::string_view::npos && share_said_before(pre_full.substr(zhan), vocab)) zhan = std::string_view::npos;
  if (zhan == std::string_view::npos && percent && !before.empty())
    if (size_t at = alone_share_noun(pre, vocab, &cue_len); at != std::string_view::npos)
      zhan = prev_end + at - seg_start;
  if (zhan != std::string_view::npos && percent) {
    size_t zhan_abs = seg_start + zhan;
    std::string_view before_zhan = p.substr(seg_start, zhan_abs - seg_start);
    m.approximate = !vocab.list("approx_about_before").suffix_of(before_zhan).empty();
    std::string_view named = p.substr(zhan_abs + cue_len, pct.para_begin - zhan_abs - cue_len);
    // 占比, 占比重, 所占比例: a share noun after 占 names no whole.
    if (std::string_view w = text::starts_with_any(named, vocab.list("share_nouns")); !w.empty()) named.remove_prefix(w.size());
    else if (text::starts_with(named, "比")) named.remove_prefix(3);
    std::string core = named_core(named, vocab);
    // "占全部教学班的": all of X — only a figure of X itself, not of a kind of X, and not one of several
    // (checked once the nearest figure of X is found).
    std::string named_bare = text::remove_spaces(named);
    bool all_of = !text::starts_with_any(named_bare, vocab.list("all_words")).empty();
    for (int id : window) {
      const Quantity& q = fb.q(id);
      if (q.para_begin > zhan_abs && q.para_begin < pct.para_begin && usable(q)) m.whole = id;
    }
    if (m.whole >= 0) core.clear();
    // Figures before 占, and the subject between the last of them and 占 ("“双师型”教师占…").
    std::vector<int> lead;
    for (int id : before)
      if (fb.q(id).para_begin < zhan_abs) lead.push_back(id);
    uint32_t clause0 = lead.empty() ? seg_start : std::max<uint32_t>(seg_start, fb.q(lead.back()).unit_end);
    std::string subject = clean_label(without_asides(p.substr(clause0, zhan_abs - clause0)), vocab);
    for (std::string_view w : {"约", "均", "分别"})
      if (text::ends_with(subject, w)) subject.resize(subject.size() - w.size());
    std::string subj_core = named_core(subject, vocab);
    if (names_union(p.substr(clause0, zhan_abs - clause0), lead, rel, vocab)) {
      m.how = "share";
      return m;  // a share of several parts together: which of them is not said figure by figure
    }
    // The part as the sentence gives it: the figure the subject names, else the one just before 占. When
    // its name is a kind of the named whole (专项债务余额 for 债务余额), a figure named as another kind
    // (一般债务余额) is its sibling, and the part itself is no whole: only a figure named as the whole
    // itself is.
    int part_hint = -1;
    for (auto it = lead.rbegin(); it != lead.rend() && part_hint < 0; ++it)
      if (subj_core.empty() || (usable(fb.q(*it)) && label_names(fb.q(*it), subj_core, vocab))) part_hint = *it;
    bool part_is_kind = part_hint >= 0 && !core.empty() && usable(fb.q(part_hint)) &&
                        label_names(fb.q(part_hint), core, vocab) && !names_all_of(rel, fb.q(part_hint), core, vocab);
    // With no subject of its own before 占 ("其中财政性经费 1852.7 亿元，占经费总投入的 77.6%"), the
    // figure just before 占 is the part, never the whole, however close their names are.
    const bool bare_part = subj_core.empty() && part_hint >= 0;
    // "其中，酒后驾驶导致事故 98 起，无证驾驶 61 起，占事故总数的 4.74%": a figure of the 其中 list the share's
    // part belongs to is its sibling — a kind of the whole named (导致事故 of 事故), never that whole. (One
    // named as the whole itself, 专业课教师 in a list of nested kinds of 教职工, still is.)
    size_t list_open = std::string_view::npos;
    for (const auto& cue : vocab.list("breakdown")) {
      size_t c = text::rfind(p.substr(s0, zhan_abs - s0), cue);
      if (c != std::string_view::npos && (list_open == std::string_view::npos || s0 + c > list_open)) list_open = s0 + c;
    }
    const int list_whole =
        part_hint >= 0 && rel.part_of[part_hint] >= 0 ? rel.breakdowns[rel.part_of[part_hint]].whole : -1;
    auto names_whole = [&](const Quantity& q) {
      if (!usable(q) || per_unit(rel, q.id)) return false;
      if (list_open != std::string_view::npos && q.para_begin > list_open && q.para_begin < zhan_abs &&
          !names_all_of(rel, q, core, vocab))
        return false;
      if (!label_names(q, core, vocab) && !kind_named_in_full(fb, rel, q, core)) return false;
      if (bare_part && q.id == part_hint) return false;
      // (The whole of the 其中 list the part is in is no sibling: "全市发生道路交通事故 A 起。其中，酒后驾驶
      // 导致事故 B 起，占事故总数的" is of A, a kind of 事故 as B is.)
      return !part_is_kind || (q.id != part_hint && (names_all_of(rel, q, core, vocab) || q.id == list_whole));
    };
    bool kind_whole = false;  // the whole was found only as a kind of the named one
    if (m.whole < 0 && !core.empty()) {
      // The nearest figure of the sentence, else of the paragraph, that names the whole — first among
      // those named as X itself: "专任教师 580 人，其中正高级职称的专任教师 87 人，…；“双师型”教师 300 人，
      // 占专任教师的" is of the 580, not of the nearer kind of 专任教师.
      for (bool itself : {true, false}) {
        if (m.whole >= 0) break;
        for (auto it = lead.rbegin(); m.whole < 0 && it != lead.rend(); ++it) {
          const Quantity& q = fb.q(*it);
          if (names_whole(q) && (!itself || names_all_of(rel, q, core, vocab))) m.whole = q.id;
        }
        for (auto it = window.rbegin(); m.whole < 0 && it != window.rend(); ++it) {
          const Quantity& q = fb.q(*it);
          // (A kind of X named by a class, 城镇 60 周岁及以上老年人口 for 老年人口, is a part of X beside its
          // sibling class, never X.)
          if (!itself && !measure_after_class(text::remove_spaces(q.label), vocab).empty()) continue;
          if (q.para_begin < s0 && names_whole(q) && (!itself || names_all_of(rel, q, core, vocab))) m.whole = q.id;
        }
        if (itself || m.whole < 0) continue;
        kind_whole = true;
        // Only kinds of X name it ("实际就业 A，其中在本省就业 B。…占就业总人数的"): a kind in a 其中 list
        // under another is read as that one; two kinds that are not parts of one another leave it open.
        for (int b = rel.part_of[m.whole]; b >= 0 && names_whole(fb.q(rel.breakdowns[b].whole)); b = rel.part_of[m.whole])
          m.whole = rel.breakdowns[b].whole;
        auto under = [&](int id) {
          for (int b = rel.part_of[id], n = 0; b >= 0 && n < 8; b = rel.part_of[rel.breakdowns[b].whole], ++n)
            if (rel.breakdowns[b].whole == m.whole) return true;
          return false;
        };
        for (int id : window) {
          const Quantity& q = fb.q(id);
          if (q.para_begin >= zhan_abs || id == m.whole || !names_whole(q) || under(id)) continue;
          if (!q.interval().intersects(fb.q(m.whole).interval())) return ShareMatch{};
        }
      }
      // "中职学校专任教师 2400 人，高职院校专任教师 3100 人。中职“双师型”教师 1500 人，占专任教师的": the
      // named whole is stated for several scopes (school levels, sectors) — the share is of the one of its
      // part's scope; a part of no scope, or of none of theirs, leaves it open.
      if (m.whole >= 0 && !fb.q(m.whole).scope.empty()) {
        const bool itself = names_all_of(rel, fb.q(m.whole), core, vocab);
        std::vector<int> scoped{m.whole};
        for (int id : window) {
          const Quantity& q = fb.q(id);
          if (q.para_begin >= zhan_abs || id == m.whole || q.scope.empty() || q.scope == fb.q(m.whole).scope) continue;
          if (names_whole(q) && names_all_of(rel, q, core, vocab) == itself) scoped.push_back(id);
        }
        if (scoped.size() > 1) {
          const std::string part_scope = part_hint >= 0 ? fb.q(part_hint).scope : std::string();
          int of_part = -1;
          for (int id : scoped)
            if (!part_scope.empty() && fb.q(id).scope == part_scope) of_part = of_part < 0 ? id : -2;
          if (of_part < 0) return ShareMatch{};
          m.whole = of_part;
        }
      }
      // Not in this paragraph: a figure of the report that names it, for the same scope and year —
      // when every such figure states one value ("占毕业生人数的 59.5%" with 毕业生人数 in an annex).
      if (m.whole < 0) {
        std::string metric = find_metric(core, vocab);
        auto it = metric.empty() ? fb.by_metric.end() : fb.by_metric.find(metric);
        if (it != fb.by_metric.end() && it->second.size() <= 64) {
          int first = -1;
          bool one_value = true;
          for (int id : it->second) {
            const Quantity& q = fb.q(id);
            if (q.in_case || fb.scope_of(q) != fb.scope_of(pct) || !names_whole(q)) continue;
            if (q.year && pct.year && q.year != pct.year) continue;
            if (rel.st(id).type != ValueType::Level) continue;
            if (of_added_group(fb, q)) continue;  // "另有…，在校生 746 人": a group's, not all of them
            if (first < 0) first = id;
            else one_value = one_value && fb.q(first).interval().intersects(q.interval());
          }
          if (first >= 0 && one_value) m.whole = first;
        }
      }
      if (m.whole < 0) return m;  // the named whole is not stated: nothing to check
      // All of X, and two figures of X before it (小学 700 个, 初中 300 个): the whole is their sum or
      // another, not the nearest. A part of the chosen whole's own 其中 list is no rival.
      if (all_of) {
        // A kind of X in a 其中 list under X: X is all of it.
        for (int b = rel.part_of[m.whole]; b >= 0 && names_whole(fb.q(rel.breakdowns[b].whole));
             b = rel.part_of[m.whole])
          m.whole = rel.breakdowns[b].whole;
        // The nearest figure of X is a kind of X (城镇新增就业 for 全部新增就业): all of X is not stated.
        if (!names_all_of(rel, fb.q(m.whole), core, vocab)) return ShareMatch{};
        for (int id : window) {
          const Quantity& q = fb.q(id);
          if (q.id == m.whole || !names_whole(q) || q.interval().intersects(fb.q(m.whole).interval())) continue;
          int b = rel.part_of[q.id];
          if (b >= 0 && rel.breakdowns[b].whole == m.whole) continue;
          return ShareMatch{};
        }
      }
    }
    if (!subj_core.empty()) {
      for (auto it = lead.rbegin(); it != lead.rend(); ++it) {
        const Quantity& q = fb.q(*it);
        if (usable(q) && q.id != m.whole && label_names(q, subj_core, vocab)) {
          m.part = q.id;
          break;
        }
      }
      // A sentence of its own ("税收收入 61.35 亿元，…。税收收入占一般公共预算收入的比重为 71.0%"): the
      // figure of the paragraph before it that the subject names — when every such figure states one
      // value; two different ones (this year's and last year's) leave the reading open.
      if (m.part < 0 && lead.empty()) {
        int named = -1;
        for (int id : window) {
          const Quantity& q = fb.q(id);
          if (q.para_begin >= s0 || !usable(q) || q.id == m.whole || !label_names(q, subj_core, vocab)) continue;
          if (named >= 0 && !fb.q(named).interval().intersects(q.interval())) return ShareMatch{};
          if (named < 0) named = q.id;
        }
        m.part = named;
      }
    }
    if (m.part < 0 && subj_core.empty()) {
      // The part is the figure just before: "29870 人，约占…的 31.07%", "6403人，占比59.9%".
      for (auto it = lead.rbegin(); it != lead.rend(); ++it) {
        const Quantity& q = fb.q(*it);
        if (q.id == m.whole) continue;
        if (usable(q)) m.part = level_of(fb, rel, q.id, m.whole);
        break;
      }
    }
    if (m.part >= 0 && m.whole < 0) {
      // 占比 without a named whole: the whole of the breakdown the part belongs to.
      int b = rel.part_of[m.part];
      if (b >= 0) {
        m.whole = rel.breakdowns[b].whole;
        // A part larger than its list's whole is no share of it: the list was misread.
        // Parts that add up to more than the whole hold parts of parts ("其中：机构床位 S，护理型床位 X，
        // 护理型床位占比 p%" — X may be of S): the share may be of another figure than the list's whole.
        Interval sum = Interval::exact(Rational(0));
        for (int id : rel.breakdowns[b].parts) sum = sum + fb.q(id).interval();
        const Interval whole = fb.q(m.whole).interval();
        const bool misread = fb.q(m.whole).value < fb.q(m.part).value || (!sum.lo_inf && !whole.hi_inf && whole.hi < sum.lo);
        const int parent_share = own_share(fb, rel, m.whole, m.part);
        m.open_whole = misread || parent_share >= 0;
        if (!misread && percent) m.parent_share = parent_share;
      } else if (core.empty()) {
        // After a list of counts (96 个乡镇卫生院、168 个社区卫生服务中心…，其中…): the whole is their sum when
        // the text says the list is about all of them (全部, 均), and open otherwise — nothing is said.
        CountList list = count_list_of_part(fb, rel.statements, m.part);
        if (!list.members.empty() && !list.closed) return ShareMatch{};
        if (!list.members.empty()) {
          for (int id : list.members)
            if (fb.q(id).unit != fb.q(m.part).unit) return ShareMatch{};
          m.whole_sum = list.members;
          m.how = "share";
          return m;
        }
        m.unnamed = true;
      }
    }
    if (m.part >= 0 && m.whole >= 0 && fb.q(m.part).unit != fb.q(m.whole).unit) m.part = m.whole = -1;
    // "职工参保 17.5 万人，…增加 0.6 万人，占参保人数的": the level of the change before 占 was taken for the
    // named whole as well — the whole is not found.
    if (m.part >= 0 && m.part == m.whole) return ShareMatch{};
    // A whole found only as a kind of the named one, smaller than the part, for a share under 100%: the
    // whole was misread, not the share.
    if (kind_whole && m.part >= 0 && m.whole >= 0 && fb.q(m.whole).value < fb.q(m.part).value &&
        pct.printed < Rational(100))
      return ShareMatch{};
    m.how = "share";
    return m;
  }
  // Rate: 录取率 19.21% — part named by the rate's stem, whole the figure before it.
  std::string lab = clean_label(pre, vocab);
  std::string_view suffix = text::ends_with_any(lab, vocab.list("rate_suffix"));
  if (suffix.empty()) return m;
  std::string stem = lab.substr(0, lab.size() - suffix.size());
  while (!stem.empty() && utf8_strip_last_if(stem, {"为", "是", "的"})) {}
  if (stem.empty()) return m;
  std::vector<int> segq;
  for (int id : before)
    if (fb.q(id).para_begin >= seg) segq.push_back(id);
  // "其中专升本 728 人。专升本率达到 18.6%。", "…其中优良天数 306 天。⏎⏎优良天数比例为 83.8%": a rate that opens its
  // sentence is read in the sentence before — in its paragraph, or the paragraph just before when the rate
  // opens its own — with the same care: a part its stem names, the whole the nearest figure before the part.
  // Read so, the rate is far from its figures: only a whole with no rival is taken (below).
  const bool looked_back = segq.empty() && before.empty();
  if (looked_back && !previous_sentence_figures(fb, rel, pct, s0, segq, p, s0)) return m;
  for (auto it = segq.rbegin(); it != segq.rend(); ++it) {
    const Quantity& q = fb.q(*it);
    if (usable(q) && (text::contains(q.label, stem) || text::contains(stem, q.label.empty() ? "\x01" : q.label))) {
      m.part = q.id;
      break;
    }
  }
  // A rate whose name holds more than the part's label names more than that part: 优良率 counts the
  // 优 days and the 良 days, not the figure labelled 良. Which figures add up to it is not clear.
  std::string_view rate_name = stem;
  for (std::string_view sep : {"，", ",", "；", "、"}) {
    size_t at = rate_name.rfind(sep);
    if (at != std::string_view::npos) rate_name.remove_prefix(at + sep.size());
  }
  if (m.part >= 0 && !rate_name.empty() && !text::contains(fb.q(m.part).label, rate_name)) return ShareMatch{};
  if (m.part < 0 && !segq.empty()) {
    // "毕业生中取得证书 812 人，取证率 86.9%": the part's label names its whole before 中.
    const Quantity& q = fb.q(segq.back());
    size_t zhong = text::find(q.label, "中");
    if (usable(q) && zhong != std::string::npos && zhong >= 6) {
      std::string core = named_core(q.label.substr(0, zhong), vocab);
      for (auto it = window.rbegin(); it != window.rend(); ++it) {
        const Quantity& w = fb.q(*it);
        if (w.para_begin < q.para_begin && usable(w) && w.unit == q.unit && label_names(w, core, vocab)) {
          m.part = q.id;
          m.whole = w.id;
          m.how = "rate";
          return m;
        }
      }
    }
  }
  if (m.part < 0) return m;
  // The whole: the nearest figure of the part's unit before it ("报名 1200 人，录取 960 人，录取率 80%").
  // With two or more such figures before the part ("毕业生 1250 人，参军入伍 21 人，自主创业 16 人，创业
  // 率 1.28%"), the nearest may be a sibling outcome of the whole rather than the whole: one reading
  // among others.
  int candidates = 0;
  for (auto it = segq.rbegin(); it != segq.rend(); ++it) {
    const Quantity& q = fb.q(*it);
    if (q.para_begin >= fb.q(m.part).para_begin) continue;
    // "一是盘活资金 A；二是压减支出 B，压减比例 p%": a figure of an earlier numbered item is another claim's.
    if (text::contains_any(p.substr(q.unit_end, fb.q(m.part).para_begin - q.unit_end), vocab.list("item_markers"))) break;
    if (usable(q) && !per_unit(rel, q.id) && q.unit == fb.q(m.part).unit) {
      if (m.whole < 0) m.whole = q.id;
      ++candidates;
    }
  }
  if (m.whole < 0) m.part = -1;
  if (looked_back && candidates > 1) return ShareMatch{};
  m.open_whole = candidates > 1;
  if (m.part >= 0 && !whole_of_siblings(fb, rel, m, p, s0, pct.para_begin)) return ShareMatch{};
  // 出生率 / 死亡率 ‰ are per the year's average population, which a stated year-end population (常住人口)
  // only comes near: such a rate is accepted within 5% of the reading, as an approximate share is.
  if (m.whole >= 0 && rate_base(pct) > 100 && text::contains(fb.q(m.whole).label, "人口")) m.approximate = true;
  // 新增比例: of the stock after the addition, or of the one before it.
  m.open_whole = m.open_whole || !text::starts_with_any(stem, vocab.list("change_added")).empty() ||
                 !text::starts_with_any(stem, vocab.list("change_net")).empty();
  m.how = "rate";
  return m;
}

// "小学生 3100 人、初中生 1500 人、高中生 600 人，分别占 59.6%、28.8%、11.5%": a run of percentages after
// 分别 states, in order, the shares of as many figures right before it. The run and its parts, or
// nothing when the percentage is in no such run or the figures before it do not line up with it (fewer,
// of two units, a change among them, or one more item of the same list before them: which n of them is
// open).
struct RespectiveRun {
  std::vector<int> pcts, parts;
};

std::optional<RespectiveRun> respective_run(const FactBase& fb, const Relations& rel, const Quantity& pct) {
  const auto& ids = fb.by_paragraph[pct.paragraph];
  std::string_view p = fb.para_text(pct.paragraph);
  size_t at = std::lower_bound(ids.begin(), ids.end(), pct.id) - ids.begin();
  auto is_pct = [&](size_t k) { return fb.q(ids[k]).kind == QuantityKind::Percent; };
  auto gap = [&](size_t a, size_t b) {
    const Quantity& x = fb.q(ids[a]);
    return p.substr(x.unit_end, fb.q(ids[b]).para_begin - x.unit_end);
  };
  size_t first = at;
  while (first > 0 && is_pct(first - 1) && fb.q(ids[first - 1]).sentence == pct.sentence && bulletin::list_joint(gap(first - 1, first)))
    --first;
  size_t last = at;
  while (last + 1 < ids.size() && is_pct(last + 1) && fb.q(ids[last + 1]).sentence == pct.sentence &&
         bulletin::list_joint(gap(last, last + 1)))
    ++last;
  if (first == last || first == 0) return std::nullopt;
  const Quantity& lead = fb.q(ids[first - 1]);
  // 分别, 依次 (the distributive words of two characters or more: 各 alone is too common a character).
  auto distributive = [&](std::string_view g) {
    for (const auto& w : fb.vocab->list("distributive").words())
      if (utf8::count_code_points(w) >= 2 && text::contains(g, w)) return true;
    return false;
  };
  if (lead.sentence != pct.sentence || !distributive(gap(first - 1, first))) return std::nullopt;
  RespectiveRun run;
  for (size_t k = first; k <= last; ++k) run.pcts.push_back(ids[k]);
  // "分别比上年增长 x%、y%": the run is the parts' growth rates (statements read it so), no shares.
  if (rel.st(run.pcts[0]).type != ValueType::Share) return RespectiveRun{run.pcts, {}};
  const size_t n = run.pcts.size();
  size_t k = first;  // the parts: the n figures before the run, one list
  while (run.parts.size() < n && k > 0) {
    const Quantity& q = fb.q(ids[--k]);
    const Statement& st = rel.st(q.id);
    if (q.sentence != pct.sentence || !usable(q) || st.type != ValueType::Level || st.previous) return RespectiveRun{run.pcts, {}};
    if (!run.parts.empty() && q.unit != fb.q(run.parts.back()).unit) return RespectiveRun{run.pcts, {}};
    run.parts.push_back(q.id);
  }
  if (run.parts.size() < n) return RespectiveRun{run.pcts, {}};
  std::reverse(run.parts.begin(), run.parts.end());
  // One more item of the same list before them ("甲 a、乙 b、丙 c、丁 d，分别占 x%、y%、z%").
  if (k > 0 && fb.q(ids[k - 1]).sentence == pct.sentence && fb.q(ids[k - 1]).unit == fb.q(run.parts[0]).unit) {
    std::string_view g = gap(k - 1, k);
    if (!text::contains_any(g, fb.vocab->list("breakdown")) && !text::contains(g, "；"))
      return RespectiveRun{run.pcts, {}};
  }
  return run;
}

}  // namespace

ShareMatch find_share(const FactBase& fb, const Relations& rel, const Quantity& pct) {
  if (pct.paragraph < 0 || rate_base(pct) == 0) return ShareMatch{};
  if (pct.kind == QuantityKind::Percent) {
    if (auto run = respective_run(fb, rel, pct)) {
      if (run->parts.empty()) return ShareMatch{};
      size_t i = std::find(run->pcts.begin(), run->pcts.end(), pct.id) - run->pcts.begin();
      ShareMatch first = one_share(fb, rel, fb.q(run->pcts[0]));
      ShareMatch m;
      m.how = "share";
      m.part = run->parts[i];
      m.approximate = first.approximate;
      bool whole_is_part = std::find(run->parts.begin(), run->parts.end(), first.whole) != run->parts.end();
      if (first.whole >= 0 && !whole_is_part) {
        m.whole = first.whole;
        m.open_whole = first.open_whole;
      } else {
        // No whole named: the 其中 list's the parts all belong to, else the sentence's (the unnamed path).
        int b = rel.part_of[run->parts[0]];
        for (int id : run->parts) b = rel.part_of[id] == b ? b : -1;
        if (b >= 0) m.whole = rel.breakdowns[b].whole;
        else m.unnamed = true;
      }
      if (m.whole >= 0 && fb.q(m.whole).unit != fb.q(m.part).unit) return ShareMatch{};
      return m;
    }
  }
  return one_share(fb, rel, pct);
}

bool utf8_strip_last_if(std::string& s, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (text::ends_with(s, w) && s.size() > w.size()) {
      s.resize(s.size() - w.size());
      return true;
    }
  return false;
}

namespace {

// part ÷ whole against the printed share, the whole one figure or the sum of several; reports unless
// `quiet`. Returns whether it holds.
bool verify_share_of(CheckContext& ctx, const Quantity& pct, int part_id, const std::vector<int>& wholes,
                     bool approximate, bool quiet) {
  const FactBase& fb = ctx.fb;
  const Quantity& part = fb.q(part_id);
  Interval whole_interval = Interval::exact(Rational(0));
  Rational whole_value(0);
  std::string whole_text;
  for (int id : wholes) {
    whole_interval = whole_interval + fb.q(id).interval();
    whole_value = whole_value + fb.q(id).value;
    whole_text += (whole_text.empty() ? "" : " + ") + fb.q(id).text;
  }
  if (wholes.size() > 1) whole_text = "(" + whole_text + ")";
  const Rational base(rate_base(pct));
  Interval computed = part.interval() / whole_interval * Interval::exact(base);
  RoundingVerdict v = compare_rounded(computed, pct.printed, pct.decimals);
  // "约占 40%": the report itself says the share is approximate — accept within 5% of it. A share printed
  // with decimals ("约占 64.0%") claims its precision all the same: 约 loosens it by one digit only
  // (63.5 to 64.5), not to 5%.
  if (v != RoundingVerdict::Match && approximate) {
    Interval loose{pct.printed * Rational(95, 100), pct.printed * Rational(105, 100)};
    if (pct.decimals >= 1 && rate_base(pct) == 100) {  // (a ‰ rate of a year-end population keeps its 5%)
      Rational half = Rational(1, 2);
      for (int d = 1; d < pct.decimals; ++d) half = half / Rational(10);
      loose = Interval{pct.printed - half, pct.printed + half};
    }
    if (computed.intersects(loose)) v = RoundingVerdict::Match;
  }
  if (quiet) return v == RoundingVerdict::Match;
  ctx.mark(pct.id);
  ctx.mark(part_id);
  std::vector<int> held{part_id};
  for (int id : wholes) {
    ctx.mark(id);
    held.push_back(id);
  }
  if (v != RoundingVerdict::Mismatch) ctx.held(held);  // only the printed share is off
  if (v == RoundingVerdict::Match) {
    held.push_back(pct.id);
    ctx.held(held);
    return true;
  }
  Rational exact = part.value / whole_value * base;
  std::string shown = exact.round_str(std::max(2, pct.decimals + 1));
  // A percentage's text holds its sign; a rate per mille or per 10万 says its base in its unit, and the
  // arithmetic spells the scaling out ("62 ÷ 28416 × 1000 = 2.18‰").
  const bool percent = pct.kind == QuantityKind::Percent;
  // The fix replaces the figure's span: a percentage's holds its sign, a rate's unit is outside it.
  std::string sign = percent ? (text::find(pct.text, "％") != std::string::npos ? "％" : "%") : "";
  std::string fix = exact.round_str(pct.decimals) + sign;
  std::string how = part.text + " ÷ " + whole_text;
  if (!percent) how += " × " + std::to_string(rate_base(pct));
  std::vector<CheckContext::Role> roles = {{part_id, "role.part"}};
  if (wholes.size() == 1) roles.push_back({wholes[0], "role.whole"});
  for (size_t i = 0; wholes.size() > 1 && i < wholes.size(); ++i)
    roles.push_back({wholes[i], Message("role.whole_n", {{"i", std::to_string(i + 1)}})});
  Message msg("arith.mismatch", {{"how", how},
                                 {"value", shown + (percent ? "%" : pct.unit)},
                                 {"fix", fix},
                                 {"stated", percent ? pct.text : pct.text + pct.unit},
                                 {"named", named(pct)}});
  if (v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
    msg.id = "arith.truncated";
    ctx.report(pct.id, msg, roles, fix, Severity::Warning, true);
  } else {
    ctx.report(pct.id, msg, roles, fix);
  }
  return false;
}

bool verify_share(CheckContext& ctx, const Quantity& pct, int part_id, int whole_id, bool approximate, bool quiet) {
  return verify_share_of(ctx, pct, part_id, {whole_id}, approximate, quiet);
}

struct Unnamed {
  int pct = -1;
  ShareMatch m;
};

// Shares whose 占 names no whole ("硕士 37 人（占 17.45%），高级职称 61 人（占 28.77%）"): the whole is
// the earlier figure of the sentence under which the sibling shares hold. Only a whole that makes
// at least one sibling hold, and no rival that does as well, is used.
// A lone unnamed share ("专业教师 713 人，“双师型”教师 487 人，占比 68.30%"): no sibling vouches for a
// whole. It is reported only when no figure of the sentence gives it and exactly one comes within 2%
// of it — a slip in one digit under that reading, a misreading under any other.
void check_lone_unnamed(CheckContext& ctx, const Unnamed& u) {
  const FactBase& fb = ctx.fb;
  const Quantity& part = fb.q(u.m.part);
  const Quantity& pct = fb.q(u.pct);
  const auto& ids = fb.by_paragraph[part.paragraph];
  size_t at = std::lower_bound(ids.begin(), ids.end(), part.id) - ids.begin();
  // "学校 60 名专业带头人中，具有企业工作经历的 22 人，占 36.6%": the sentence opens with its whole — the
  // one earlier figure of the part's unit that the words "…中" make the group the rest is drawn from.
  int among = -1, amongs = 0;
  for (size_t k = at > 40 ? at - 40 : 0; k < at; ++k) {
    const Quantity& w = fb.q(ids[k]);
    // 名 and 人 count the same people: the dimension, not the word, must agree.
    if (w.sentence != part.sentence || !usable(w) || w.dimension != part.dimension || w.dimension.empty() ||
        w.value < part.value)
      continue;
    if (text::ends_with(w.label, "中") && utf8::count_code_points(w.label) >= 3) {
      among = w.id;
      ++amongs;
    }
  }
  if (amongs == 1) {
    verify_share(ctx, pct, part.id, among, u.m.approximate, false);
    return;
  }
  int near = -1, nears = 0;
  for (size_t k = at > 40 ? at - 40 : 0; k < at; ++k) {
    const Quantity& w = fb.q(ids[k]);
    if (w.sentence != part.sentence || !usable(w) || w.unit != part.unit || w.value < part.value) continue;
    if (verify_share(ctx, pct, part.id, w.id, u.m.approximate, true)) return;  // some reading holds
    Rational computed = part.value / w.value * Rational(100);
    Rational diff = computed - pct.printed;
    if (diff.sign() < 0) diff = Rational(0) - diff;
    if (diff * Rational(50) <= pct.printed) {
      near = w.id;
      ++nears;
    }
  }
  if (nears == 1) verify_share(ctx, pct, part.id, near, u.m.approximate, false);
}

void check_unnamed(CheckContext& ctx, const std::vector<Unnamed>& group) {
  const FactBase& fb = ctx.fb;
  if (group.size() == 1) check_lone_unnamed(ctx, group[0]);
  if (group.size() < 2) return;
  const Quantity& first = fb.q(group[0].m.part);
  Rational biggest = first.value;
  for (const auto& u : group) {
    const Quantity& p = fb.q(u.m.part);
    if (p.unit != first.unit) return;
    if (biggest < p.value) biggest = p.value;
  }
  int best = -1, best_holds = 0, ties = 0;
  const auto& ids = fb.by_paragraph[first.paragraph];
  size_t at = std::lower_bound(ids.begin(), ids.end(), first.id) - ids.begin();
  for (size_t k = at > 40 ? at - 40 : 0; k < at; ++k) {
    int id = ids[k];
    const Quantity& w = fb.q(id);
    if (w.sentence != first.sentence) continue;
    if (!usable(w) || w.unit != first.unit || w.value < biggest) continue;
    int holds = 0;
    for (const auto& u : group) holds += verify_share(ctx, fb.q(u.pct), u.m.part, id, u.m.approximate, true);
    if (holds > best_holds) {
      best = id;
      best_holds = holds;
      ties = 0;
    } else if (holds == best_holds && holds > 0) {
      ++ties;
    }
  }
  if (best < 0 || ties > 0) return;
  for (const auto& u : group) verify_share(ctx, fb.q(u.pct), u.m.part, best, u.m.approximate, false);
}

// "等级公路 A，占公路总里程的 98.6%；其中二级及以上公路 B，占 17.2%": does the part's share fit the whole the
// parent's share is of — the figure that share names, or, when the report does not state it, the parent
// ÷ its share (B ÷ A × 98.6%, within the printed precision of both shares)?
bool fits_parents_whole(CheckContext& ctx, const Quantity& pct, const ShareMatch& m) {
  const FactBase& fb = ctx.fb;
  const Quantity& parent_pct = fb.q(m.parent_share);
  ShareMatch of_parent = find_share(fb, ctx.rel, parent_pct);
  if (of_parent.whole >= 0 && of_parent.part == m.whole)
    return verify_share(ctx, pct, m.part, of_parent.whole, m.approximate || of_parent.approximate, true);
  if (parent_pct.approx != Approx::None) return true;  // (约占: no whole to take apart)
  Interval computed = fb.q(m.part).interval() / fb.q(m.whole).interval() * parent_pct.interval();
  return compare_rounded(computed, pct.printed, pct.decimals) == RoundingVerdict::Match;
}

}  // namespace

void check_percent(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  std::vector<Unnamed> unnamed;
  auto flush = [&] {
    check_unnamed(ctx, unnamed);
    unnamed.clear();
  };
  for (const auto& pct : fb.ex.quantities) {
    if (rate_base(pct) == 0 || pct.approx != Approx::None || pct.paragraph < 0) continue;
    ShareMatch m = find_share(fb, ctx.rel, pct);
    if (m.unnamed && m.part >= 0) {
      if (!unnamed.empty() && fb.q(unnamed[0].pct).sentence != pct.sentence) flush();
      unnamed.push_back({pct.id, m});
      continue;
    }
    if (m.part >= 0 && !m.whole_sum.empty()) {
      verify_share_of(ctx, pct, m.part, m.whole_sum, m.approximate, false);
      continue;
    }
    if (m.part < 0 || m.whole < 0) continue;
    // A part's share after its parent's own share of a named whole: of the parent or of that whole —
    // reported only when it fits neither.
    if (m.parent_share >= 0 && !verify_share(ctx, pct, m.part, m.whole, m.approximate, true)) {
      if (!fits_parents_whole(ctx, pct, m)) verify_share(ctx, pct, m.part, m.whole, m.approximate, false);
      continue;
    }
    if (m.open_whole && !verify_share(ctx, pct, m.part, m.whole, m.approximate, true)) continue;
    // Two readings: the one that holds is kept (and marked held); with neither, the first is reported.
    if (m.other_whole >= 0 && verify_share(ctx, pct, m.part, m.other_whole, m.approximate, true)) {
      verify_share(ctx, pct, m.part, m.other_whole, m.approximate, false);
      continue;
    }
    verify_share(ctx, pct, m.part, m.whole, m.approximate, false);
  }
  flush();
}

}  // namespace tally
