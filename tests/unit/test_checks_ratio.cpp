// Ratios: parts of 10 or 100 add up (ratio-sum), 生师比 = students ÷ teachers
// (student-teacher-ratio), 职普比 follows the two enrolments (enrolment-ratio).
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("ratio-sum: parts of 10 that do not add up") {
  std::string t = "全县高中阶段职普招生比为 2.79:7.31。";
  Diagnostic d = only_one(run_rule("ratio-sum", t));
  CHECK(d.rule == "ratio-sum");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "2.79:7.31");
  CHECK(d.message == "2.79 + 7.31 = 10.1, but the parts of a ratio out of 10 must add up to 10");
  CHECK(d.related.empty());
  CHECK_FALSE(d.fix);
}

TEST_CASE("ratio-sum: parts of 100") {
  std::string t = "两类学校学生比例为 55.5:45.5。";
  Diagnostic d = only_one(run_rule("ratio-sum", t));
  CHECK(span_text(t, d.span) == "55.5:45.5");
  CHECK(contains(d.message, "55.5 + 45.5 = 101, but the parts of a ratio out of 100 must add up to 100"));
  CHECK(run_rule("ratio-sum", "两类学校学生比例为 55.5:44.5。").empty());
}

TEST_CASE("ratio-sum: silent for splits that add up and for 1:x multiples") {
  CHECK(run_rule("ratio-sum", "全县高中阶段职普招生比为 2.79:7.21。").empty());
  CHECK(run_rule("ratio-sum", "全县高中阶段的招生职普比是 1:2.57。").empty());
  CHECK(run_rule("ratio-sum", "全县高中阶段的招生职普比是 1:1.5。").empty());
}

TEST_CASE("student-teacher-ratio: a ratio that does not follow from the counts") {
  std::string t = "全市中等职业学校在校生 4000 人。专任教师 200 人，生师比为 25。";
  Diagnostic d = only_one(run_rule("student-teacher-ratio", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "25");
  CHECK(related_texts(t, d) == std::vector<std::string>{"4000", "200"});
  auto roles = related_roles(d);
  CHECK(starts_with(roles[0], "students: 4000"));
  CHECK(starts_with(roles[1], "full-time teachers: 200"));
  CHECK(d.message == "4000 students ÷ 200 full-time teachers = 20.00, but the report says a student-teacher ratio of 25");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "20");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "25 implies 5000 students, or 160 teachers");
}

TEST_CASE("student-teacher-ratio: a decimal ratio off by its last digit") {
  std::string t = "全市中等职业学校在校生 4000 人。专任教师 200 人，生师比为 20.02。";
  Diagnostic d = only_one(run_rule("student-teacher-ratio", t));
  CHECK(span_text(t, d.span) == "20.02");
  CHECK(contains(d.message, "= 20.000, but the report says a student-teacher ratio of 20.02"));
  CHECK(d.fix->replacement == "20.00");
}

TEST_CASE("student-teacher-ratio: the x:1 form") {
  std::string t = "全市中等职业学校在校生 4000 人。专任教师 200 人，生师比为 20.5:1。";
  Diagnostic d = only_one(run_rule("student-teacher-ratio", t));
  CHECK(span_text(t, d.span) == "20.5:1");
  CHECK(contains(d.message, "but the report says a student-teacher ratio of 20.5:1"));
  CHECK(run_rule("student-teacher-ratio", "全市中等职业学校在校生 4000 人。专任教师 200 人，生师比为 20:1。").empty());
}

TEST_CASE("student-teacher-ratio: silent when right or when a count is missing") {
  CHECK(run_rule("student-teacher-ratio", "全市中等职业学校在校生 4000 人。专任教师 200 人，生师比为 20。").empty());
  CHECK(run_rule("student-teacher-ratio", "全市中等职业学校在校生 4100 人。专任教师 200 人，生师比为 20.5。").empty());
  CHECK(run_rule("student-teacher-ratio", "全市中等职业学校专任教师 200 人，生师比为 25。").empty());
}

TEST_CASE("enrolment-ratio: parts of 10 computed from the two enrolments") {
  std::string t = "全市中等职业学校招生 15286 人；普通高中招生 24870 人，高中阶段教育招生职普比为 3.5:6.5。";
  Diagnostic d = only_one(run_rule("enrolment-ratio", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "3.5:6.5");
  CHECK(related_texts(t, d) == std::vector<std::string>{"15286", "24870"});
  CHECK(starts_with(related_roles(d)[0], "vocational: 15286"));
  CHECK(starts_with(related_roles(d)[1], "general: 24870"));
  CHECK(d.message == "vocational 15286 and general 24870 give a ratio of 3.8:6.2, but the report says 3.5:6.5");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "3.8:6.2");
  CHECK(run_rule("enrolment-ratio", "全市中等职业学校招生 15286 人；普通高中招生 24870 人，高中阶段教育招生职普比为 3.8:6.2。").empty());
}

TEST_CASE("enrolment-ratio: the 1:x form") {
  CHECK(run_rule("enrolment-ratio", "全市中等职业学校招生 10000 人；普通高中招生 25700 人，高中阶段的招生职普比是 1:2.57。").empty());
  std::string t = "全市中等职业学校招生 10000 人；普通高中招生 27000 人，高中阶段的招生职普比是 1:2.57。";
  Diagnostic d = only_one(run_rule("enrolment-ratio", t));
  CHECK(span_text(t, d.span) == "1:2.57");
  CHECK(contains(d.message, "give a ratio of 1:2.70"));
  CHECK(d.fix->replacement == "1:2.70");
}

TEST_CASE("enrolment-ratio: a ratio of another measure is not compared") {
  // 在校生职普比 against 招生 counts
  CHECK(run_rule("enrolment-ratio", "全市中等职业学校招生 10000 人；普通高中招生 27000 人，在校生职普比为 1:2.57。").empty());
}
