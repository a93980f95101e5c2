// count: a count names as many items as it says (等 lists may name fewer).
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("count: a list after 分别是 shorter than its count") {
  std::string t = "今年新审批 3 所民办学校，分别是红星职业学校、青山职业学校。";
  Diagnostic d = only_one(run_rule("count", t));
  CHECK(d.rule == "count");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "3");
  CHECK(d.message == "the text says 3 所 but names 2 items");
  CHECK(d.related.empty());
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "2");
}

TEST_CASE("count: a list longer than its count") {
  std::string t = "组建 2 个职教集团，分别是红星集团、青山集团、绿水集团。";
  Diagnostic d = only_one(run_rule("count", t));
  CHECK(span_text(t, d.span) == "2");
  CHECK(d.message == "the text says 2 个 but names 3 items");
  CHECK(d.fix->replacement == "3");
}

TEST_CASE("count: Chinese numerals, list before the count and in parentheses") {
  std::string t = "李明、王芳三位老师获评省级名师。";
  Diagnostic d = only_one(run_rule("count", t));
  CHECK(span_text(t, d.span) == "三");
  CHECK(d.message == "the text says 三 位 but names 2 items");
  CHECK_FALSE(d.fix.has_value());  // no Arabic digit in place of a Chinese numeral
  std::string u = "实施“四个方案”（育人方案、师资方案、实训方案）。";
  Diagnostic e = only_one(run_rule("count", u));
  CHECK(span_text(u, e.span) == "四");
  CHECK(e.message == "the text says 四 个 but names 3 items");
}

TEST_CASE("count: lists that match stay silent") {
  CHECK(run_rule("count", "今年新审批 2 所民办学校，分别是红星职业学校、青山职业学校。").empty());
  CHECK(run_rule("count", "李明、王芳、赵强三位老师获评省级名师。").empty());
}

TEST_CASE("count: traps — lists with 等, lists of figures") {
  CHECK(run_rule("count", "开设会计事务、汽车运用与维修等 7 个专业。").empty());
  CHECK(run_rule("count", "组建 4 个职教集团，分别是红星集团、青山集团等。").empty());
  // a list of counts is not a list of names
  CHECK(run_rule("count", "全市有 3 所学校获奖，获奖人数分别为 12 人、15 人、9 人。").empty());
}
