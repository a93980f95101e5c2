// percent: a stated share or rate equals part ÷ whole, rounded half up.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

namespace {
const char* kGraduates =
    "全市中职毕业生 12856 人，其中升入高一级学校人数 7393 人，占比 57.5%，直接就业人数 5371 人，占比 ";
std::string graduates(const std::string& pct) { return kGraduates + pct + "。"; }
}  // namespace

TEST_CASE("percent: a share several units off is an error") {
  std::string t = graduates("45.8%");
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.rule == "percent");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "45.8%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"5371", "12856"});
  CHECK(related_roles(d) == std::vector<std::string>{"part: 5371 (直接就业人数)", "whole: 12856 (全市中职毕业生)"});
  CHECK(d.message == "5371 ÷ 12856 = 41.78%, but the report says 45.8%");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "41.8%");
  CHECK(span_text(t, d.fix->span) == "45.8%");
}

TEST_CASE("percent: truncation (41.78% printed 41.7%) is a warning") {
  std::string t = graduates("41.7%");
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "41.7%");
  CHECK(contains(d.message, "5371 ÷ 12856 = 41.78%, which rounds half up to 41.8%, but the report says 41.7%"));
  CHECK(contains(d.message, "truncated, not rounded"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "41.8%");
}

TEST_CASE("percent: truncation_is_error turns the warning into an error") {
  CheckOptions strict;
  strict.truncation_is_error = true;
  std::string t = graduates("41.7%");
  Diagnostic d = only_one(run_rule("percent", t, strict));
  CHECK(d.severity == Severity::Error);
  CHECK(d.message == "5371 ÷ 12856 = 41.78%, but the report says 41.7%");
  CHECK(d.fix->replacement == "41.8%");
}

TEST_CASE("percent: a rule lowered to info keeps truncation at info") {
  CheckOptions info;
  info.severity["percent"] = Severity::Info;
  CHECK(only_one(run_rule("percent", graduates("41.7%"), info)).severity == Severity::Info);
  CHECK(only_one(run_rule("percent", graduates("45.8%"), info)).severity == Severity::Info);
  CheckOptions off;
  off.disabled = {"percent"};
  CHECK(run_rule("percent", graduates("45.8%"), off).empty());
}

TEST_CASE("percent: the correctly rounded share passes") {
  CHECK(run_rule("percent", graduates("41.8%")).empty());
  CHECK(run_rule("percent", graduates("42%")).empty());
  CHECK(run_rule("percent", graduates("41.78%")).empty());
}

TEST_CASE("percent: half-up boundaries at exactly x.5") {
  // 200 ÷ 1600 = 12.5%: 13% is right, 12% is a truncation.
  CHECK(run_rule("percent", "全校教师 1600 人，其中高级职称教师 200 人，占比 13%。").empty());
  std::string t = "全校教师 1600 人，其中高级职称教师 200 人，占比 12%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(contains(d.message, "200 ÷ 1600 = 12.50%, which rounds half up to 13%"));
  CHECK(d.fix->replacement == "13%");
  // 8357 ÷ 20000 = 41.785%: 41.79% is right, 41.78% is a truncation.
  CHECK(run_rule("percent", "全校学生 20000 人，其中住校生 8357 人，占比 41.79%。").empty());
  std::string u = "全校学生 20000 人，其中住校生 8357 人，占比 41.78%。";
  Diagnostic e = only_one(run_rule("percent", u));
  CHECK(e.severity == Severity::Warning);
  CHECK(contains(e.message, "8357 ÷ 20000 = 41.785%, which rounds half up to 41.79%"));
  CHECK(e.fix->replacement == "41.79%");
}

TEST_CASE("percent: a rate named by its stem (取证率)") {
  std::string t = "交通运输系 222 名同学参与考核，207 名同学取证，取证率为 93.7%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "93.7%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"207", "222"});
  CHECK(d.message == "207 ÷ 222 = 93.24%, but the report says 93.7%");
  CHECK(d.fix->replacement == "93.2%");
  CHECK(run_rule("percent", "交通运输系 222 名同学参与考核，207 名同学取证，取证率为 93.2%。").empty());
}

TEST_CASE("percent: the whole the report names, not the nearest figure") {
  std::string head = "现有教职工 1791 人，其中专任教师 1648 人，专业课教师 883 人，“双师型”教师 567 人，“双师型”教师占专业课教师的 ";
  std::string t = head + "66.21%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(span_text(t, d.span) == "66.21%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"567", "883"});
  CHECK(d.message == "567 ÷ 883 = 64.213%, but the report says 66.21%");
  CHECK(d.fix->replacement == "64.21%");
  CHECK(run_rule("percent", head + "64.21%。").empty());
  // a full-width ％ is kept in the suggestion
  std::string w = head + "65.21％。";
  Diagnostic e = only_one(run_rule("percent", w));
  CHECK(span_text(w, e.span) == "65.21％");
  CHECK(e.fix->replacement == "64.21％");
  CHECK(run_rule("percent", head + "64.2％。").empty());
}

TEST_CASE("percent: approximate shares are left alone") {
  CHECK(run_rule("percent", "全校学生 20000 人，其中住校生 8357 人，占比约 40%。").empty());
  CHECK(run_rule("percent", "全校学生 20000 人，其中住校生 8357 人，占比超过 40%。").empty());
}

TEST_CASE("percent: traps that must stay silent") {
  // sub-rates of satisfaction are not shares of the overall rate
  CHECK(run_rule("percent", "学生满意度 95.2%，其中教学满意度 96.1%、管理满意度 94.3%。").empty());
  // rates that are right, including 100%
  CHECK(run_rule("percent", "共有 734 人参加高考考试，本科录取 141 人，录取率 19.21%；专科录取 593 人，专科录取率 100%。").empty());
  // shares need not add up to 100: 57.5% + 41.8% = 99.3%
  CHECK(run_rule("percent", graduates("41.8%")).empty());
  // a percentage with nothing to divide
  CHECK(run_rule("percent", "全市就业率达 97.5%。").empty());
}

TEST_CASE("percent: rounded 万 figures widen the share they allow") {
  // 2.0 万 ÷ 4.51 万 can be anything from 1.95/4.515 = 43.19% to 2.05/4.505 = 45.51%.
  std::string head = "全市中等职业学校在校生 4.51 万人，其中住校生 2.0 万人，占比 ";
  CHECK(run_rule("percent", head + "44%。").empty());
  CHECK(run_rule("percent", head + "43.2%。").empty());
  CHECK(run_rule("percent", head + "45.5%。").empty());
  std::string t = head + "50%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Error);
  CHECK(related_texts(t, d) == std::vector<std::string>{"2.0 万", "4.51 万"});
  CHECK(d.message == "2.0 万 ÷ 4.51 万 = 44.35%, but the report says 50%");
  CHECK(d.fix->replacement == "44%");
}
