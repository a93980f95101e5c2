// malformed-number: a figure that is not a valid number.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("malformed-number: a decimal point with no digits after it") {
  std::string t = "校园占地面积 291.万平方米。";
  Diagnostic d = only_one(run_rule("malformed-number", t));
  CHECK(d.rule == "malformed-number");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "291.万");
  CHECK(d.message == "'291.万' is not a valid number: a decimal point with no digits after it");
  CHECK_FALSE(d.fix);
  REQUIRE(d.notes.size() == 1);
  CHECK(contains(d.notes[0], "add the missing decimals"));
}

TEST_CASE("malformed-number: well-formed figures and sentence ends stay silent") {
  CHECK(run_rule("malformed-number", "校园占地面积 291.5 万平方米。").empty());
  CHECK(run_rule("malformed-number", "校园占地面积 291 万平方米。").empty());
  CHECK(run_rule("malformed-number", "全市共有学校 24 所.").empty());
}

TEST_CASE("malformed-number: the figure is located on its own line") {
  std::string t = "第一段没有数字。\n校舍建筑面积 58.万平方米，运动场 3 个。\n";
  auto r = check_text(t, CheckOptions{{}, {"malformed-number"}, {}, false});
  Diagnostic d = only_one(r.diagnostics);
  CHECK(span_text(t, d.span) == "58.万");
  Position p = r.source.position(d.span.begin);
  CHECK(p.line == 2);
  CHECK(p.column == 8);
}
