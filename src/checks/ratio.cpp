// ratio: "2.79:7.21" parts of 10 add up to 10; 生师比 agrees with students ÷
// teachers; 职普比 agrees with the two enrolment counts it summarises.
#include <fmt/format.h>

#include <map>
#include <set>

#include "base/text.h"
#include "checks/basis.h"
#include "checks/check.h"
#include "extract/label_match.h"

namespace tally {

void check_ratio_sum(CheckContext& ctx) {
  for (const auto& q : ctx.fb.ex.quantities) {
    if (q.kind != QuantityKind::Ratio || q.ratio_parts.size() != 2) continue;
    bool decimals = true;
    for (size_t i = 0; i < q.ratio_parts.size(); ++i) {
      // The "1:2.57" form states a multiple, not parts of a whole.
      if (q.ratio_decimals[i] == 0) decimals = false;
    }
    if (!decimals) continue;
    Interval sum = Interval::exact(Rational(0));
    Rational exact(0);
    for (size_t i = 0; i < q.ratio_parts.size(); ++i) {
      Rational half = pow10(-q.ratio_decimals[i]) / Rational(2);
      sum = sum + Interval{q.ratio_parts[i] - half, q.ratio_parts[i] + half};
      exact = exact + q.ratio_parts[i];
    }
    Rational target;
    if (exact >= Rational(8) && exact <= Rational(12)) target = Rational(10);
    else if (exact >= Rational(80) && exact <= Rational(120)) target = Rational(100);
    else continue;
    ctx.mark(q.id);
    // Parts are computed as x and 10 − x, so their printed values add up exactly
    // (a true value falling exactly on a rounding boundary is the only exception).
    if (exact == target) continue;
    ctx.report(q.id,
               Message("ratio.parts", {{"a", q.ratio_parts[0].str(4)},
                                       {"b", q.ratio_parts[1].str(4)},
                                       {"sum", exact.str(4)},
                                       {"target", target.str(0)}}),
               {});
  }
}

namespace {

// The stated counts of one kind (students, teachers), grouped by scope and case, one figure per
// distinct value: a ratio is compared with each pair of distinct values, not each pair of figures,
// so a long report that repeats its counts stays linear.
using CountGroups = std::map<std::string, std::vector<int>>;

std::string count_key(const FactBase& fb, const Quantity& q) {
  return (q.in_case ? "case|" : "|") + std::string(fb.scope_of(q));
}

void add_distinct(CountGroups& g, const FactBase& fb, const Quantity& q) {
  auto& ids = g[count_key(fb, q)];
  for (int id : ids)
    if (fb.q(id).value == q.value && fb.q(id).decimals == q.decimals) return;
  if (ids.size() < 64) ids.push_back(q.id);
}

// "4 所示范校在校生 16250 人，专任教师 912 人，生师比 17.82:1": the one count of students and the one
// of teachers that the ratio's own sentence states before it (their names may carry the group they
// count: 示范校在校生). They are the likeliest pair, so they are tried too and shown when none fits;
// two counts of either kind leave the sentence without a pair.
bool sentence_pair(const FactBase& fb, const Quantity& r, int& student, int& teacher) {
  const Vocabulary& v = *fb.vocab;
  int students = 0, teachers = 0;
  for (int id : fb.sentence_before(r)) {
    const Quantity& q = fb.q(id);
    if (q.kind != QuantityKind::Number || q.approx != Approx::None || q.dimension != "people") continue;
    // 体育课专任教师 ends like 专任教师 but counts another group.
    if (!q.metric.empty() && q.metric != "students" && q.metric != "full-time-teachers") continue;
    if (!text::ends_with_any(q.label, v.list("students")).empty()) {
      student = q.id;
      ++students;
    } else if (!text::ends_with_any(q.label, v.list("teachers")).empty()) {
      teacher = q.id;
      ++teachers;
    }
  }
  return students == 1 && teachers == 1;
}

// The name of a count without 数, 人数: 折合学生数 → 折合学生.
std::string_view without_count_suffix(std::string_view name, const Vocabulary& v) {
  name.remove_suffix(text::ends_with_any(name, v.list("measure_suffix_stop")).size());
  return name;
}

// The counts a 生师比 may be computed on besides 在校生 ÷ 专任教师: 折合在校生 ÷ 教师总数 (专任教师 and
// half the teachers from outside), the basis of an undergraduate assessment. The rule's params name them.
struct ConvertedCounts {
  CountGroups students, teachers;
  std::set<int> external;  // paragraphs that count teachers from outside (外聘教师) apart
};

ConvertedCounts converted_counts(const CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& v = *fb.vocab;
  const std::vector<std::string>& converted = ctx.strings("converted_students");
  const std::vector<std::string>& all_teachers = ctx.strings("all_teachers");
  const std::vector<std::string>& external = ctx.strings("external_teachers");
  ConvertedCounts c;
  for (const auto& q : fb.ex.quantities) {
    if (q.kind != QuantityKind::Number || q.approx != Approx::None || q.dimension != "people") continue;
    std::string core = core_label(q.label, v);
    if (!text::ends_with_any(core, v.list("teachers")).empty()) continue;  // 专任教师总数
    if (!text::ends_with_any(without_count_suffix(core, v), converted).empty())
      add_distinct(c.students, fb, q);
    else if (!text::ends_with_any(core, all_teachers).empty())
      add_distinct(c.teachers, fb, q);
    else if (!text::ends_with_any(without_count_suffix(core, v), external).empty())
      c.external.insert(q.paragraph);
  }
  return c;
}

void add_group(std::vector<int>& ids, const CountGroups& g, const std::string& key) {
  auto it = g.find(key);
  if (it != g.end()) ids.insert(ids.end(), it->second.begin(), it->second.end());
}

}  // namespace

// 生师比 = students ÷ full-time teachers, for the same scope.
void check_student_teacher_ratio(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  CountGroups all_students, all_teachers;
  for (const auto& q : fb.ex.quantities) {
    if (q.kind != QuantityKind::Number || q.approx != Approx::None || q.dimension != "people") continue;
    if (label_is(q, vocab.list("students"), vocab) && ctx.rel.part_of[q.id] < 0) add_distinct(all_students, fb, q);
    if (label_is(q, vocab.list("teachers"), vocab)) add_distinct(all_teachers, fb, q);
  }
  const ConvertedCounts converted = converted_counts(ctx);
  for (const auto& r : fb.ex.quantities) {
    if (r.paragraph < 0 || r.approx != Approx::None) continue;
    if (!text::contains_any(r.label, vocab.list("student_teacher_ratio"))) continue;
    Rational stated;
    int decimals;
    if (r.kind == QuantityKind::Ratio && r.ratio_parts.size() == 2 && r.ratio_parts[1] == Rational(1) && r.ratio_decimals[1] == 0) {
      stated = r.ratio_parts[0];
      decimals = r.ratio_decimals[0];
    } else if (r.kind == QuantityKind::Number && r.unit.empty()) {
      stated = r.printed;
      decimals = r.decimals;
    } else {
      continue;
    }
    auto si = all_students.find(count_key(fb, r));
    auto ti = all_teachers.find(count_key(fb, r));
    std::vector<int> students, teachers;
    int own_student = -1, own_teacher = -1;
    if (sentence_pair(fb, r, own_student, own_teacher)) {
      students.push_back(own_student);
      teachers.push_back(own_teacher);
    } else if (si == all_students.end() || ti == all_teachers.end()) {
      continue;
    }
    if (si != all_students.end()) students.insert(students.end(), si->second.begin(), si->second.end());
    if (ti != all_teachers.end()) teachers.insert(teachers.end(), ti->second.begin(), ti->second.end());
    // A ratio on the converted basis: 折合在校生 ÷ 教师总数, when the report states them; a ratio whose
    // text names its students (按折合在校生数计算) is computed on those alone, or not checked.
    add_group(students, converted.students, count_key(fb, r));
    add_group(teachers, converted.teachers, count_key(fb, r));
    std::string_view basis = basis_of(fb, r);
    if (!basis.empty() && !is_default_students(basis, vocab)) {
      students = basis_counts(fb, basis, r);
      if (students.empty()) continue;
    }
    ctx.mark(r.id);
    bool ok = false;
    for (int s : students)
      for (int t : teachers)
        if (compare_rounded(fb.q(s).interval() / fb.q(t).interval(), stated, decimals) != RoundingVerdict::Mismatch) {
          ok = true;
          ctx.held({r.id, s, t});
        }
    if (ok) continue;
    // Teachers from outside counted apart beside it and no 教师总数 stated: the ratio may count half of them.
    if (converted.external.count(r.paragraph) && !converted.teachers.count(count_key(fb, r))) continue;
    const Quantity& s = fb.q(students.front());
    const Quantity& t = fb.q(teachers.front());
    Rational computed = s.value / t.value;
    ctx.report(r.id,
               Message("ratio.student_teacher", {{"students", s.value.str(0)},
                                                 {"teachers", t.value.str(0)},
                                                 {"value", computed.round_str(std::max(2, decimals + 1))},
                                                 {"stated", r.text}}),
               {{students.front(), "role.students"}, {teachers.front(), "role.teachers"}},
               computed.round_str(decimals) + (r.kind == QuantityKind::Ratio ? r.text.substr(r.text.find_last_of(":：") == std::string::npos ? r.text.size() : r.text.find_last_of(":")) : ""),
               Severity::Error, false,
               {Message("ratio.student_teacher_implies", {{"stated", r.text},
                                                          {"students", (t.value * stated).str(0)},
                                                          {"teachers", (s.value / stated).str(0)}})});
  }
}

}  // namespace tally

namespace tally {

namespace {

// The one measure (招生 or 在校生) among the figures that the figures state for both 中职 and 普通高中;
// empty when none or both are.
std::string measure_of_both(const FactBase& fb, const std::vector<int>& ids) {
  std::set<std::string> gen_metrics, voc_metrics;
  for (int id : ids) {
    const Quantity& q = fb.q(id);
    if (q.metric != "enrolment" && q.metric != "students") continue;
    if (q.scope == "general-high-school") gen_metrics.insert(q.metric);
    if (q.scope == "secondary") voc_metrics.insert(q.metric);
  }
  std::vector<std::string> both;
  for (const auto& m : gen_metrics)
    if (voc_metrics.count(m)) both.push_back(m);
  return both.size() == 1 ? both[0] : "";
}

}  // namespace

// 职普比: a:b summarises the vocational and general counts (招生 or 在校生) the
// paragraph states — as parts of 10 ("2.79:7.21") or as a multiple ("1:2.57").
void check_vocational_general_ratio(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  std::map<std::pair<int, int>, std::vector<int>> row_cells;  // (table, row) → cells, found once
  for (const auto& q : fb.ex.quantities)
    if (q.table >= 0) row_cells[{q.table, q.row}].push_back(q.id);
  for (const auto& r : fb.ex.quantities) {
    if (r.kind != QuantityKind::Ratio || r.ratio_parts.size() != 2 || r.approx != Approx::None) continue;
    if (!text::contains_any(r.label, vocab.list("enrolment_ratio"))) continue;
    // Which measure: the metric named in the ratio's label (招生职普比, 在校生职普比).
    std::string metric;
    for (const auto& m : vocab.metrics)
      for (const auto& a : m.aliases)
        if (text::contains(r.label, a) && (m.id == "enrolment" || m.id == "students")) metric = m.id;
    // Candidates: the paragraph's figures before the ratio, or the cells of the ratio's table row.
    std::vector<int> pool;
    if (r.paragraph >= 0) {
      for (int id : fb.by_paragraph[r.paragraph])
        if (fb.q(id).para_begin < r.para_begin) pool.push_back(id);
    } else {
      for (int id : row_cells[{r.table, r.row}])
        if (id != r.id) pool.push_back(id);
    }
    // A ratio that names no measure ("职普比" beside 普通高中在校生 and 中职在校生, or after "普通高中招生 …，
    // 中职招生 …"): the one measure its row or paragraph states for both kinds of school; with two, say nothing.
    if (metric.empty()) metric = measure_of_both(fb, pool);
    if (metric.empty()) continue;
    std::vector<int> voc, gen;
    for (int id : pool) {
      const Quantity& q = fb.q(id);
      if (q.kind != QuantityKind::Number || q.approx != Approx::None || q.metric != metric) continue;
      // A sub-group of the same kind of school (公办学校在校生) is not the count the ratio summarises;
      // a part of a broader scope (高中阶段 = 普通高中 + 中职) is.
      if (ctx.rel.part_of[id] >= 0) {
        const Quantity& w = fb.q(ctx.rel.breakdowns[ctx.rel.part_of[id]].whole);
        if (w.metric == metric && w.scope == q.scope) continue;
      }
      if (q.scope == "general-high-school") gen.push_back(id);
      else if (q.scope == "secondary" || q.scope.empty()) voc.push_back(id);
    }
    if (voc.empty() || gen.empty()) continue;
    const Rational& a = r.ratio_parts[0];
    const Rational& b = r.ratio_parts[1];
    bool one_to_x = a == Rational(1) && r.ratio_decimals[0] == 0;
    Rational base = a + b;
    if (!one_to_x && !(base == Rational(10) || base == Rational(100))) continue;
    bool ok = false;
    for (int v : voc)
      for (int g : gen) {
        Interval vi = fb.q(v).interval(), gi = fb.q(g).interval();
        if (one_to_x) {
          ok |= compare_rounded(gi / vi, b, r.ratio_decimals[1]) != RoundingVerdict::Mismatch;
        } else {
          Interval share = vi / (vi + gi) * Interval::exact(base);
          ok |= compare_rounded(share, a, r.ratio_decimals[0]) != RoundingVerdict::Mismatch;
        }
      }
    ctx.mark(r.id);
    for (int v : voc) ctx.mark(v);
    for (int g : gen) ctx.mark(g);
    if (ok) continue;
    const Quantity& v = fb.q(voc.back());
    const Quantity& g = fb.q(gen.back());
    std::string computed;
    if (one_to_x) {
      computed = "1:" + (g.value / v.value).round_str(r.ratio_decimals[1]);
    } else {
      Rational x = v.value / (v.value + g.value) * base;
      computed = x.round_str(r.ratio_decimals[0]) + ":" + (base - Rational::parse(x.round_str(r.ratio_decimals[0]))).round_str(r.ratio_decimals[1]);
    }
    ctx.report(r.id,
               Message("ratio.enrolment", {{"vocational", v.text}, {"general", g.text}, {"computed", computed}, {"stated", r.text}}),
               {{voc.back(), "role.vocational"}, {gen.back(), "role.general"}}, computed);
  }
}

}  // namespace tally
