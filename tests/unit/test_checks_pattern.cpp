// pattern: the default pack's enrolment-completion rule — an RE2 pattern with
// figure macros and an assertion over the captured figures.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("pattern: 完成率 that is not actual ÷ planned") {
  std::string t = "学校计划招生 1200 人，实际招生 1302 人，完成率 110%。";
  Diagnostic d = only_one(run_rule("enrolment-completion", t));
  CHECK(d.rule == "enrolment-completion");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "1200");  // the first capture
  CHECK(related_texts(t, d) == std::vector<std::string>{"1302", "110%"});
  CHECK(related_roles(d) == std::vector<std::string>{"captured figure", "captured figure"});
  // The rule's own message spells out the arithmetic (the default, "… does not hold", is tested in test_packs).
  CHECK(d.message == "1302 ÷ 1200 = 108.50%，但报告写完成率 110%");
  CHECK_FALSE(d.fix);
}

TEST_CASE("pattern: every match in every paragraph is checked") {
  std::string t =
      "甲校计划招生 1200 人，实际招生 1302 人，完成率 108.5%。乙校计划招生 800 人，实际招生 760 人，完成率 98%。\n\n"
      "丙校计划招生 500 人，实际招生 510 人，完成率 102%。";
  auto ds = run_rule("enrolment-completion", t);
  REQUIRE(ds.size() == 1);
  CHECK(span_text(t, ds[0].span) == "800");
}

TEST_CASE("pattern: silent when the assertion holds or the pattern does not match") {
  CHECK(run_rule("enrolment-completion", "学校计划招生 1200 人，实际招生 1302 人，完成率 108.5%。").empty());
  CHECK(run_rule("enrolment-completion", "学校计划招生 1200 人，实际招生 1302 人，完成率为 108.5%。").empty());
  // approximate: the pattern does not take 约
  CHECK(run_rule("enrolment-completion", "学校计划招生 1200 人，实际招生 1302 人，完成率约 110%。").empty());
  // no 完成率 in the sentence
  CHECK(run_rule("enrolment-completion", "学校计划招生 1200 人，实际招生 1302 人。完成率 110%。").empty());
}

TEST_CASE("pattern: severity override") {
  CheckOptions o;
  o.severity["enrolment-completion"] = Severity::Warning;
  CHECK(only_one(run_rule("enrolment-completion", "学校计划招生 1200 人，实际招生 1302 人，完成率 110%。", o)).severity ==
        Severity::Warning);
}
