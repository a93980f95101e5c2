// order (nesting): 升学 ≤ 毕业去向落实 ≤ 毕业生, 专任教师 ≤ 教职工, for one scope and year.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("nesting: more graduates placed than graduates") {
  std::string t = "全县中职学校共有应届毕业生 7553 人，毕业去向落实人数 7816 人。";
  Diagnostic d = only_one(run_rule("nesting", t));
  CHECK(d.rule == "nesting");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "7816");
  CHECK(related_texts(t, d) == std::vector<std::string>{"7553"});
  CHECK(starts_with(related_roles(d)[0], "the larger measure: 7553"));
  CHECK(contains(d.message, "(7816) cannot exceed"));
  CHECK(contains(d.message, "(7553)"));
  CHECK_FALSE(d.fix);
}

TEST_CASE("nesting: more full-time teachers than staff") {
  std::string t = "全县中职学校现有教职工 1791 人，专任教师 1848 人。";
  Diagnostic d = only_one(run_rule("nesting", t));
  CHECK(span_text(t, d.span) == "1848");
  CHECK(related_texts(t, d) == std::vector<std::string>{"1791"});
  CHECK(starts_with(d.message, "专任教师 (1848) cannot exceed"));
}

TEST_CASE("nesting: a 其中 part is left to the subset rule") {
  CHECK(run_rule("nesting", "全县中职学校现有教职工 1791 人，其中专任教师 1848 人。").empty());
}

TEST_CASE("nesting: traps — in order, other sentences, other scopes") {
  CHECK(run_rule("nesting", "全县中职学校共有应届毕业生 7553 人，毕业去向落实人数 7316 人。").empty());
  CHECK(run_rule("nesting", "全县中职学校共有应届毕业生 7553 人。毕业去向落实人数 7816 人。").empty());
  CHECK(run_rule("nesting", "全县中职学校现有教职工 1791 人，职业院校（含技工院校）专任教师 1848 人。").empty());
}

TEST_CASE("nesting: 升学 ≤ 毕业去向落实, “双师型” ≤ 专任教师") {
  std::string t = "全市中等职业学校毕业去向落实人数 5000 人，升学人数 5200 人。";
  Diagnostic d = only_one(run_rule("nesting", t));
  CHECK(span_text(t, d.span) == "5200");
  CHECK(related_texts(t, d) == std::vector<std::string>{"5000"});
  CHECK(starts_with(d.message, "升学人数 (5200) cannot exceed"));
  std::string u = "全县中职学校专任教师 1648 人，“双师型”教师 1703 人。";
  Diagnostic e = only_one(run_rule("nesting", u));
  CHECK(span_text(u, e.span) == "1703");
  CHECK(starts_with(e.message, "“双师型”教师 (1703) cannot exceed"));
}

TEST_CASE("nesting: figures of different years are not compared") {
  CHECK(run_rule("nesting", "2023 年全县中职学校专任教师 1648 人，2022 年“双师型”教师 1703 人。").empty());
}
