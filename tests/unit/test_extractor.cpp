// extract, clean_label, find_metric: what each figure of a report measures —
// its label, metric, scope, year and place — in prose and in tables.
#include <doctest/doctest.h>

#include "diag/messages.h"
#include "test_support.h"

using namespace tally;
using tally::testing::R;
using tally::testing::Report;
using tally::testing::vocab;

TEST_CASE("extractor: clean_label strips cue words and punctuation") {
  struct Case {
    const char* raw;
    const char* label;
  };
  const Case cases[] = {
      {"其中专任教师", "专任教师"},
      {"共有在校生", "在校生"},
      {"，专任教师", "专任教师"},
      {"现有教职工", "教职工"},
      {"专任教师共计", "专任教师"},
      {"毕业生人数为", "毕业生人数"},
      {"在校生达到", "在校生"},
      {"其中：女生", "女生"},
      {"  招生 ", "招生"},
      {"专业课 教师", "专业课教师"},
      {"“双师型”教师", "“双师型”教师"},
  };
  for (const auto& c : cases) {
    SUBCASE(c.raw) { CHECK(clean_label(c.raw, vocab()) == c.label); }
  }
}

TEST_CASE("extractor: find_metric resolves labels through the packs' aliases") {
  struct Case {
    const char* label;
    const char* metric;
  };
  const Case cases[] = {
      {"专任教师", "full-time-teachers"},
      {"全市专任教师总数", "full-time-teachers"},
      {"校内专任教师", "full-time-teachers"},
      {"专业课教师", "specialty-teachers"},
      {"“双师型”教师", "dual-qualified-teachers"},
      {"双师型教师", "dual-qualified-teachers"},
      {"全日制在校生", "students"},
      {"在校生人数", "students"},
      {"应届毕业生", "graduates"},
      {"毕业去向落实人数", "placed-graduates"},
      {"升学人数", "further-study"},
      {"教职工", "staff"},
      {"中等职业学校", "schools"},
      {"专业点", "major-points"},
      {"专业群", "major-groups"},
      {"校舍建筑面积", "floor-area"},
      {"生均仪器设备值", "equipment-value"},
      {"社会培训人次", "training-person-times"},
      {"满意度", "satisfaction"},
      {"女生", ""},
      {"教师满意度调查", ""},
  };
  for (const auto& c : cases) {
    SUBCASE(c.label) { CHECK(find_metric(c.label, vocab()) == c.metric); }
  }
}

TEST_CASE("extractor: labels before the figure") {
  Report r("全市中等职业学校 18 所，其中共有专任教师 1200 人。学校有专业课教师 300 人，现有教职工 520 人，累计培训 1.5 万人次。\n");
  SUBCASE("the subject before the count") {
    CHECK(r.q("18").label == "全市中等职业学校");
    CHECK(r.q("18").metric == "schools");
  }
  SUBCASE("其中 and 共有 are stripped") {
    CHECK(r.q("1200").label == "专任教师");
    CHECK(r.q("1200").metric == "full-time-teachers");
  }
  SUBCASE("现有 is stripped") {
    CHECK(r.q("520").label == "教职工");
    CHECK(r.q("520").metric == "staff");
  }
  SUBCASE("累计 is stripped") {
    CHECK(r.q("1.5 万").label == "培训");
    CHECK(r.q("1.5 万").metric == "training");
    CHECK(r.q("1.5 万").unit == "人次");
  }
  SUBCASE("a longer label still ends with its alias") {
    CHECK(r.q("300").metric == "specialty-teachers");
  }
  SUBCASE("完成 after the measure is a verb, not part of its name") {
    Report b("全市一般公共预算收入完成 86.42 亿元，一般公共预算支出完成 152.6 亿元，完成投资 12 亿元。\n");
    CHECK(b.q("86.42 亿").label == "全市一般公共预算收入");
    CHECK(b.q("152.6 亿").label == "一般公共预算支出");
    CHECK(b.q("12 亿").label == "完成投资");  // 完成 before the noun stays
  }
}

TEST_CASE("extractor: labels after the figure") {
  Report r("12 所中等职业学校共有在校生 3 万人。\n，200 名教师参加培训。\n");
  SUBCASE("a clause that starts with the figure takes the noun after the unit") {
    CHECK(r.q("12").label == "中等职业学校");
    CHECK(r.q("12").metric == "schools");
    CHECK(r.q("12").unit == "所");
  }
  SUBCASE("the label stops at a verb") {
    CHECK(r.q("200").label == "教师");
  }
  SUBCASE("the next figure in the sentence has its own label") {
    CHECK(r.q("3 万").metric == "students");
    CHECK(r.q("3 万").value == R("30000"));
  }
}

TEST_CASE("extractor: a label ending in 的 takes the noun after the figure") {
  Report r("全市中职学校的 15 个专业群通过省级验收。\n");
  CHECK(r.q("15").label == "专业群");
  CHECK(r.q("15").metric == "major-groups");
}

TEST_CASE("extractor: quoted labels") {
  Report r("“双师型”教师 680 人，占专任教师的 56.7%。\n");
  CHECK(r.q("680").label == "“双师型”教师");
  CHECK(r.q("680").metric == "dual-qualified-teachers");
  CHECK(r.q("56.7%").kind == QuantityKind::Percent);
}

TEST_CASE("extractor: scopes") {
  Report r(
      "全市职业院校（含技工院校）毕业生 9000 人，普通高中毕业生 12000 人。\n"
      "全市中职招生 5200 人，高职院校招生 3000 人，技工院校招生 1500 人。\n"
      "全市中等职业学校 18 所，其中公办 14 所。\n"
      "全市共有教职工 2600 人。\n"
      "全市高中阶段教育在校生 8 万人。\n");
  SUBCASE("职业院校（含技工院校）") { CHECK(r.q("9000").scope == "vocational-all"); }
  SUBCASE("普通高中") { CHECK(r.q("12000").scope == "general-high-school"); }
  SUBCASE("中职") { CHECK(r.q("5200").scope == "secondary"); }
  SUBCASE("高职院校") { CHECK(r.q("3000").scope == "higher-vocational"); }
  SUBCASE("技工院校") { CHECK(r.q("1500").scope == "technical"); }
  SUBCASE("a scope word in the clause") { CHECK(r.q("18").scope == "secondary"); }
  SUBCASE("a scope word earlier in the sentence") { CHECK(r.q("14").scope == "secondary"); }
  SUBCASE("no scope word: the report's own scope") { CHECK(r.q("2600").scope.empty()); }
  SUBCASE("高中阶段 is not 普通高中") { CHECK(r.q("8 万").scope == "upper-secondary"); }
}

TEST_CASE("extractor: a scope word crossing the end of another is not read") {
  // 初中专任教师: 中专 runs across the end of 初中.
  Report r("初中专任教师 1960 人，生师比 11.79:1。\n高中专任教师 1240 人。\n");
  CHECK(r.q("1960").scope == "junior-secondary");
  CHECK(r.q("11.79:1").scope == "junior-secondary");
  CHECK(r.q("1240").scope == "general-high-school");
}

TEST_CASE("extractor: a lead-in sets the scope or topic of the bare figures after it") {
  Report r(
      "小学。招生 5320 人，在校生 3.18 万人。\n"
      "初中：在校生 1.46 万人。高中专任教师 880 人。\n"
      "城镇居民方面，人均可支配收入 46280 元。\n"
      "近年来，在校生 2.5 万人。\n"
      "（二）普通高中。在校生 7260 人。\n");
  SUBCASE("a scope and a full stop") {
    CHECK(r.q("5320").scope == "primary");
    CHECK(r.q("3.18 万").scope == "primary");
  }
  SUBCASE("a scope and a colon") { CHECK(r.q("1.46 万").scope == "junior-secondary"); }
  SUBCASE("a figure's own scope wins") { CHECK(r.q("880").scope == "general-high-school"); }
  SUBCASE("a topic with 方面 that names no scope") {
    CHECK(r.q("46280").scope.empty());
    CHECK(r.q("46280").topic == "城镇居民");
    CHECK(r.q("5320").topic == "小学");
  }
  SUBCASE("an ordinary opening clause is no lead-in") {
    CHECK(r.q("2.5 万").scope.empty());
    CHECK(r.q("2.5 万").topic.empty());
  }
  SUBCASE("a numbered lead-in") { CHECK(r.q("7260").scope == "general-high-school"); }
}

TEST_CASE("extractor: a sentence about one named school") {
  Report r("某某职业中等专业学校每年培训农民 2000 人次。\n全市中等职业学校每年培训农民 9000 人次。\n");
  CHECK(r.q("2000").scope == "school:某某职业中等专业学校");
  CHECK(r.q("9000").scope == "secondary");
}

TEST_CASE("extractor: figures in a 案例 section take the school's scope") {
  Report r(
      "一、办学基础\n"
      "全市中等职业学校共有专任教师 900 人。\n"
      "案例1 某某职业中等专业学校产教融合\n"
      "该校建成实训基地 12 个，在校生 3000 人。\n"
      "二、学生发展\n"
      "全市中职招生 4000 人。\n");
  const auto& in_case = r.q("3000");
  CHECK(in_case.in_case);
  CHECK(in_case.scope.rfind("school:", 0) == 0);
  CHECK(in_case.scope.find("某某职业中等专业学校") != std::string::npos);
  CHECK(r.q("12").in_case);
  CHECK_FALSE(r.q("900").in_case);
  CHECK(r.q("900").scope == "secondary");
  SUBCASE("the next numbered section ends the case") {
    CHECK_FALSE(r.q("4000").in_case);
    CHECK(r.q("4000").scope == "secondary");
  }
}

TEST_CASE("extractor: years") {
  Report r(
      "2023 年全市中职招生 5200 人，2024 年招生 5600 人。\n"
      "2024 年，全市中职学校招生 6000 人。毕业生 5100 人。\n"
      "2022-2023 学年，全市在校生 15000 人。\n"
      "2023 届毕业生 4800 人。\n"
      "全市专任教师 1300 人。\n");
  SUBCASE("the year before the figure in its sentence") { CHECK(r.q("5200").year == 2023); }
  SUBCASE("the nearest year wins") { CHECK(r.q("5600").year == 2024); }
  SUBCASE("a year in a leading clause") { CHECK(r.q("6000").year == 2024); }
  SUBCASE("a school year names its later year") { CHECK(r.q("15000").year == 2023); }
  SUBCASE("a cohort") {
    CHECK(r.q("4800").year == 2023);
    CHECK(r.q("4800").metric == "graduates");
  }
  SUBCASE("no year") { CHECK(r.q("1300").year == 0); }
  SUBCASE("the year is not a figure") {
    CHECK_FALSE(r.has("2023"));
    CHECK_FALSE(r.has("2024"));
  }
}

TEST_CASE("extractor: positions") {
  Report r("全市共有专任教师 1648 人，占比 23. 19%。\n\n第二段有 12 个专业。\n");
  SUBCASE("span, line and column of an integer") {
    const auto& q = r.q("1648");
    CHECK(r.at(q.span) == "1648");
    CHECK(q.line == 1);
    CHECK(r.source().position(q.span.begin).column == 10);
  }
  SUBCASE("a spaced percentage covers its whole printed text") {
    const auto& q = r.q("23. 19%");
    CHECK(r.at(q.span) == "23. 19%");
    CHECK(q.value == R("23.19"));
  }
  SUBCASE("sentence, clause and paragraph") {
    const auto& a = r.q("1648");
    const auto& b = r.q("23. 19%");
    const auto& c = r.q("12");
    CHECK(a.paragraph == b.paragraph);
    CHECK(a.sentence == b.sentence);
    CHECK(a.clause != b.clause);
    CHECK(c.paragraph != a.paragraph);
    CHECK(c.line == 3);
  }
  SUBCASE("ids follow source order") {
    const auto& qs = r.quantities();
    REQUIRE(qs.size() == 3);
    for (size_t i = 0; i < qs.size(); ++i) CHECK(qs[i].id == static_cast<int>(i));
  }
}

TEST_CASE("extractor: a sentence broken by a page break reads whole") {
  Report r("全市中等职业学校共有在校生 5000 人，较上年增长\n\n6.5%，专任教师 300 人。\n");
  const auto& pct = r.q("6.5%");
  CHECK(pct.line == 3);
  CHECK(pct.paragraph == r.q("5000").paragraph);
  CHECK(pct.sentence == r.q("5000").sentence);
  CHECK(pct.label == "较上年增长");
  CHECK(pct.scope == "secondary");
  CHECK(r.at(pct.span) == "6.5%");
  CHECK(r.q("300").metric == "full-time-teachers");
}

TEST_CASE("extractor: non-quantities leave no figures in a report") {
  Report r(
      "根据豫教职成〔2023〕12号文件精神，2024 年 6月18日至20日举办第17届技能大赛。\n"
      "推进“1+X”证书制度试点，开展“3+2”分段培养，实施一校一策。\n");
  CHECK(r.quantities().empty());
}

TEST_CASE("extractor: table cells") {
  Report r(
      "全市中等职业学校办学条件见下表。\n"
      "表 1 各校基本情况\n"
      "序号\t学校\t在校生（人）\t专任教师（人）\t占地面积（万平方米）\n"
      "1\t第一职专\t3100\t210\t12.5\n"
      "\t其中：女生\t1400\t95\t3.2\n"
      "2\t第二职专\t1800\t120\t8.6\n"
      "合计\t\t4900\t330\t21.1\n"
      "以上为各校情况。\n"
      "指标\t单位\t2022 年\t2023 年\t2024 年\n"
      "招生\t人\t4210\t4480\t4730\n"
      "专业点\t个\t61\t64\t67\n"
      "近两年主要指标如下。\n"
      "年份\t在校生\t毕业生\t专任教师\n"
      "2025\t54744\t15643\t3288\n"
      "2024\t52198\t14877\t3105\n");
  SUBCASE("row, column and labels of a cell") {
    const auto& q = r.q("3100");
    CHECK(q.table == 0);
    CHECK(q.row == 1);
    CHECK(q.col == 2);
    CHECK(q.row_label == "第一职专");
    CHECK(q.label == "第一职专");
    CHECK(q.paragraph == -1);
    CHECK(r.at(q.span) == "3100");
    CHECK(q.line == 4);
  }
  SUBCASE("the unit from the column header") {
    CHECK(r.q("3100").unit == "人");
    CHECK(r.q("3100").dimension == "people");
    CHECK(r.q("210").unit == "人");
  }
  SUBCASE("万 in the column header multiplies the cell") {
    const auto& q = r.q("12.5");
    CHECK(q.unit == "平方米");
    CHECK(q.multiplier == 10000);
    CHECK(q.value == R("125000"));
    CHECK(q.decimals == 1);
  }
  SUBCASE("a 其中 sub-row is labelled without its cue") {
    CHECK(r.q("1400").row_label == "女生");
    CHECK(r.q("1400").row == 2);
  }
  SUBCASE("the 序号 column is not a figure") {
    for (const auto& q : r.quantities()) CHECK_FALSE((q.table == 0 && q.col == 0));
  }
  SUBCASE("the unit from a 单位 column") {
    const auto& q = r.q("61");
    CHECK(q.unit == "个");
    CHECK(q.dimension == "items");
    CHECK(q.table == 1);
  }
  SUBCASE("the 单位 column is not a figure") {
    for (const auto& q : r.quantities()) CHECK_FALSE((q.table == 1 && q.col == 1));
  }
  SUBCASE("a year column dates its cells and the row names the metric") {
    CHECK(r.q("4210").year == 2022);
    CHECK(r.q("4480").year == 2023);
    CHECK(r.q("4730").year == 2024);
    CHECK(r.q("4730").label == "招生");
    CHECK(r.q("4730").metric == "enrolment");
    CHECK(r.q("4730").col_label == "2024年");
  }
  SUBCASE("a year row dates its cells and the column names the metric") {
    const auto& q = r.q("54744");
    CHECK(q.table == 2);
    CHECK(q.year == 2025);
    CHECK(q.label == "在校生");
    CHECK(q.metric == "students");
    CHECK(r.q("3105").year == 2024);
    CHECK(r.q("3105").metric == "full-time-teachers");
  }
  SUBCASE("the years labelling rows are not figures") {
    CHECK_FALSE(r.has("2025"));
    CHECK_FALSE(r.has("2024"));
  }
}

TEST_CASE("extractor: a percent column") {
  Report r(
      "各专业就业情况如下。\n"
      "专业\t毕业生（人）\t就业人数（人）\t就业率（%）\n"
      "机电技术\t320\t301\t94.1\n"
      "会计事务\t280\t259\t92.5\n");
  const auto& q = r.q("94.1");
  CHECK(q.kind == QuantityKind::Percent);
  CHECK(q.unit == "%");
  CHECK(q.decimals == 1);
  CHECK(r.q("320").unit == "人");
  CHECK(r.q("259").row_label == "会计事务");
}

namespace {

// The breakdown whose whole is printed as `whole` (null if none).
const Breakdown* breakdown_of(const Report& r, std::string_view whole) {
  for (const auto& b : r.rel().breakdowns)
    if (r.fb().q(b.whole).text == whole) return &b;
  return nullptr;
}

std::vector<std::string> part_texts(const Report& r, const Breakdown& b) {
  std::vector<std::string> out;
  for (int id : b.parts) out.push_back(r.fb().q(id).text);
  return out;
}

}  // namespace

TEST_CASE("breakdowns: a parenthesised breakdown adds up") {
  Report r("全市共有职业院校 30 所（高职院校 6 所，中职学校 18 所，技工院校 6 所）。\n");
  const Breakdown* b = breakdown_of(r, "30");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Sum);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"6", "18", "6"});
  CHECK(r.rel().part_of[r.q("18").id] >= 0);
  CHECK(r.rel().part_of[r.q("30").id] == -1);
}

TEST_CASE("breakdowns: 其中 in parentheses is a subset") {
  Report r("全市专任教师 2100 人（其中“双师型”教师 1300 人）。\n");
  const Breakdown* b = breakdown_of(r, "2100");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Subset);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"1300"});
}

TEST_CASE("breakdowns: a 其中 list of a partition adds up") {
  Report r("全市中等职业学校 25 所，其中公办 19 所、民办 6 所。\n");
  const Breakdown* b = breakdown_of(r, "25");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Sum);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"19", "6"});
  const std::string why = say_evidence(b->why, [](const Message& m) { return builtin_catalogue().render(m, Lang::En); });
  CHECK(why.find("公办") != std::string::npos);
}

TEST_CASE("breakdowns: a 其中 list that is only a subset") {
  Report r("全市在校生 5000 人，其中女生 2100 人，少数民族学生 300 人。\n");
  const Breakdown* b = breakdown_of(r, "5000");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Subset);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"2100", "300"});
}

TEST_CASE("breakdowns: 其中 opening the next sentence") {
  Report r("全市中职学校共有教职工 2600 人。其中，专任教师 2100 人。\n");
  const Breakdown* b = breakdown_of(r, "2600");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Subset);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"2100"});
}

TEST_CASE("breakdowns: 其中 … 分别为 adds up") {
  Report r("全市专任教师 1000 人，其中专业课教师、文化课教师分别为 600 人、400 人。\n");
  const Breakdown* b = breakdown_of(r, "1000");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Sum);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"600", "400"});
}

TEST_CASE("breakdowns: 分别为 over the categories of a partition") {
  Report r("全市获奖 60 项，一等奖、二等奖、三等奖分别为 10 项、20 项、30 项。\n");
  const Breakdown* b = breakdown_of(r, "60");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Sum);
  CHECK(part_texts(r, *b) == std::vector<std::string>{"10", "20", "30"});
}

TEST_CASE("breakdowns: parts in another unit belong to another whole") {
  Report r("全市中职学校 20 所，在校生 3 万人，其中公办学校 15 所，在校生 2.4 万人。\n");
  const Breakdown* schools = breakdown_of(r, "20");
  const Breakdown* students = breakdown_of(r, "3 万");
  REQUIRE(schools != nullptr);
  REQUIRE(students != nullptr);
  CHECK(part_texts(r, *schools) == std::vector<std::string>{"15"});
  CHECK(part_texts(r, *students) == std::vector<std::string>{"2.4 万"});
}

TEST_CASE("breakdowns: an approximate whole is never a sum") {
  Report r("全市合作企业 300余家，其中公办 100 家、民办 200 家。\n");
  CHECK(r.q("300").approx == Approx::AtLeast);
  CHECK(r.q("300").unit == "家");
  for (const auto& b : r.rel().breakdowns) CHECK(b.kind != BreakdownKind::Sum);
  Report exact("全市合作企业 300 家，其中公办 100 家、民办 200 家。\n");
  const Breakdown* b = breakdown_of(exact, "300");
  REQUIRE(b != nullptr);
  CHECK(b->kind == BreakdownKind::Sum);
}

TEST_CASE("breakdowns: unrelated figures make none") {
  Report r("全市中职学校 20 所。全市普通高中在校生 5 万人。\n");
  CHECK(r.rel().breakdowns.empty());
}

TEST_CASE("extractor: a cell printed with a minus sign is negative") {
  Report r("项目\t结余（万元）\t增减\n基本支出\t-10.69\t3\n项目支出\t－14.6\t− 2\n其他\t−2.6\t1\n目录\t- 4 -\t5\n");
  for (std::string_view text : {"-10.69", "－14.6", "−2.6"}) {
    const Quantity& q = r.q(text);
    CHECK(q.negative);
    CHECK(q.value > Rational(0));  // the magnitude: prose states a loss as 亏损 + magnitude
    CHECK(q.signed_value() < Rational(0));
    CHECK(q.signed_interval().hi < Rational(0));
  }
  CHECK_FALSE(r.q("3").negative);
  CHECK_FALSE(r.q("2").negative);  // a sign apart from the figure: not read as one
  CHECK_FALSE(r.q("1").negative);
}
