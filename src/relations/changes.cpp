#include "relations/changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/text.h"
#include "base/utf8.h"
#include "relations/bulletin_util.h"
#include "relations/repeats.h"

namespace tally {

namespace {

// "2025 年一般公共预算收入预算安排 54.40 亿元，比上年执行数增长 4.0%": a plan set against last year's
// actual, which the report states elsewhere ("全市一般公共预算收入 52.30 亿元" in the 执行 section or a
// table's 执行数). The actual is the report's one value of the plan's measure (its plan words set aside)
// that is not of the plan's own year, not a plan itself and not in this sentence. -1 when there is none,
// or two values.
class LastActual {
 public:
  LastActual(const FactBase& fb, const std::vector<Statement>& st) : fb_(fb), st_(st) {}

  int find(int level, int rate) {
    const Vocabulary& v = *fb_.vocab;
    if (!text::contains_any(bulletin::clause_before(fb_, fb_.q(rate)), v.list("budget_vs_actual"))) return -1;
    const Quantity& l = fb_.q(level);
    std::string base = identity_measure(fb_, l, st_[level]);
    std::string_view plan = text::ends_with_any(base, v.list("budget_plan_words"));
    if (plan.empty() || plan.size() == base.size()) return -1;
    base.resize(base.size() - plan.size());
    if (!indexed_) {
      indexed_ = true;
      for (const auto& q : fb_.ex.quantities)
        if (st_[q.id].type == ValueType::Level && !st_[q.id].target && !st_[q.id].previous && q.approx == Approx::None)
          by_identity_[identity_measure(fb_, q, st_[q.id])].push_back(q.id);
    }
    auto it = by_identity_.find(base);
    if (it == by_identity_.end()) return -1;
    int found = -1;
    for (int id : it->second) {
      const Quantity& q = fb_.q(id);
      if (q.sentence == l.sentence || q.unit != l.unit) continue;
      if (l.year && q.year && q.year != l.year - 1) continue;  // the plan's own year, or an earlier one
      // A table's 预算数 column is last year's plan, not its actual.
      if (q.table >= 0 && text::contains_any(q.col_label, v.list("budget_figure"))) continue;
      if (found >= 0 && fb_.q(found).value != q.value) return -1;
      if (found < 0) found = q.id;
    }
    return found;
  }

 private:
  const FactBase& fb_;
  const std::vector<Statement>& st_;
  // Levels by identity, built on first use (most reports state no such rate): a lookup per plan, so a
  // long document with many plans stays linear.
  bool indexed_ = false;
  std::unordered_map<std::string, std::vector<int>> by_identity_;
};

// A span of years said in words: "过去五年", "近 3 年", "五年来", "十年间", "“十四五”期间" (a five-year
// plan's period); the number of years, or 0. A span only begun ("十四五"以来) says no number.
int span_in_words(std::string_view s, const Vocabulary& v) {
  for (const auto& plan : v.list("five_year_plan")) {
    size_t at = text::find(s, plan);
    if (at == std::string_view::npos) continue;
    std::string_view after = s.substr(at + plan.size());
    for (std::string_view quote : {"”", "\"", "’"})
      if (text::starts_with(after, quote)) after.remove_prefix(quote.size());
    if (text::starts_with(after, "期间") || text::starts_with(after, "时期")) return 5;
  }
  for (size_t at = text::find(s, "年"); at != std::string_view::npos; at = text::find(s, "年", at + 1)) {
    std::string_view head = text::trim_right(s.substr(0, at));
    size_t b = head.size();
    bool digits = false;
    while (b > 0 && head[b - 1] >= '0' && head[b - 1] <= '9') --b, digits = true;
    if (!digits)
      while (b >= 3) {
        size_t k = b - 3;
        char32_t c = utf8::next(head, k);
        if (!text::is_cn_numeral(c) || c == U'百' || c == U'千' || c == U'零' || c == U'〇') break;
        b -= 3;
      }
    if (b == head.size()) continue;
    std::string_view num = head.substr(b);
    long long n = digits ? std::stoll(std::string(num)) : text::parse_cn_numeral(num);
    if (n < 2 || n > 20) continue;
    std::string_view before = text::trim_right(head.substr(0, b));
    std::string_view after = s.substr(at + std::string_view("年").size());
    if (!text::ends_with_any(before, v.list("span_before")).empty() ||
        !text::starts_with_any(after, v.list("span_after")).empty())
      return static_cast<int>(n);
  }
  return 0;
}

// "由 2020 年的 A 增加到 2024 年的 V，年均增长 r%": r is a yearly rate compounded over the years
// between the two dated levels, not one period's growth. The number of years, or 0 when the rate is
// not an average; -1 when it is one but the years are not known. Undated levels take the span the
// rate's sentence, its paragraph's opening clause or its section's title says in words ("过去五年，…从
// A 增加到 V，年均增长 r%"); `alt` is then one year fewer, as a report may count the years of the span
// or the steps between its first and last year.
int average_years(const FactBase& fb, const ChangeRelation& r, int& alt) {
  alt = 0;
  const Quantity& g = fb.q(r.rate);
  if (!text::contains_any(bulletin::near_before(fb, g), fb.vocab->list("average_annual_growth"))) return 0;
  if (r.previous < 0) return -1;
  int to = fb.q(r.level).year, from = fb.q(r.previous).year;
  if (to && from) return to > from ? to - from : -1;
  if (to || from || g.paragraph < 0) return -1;  // one end dated, the other not
  std::string_view p = fb.para_text(g.paragraph);
  uint32_t s0 = fb.sentence_start(g.paragraph, g.para_begin);
  int n = span_in_words(p.substr(s0, g.para_begin - s0), *fb.vocab);
  if (!n) n = span_in_words(p.substr(0, std::min(text::find(p, "，"), p.size())), *fb.vocab);
  if (!n && g.line >= 1 && g.line <= static_cast<int>(fb.doc.lines.size())) {
    int sec = fb.doc.lines[g.line - 1].section;
    if (sec >= 0) n = span_in_words(fb.doc.sections[sec].title, *fb.vocab);
  }
  if (!n) return -1;
  alt = n - 1;
  return n;
}

// The comparison level (由 A / 从 A) right before a change, in its sentence, with the verb alone between
// ("由 57.1% 提高 1.5 个百分点"), of the level's dimension; -1 when there is none.
int comparison_right_before(const FactBase& fb, const std::vector<Statement>& st, int change, const Quantity& level) {
  const Quantity& c = fb.q(change);
  if (c.paragraph < 0) return -1;
  const auto& ids = fb.by_paragraph[c.paragraph];
  size_t at = std::lower_bound(ids.begin(), ids.end(), change) - ids.begin();
  if (at == 0) return -1;
  const Quantity& a = fb.q(ids[at - 1]);
  const Statement& t = st[a.id];
  if (a.sentence != c.sentence || !t.previous || !same_kind_of_measure(a, level)) return -1;
  if (a.para_begin < level.para_begin && a.paragraph == level.paragraph) return -1;  // "由 A 增至 V" is read above
  if (!text::starts_with(t.cue, "由") && !text::starts_with(t.cue, "从")) return -1;
  std::string_view verb = fb.para_text(c.paragraph).substr(a.unit_end, c.para_begin - a.unit_end);
  if (text::contains(verb, "，") || text::contains(verb, "；") || utf8::count_code_points(verb) > 6) return -1;
  return a.id;
}

// Which period the comparison before a change or rate is with — the words between the figure before it
// (or its sentence's start) and it: 1 the same period last year (同比), 2 the start of this year (比年初),
// 3 the month before (环比); 0 when none is said.
int period_compared(const FactBase& fb, const Quantity& q) {
  if (q.paragraph < 0) return 0;
  std::string_view p = fb.para_text(q.paragraph);
  uint32_t from = fb.sentence_start(q.paragraph, q.para_begin);
  const auto& ids = fb.by_paragraph[q.paragraph];
  size_t at = std::lower_bound(ids.begin(), ids.end(), q.id) - ids.begin();
  if (at > 0 && fb.q(ids[at - 1]).sentence == q.sentence) from = std::max(from, fb.q(ids[at - 1]).unit_end);
  std::string_view before = p.substr(from, std::min<size_t>(q.para_begin, p.size()) - from);
  const Vocabulary& v = *fb.vocab;
  if (text::contains_any(before, v.list("period_year_on_year"))) return 1;
  if (text::contains_any(before, v.list("period_year_to_date"))) return 2;
  if (text::contains_any(before, v.list("period_month_on_month"))) return 3;
  return 0;
}

}  // namespace

std::vector<ChangeRelation> find_changes(const FactBase& fb, const std::vector<Statement>& st,
                                         const std::vector<Breakdown>& breakdowns, const std::vector<int>& part_of) {
  std::vector<ChangeRelation> out;
  // Per level: the changes and rates that qualify it (ids in text order).
  std::map<int, std::vector<int>> qualifiers;
  for (const auto& s : st) {
    if ((s.type == ValueType::Change || s.type == ValueType::Growth) && s.qualifies >= 0)
      qualifiers[s.qualifies].push_back(s.quantity);
    // "从 91.6% 提高到 93.2%，提高 1.6 个百分点", "占比 41.3%，上年为 38.9%，提高 2.4 个百分点": the points
    // are the change of a rate's level, a share's too.
    // "增长 7.4%，比上年（5.8%）加快 1.6 个百分点": a growth rate's change from last year's rate, too.
    if (s.type == ValueType::PointChange && s.qualifies >= 0 &&
        (st[s.qualifies].type == ValueType::Level || st[s.qualifies].type == ValueType::Share ||
         st[s.qualifies].type == ValueType::Growth))
      qualifiers[s.qualifies].push_back(s.quantity);
  }
  LastActual actuals(fb, st);
  for (const auto& [level, qs] : qualifiers) {
    const Quantity& v = fb.q(level);
    if (st[level].type != ValueType::Level && st[level].type != ValueType::PerCapita &&
        st[level].type != ValueType::Share && st[level].type != ValueType::Growth)
      continue;
    ChangeRelation r;
    r.level = level;
    int changes = 0, rates = 0;
    for (int id : qs) {
      if (st[id].type == ValueType::Change || st[id].type == ValueType::PointChange) {
        ++changes;
        r.change = id;
      } else {
        ++rates;
        r.rate = id;
      }
    }
    // Two changes or two rates for one level (年末 and 全年, 名义 and 实际): which goes with
    // which is not clear enough to check.
    if (changes > 1) r.change = -1;
    if (rates > 1) r.rate = -1;
    // "余额 V，同比增长 p%，比年初增加 C": a rate and a change against two periods are no figures of one
    // comparison — each is left with the level alone.
    if (r.change >= 0 && r.rate >= 0) {
      int pc = period_compared(fb, fb.q(r.change)), pr = period_compared(fb, fb.q(r.rate));
      if (pc != 0 && pr != 0 && pc != pr) r.change = r.rate = -1;
    }
    // The comparison period's level: a figure marked as such (比上年的 A, 由 A 增至 V) next to V, with
    // no other level of the same dimension between them.
    if (v.paragraph >= 0) {
      const auto& ids = fb.by_paragraph[v.paragraph];
      size_t at = std::lower_bound(ids.begin(), ids.end(), level) - ids.begin();  // ids are in text order
      // Another figure of V's kind (a level for a level, a share for a share) between them is the one the
      // comparison level goes with: "A 占比由上年的 p 降至 q；B 占 r，下降 0.3 个百分点" — p is q's.
      const ValueType kind = st[level].type;  // (a structured binding cannot be captured before C++20's clang)
      auto same_dim_level = [&](int id) {
        return fb.q(id).dimension == v.dimension && st[id].type == kind && !st[id].previous;
      };
      // Nor does a comparison level reach across a semicolon: each clause of a ；-list has its own.
      std::string_view para = fb.para_text(v.paragraph);
      auto across_semicolon = [&](const Quantity& a) {
        size_t lo = std::min(a.para_begin, v.para_begin), hi = std::max(a.para_begin, v.para_begin);
        std::string_view between = para.substr(lo, hi - lo);
        return text::contains(between, "；") || text::contains(between, ";");
      };
      for (int dir : {+1, -1}) {
        for (size_t k = at, n = 0; r.previous < 0 && n < 24; ++n) {
          if (dir < 0 && k == 0) break;
          k += dir;
          if (k >= ids.size()) break;
          const Quantity& a = fb.q(ids[k]);
          if (a.sentence != v.sentence || across_semicolon(a)) break;
          if (st[a.id].previous && same_kind_of_measure(a, v)) {
            // "由 A 增至 V" stands before V; "V，比上年的 A …" after it.
            if ((dir < 0) == (st[a.id].cue == "由" || st[a.id].cue == "从" || text::starts_with(st[a.id].cue, "由") ||
                              text::starts_with(st[a.id].cue, "从")))
              r.previous = a.id;
            break;
          }
          // (The budget a completion rate is of — "完成调整预算 B 的 96.8%，比上年 A 增长…" — is no level of
          // its own kind in between either.)
          if (same_dim_level(a.id) && !bulletin::bracketed_alone(fb, a) && !fb.base_of_rate(a)) break;
        }
      }
    }
    // "X 为 V，X 由 A 提高 p": the comparison level right before the change, the verb alone between, is
    // the change's own (the new level V is said before it, in the sentence or the one before).
    if (r.previous < 0 && r.change >= 0) r.previous = comparison_right_before(fb, st, r.change, v);
    if (r.rate >= 0) {
      int alt = 0;
      int years = average_years(fb, r, alt);
      if (years < 0) r.rate = -1;  // an average over years not known: no one period's rate to check
      if (years > 0) r.years = years;
      r.years_alt = alt;
    }
    // "国家级奖励 A、省级奖励 B，国家级奖项较上年的 P 增加 C": a change whose own subject named an earlier
    // level than the nearest carries its comparison level right before it, in its own clause.
    if (r.previous < 0 && r.change >= 0 && st[r.change].type == ValueType::Change) {
      const Quantity& c = fb.q(r.change);
      const auto& ids = fb.by_paragraph[c.paragraph];
      size_t at = std::lower_bound(ids.begin(), ids.end(), r.change) - ids.begin();
      if (at > 0) {
        const Quantity& a = fb.q(ids[at - 1]);
        std::string_view between = fb.para_text(c.paragraph).substr(a.unit_end, c.para_begin - a.unit_end);
        if (a.sentence == c.sentence && st[a.id].previous && same_kind_of_measure(a, v) &&
            a.para_begin > v.para_begin && !text::contains(between, "，") && !text::contains(between, "；"))
          r.previous = a.id;
      }
    }
    if (r.previous < 0 && r.change < 0 && r.rate >= 0) {
      r.previous = actuals.find(level, r.rate);
      r.plan = r.previous >= 0;
    }
    // A level that is itself a part of a 其中 list may be read in place of its whole ("全市获奖 64 个，其中
    // 一等奖 13 个 … 三等奖 29 个，较上年的 57 个增加 7 个"): keep the whole as a rival reading.
    // A run after 分别 names its part by its place ("其中 A a、B b，分别增长 x%、y%"): no rival.
    bool respective = std::any_of(qs.begin(), qs.end(), [&](int id) { return st[id].respective; });
    // Nor when the change names the part in its own words ("其中 60 周岁及以上老年人口 B。与上年末相比，60 周
    // 岁及以上老年人口增加 C").
    const std::string& m = st[level].measure;  // (a structured binding no lambda may capture under clang)
    bool named = std::any_of(qs.begin(), qs.end(), [&](int id) {
      const Quantity& c = fb.q(id);
      if (c.paragraph < 0 || utf8::count_code_points(m) < 3) return false;
      uint32_t s0 = fb.sentence_start(c.paragraph, c.para_begin);
      return c.sentence != v.sentence && text::contains(fb.para_text(c.paragraph).substr(s0, c.para_begin - s0), m);
    });
    if (part_of[level] >= 0 && !respective && !named) r.rivals.push_back(breakdowns[part_of[level]].whole);
    int known = (r.change >= 0) + (r.rate >= 0) + (r.previous >= 0);
    if (known == 0 || (known == 1 && r.rate < 0)) continue;  // a lone amount says nothing checkable
    if (r.plan) {
      r.why = Message("why.change_plan", {{"figure", v.text}, {"line", std::to_string(fb.q(r.previous).line)}});
    } else {
      // What is given, as one id: why.given.p (comparison level), .c (change amount), .r (growth rate), .pc, ….
      std::string given = std::string(r.previous >= 0 ? "p" : "") + (r.change >= 0 ? "c" : "") + (r.rate >= 0 ? "r" : "");
      r.why = Evidence(Message(v.paragraph < 0 ? "why.change_table" : "why.change_sentence", {{"figure", v.text}}),
                       {{"given", Message("why.given." + given)}});
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace tally
