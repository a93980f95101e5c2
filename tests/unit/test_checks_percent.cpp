// percent: a stated share or rate equals part ÷ whole, rounded half up.
#include <doctest/doctest.h>

#include "check_helpers.h"

using namespace tally;
using namespace tally::testing;

namespace {
const char* kGraduates =
    "全县中职毕业生 10694 人，其中升入高一级学校人数 6403 人，占比 59.9%，直接就业人数 4127 人，占比 ";
std::string graduates(const std::string& pct) { return kGraduates + pct + "。"; }
}  // namespace

TEST_CASE("percent: a share several units off is an error") {
  std::string t = graduates("45.8%");
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.rule == "percent");
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "45.8%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"4127", "10694"});
  CHECK(related_roles(d) == std::vector<std::string>{"part: 4127 (直接就业人数)", "whole: 10694 (全县中职毕业生)"});
  CHECK(d.message == "4127 ÷ 10694 = 38.59%, but the report says 45.8%");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "38.6%");
  CHECK(span_text(t, d.fix->span) == "45.8%");
}

TEST_CASE("percent: shares of 万亿 amounts, and of amounts past 128 bits") {
  std::string t = "全国一般公共预算收入 21.7 万亿元，其中税收收入 18.1 万亿元，占 80.4%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.message == "18.1 万亿 ÷ 21.7 万亿 = 83.41%, but the report says 80.4%");
  CHECK(run_rule("percent", "全国一般公共预算收入 21.7 万亿元，其中税收收入 18.1 万亿元，占 83.4%。").empty());
  // 27 digits of 万亿 (10^39) outgrow 128-bit integers; the share is still computed exactly.
  std::string big = "全市财政总收入 123456789012345678901234567 万亿元，其中税收收入 "
                    "61728394506172839450617283.5 万亿元，占 60.0%。";
  d = only_one(run_rule("percent", big));
  CHECK(contains(d.message, "= 50.00%, but the report says 60.0%"));
  CHECK(run_rule("percent", "全市财政总收入 123456789012345678901234567 万亿元，其中税收收入 "
                            "61728394506172839450617283.5 万亿元，占 50.0%。")
            .empty());
}

TEST_CASE("percent: 占 B 的比重为 p% in a sentence of its own names its part and whole") {
  const std::string head =
      "全市一般公共预算收入完成 86.42 亿元，增长 4.2%。其中，税收收入 61.35 亿元，增长 3.8%；非税收入 25.07 亿元。";
  std::string t = head + "税收收入占一般公共预算收入的比重为 72.0%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(span_text(t, d.span) == "72.0%");
  CHECK(d.message == "61.35 亿 ÷ 86.42 亿 = 70.99%, but the report says 72.0%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"61.35 亿", "86.42 亿"});
  CHECK(run_rule("percent", head + "税收收入占一般公共预算收入的比重为 71.0%。").empty());
  // Other wording and other figures: no 的, 比重达; 比例为.
  std::string g = "全年地区生产总值 240.00 亿元，第三产业增加值 120.00 亿元。第三产业增加值占地区生产总值比重达 52.0%。";
  CHECK(only_one(run_rule("percent", g)).message == "120.00 亿 ÷ 240.00 亿 = 50.00%, but the report says 52.0%");
  const std::string staff = "全市专任教师 1200 人，其中“双师型”教师 780 人。“双师型”教师占专任教师的比例为 ";
  CHECK(run_rule("percent", staff + "65.0%。").empty());
  CHECK(only_one(run_rule("percent", staff + "60.0%。")).message == "780 ÷ 1200 = 65.00%, but the report says 60.0%");
  // Left alone: the subject names no figure of the paragraph; two different figures named so (this
  // year's and last year's) leave the reading open.
  CHECK(run_rule("percent", head + "民生支出占一般公共预算收入的比重为 72.0%。").empty());
  CHECK(run_rule("percent", "全市一般公共预算收入 86.42 亿元，税收收入 61.35 亿元，上年税收收入 58.10 亿元。"
                            "税收收入占一般公共预算收入的比重为 72.0%。")
            .empty());
}

TEST_CASE("percent: truncation (38.59% printed 38.5%) is a warning") {
  std::string t = graduates("38.5%");
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "38.5%");
  CHECK(contains(d.message, "4127 ÷ 10694 = 38.59%, which rounds half up to 38.6%, but the report says 38.5%"));
  CHECK(contains(d.message, "truncated, not rounded"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "38.6%");
}

TEST_CASE("percent: truncation_is_error turns the warning into an error") {
  CheckOptions strict;
  strict.truncation_is_error = true;
  std::string t = graduates("38.5%");
  Diagnostic d = only_one(run_rule("percent", t, strict));
  CHECK(d.severity == Severity::Error);
  CHECK(d.message == "4127 ÷ 10694 = 38.59%, but the report says 38.5%");
  CHECK(d.fix->replacement == "38.6%");
}

TEST_CASE("percent: a rule lowered to info keeps truncation at info") {
  CheckOptions info;
  info.severity["percent"] = Severity::Info;
  CHECK(only_one(run_rule("percent", graduates("38.5%"), info)).severity == Severity::Info);
  CHECK(only_one(run_rule("percent", graduates("45.8%"), info)).severity == Severity::Info);
  CheckOptions off;
  off.disabled = {"percent"};
  CHECK(run_rule("percent", graduates("45.8%"), off).empty());
}

TEST_CASE("percent: the correctly rounded share passes") {
  CHECK(run_rule("percent", graduates("38.6%")).empty());
  CHECK(run_rule("percent", graduates("39%")).empty());
  CHECK(run_rule("percent", graduates("38.59%")).empty());
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
  std::string t = "机电系 186 名同学参与考核，171 名同学取证，取证率为 93.5%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(d.severity == Severity::Error);
  CHECK(span_text(t, d.span) == "93.5%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"171", "186"});
  CHECK(d.message == "171 ÷ 186 = 91.94%, but the report says 93.5%");
  CHECK(d.fix->replacement == "91.9%");
  CHECK(run_rule("percent", "机电系 186 名同学参与考核，171 名同学取证，取证率为 91.9%。").empty());
}

TEST_CASE("percent: the whole the report names, not the nearest figure") {
  std::string head = "现有教职工 1436 人，其中专任教师 1287 人，专业课教师 702 人，“双师型”教师 455 人，“双师型”教师占专业课教师的 ";
  std::string t = head + "62.81%。";
  Diagnostic d = only_one(run_rule("percent", t));
  CHECK(span_text(t, d.span) == "62.81%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"455", "702"});
  CHECK(d.message == "455 ÷ 702 = 64.815%, but the report says 62.81%");
  CHECK(d.fix->replacement == "64.81%");
  CHECK(run_rule("percent", head + "64.81%。").empty());
  // a full-width ％ is kept in the suggestion
  std::string w = head + "63.81％。";
  Diagnostic e = only_one(run_rule("percent", w));
  CHECK(span_text(w, e.span) == "63.81％");
  CHECK(e.fix->replacement == "64.81％");
  CHECK(run_rule("percent", head + "64.8％。").empty());
}

TEST_CASE("percent: approximate shares are left alone") {
  CHECK(run_rule("percent", "全校学生 20000 人，其中住校生 8357 人，占比约 40%。").empty());
  CHECK(run_rule("percent", "全校学生 20000 人，其中住校生 8357 人，占比超过 40%。").empty());
}

TEST_CASE("percent: traps that must stay silent") {
  // sub-rates of satisfaction are not shares of the overall rate
  CHECK(run_rule("percent", "学生满意度 95.2%，其中教学满意度 96.1%、管理满意度 94.3%。").empty());
  // rates that are right, including 100%
  CHECK(run_rule("percent", "共有 652 人参加高考，本科录取 118 人，录取率 18.10%；专科录取 534 人，专科录取率 100%。").empty());
  // shares need not add up to 100: 59.9% + 38.6% = 98.5%
  CHECK(run_rule("percent", graduates("38.6%")).empty());
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

TEST_CASE("percent: the same arithmetic found by two rules is one finding that names the other") {
  // A share of GDP is a share (percent) and a GDP share (share-of-gdp): one finding, not two.
  for (std::string t : {"全市地区生产总值 2400 亿元，第三产业增加值 1250 亿元，占地区生产总值的 53.1%。",
                        "全区实现地区生产总值 615.4 亿元。第一产业增加值 48.9 亿元，占地区生产总值的比重为 8.5%。"}) {
    auto all = check_text(t).diagnostics;
    REQUIRE(all.size() == 1);
    REQUIRE(!all[0].notes.empty());
    CHECK(all[0].notes.back().find("also checked by") != std::string::npos);
    // Disabling the rule that was kept leaves the other one's finding, without the note.
    CheckOptions opts;
    opts.disabled = {all[0].rule};
    auto rest = check_text(t, opts).diagnostics;
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].rule != all[0].rule);
    CHECK(rest[0].span.begin == all[0].span.begin);
    for (const auto& n : rest[0].notes) CHECK(n.find("also checked by") == std::string::npos);
  }
  // Consistent: nothing to merge.
  CHECK(check_text("全市地区生产总值 2400 亿元，第三产业增加值 1250 亿元，占地区生产总值的 52.1%。").diagnostics.empty());
}
