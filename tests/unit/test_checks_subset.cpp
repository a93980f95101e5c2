// subset: a part named after 其中 never exceeds its whole.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("subset: a 其中 part larger than its whole") {
  std::string t = "全县中职学校现有教职工 1791 人，其中专任教师 1848 人。";
  Diagnostic d = only_one(run_rule("subset", t));
  CHECK(d.rule == "subset");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "1848");
  CHECK(related_texts(t, d) == std::vector<std::string>{"1791"});
  REQUIRE(d.related.size() == 1);
  CHECK(starts_with(d.related[0].message, "whole: 1791"));
  CHECK(contains(d.message, "the part 1848 人 exceeds its whole 1791 人"));
  CHECK_FALSE(d.fix);  // only the author knows which figure is wrong
}

TEST_CASE("subset: each oversized part of a list is reported") {
  std::string t = "全校共有学生 900 人，其中住校生 950 人，团员 300 人，获奖学生 1200 人。";
  auto ds = run_rule("subset", t);
  REQUIRE(ds.size() == 2);
  CHECK(span_text(t, ds[0].span) == "950");
  CHECK(span_text(t, ds[1].span) == "1200");
  for (const auto& d : ds) CHECK(related_texts(t, d) == std::vector<std::string>{"900"});
}

TEST_CASE("subset: parts that fit stay silent, even when they do not add up") {
  CHECK(run_rule("subset", "全县中职学校现有教职工 1791 人，其中专任教师 1648 人，专业课教师 883 人。").empty());
  CHECK(run_rule("subset", "全县毕业生 6187 人，其中在本地就业的 2830 人，去基层就业的 3097 人。").empty());
  // equal is allowed
  CHECK(run_rule("subset", "全县中职学校现有教职工 1791 人，其中专任教师 1791 人。").empty());
}

TEST_CASE("subset: approximate wholes are left alone") {
  // 1700 余人 may be 1800
  CHECK(run_rule("subset", "全县中职学校现有教职工 1700 余人，其中专任教师 1748 人。").empty());
  // 近 2000 人 is at most 2000
  CHECK(run_rule("subset", "全县中职学校现有教职工近 2000 人，其中专任教师 1848 人。").empty());
}

TEST_CASE("subset: a （其中 …） part in parentheses") {
  std::string t = "全县中职学校现有专任教师 1648 人（其中“双师型”教师 1703 人）。";
  Diagnostic d = only_one(run_rule("subset", t));
  CHECK(span_text(t, d.span) == "1703");
  CHECK(related_texts(t, d) == std::vector<std::string>{"1648"});
  CHECK(contains(d.message, "the part 1703 人 exceeds its whole 1648 人 (其中 in parentheses)"));
  CHECK(run_rule("subset", "全县中职学校现有专任教师 1648 人（其中“双师型”教师 703 人）。").empty());
}
