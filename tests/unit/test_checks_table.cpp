// Tables: a count introducing a table equals its data rows (table-rows); a
// change column equals the difference of its year columns (table-change).
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

namespace {
std::string listing(int count) {
  return "全市共有 " + std::to_string(count) +
         " 所学校入选，名单见下表。\n\n序号\t学校\n1\t红星职业学校\n2\t青山职业学校\n";
}
const char* kChangeHead = "指标\t2023 年\t2024 年\t增量\n";
}  // namespace

TEST_CASE("table-rows: the count promises more rows than the table has") {
  std::string t = listing(3);
  Diagnostic d = only_one(run_rule("table-rows", t));
  CHECK(d.rule == "table-rows");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "3");
  CHECK(d.message == "the text promises 3 所 but the table it introduces (line 3) has 2 data rows");
  REQUIRE(d.related.size() == 1);
  CHECK(d.related[0].message == "first of the table's 2 data rows");
  CHECK(span_text(t, d.related[0].span) == "1");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "2");
}

TEST_CASE("table-rows: a count that matches, and a sentence with no table reference") {
  CHECK(run_rule("table-rows", listing(2)).empty());
  CHECK(run_rule("table-rows", "全市共有 3 所学校入选。\n\n序号\t学校\n1\t红星职业学校\n2\t青山职业学校\n").empty());
}

TEST_CASE("table-change: a change cell that is not new − old") {
  std::string t = std::string(kChangeHead) + "在校生数（人）\t35620\t36480\t760\n招生数（人）\t12480\t13050\t570\n";
  Diagnostic d = only_one(run_rule("table-change", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "760");
  CHECK(related_texts(t, d) == std::vector<std::string>{"36480", "35620"});
  CHECK(starts_with(related_roles(d)[0], "2024: 36480"));
  CHECK(starts_with(related_roles(d)[1], "2023: 35620"));
  CHECK(d.message == "36480 − 35620 = 860, but the change column says 760");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "860");
  Position p = SourceText("t.txt", t).position(d.span.begin);
  CHECK(p.line == 2);
}

TEST_CASE("table-change: right changes, signed or unsigned decreases") {
  CHECK(run_rule("table-change", std::string(kChangeHead) + "在校生数（人）\t35620\t36480\t860\n招生数（人）\t12480\t13050\t570\n").empty());
  std::string dec = "指标\t2023 年\t2024 年\t增减\n在校生数（人）\t36480\t35620\t-860\n招生数（人）\t13050\t12480\t570\n";
  CHECK(run_rule("table-change", dec).empty());
}

TEST_CASE("table-rows: a table longer than announced; 合计 rows are not data rows") {
  std::string t = listing(2) + "3\t绿水职业学校\n";
  Diagnostic d = only_one(run_rule("table-rows", t));
  CHECK(span_text(t, d.span) == "2");
  CHECK(d.message == "the text promises 2 所 but the table it introduces (line 3) has 3 data rows");
  CHECK(d.fix->replacement == "3");
  std::string total =
      "全市共有 3 所学校入选，名单见下表。\n\n序号\t学校\t类型\n1\t红星职业学校\t公办\n2\t青山职业学校\t民办\n"
      "3\t绿水职业学校\t公办\n合计\t3 所\t\n";
  CHECK(run_rule("table-rows", total).empty());
}

TEST_CASE("table-change: the wrong row is the one reported") {
  std::string t = std::string(kChangeHead) + "在校生数（人）\t35620\t36480\t860\n招生数（人）\t12480\t13050\t470\n";
  Diagnostic d = only_one(run_rule("table-change", t));
  CHECK(span_text(t, d.span) == "470");
  CHECK(related_texts(t, d) == std::vector<std::string>{"13050", "12480"});
  CHECK(d.message == "13050 − 12480 = 570, but the change column says 470");
  CHECK(SourceText("t.txt", t).position(d.span.begin).line == 3);
}
