// consistent: a headline figure repeated in several places has one value.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("consistent: a figure restated with another value") {
  std::string t = "全县开设 97 个专业，共计 259 个专业点。\n\n各校已开设适应区域产业的 252 个专业点。";
  Diagnostic d = only_one(run_rule("consistent", t));
  CHECK(d.rule == "consistent");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "252");  // the later statement
  CHECK(related_texts(t, d) == std::vector<std::string>{"259"});
  CHECK(starts_with(related_roles(d)[0], "stated elsewhere as: 259"));
  CHECK(d.message == "专业点 is stated as 252 个 here but as 259 on line 1");
  CHECK_FALSE(d.fix);
}

TEST_CASE("consistent: 万 figures are compared at their printed precision") {
  // 4.51 万 stands for 45050–45150
  CHECK(run_rule("consistent", "全市中等职业学校在校生 4.51 万人。\n\n全市中等职业学校在校生 45100 人。").empty());
  // 5.6 万 stands for 55500–56500
  std::string t = "全市中等职业学校在校生 5.6 万人。\n\n全市中等职业学校在校生 56720 人。";
  Diagnostic d = only_one(run_rule("consistent", t));
  CHECK(span_text(t, d.span) == "56720");
  CHECK(related_texts(t, d) == std::vector<std::string>{"5.6 万"});
  CHECK(contains(d.message, "is stated as 56720 人 here but as 5.6 万 on line 1"));
}

TEST_CASE("consistent: compound multipliers (万亿, 百万, 千万) compare in one scale") {
  // The same amount in 亿 and in 万亿: no contradiction (万亿 was read as 万 before, a false alarm).
  CHECK(run_rule("consistent", "全国一般公共预算收入 217000 亿元。\n\n全国一般公共预算收入 21.7 万亿元。").empty());
  CHECK(run_rule("consistent", "全市固定资产投资 3520 万元。\n\n全市固定资产投资 35.2 百万元。").empty());
  CHECK(run_rule("consistent", "全市社会捐赠 1200 万元。\n\n全市社会捐赠 1.2 千万元。").empty());
  // A real difference is still one.
  std::string t = "全国一般公共预算收入 217000 亿元。\n\n全国一般公共预算收入 23.1 万亿元。";
  Diagnostic d = only_one(run_rule("consistent", t));
  CHECK(span_text(t, d.span) == "23.1 万亿");
}

TEST_CASE("consistent: the same value everywhere passes") {
  CHECK(run_rule("consistent", "全县开设 97 个专业，共计 259 个专业点。\n\n各校已开设适应区域产业的 259 个专业点。").empty());
}

TEST_CASE("consistent: traps — other scopes, other years, a school's own case") {
  CHECK(run_rule("consistent", "全县中职学校现有专任教师 1648 人。\n\n全县职业院校（含技工院校）专任教师 4784 人。").empty());
  CHECK(run_rule("consistent", "2023 年全市中等职业学校在校生 45000 人。\n\n2024 年全市中等职业学校在校生 47000 人。").empty());
  CHECK(run_rule("consistent", "全市中等职业学校在校生 45000 人。\n\n案例：红星职业学校在校生 4700 人。").empty());
}

TEST_CASE("consistent: the odd one out of three statements") {
  std::string t =
      "全市中等职业学校在校生 45000 人。\n\n全市中等职业学校在校生 45000 人。\n\n全市中等职业学校在校生 46000 人。";
  Diagnostic d = only_one(run_rule("consistent", t));
  CHECK(span_text(t, d.span) == "46000");
  CHECK(related_texts(t, d) == std::vector<std::string>{"45000", "45000"});
  CHECK(contains(d.message, "is stated as 46000 人 here but as 45000 on line 1, 45000 on line 3"));
}

TEST_CASE("consistent: approximate figures (余, 约) are not compared") {
  CHECK(run_rule("consistent", "全市中等职业学校在校生 4.5 万余人。\n\n全市中等职业学校在校生 52000 人。").empty());
  CHECK(run_rule("consistent", "全市中等职业学校在校生约 4.5 万人。\n\n全市中等职业学校在校生 52000 人。").empty());
}
