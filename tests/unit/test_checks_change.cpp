// Changes: 新增 − 撤销 = 净增 (net-change); growth percentages (growth).
#include <doctest/doctest.h>

#include "check_helpers.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("net-change: 新增 − 撤销 ≠ 净增") {
  std::string t = "取消专业 8 个，增设专业 21 个，专业净增 12 个。";
  Diagnostic d = only_one(run_rule("net-change", t));
  CHECK(d.rule == "net-change");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "12");
  CHECK(related_texts(t, d) == std::vector<std::string>{"21", "8"});
  CHECK(related_roles(d) == std::vector<std::string>{"added: 21 (增设专业)", "removed: 8 (取消专业)"});
  CHECK(d.message == "21 − 8 = 13, but the net change says 12");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "13");
}

TEST_CASE("net-change: silent when right or when the net change is in another sentence") {
  CHECK(run_rule("net-change", "取消专业 8 个，增设专业 21 个，专业净增 13 个。").empty());
  CHECK(run_rule("net-change", "取消专业 8 个，增设专业 21 个。专业净增 12 个。").empty());
}

TEST_CASE("growth: a growth percentage that does not follow from the two figures") {
  std::string t = "2022 届学生入职月薪是 2800 元，2023 届学生入职月薪是 3000 元，月薪提高 9%。";
  Diagnostic d = only_one(run_rule("growth", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "9%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"2800", "3000"});
  CHECK(starts_with(related_roles(d)[0], "before: 2800"));
  CHECK(starts_with(related_roles(d)[1], "after: 3000"));
  CHECK(d.message == "(3000 − 2800) ÷ 2800 = 7.14%, but the report says 9%");
  CHECK(d.fix->replacement == "7%");
}

TEST_CASE("growth: printed precision decides") {
  std::string head = "2022 届学生入职月薪是 2800 元，2023 届学生入职月薪是 3000 元，月薪提高 ";
  CHECK(run_rule("growth", head + "7%。").empty());
  CHECK(run_rule("growth", head + "7.14%。").empty());
  CHECK(run_rule("growth", head + "7.1%。").empty());
  std::string t = head + "7.15%。";
  Diagnostic d = only_one(run_rule("growth", t));
  CHECK(contains(d.message, "(3000 − 2800) ÷ 2800 = 7.143%, but the report says 7.15%"));
  CHECK(d.fix->replacement == "7.14%");
}

TEST_CASE("growth: an approximate figure is not compared") {
  CHECK(run_rule("growth", "2022 届学生入职月薪是 2800 元，2023 届学生入职月薪约 3000 元，月薪提高 9%。").empty());
}

TEST_CASE("net-change: other words for added and removed (增设, 停招)") {
  std::string t = "停招专业 3 个，增设专业 10 个，专业净增 8 个。";
  Diagnostic d = only_one(run_rule("net-change", t));
  CHECK(span_text(t, d.span) == "8");
  CHECK(related_texts(t, d) == std::vector<std::string>{"10", "3"});
  CHECK(d.message == "10 − 3 = 7, but the net change says 8");
  CHECK(d.fix->replacement == "7");
  CHECK(run_rule("net-change", "停招专业 3 个，增设专业 10 个，专业净增 7 个。").empty());
}

TEST_CASE("net-change: 净增加 is the net, not an addition") {
  std::string t = "取消专业 5 个，增加专业 12 个，净增加 8 个。";
  Diagnostic d = only_one(run_rule("net-change", t));
  CHECK(span_text(t, d.span) == "8");
  CHECK(related_texts(t, d) == std::vector<std::string>{"12", "5"});
  CHECK(d.message == "12 − 5 = 7, but the net change says 8");
  CHECK(run_rule("net-change", "取消专业 5 个，增加专业 12 个，净增加 7 个。").empty());
}

TEST_CASE("change-rate: a plan against last year's actual stated in another section") {
  std::string t = "一、执行情况\n\n全县一般公共预算支出 35.20 亿元。\n\n二、预算草案\n\n"
                  "2025年全县一般公共预算支出预算安排 36.30 亿元，比上年执行数增长 ";
  tally::testing::Report r(t + "3.1%。\n");
  const ChangeRelation* c = nullptr;
  for (const auto& x : r.rel().changes)
    if (r.fb().q(x.level).text == "36.30 亿") c = &x;
  REQUIRE(c);
  REQUIRE(c->previous >= 0);
  CHECK(r.fb().q(c->previous).text == "35.20 亿");
  CHECK(c->plan);
  CHECK(run_rule("change-rate", t + "3.1%。\n").empty());
  Diagnostic d = only_one(run_rule("change-rate", t + "4.1%。\n"));
  CHECK(contains(d.message, "3.13%"));
  // 比上年预算: last year's budget, not its actual.
  CHECK(run_rule("change-rate", "全县一般公共预算支出 35.20 亿元。\n\n2025年全县一般公共预算支出预算安排 36.30 亿元，比上年预算增长 9.1%。\n").empty());
}

TEST_CASE("change-rate: a figure written with a minus is negative, not the number after the sign") {
  Report r("全年利润总额-0.42亿元，比上年下降115.3%。全县 3-5 年期存款 48.20 亿元，1月平均气温 -3.5 ℃。\n\n"
           "表 1 效益\n指标\t绝对数（亿元）\n利润总额\t-0.42\n");
  const auto& st = r.rel().statements;
  std::vector<std::string> negative;
  for (const auto& s : st)
    if (s.negative) negative.push_back(r.fb().q(s.quantity).text);
  // not the 48.20 after "3-5 年期"; a table cell's sign is part of its text
  CHECK(negative == std::vector<std::string>{"0.42亿", "3.5", "-0.42"});
  CHECK(run_rule("change-rate", "全年利润总额-0.42亿元，比上年下降115.3%。").empty());
  CHECK(run_rule("change-rate", "全年利润总额-0.42亿元，比上年减少3.10亿元，下降11.9%。").empty());
  // A positive amount of a measure that can be negative: a fall beyond 100% is possible.
  CHECK(run_rule("change-rate", "全年实现利润总额 1.26 亿元，下降 132.0%。").empty());
  CHECK(run_rule("change-rate", "全年净出口 3.40 亿元，下降 118.2%。").empty());
  // One that cannot be negative: flagged.
  CHECK(run_rule("change-rate", "全年油料产量 1.86 万吨，比上年下降 104.5%。").size() == 1);
}

TEST_CASE("change-rate: a difference of figures in 亿 is shown in 亿") {
  std::string t = "年末蓄水总量 186.24 亿立方米，比上年末的 173.66 亿立方米增加 13.58 亿立方米。";
  Diagnostic d = only_one(run_rule("change-rate", t));
  CHECK(span_text(t, d.span) == "13.58 亿");
  CHECK(d.message.find("= 12.58亿,") != std::string::npos);
}

TEST_CASE("average: the computed value carries the stated value's scale") {
  std::string t = "全年发放创业补助 0.86 亿元，惠及 3241 人，人均 2.85 万元。";
  Diagnostic d = only_one(run_rule("average", t));
  CHECK(d.message.find("= 2.6535 万元") != std::string::npos);
}
