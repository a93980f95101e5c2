// per-capita (生均): a per-student value equals its total ÷ the enrolled
// students. When the students are stated, each 生均 value is checked against
// them; when they are not, the students each value implies are compared.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "checks/basis.h"
#include "checks/check.h"
#include "extract/label_match.h"
#include "relations/averages.h"

namespace tally {

namespace {

struct Pair {
  int total = -1, per = -1;
};

bool is_per_capita(const Quantity& q, const Vocabulary& vocab) {
  return q.kind == QuantityKind::Number && q.paragraph >= 0 && text::contains_any(q.label, vocab.list("per_capita"));
}

std::vector<Pair> find_pairs(const FactBase& fb, const Relations& rel) {
  std::vector<Pair> pairs;
  const Vocabulary& vocab = *fb.vocab;
  for (size_t pi = 0; pi < fb.by_paragraph.size(); ++pi) {
    const auto& ids = fb.by_paragraph[pi];
    for (size_t k = 0; k < ids.size(); ++k) {
      const Quantity& per = fb.q(ids[k]);
      if (!is_per_capita(per, vocab) || per.approx != Approx::None || per.unit.empty()) continue;
      // The total: the earlier figure of the same dimension in the sentence that the value names
      // (生均纸质图书 → 纸质图书, not the 数字图书 next to it), else the nearest one.
      std::string stem;
      for (const auto& w : vocab.list("per_capita")) {
        size_t at = per.label.rfind(w);
        if (at != std::string::npos) stem = per.label.substr(at + w.size());
      }
      int nearest = -1, named = -1;
      for (size_t j = k; j-- > 0;) {
        const Quantity& t = fb.q(ids[j]);
        if (t.sentence != per.sentence) break;
        if (is_per_capita(t, vocab)) continue;  // another average of the same list
        // "总值 A 万元，较上年增加 B 万元，生均…": a change or last year's level is no total.
        if (rel.st(t.id).type != ValueType::Level || rel.st(t.id).previous) continue;
        // "新增图书 2.1 万册，馆藏图书 38.6 万册，生均图书…": what the year added is no total of a value per
        // student of what there is.
        if (flow_for_stock(t.label, per.label, vocab)) continue;
        if (t.kind == QuantityKind::Number && t.dimension == per.dimension && !t.dimension.empty() &&
            t.approx == Approx::None) {
          if (nearest < 0) nearest = t.id;
          if (named < 0 && stem.size() >= 6 && text::ends_with(t.label, stem)) named = t.id;
        }
      }
      if (named >= 0 || nearest >= 0) pairs.push_back({named >= 0 ? named : nearest, per.id});
    }
  }
  return pairs;
}

std::string scope_key(const FactBase& fb, const Quantity& q) {
  return (q.in_case ? "case|" : "|") + std::string(fb.scope_of(q));
}

// The students a value may divide by. A value whose text states another basis (按折合在校生数计算)
// divides by that count when the report states it, else by nothing it can be checked with (empty).
// A total of one category (民办学校校舍面积) divides by that category's students only.
std::vector<int> divisors(const FactBase& fb, const Pair& pr, const std::vector<int>& students) {
  const Vocabulary& vocab = *fb.vocab;
  const Quantity& per = fb.q(pr.per);
  std::string_view basis = basis_of(fb, per);
  std::string group = basis.empty() ? group_basis(per.label, fb.q(pr.total).label, vocab) : std::string();
  if (!group.empty()) basis = group;
  if (!basis.empty() && !is_default_students(basis, vocab)) return basis_counts(fb, basis, per);
  std::string_view member = partition_member(fb.q(pr.total).label, vocab);
  if (member.empty()) return students;
  std::vector<int> own;
  for (int s : students)
    if (text::contains(fb.q(s).label, member)) own.push_back(s);
  return own;
}

// The level of school a value is of: the one its total's name states (中职学校…总值, 高职院校…, 小学…),
// else one the packs define that the value's clause is in (an entity scope read off a subject is not a
// level). 中职 is the default of a vocational report, as for the students.
std::string level_of(const FactBase& fb, const Pair& pr) {
  const Vocabulary& vocab = *fb.vocab;
  std::string_view label = fb.q(pr.total).label;
  std::string level;
  for (size_t i = 0; i < label.size() && level.empty(); ++i) {
    std::string_view word = vocab.scope_words.prefix_of(label.substr(i));
    if (word.empty()) continue;
    auto it = vocab.scope_of_word.find(word);
    if (it != vocab.scope_of_word.end()) level = it->second;
  }
  if (level.empty())
    for (const auto& s : vocab.scopes)
      if (s.id == fb.q(pr.per).scope) level = s.id;
  return level == fb.own_scope ? "" : level;
}

// Which values of a paragraph must imply one student count: those of one level and one category,
// computed on one basis (小学 and 初中, 公办 and 民办 have students of their own).
std::string population_key(const FactBase& fb, const Pair& pr) {
  const Vocabulary& vocab = *fb.vocab;
  const Quantity& per = fb.q(pr.per);
  std::string_view basis = basis_of(fb, per);
  std::string group = basis.empty() ? group_basis(per.label, fb.q(pr.total).label, vocab) : std::string();
  if (!group.empty()) basis = group;
  if (is_default_students(basis, vocab)) basis = {};
  return (per.in_case ? "case|" : "|") + level_of(fb, pr) + "|" +
         std::string(partition_member(fb.q(pr.total).label, vocab)) + "|" + std::string(basis);
}

bool students_stated(const FactBase& fb, const Pair& pr, const std::map<std::string, std::vector<int>>& students_by_scope) {
  for (const auto& [key, ids] : students_by_scope)
    for (int id : ids)
      if (fb.same_scope(fb.q(id), fb.q(pr.per))) return true;
  return false;
}

// No students stated: the 生均 values of one population in a paragraph must imply the same student count.
void compare_implied(CheckContext& ctx, const std::vector<Pair>& local,
                     const std::map<std::string, std::vector<int>>& students_by_scope) {
  const FactBase& fb = ctx.fb;
  // A handful of 生均 values per paragraph is the case this handles; a long list is not compared.
  if (local.size() < 3 || local.size() > 12 || students_stated(fb, local[0], students_by_scope)) return;
  std::vector<Interval> implied;
  for (const auto& pr : local) implied.push_back(fb.q(pr.total).interval() / fb.q(pr.per).interval());
  for (size_t i = 0; i < local.size(); ++i) {
    int agree = 0;
    for (size_t j = 0; j < local.size(); ++j)
      if (i != j && implied[i].intersects(implied[j])) ++agree;
    int others_agree = 0;  // how many of the others agree with each other
    for (size_t a = 0; a < local.size(); ++a)
      for (size_t b = a + 1; b < local.size(); ++b)
        if (a != i && b != i && implied[a].intersects(implied[b])) ++others_agree;
    size_t others = local.size() - 1;
    if (agree == 0 && others_agree == static_cast<int>(others * (others - 1) / 2)) {
      const Quantity& t = fb.q(local[i].total);
      const Quantity& per = fb.q(local[i].per);
      std::vector<CheckContext::Role> roles = {{local[i].total, "role.total"}};
      for (size_t j = 0; j < local.size(); ++j)
        if (j != i)
          roles.push_back({local[j].per, Message("role.implies_students",
                                                 {{"n", (fb.q(local[j].total).value / fb.q(local[j].per).value).str(0)}})});
      const Pair& next = local[(i + 1) % local.size()];
      ctx.report(local[i].per,
                 Message("per_capita.others_imply", {{"total", show(t)},
                                                     {"per", show(per)},
                                                     {"implied", (t.value / per.value).str(0)},
                                                     {"others", (fb.q(next.total).value / fb.q(next.per).value).str(0)}}),
                 roles, std::nullopt, Severity::Warning, true);
    }
  }
}

}  // namespace

void check_per_capita(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  std::vector<Pair> pairs = find_pairs(fb, ctx.rel);
  // Every stated student count, found once and grouped by scope, one figure per distinct value (a
  // long report that repeats its counts stays linear).
  std::map<std::string, std::vector<int>> students_by_scope;
  for (const auto& q : fb.ex.quantities)
    if (q.kind == QuantityKind::Number && q.approx == Approx::None && q.dimension == "people" &&
        label_is(q, vocab.list("students"), vocab)) {
      auto& ids = students_by_scope[scope_key(fb, q)];
      bool seen = false;
      for (int id : ids) seen |= fb.q(id).value == q.value && fb.q(id).decimals == q.decimals;
      if (!seen && ids.size() < 64) ids.push_back(q.id);
    }
  for (const auto& pr : pairs) {
    const Quantity& t = fb.q(pr.total);
    const Quantity& per = fb.q(pr.per);
    // Students stated in the report for the same scope.
    static const std::vector<int> kNone;
    auto found = students_by_scope.find(scope_key(fb, per));
    const std::vector<int> students = divisors(fb, pr, found == students_by_scope.end() ? kNone : found->second);
    if (students.empty()) continue;
    ctx.mark(pr.total);
    ctx.mark(pr.per);
    bool ok = false, truncated = false;
    for (int s : students) {
      Interval computed = t.interval() / fb.q(s).interval() / Interval::exact(Rational(per.multiplier));
      RoundingVerdict v = compare_rounded(computed, per.printed, per.decimals);
      if (v == RoundingVerdict::Match) {
        ok = true;
        ctx.held({pr.total, pr.per, s});
      } else if (v == RoundingVerdict::Truncated) {
        truncated = true;
        ctx.held({pr.total, s});
      }
    }
    for (int s : students) ctx.mark(s);
    if (ok) continue;
    if (truncated && !ctx.truncation_is_error) {
      const Quantity& s = fb.q(students.front());
      Rational computed = t.value / s.value / Rational(per.multiplier);
      size_t digits_end = per.text.find_first_not_of("0123456789.,");
      std::string fix =
          computed.round_str(per.decimals) + (digits_end == std::string::npos ? "" : per.text.substr(digits_end));
      ctx.report(pr.per,
                 Message("per_capita.truncated", {{"total", show(t)},
                                                  {"students", s.text},
                                                  {"value", computed.round_str(std::max(2, per.decimals + 1))},
                                                  {"fix", fix},
                                                  {"stated", show(per)},
                                                  {"named", named(per)}}),
                 {{pr.total, "role.total"}, {students.front(), "role.students"}}, fix, Severity::Warning, true);
      continue;
    }
    const Quantity& s = fb.q(students.front());
    Rational computed = t.value / s.value / Rational(per.multiplier);
    Rational implied = t.value / per.value;
    // Keep what follows the digits as printed ("0.85 万" → "0.75 万").
    size_t digits_end = per.text.find_first_not_of("0123456789.,");
    std::string fix = computed.round_str(per.decimals) + (digits_end == std::string::npos ? "" : per.text.substr(digits_end));
    std::vector<Message> notes = {Message("per_capita.implies", {{"total", show(t)},
                                                                 {"per", show(per)},
                                                                 {"implied", implied.str(0)},
                                                                 {"students", s.value.str(0)}})};
    if (students.size() > 1) notes.push_back(Message("per_capita.none_fits", {{"n", std::to_string(students.size())}}));
    // Chinese shows the quotient in the value's own unit at its printed precision (33.00 平方米).
    std::string value_unit = (t.value / s.value).round_str(std::max(2, per.decimals)) + " " + per.unit;
    ctx.report(pr.per,
               Message("per_capita.mismatch", {{"total", show(t)},
                                               {"students", s.text},
                                               {"value", per.multiplier == 1 ? computed.round_str(std::max(2, per.decimals + 1))
                                                         : computed < Rational(1, 100)
                                                             // a 生均 value in 亿 is a total mislabelled: in plain 元
                                                             ? (t.value / s.value).str(2) + " " + per.unit
                                                             : computed.str(per.decimals + 2) + " " +
                                                                   std::string(scale_word(per.multiplier)) + per.unit},
                                               {"value_unit", value_unit},
                                               {"stated", show(per)},
                                               {"named", named(per)}}),
               {{pr.total, "role.total"}, {students.front(), "role.students"}}, fix, Severity::Error, false, notes);
    // The student count could be the wrong figure instead: offered as the other way to resolve it.
    // Written the way the count is printed: 4.51 万 → "4.99 万".
    if (students.size() == 1 && per.multiplier == 1 && implied.sign() > 0) {
      size_t digits_end = s.text.find_first_not_of("0123456789.,");
      std::string suffix = digits_end == std::string::npos ? "" : s.text.substr(digits_end);
      ctx.out.back().alternatives.push_back(Fix{s.span, (implied / Rational(s.multiplier)).round_str(s.decimals) + suffix});
    }
  }
  // No students stated: the 生均 values of one paragraph must imply the same student count. The pairs
  // are sorted into their paragraphs in one pass (a pass over all pairs for each paragraph was
  // quadratic in a long document).
  std::vector<std::vector<Pair>> pairs_in(fb.by_paragraph.size());
  for (const auto& pr : pairs) {
    int p = fb.q(pr.per).paragraph;
    if (p >= 0 && static_cast<size_t>(p) < pairs_in.size()) pairs_in[p].push_back(pr);
  }
  for (size_t pi = 0; pi < fb.by_paragraph.size(); ++pi) {
    // The paragraph as a whole is compared only when its values are few and no students are stated
    // for its first; its groups are then compared each on its own (a split never adds a comparison).
    const std::vector<Pair>& all = pairs_in[pi];
    if (all.size() < 3 || all.size() > 12 || students_stated(fb, all[0], students_by_scope)) continue;
    std::map<std::string, std::vector<Pair>> populations;
    for (const auto& pr : all) populations[population_key(fb, pr)].push_back(pr);
    for (const auto& [key, local] : populations) compare_implied(ctx, local, students_by_scope);
  }
}

// per-capita-magnitude: a 生均 value written in 亿 is a total mislabelled as per student.
// Several such values in one sentence are one slip (totals listed under 生均 names): one finding, on
// the first, with the others as related figures.
void check_per_capita_magnitude(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  std::vector<int> run;
  auto flush = [&] {
    if (run.empty()) return;
    std::vector<CheckContext::Role> roles;
    for (size_t i = 1; i < run.size(); ++i) roles.push_back({run[i], "role.also_yi"});
    ctx.report(run[0], Message("per_capita.magnitude", {{"figure", show(fb.q(run[0]))}}), roles);
    run.clear();
  };
  for (const auto& q : fb.ex.quantities) {
    if (!is_per_capita(q, *fb.vocab)) continue;
    ctx.mark(q.id);
    if (q.multiplier < 100000000) continue;
    if (!run.empty() && (q.paragraph < 0 || fb.q(run[0]).sentence != q.sentence)) flush();
    run.push_back(q.id);
  }
  flush();
}

}  // namespace tally
