// per-capita: 生均 values equal total ÷ students; per-capita-magnitude: no 生均 in 亿.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("per-capita: a 生均 value that does not follow from total and students") {
  std::string t = "全市中等职业学校在校生 20000 人。占地面积 100 万平方米，生均占地面积 40 平方米。";
  Diagnostic d = only_one(run_rule("per-capita", t));
  CHECK(d.rule == "per-capita");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "40");
  CHECK(related_texts(t, d) == std::vector<std::string>{"100 万", "20000"});
  CHECK(starts_with(related_roles(d)[0], "total: 100 万"));
  CHECK(starts_with(related_roles(d)[1], "students: 20000"));
  CHECK(starts_with(d.message, "100 万"));
  CHECK(contains(d.message, "÷ 20000 students = 50.00, but the report says 40 平方米 per student"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "50");
  REQUIRE_FALSE(d.notes.empty());
  CHECK(contains(d.notes[0], "÷ 40 平方米 implies 25000 students, not 20000"));
}

TEST_CASE("per-capita: 万 values and 万 students") {
  CHECK(run_rule("per-capita", "全市中等职业学校在校生 2.4 万人。仪器设备值 18000 万元，生均 0.75 万元。").empty());
  std::string t = "全市中等职业学校在校生 2.4 万人。仪器设备值 18000 万元，生均 0.85 万元。";
  Diagnostic d = only_one(run_rule("per-capita", t));
  CHECK(span_text(t, d.span) == "0.85 万");
  CHECK(related_texts(t, d) == std::vector<std::string>{"18000 万", "2.4 万"});
  CHECK(starts_with(d.message, "18000 万"));
  CHECK(contains(d.message, "students = 0.75 万元, but the report says 0.85 万"));
  REQUIRE(d.fix.has_value());
  CHECK(d.fix->replacement == "0.75 万");
}

TEST_CASE("per-capita: silent when right") {
  CHECK(run_rule("per-capita", "全市中等职业学校在校生 20000 人。占地面积 100 万平方米，生均占地面积 50 平方米。").empty());
}

TEST_CASE("per-capita: without students, the odd 生均 value of a paragraph is a warning") {
  std::string head =
      "学校占地面积 30 万平方米，生均占地面积 60 平方米；建筑面积 20 万平方米，生均建筑面积 40 平方米；"
      "纸质图书 50 万册，生均图书 100 册；仪器设备值 6000 万元，生均仪器设备值 ";
  std::string t = head + "1.5 万元。";
  Diagnostic d = only_one(run_rule("per-capita", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "1.5 万");
  CHECK(related_texts(t, d) == std::vector<std::string>{"6000 万", "60", "40", "100"});
  CHECK(starts_with(related_roles(d)[1], "implies about 5000 students"));
  CHECK(starts_with(d.message, "6000 万"));
  CHECK(contains(d.message, "implies 4000 students, but the other per-student values here imply about 5000"));
  CHECK(run_rule("per-capita", head + "1.2 万元。").empty());
}

TEST_CASE("per-capita-magnitude: a 生均 value in 亿") {
  std::string t = "全市职业教育总投入 5 亿元，生均一般公共预算经费 3.2 亿元。";
  Diagnostic d = only_one(run_rule("per-capita-magnitude", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "3.2 亿");
  CHECK(starts_with(d.message, "a per-student value of 3.2 亿"));
  CHECK(contains(d.message, "is implausible: is this a total labelled 生均?"));
  CHECK(run_rule("per-capita-magnitude", "全市职业教育总投入 5 亿元，生均一般公共预算经费 1.2 万元。").empty());
  // a total in 亿 is fine
  CHECK(run_rule("per-capita-magnitude", "全市职业教育总投入 5 亿元。").empty());
}

TEST_CASE("per-capita: a stated basis is the count divided by") {
  // 按折合在校生数计算: checked against the converted count the report states, not the full-time one.
  CHECK(run_rule("per-capita", "学校全日制在校生 8000 人，折合在校生 10000 人。占地面积 50 万平方米，生均占地面积 50 平方米"
                               "（按折合在校生数计算）。")
            .empty());
  std::string t = "学校全日制在校生 8000 人，折合在校生 10000 人。占地面积 50 万平方米，生均占地面积 62.5 平方米"
                  "（按折合在校生数计算）。";
  Diagnostic d = only_one(run_rule("per-capita", t));
  CHECK(span_text(t, d.span) == "62.5");
  CHECK(contains(d.message, "÷ 10000 students = 50.00"));
  // The basis named but its count not stated: nothing to check against.
  CHECK(run_rule("per-capita", "学校全日制在校生 8000 人。占地面积 50 万平方米，生均占地面积 50 平方米，按折合在校生计算。").empty());
  // 本科在校生 is also written 本科生.
  CHECK(run_rule("per-capita", "学校全日制在校生 8000 人，其中本科生 5000 人。本科实验经费 100 万元，生均本科实验经费 200 元，"
                               "按本科在校生数计算。")
            .empty());
}

TEST_CASE("per-capita: values of two levels do not imply one count") {
  CHECK(run_rule("per-capita", "全县小学校舍面积 20 万平方米，生均校舍面积 10 平方米；初中校舍面积 15 万平方米，生均校舍面积 15 平方米。"
                               "小学图书 60 万册，生均图书 30 册。")
            .empty());
}

TEST_CASE("student-teacher-ratio: the converted basis") {
  std::string base = "学校全日制在校生 8000 人，折合在校生 9000 人。专任教师 420 人，外聘教师 60 人，教师总数 450 人，生师比为 ";
  CHECK(run_rule("student-teacher-ratio", base + "20:1。").empty());  // 9000 ÷ 450
  CHECK(only_one(run_rule("student-teacher-ratio", base + "16:1。")).rule == "student-teacher-ratio");
  // Teachers from outside beside it and no 教师总数: the ratio may count half of them.
  CHECK(run_rule("student-teacher-ratio", "学校全日制在校生 8000 人，折合在校生 9000 人。专任教师 420 人，外聘教师 60 人，生师比为 20:1。")
            .empty());
}
