// Values per 100, 1000 or 10000 residents (relations/structures.cpp, find_per_resident) and the
// per-resident check: the total the report names ÷ its one 常住人口. Minimal pairs, each invented:
// the same passage consistent (silent) and with one figure changed (a warning), and the readings that
// must say nothing (another population, two totals, two populations, a population in the sentence).
#include <doctest/doctest.h>

#include "check_helpers.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

namespace {

const BulletinRelation* per_resident(const Relations& rel) {
  for (const auto& b : rel.bulletin)
    if (b.kind == BulletinKind::PerResident) return &b;
  return nullptr;
}

const std::string kPop = "年末全县常住人口 36.00 万人，比上年末减少 0.20 万人。";

}  // namespace

TEST_CASE("per-resident: 每千人口 finds the total its name repeats and the report's population") {
  Report r(kPop + "全县共有医疗卫生机构床位 2196 张。每千人口床位 6.1 张。");
  const BulletinRelation* b = per_resident(r.rel());
  REQUIRE(b);
  CHECK(b->per == 1000);
  CHECK(r.fb().q(b->whole).text == "2196");
  CHECK(r.fb().q(b->other).text == "36.00 万");
}

TEST_CASE("per-resident: within 5% is silent, beyond is a warning with the arithmetic") {
  CHECK(run_rule("per-resident", kPop + "全县共有医疗卫生机构床位 2196 张。每千人口床位 6.1 张。").empty());
  CHECK(run_rule("per-resident", kPop + "全县共有医疗卫生机构床位 2196 张。每千人口床位 6.3 张。").empty());  // 3%
  std::string t = kPop + "全县共有医疗卫生机构床位 2196 张。每千人口床位 7.1 张。";
  Diagnostic d = only_one(run_rule("per-resident", t));
  CHECK(span_text(t, d.span) == "7.1");
  CHECK(d.severity == Severity::Warning);
  CHECK(contains(d.message, "2196 张 ÷ 36.00 万人 × 1000 = 6.1"));
}

TEST_CASE("per-resident: 每万人拥有 and a person count per persons") {
  std::string ok = kPop + "年末全县执业（助理）医师 972 人。每万人拥有执业（助理）医师 27.0 人。";
  CHECK(run_rule("per-resident", ok).empty());
  CHECK(run_rule("per-resident", kPop + "年末全县执业（助理）医师 972 人。每万人拥有执业（助理）医师 32.0 人。").size() == 1);
  // Another wording: 每千人口 with the count in another paragraph.
  CHECK(run_rule("per-resident", kPop + "\n\n全县注册护士 1152 人。\n\n每千人口注册护士 3.20 人。").empty());
  CHECK(run_rule("per-resident", kPop + "\n\n全县注册护士 1152 人。\n\n每千人口注册护士 2.70 人。").size() == 1);
}

TEST_CASE("per-resident: a 普及率 in 部/百人 against the subscribers of its name") {
  std::string ok = kPop + "年末移动电话用户 44.28 万户，其中 5G 用户 20.10 万户。移动电话普及率 123.0 部/百人。";
  CHECK(run_rule("per-resident", ok).empty());
  std::string bad = kPop + "年末移动电话用户 44.28 万户，其中 5G 用户 20.10 万户。移动电话普及率 132.0 部/百人。";
  Diagnostic d = only_one(run_rule("per-resident", bad));
  CHECK(span_text(bad, d.span) == "132.0");
  // 固定电话 is not 移动电话: the fixed line's users are not a candidate for the mobile rate.
  CHECK(run_rule("per-resident", kPop + "年末固定电话用户 5.40 万户。移动电话普及率 132.0 部/百人。").empty());
}

TEST_CASE("per-resident: a 其中 part named like the total gives way to its whole") {
  std::string t = kPop + "全县共有医疗卫生机构床位 2196 张，其中乡镇卫生院床位 610 张。每千人口床位 7.1 张。";
  Diagnostic d = only_one(run_rule("per-resident", t));
  CHECK(contains(d.message, "2196"));
}

TEST_CASE("per-resident: ambiguous or other populations say nothing") {
  // Two totals the name repeats, neither a part of the other.
  CHECK(run_rule("per-resident", kPop + "全县医疗卫生机构床位 2196 张，卫生院床位 610 张。每千人口床位 9.9 张。").empty());
  // Another population before 每.
  CHECK(run_rule("per-resident", kPop + "全县乡镇卫生院床位 610 张。农村每千人口乡镇卫生院床位 9.9 张。").empty());
  // Per households or per students: not residents.
  CHECK(run_rule("per-resident", kPop + "全县家用汽车 9.0 万辆。每百户拥有家用汽车 99 辆。").empty());
  // Two different 常住人口 in the report.
  CHECK(run_rule("per-resident", kPop + "年初常住人口 36.20 万人。全县医疗卫生机构床位 2196 张。每千人口床位 9.9 张。")
            .empty());
  // No 常住人口 at all.
  CHECK(run_rule("per-resident", "全县医疗卫生机构床位 2196 张。每千人口床位 9.9 张。").empty());
  // A population in the sentence itself is the average rule's business, not this one's.
  CHECK(run_rule("per-resident", kPop + "按户籍人口 40.00 万人计算，全县医疗卫生机构床位 2196 张，每千人口床位 5.5 张。")
            .empty());
}

TEST_CASE("average: 每千人口 takes a population figure of the sentence, not any count of people") {
  // The sentence's only count of people is 医师, not a population: nothing to divide by.
  CHECK(run_rule("average", "全县执业医师 972 人，医疗卫生机构床位 2196 张，每千人口床位 6.1 张。").empty());
  CHECK(run_rule("average", "按常住人口 36.00 万人计算，医疗卫生机构床位 2196 张，每千人口床位 6.1 张。").empty());
  CHECK(run_rule("average", "按常住人口 36.00 万人计算，医疗卫生机构床位 2196 张，每千人口床位 7.1 张。").size() == 1);
}

TEST_CASE("per-resident in a table: the indicator rows, the 单位 column and a growth column") {
  const std::string head = "表 1 主要指标\n指标\t单位\t绝对数\t比上年增长（%）\n年末常住人口\t万人\t36.00\t-0.6\n"
                           "医疗卫生机构床位\t张\t2196\t2.4\n";
  CHECK(run_rule("per-resident", head + "每千人口床位\t张\t6.1\t1.8\n").empty());
  std::string bad = head + "每千人口床位\t张\t7.1\t1.8\n";
  Diagnostic d = only_one(run_rule("per-resident", bad));
  CHECK(span_text(bad, d.span) == "7.1");
  CHECK(contains(d.message, "2196 张 ÷ 36.00 万人 × 1000"));  // the 万 of the 单位 cell is shown
  // The growth column is not a second 床位 total: its cells are rates of the row, with their sign.
  Report r(head + "每千人口床位\t张\t7.1\t1.8\n");
  bool growth = false, negative = false;
  for (const auto& q : r.fb().ex.quantities) {
    if (q.col != 3) continue;
    CHECK(q.unit == "%");
    growth |= r.rel().st(q.id).type == ValueType::Growth;
    negative |= q.text == "-0.6" && r.rel().st(q.id).sign < 0;
  }
  CHECK(growth);
  CHECK(negative);
}

TEST_CASE("per-resident: a table of several years pairs each value with its own column") {
  std::string t =
      "表 1 卫生资源\n指标\t单位\t2024年\t2025年\n年末常住人口\t万人\t40.00\t50.00\n医疗卫生机构床位\t张\t2400\t2500\n"
      "每千人口床位\t张\t6.00\t";
  Report r(t + "5.00\n");
  int n = 0;
  for (const auto& b : r.rel().bulletin) {
    if (b.kind != BulletinKind::PerResident) continue;
    ++n;
    // Same column: 2024 with 40.00 and 2400, 2025 with 50.00 and 2500.
    CHECK(r.fb().q(b.figure).col == r.fb().q(b.whole).col);
    CHECK(r.fb().q(b.figure).col == r.fb().q(b.other).col);
  }
  CHECK(n == 2);
  CHECK(run_rule("per-resident", t + "5.00\n").empty());
  Diagnostic d = only_one(run_rule("per-resident", t + "6.00\n"));  // 2500 ÷ 50 万 × 1000 = 5.00
  CHECK(span_text(t + "6.00\n", d.span) == "6.00");
  CHECK(contains(d.message, "= 5.00"));
}
