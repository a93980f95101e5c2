// per-capita (生均): a per-student value equals its total ÷ the enrolled
// students. When the students are stated, each 生均 value is checked against
// them; when they are not, the students each value implies are compared.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "checks/check.h"
#include "extract/label_match.h"

namespace tally {

namespace {

struct Pair {
  int total = -1, per = -1;
};

bool is_per_capita(const Quantity& q, const Vocabulary& vocab) {
  return q.kind == QuantityKind::Number && q.paragraph >= 0 && text::contains_any(q.label, vocab.list("per_capita"));
}

std::vector<Pair> find_pairs(const FactBase& fb) {
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

std::string scope_key(const Quantity& q) {
  return (q.in_case ? "case|" : "|") + (q.scope == "secondary" ? std::string() : q.scope);
}

}  // namespace

void check_per_capita(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  std::vector<Pair> pairs = find_pairs(fb);
  // Every stated student count, found once and grouped by scope, one figure per distinct value (a
  // long report that repeats its counts stays linear).
  std::map<std::string, std::vector<int>> students_by_scope;
  for (const auto& q : fb.ex.quantities)
    if (q.kind == QuantityKind::Number && q.approx == Approx::None && q.dimension == "people" &&
        label_is(q, vocab.list("students"), vocab)) {
      auto& ids = students_by_scope[scope_key(q)];
      bool seen = false;
      for (int id : ids) seen |= fb.q(id).value == q.value && fb.q(id).decimals == q.decimals;
      if (!seen && ids.size() < 64) ids.push_back(q.id);
    }
  for (const auto& pr : pairs) {
    const Quantity& t = fb.q(pr.total);
    const Quantity& per = fb.q(pr.per);
    // Students stated in the report for the same scope.
    auto found = students_by_scope.find(scope_key(per));
    if (found == students_by_scope.end()) continue;
    const std::vector<int>& students = found->second;
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
                                                                             : (t.value / s.value).str(2) + " " + per.unit},
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
    const std::vector<Pair>& local = pairs_in[pi];
    // A handful of 生均 values per paragraph is the case this handles; a long list is not compared.
    if (local.size() < 3 || local.size() > 12) continue;
    bool any_students = false;
    for (const auto& [key, ids] : students_by_scope)
      for (int id : ids)
        if (FactBase::same_scope(fb.q(id), fb.q(local[0].per))) any_students = true;
    if (any_students) continue;
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
