// sum: the parts of a stated breakdown add up to its total.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("sum: 分别为 breakdown over the three industries") {
  std::string t = "毕业生到三次产业就业共 5342 人，其中第一、二、三产业分别为 345 人、1080 人、3924 人。";
  Diagnostic d = only_one(run_rule("sum", t));
  CHECK(d.rule == "sum");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "5342");
  CHECK(related_texts(t, d) == std::vector<std::string>{"345", "1080", "3924"});
  auto roles = related_roles(d);
  REQUIRE(roles.size() == 3);
  CHECK(starts_with(roles[0], "part 1 of 3: 345"));
  CHECK(starts_with(roles[1], "part 2 of 3: 1080"));
  CHECK(starts_with(roles[2], "part 3 of 3: 3924"));
  CHECK(contains(d.message, "345 + 1080 + 3924 = 5349, but the total says 5342"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "5349");
  CHECK(span_text(t, d.fix->span) == "5342");
}

TEST_CASE("sum: parenthesised breakdown") {
  std::string t = "全市共有职业院校 20 所（高职院校 5 所，中等职业学校 12 所，技工院校 4 所）。";
  Diagnostic d = only_one(run_rule("sum", t));
  CHECK(span_text(t, d.span) == "20");
  CHECK(related_texts(t, d) == std::vector<std::string>{"5", "12", "4"});
  CHECK(related_roles(d)[1] == "part 2 of 3: 12 (中等职业学校)");
  CHECK(contains(d.message, "5 + 12 + 4 = 21, but the total says 20"));
  CHECK(contains(d.message, "parenthesised"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "21");
}

TEST_CASE("sum: categories that split the whole (公办/民办, 一/二/三等奖, 男生/女生)") {
  std::string a = "全市共有中等职业学校 24 所，其中公办学校 14 所、民办学校 9 所。";
  Diagnostic d = only_one(run_rule("sum", a));
  CHECK(span_text(a, d.span) == "24");
  CHECK(related_roles(d) == std::vector<std::string>{"part 1 of 2: 14 (公办学校)", "part 2 of 2: 9 (民办学校)"});
  CHECK(contains(d.message, "14 + 9 = 23, but the total says 24"));
  CHECK(d.fix->replacement == "23");

  std::string b = "全市技能大赛获奖 45 项，其中一等奖 10 项、二等奖 15 项、三等奖 25 项。";
  Diagnostic e = only_one(run_rule("sum", b));
  CHECK(span_text(b, e.span) == "45");
  CHECK(contains(e.message, "10 + 15 + 25 = 50"));
  CHECK(e.fix->replacement == "50");

  std::string c = "全校共有学生 2400 人，其中男生 1400 人、女生 900 人。";
  Diagnostic f = only_one(run_rule("sum", c));
  CHECK(span_text(c, f.span) == "2400");
  CHECK(contains(f.message, "1400 + 900 = 2300"));
}

TEST_CASE("sum: a government's debt is its general and its special debt (budget pack)") {
  std::string t = "截至年末，全区政府债务余额 96.4 亿元，其中一般债务 41.2 亿元、专项债务 57.2 亿元。";
  Diagnostic d = only_one(run_rule("sum", t));
  CHECK(span_text(t, d.span) == "96.4 亿");
  CHECK(contains(d.message, "41.2 亿 + 57.2 亿 = 98.4"));
  CHECK(run_rule("sum", "截至年末，全区政府债务余额 98.4 亿元，其中一般债务 41.2 亿元、专项债务 57.2 亿元。").empty());
  // The ceiling splits the same way.
  CHECK(run_rule("sum", "全区政府债务限额 120 亿元，其中一般债务限额 50 亿元，专项债务限额 60 亿元。").size() == 1);
  // Bonds do not: 新增 and 再融资 bonds cut across 一般 and 专项.
  CHECK(run_rule("sum", "全年发行政府债券 80 亿元，其中一般债券 10 亿元、专项债券 50 亿元。").empty());
  // One member named is a part, not the split.
  CHECK(run_rule("sum", "全区政府债务余额 96.4 亿元，其中区本级一般债务 21.3 亿元。").empty());
}

TEST_CASE("sum: 万 totals are compared at their printed precision") {
  // 3.2 万 + 1.4 万 can be anything in [4.5, 4.7] 万, which includes 4.51 万.
  CHECK(run_rule("sum", "全市中等职业学校在校生 4.51 万人，其中公办学校 3.2 万人、民办学校 1.4 万人。").empty());
  // 3.2 万 + 1.3 万 covers 45100.
  CHECK(run_rule("sum", "全市中等职业学校在校生 45100 人，其中公办学校 3.2 万人、民办学校 1.3 万人。").empty());
  std::string t = "全市中等职业学校在校生 4.51 万人，其中公办学校 3.5 万人、民办学校 1.4 万人。";
  Diagnostic d = only_one(run_rule("sum", t));
  CHECK(span_text(t, d.span) == "4.51 万");
  CHECK(related_texts(t, d) == std::vector<std::string>{"3.5 万", "1.4 万"});
  CHECK(contains(d.message, "= 4.9万, but the total says 4.51 万"));  // the sum in the total's scale
  CHECK_FALSE(d.fix);  // no exact replacement for a rounded 万 total
}

TEST_CASE("sum: severity override and disabling") {
  std::string t = "全市共有中等职业学校 24 所，其中公办学校 14 所、民办学校 9 所。";
  CheckOptions warn;
  warn.severity["sum"] = Severity::Warning;
  CHECK(only_one(run_rule("sum", t, warn)).severity == Severity::Warning);
  CheckOptions info;
  info.severity["sum"] = Severity::Info;
  CHECK(only_one(run_rule("sum", t, info)).severity == Severity::Info);
  CheckOptions off;
  off.disabled = {"sum"};
  CHECK(run_rule("sum", t, off).empty());
  // other rules' overrides leave this one alone
  CheckOptions other;
  other.severity["percent"] = Severity::Info;
  CHECK(only_one(run_rule("sum", t, other)).severity == Severity::Error);
}

TEST_CASE("sum: breakdowns that add up stay silent") {
  CHECK(run_rule("sum", "全市共有中等职业学校 24 所，其中公办学校 14 所、民办学校 10 所。").empty());
  CHECK(run_rule("sum", "毕业生到三次产业就业共 5349 人，其中第一、二、三产业分别为 345 人、1080 人、3924 人。").empty());
  CHECK(run_rule("sum", "全市共有职业院校 21 所（高职院校 5 所，中等职业学校 12 所，技工院校 4 所）。").empty());
}

TEST_CASE("sum: traps that must stay silent") {
  // subsets that need not add up (they may overlap or leave a remainder)
  CHECK(run_rule("sum", "全县毕业生 6187 人，其中在本地就业的 2830 人，去基层就业的 3097 人。").empty());
  // an approximate total: 20 余所 is at least 20
  CHECK(run_rule("sum", "全市共有中等职业学校 20 余所，其中公办学校 14 所、民办学校 9 所。").empty());
  CHECK(run_rule("sum", "辅导选手 900 余人，获一等奖 300 个、二等奖 400 个、三等奖 500 个。").empty());
  // an approximate part: 约 14 所 could be 15
  CHECK(run_rule("sum", "全市共有中等职业学校 24 所，其中公办学校约 14 所、民办学校 9 所。").empty());
  // parts in another sentence, another year
  CHECK(run_rule("sum", "2023 年全市共有中等职业学校 24 所。2024 年其中公办学校 14 所、民办学校 9 所。").empty());
  CHECK(run_rule("sum", "全市共有中等职业学校 24 所，其中公办学校 14 所。民办学校 9 所。").empty());
  // a single part is not a breakdown
  CHECK(run_rule("sum", "全市共有中等职业学校 24 所，其中公办学校 14 所。").empty());
}

TEST_CASE("sum: CheckOptions.only runs just the named rule") {
  std::string t = "全校共有学生 2400 人，其中男生 1400 人、女生 900 人。全校教师 1600 人，其中高级职称教师 200 人，占比 15%。";
  FileResult all = check_text(t);
  bool sum = false, percent = false;
  for (const auto& d : all.diagnostics) {
    sum = sum || d.rule == "sum";
    percent = percent || d.rule == "percent";
  }
  CHECK(sum);
  CHECK(percent);
  auto only_sum = run_rule("sum", t);
  REQUIRE(only_sum.size() == 1);
  CHECK(only_sum[0].rule == "sum");
  auto only_percent = run_rule("percent", t);
  REQUIRE(only_percent.size() == 1);
  CHECK(span_text(t, only_percent[0].span) == "15%");
  // findings are sorted by position
  for (size_t i = 1; i < all.diagnostics.size(); ++i)
    CHECK(all.diagnostics[i - 1].span.begin <= all.diagnostics[i].span.begin);
  CHECK(all.figures >= 6);
  CHECK(all.figures_checked >= 6);
  CHECK(all.figures_checked <= all.figures);
}
