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

TEST_CASE("table-rows: a count far above the annex list it names") {
  auto report = [](const std::string& sentence, const std::string& annex) {
    return "一、基本情况\n\n" + sentence + "\n\n二、其他\n\n全区职业教育办学条件持续改善。\n\n" + annex;
  };
  const std::string annex = "附表 2 市级优质专业建设项目名单\n\n序号\t专业名称\n1\t数控技术\n2\t电子商务\n3\t护理\n";
  std::string t = report("全区有 4 个专业入选市级优质专业建设项目。", annex);
  Diagnostic d = only_one(run_rule("table-rows", t));
  CHECK(span_text(t, d.span) == "4");
  CHECK(contains(d.message, "has 3 rows"));
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "3");
  // The right count, a count over years, a list ending in 等, and a caption that shares no words: silent.
  CHECK(run_rule("table-rows", report("全区有 3 个专业入选市级优质专业建设项目。", annex)).empty());
  CHECK(run_rule("table-rows", report("全区累计有 4 个专业入选市级优质专业建设项目。", annex)).empty());
  CHECK(run_rule("table-rows", report("全区数控、护理等 4 个专业入选市级优质专业建设项目。", annex)).empty());
  CHECK(run_rule("table-rows", report("全区有 4 个专业通过评估。", annex)).empty());
  // Two lists with that noun and caption (a report collected twice, or two batches): which one is meant
  // is unclear, so nothing is said — however many copies there are.
  std::string twice =
      report("全区有 4 个专业入选市级优质专业建设项目。", annex + "\n以上项目由区教育局认定。\n\n" + annex);
  CHECK(run_rule("table-rows", twice).empty());
}

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
  // Without a reference, the count must name what the list lists: 专业 is not a list of 学校.
  CHECK(run_rule("table-rows", "全市共有 3 个专业入选。\n\n序号\t学校\n1\t红星职业学校\n2\t青山职业学校\n").empty());
}

TEST_CASE("table-rows: the one count above a list, by the noun it counts") {
  std::string t = "全市有 4 所学校入选省级高水平学校建设单位。\n\n序号\t学校名称\n1\t甲校\n2\t乙校\n3\t丙校\n";
  Diagnostic d = only_one(run_rule("table-rows", t));
  CHECK(span_text(t, d.span) == "4");
  CHECK(d.fix->replacement == "3");
  // Two counts in the sentence, or a table of figures: silent.
  CHECK(run_rule("table-rows", "全市有 4 所学校、12 个专业入选。\n\n序号\t学校名称\n1\t甲校\n2\t乙校\n3\t丙校\n").empty());
  CHECK(run_rule("table-rows", "全市有 4 所学校入选。\n\n学校名称\t在校生\n甲校\t300\n乙校\t200\n丙校\t100\n").empty());
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

// ---- 合计 / 小计 rows and columns (table-total) ----

TEST_CASE("table-total: a 合计 row below group labels is the sum of all the items") {
  std::string t =
      "表 7 各专业在校生\n专业名称\t全日制\t非全日制\t小计\n重点专业：\n机电技术应用\t312\t0\t312\n护理\t405\t20\t425\n"
      "其他专业：\n会计事务\t188\t0\t188\n合计\t955\t20\t975\n";
  Diagnostic d = only_one(run_rule("table-total", t));
  CHECK(span_text(t, d.span) == "955");
  CHECK(d.message == "the 合计 row: 312 + 405 + 188 = 905, but the table says 955");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "905");
  // 975 is the sum of its row (955 + 20): the corner cell is not blamed.
}

TEST_CASE("table-total: 小计 rows total their group, 合计 the 小计 rows") {
  std::string ok = "类别\t学校数（所）\n公办：\n市属\t5\n县属\t9\n小计\t14\n民办：\n独立设置\t6\n附设\t2\n小计\t8\n合计\t22\n";
  CHECK(run_rule("table-total", ok).empty());
  std::string bad_sub = "类别\t学校数（所）\n公办：\n市属\t5\n县属\t9\n小计\t15\n民办：\n独立设置\t6\n附设\t2\n小计\t8\n合计\t23\n";
  Diagnostic d = only_one(run_rule("table-total", bad_sub));
  CHECK(span_text(bad_sub, d.span) == "15");
  CHECK(contains(d.message, "小计 row of 公办"));
}

TEST_CASE("table-total: a 合计 column is the sum of the columns before it") {
  std::string t = "学校\t男生\t女生\t合计\n甲校\t320\t280\t600\n乙校\t150\t170\t330\n";
  Diagnostic d = only_one(run_rule("table-total", t));
  CHECK(span_text(t, d.span) == "330");
  CHECK(d.message == "the 合计 column of 乙校: 150 + 170 = 320, but the table says 330");
}

TEST_CASE("table-total: a 合计 row above its rows; dashes count as zero; 同上 repeats the cell above") {
  std::string top = "专业群\t在校生（人）\n合计\t3320\n智能制造\t1210\n现代服务\t1180\n信息技术\t1030\n";
  CHECK(span_text(top, only_one(run_rule("table-total", top)).span) == "3320");
  CHECK(run_rule("table-total", "学校\t国家级\t省级\t合计\n甲校\t2\t—\t2\n乙校\t-\t5\t5\n").empty());
  std::string ditto = "班级\t学生数（人）\n一班\t45\n二班\t同上\n三班\t同上\n合计\t140\n";
  Diagnostic d = only_one(run_rule("table-total", ditto));
  CHECK(d.message == "the 合计 row: 45 + 45 + 45 = 135, but the table says 140");
}

TEST_CASE("table-total: shares and rates are not summed") {
  CHECK(run_rule("table-total", "类别\t人数（人）\t比例\n一年级\t1200\t40%\n二年级\t1050\t35%\n合计\t2250\t76%\n").empty());
  CHECK(run_rule("table-total", "学校\t就业率（%）\t在校生\n甲校\t95.1\t100\n乙校\t96.2\t200\n合计\t95.8\t300\n").empty());
}

// ---- change columns ----

TEST_CASE("table-change: a 增量 group over 人数 and 比例 compares percentage points") {
  std::string t =
      "项目\t2023年\t\t2024年\t\t增量\n\t人数\t比例\t人数\t比例\t人数\t比例\n专任教师\t120\t80%\t132\t82.5%\t12\t2.5%\n"
      "高级职称教师\t30\t25%\t36\t27.27%\t6\t4.27%\n";
  Diagnostic d = only_one(run_rule("table-change", t));
  CHECK(span_text(t, d.span) == "4.27%");
  CHECK(d.message == "27.27% − 25% = 2.27 percentage points, but the change column says 4.27%");
  REQUIRE(d.fix);
  CHECK(d.fix->replacement == "2.27%");
}

TEST_CASE("table-change: a growth-rate column; truncation is a warning") {
  std::string t = "指标\t2023 年\t2024 年\t比上年增长（%）\n在校生（人）\t3000\t3248\t8.26\n招生（人）\t1200\t1302\t8.6\n";
  auto ds = run_rule("table-change", t);
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].severity == Severity::Warning);
  CHECK(span_text(t, ds[0].span) == "8.26");
  CHECK(ds[1].severity == Severity::Error);
  CHECK(span_text(t, ds[1].span) == "8.6");
  CHECK(ds[1].message == "(1302 − 1200) ÷ 1200 = 8.50%, but the growth column says 8.6");
}

TEST_CASE("table-change: with three years, the change follows the latest two") {
  std::string t = "指标\t2022 年\t2023 年\t2024 年\t增量\n招生（人）\t11800\t12480\t13050\t570\n";
  CHECK(run_rule("table-change", t).empty());
}

// ---- rates, ratios and per-student values ----

TEST_CASE("table-rate: a rate column, the base the other year confirms") {
  std::string t = "年份\t毕业生人数\t就业人数\t就业率（%）\n2023\t518\t497\t95.95\n2024\t546\t529\t96.98\n";
  Diagnostic d = only_one(run_rule("table-rate", t));
  CHECK(span_text(t, d.span) == "96.98");
  CHECK(contains(d.message, "529 ÷ 546 = 96.886%"));
  CHECK(related_texts(t, d) == std::vector<std::string>{"529", "546"});
  // A rate whose count is not in the table (就业率 beside 升学人数) holds nowhere: silent.
  CHECK(run_rule("table-rate", "年份\t毕业生人数\t升学人数\t就业率（%）\n2023\t518\t120\t95.95\n2024\t546\t131\t96.98\n").empty());
}

TEST_CASE("table-rate: a share row naming its base, a 生师比 row, a per-student row") {
  std::string share =
      "指标\t2023 年\t2024 年\n专任教师（人）\t412\t436\n“双师型”教师（人）\t233\t261\n“双师型”教师占专任教师比例\t56.55%\t60.86%\n";
  CHECK(span_text(share, only_one(run_rule("table-rate", share)).span) == "60.86%");
  std::string ratio = "指标\t2023 年\t2024 年\n在校生数（人）\t6120\t6488\n专任教师数（人）\t352\t371\n生师比\t17.39\t18.49\n";
  Diagnostic d = only_one(run_rule("table-rate", ratio));
  CHECK(span_text(ratio, d.span) == "18.49");
  CHECK(d.fix->replacement == "17.49");
  std::string per = "指标\t单位\t2023 年\t2024 年\n在校生数\t人\t6120\t6488\n仪器设备总值\t万元\t4896\t5320\n生均仪器设备值\t元\t8000\t8500\n";
  CHECK(span_text(per, only_one(run_rule("table-rate", per)).span) == "8500");
}

TEST_CASE("table-rate: truncation is a warning; a right table is silent") {
  std::string t = "年份\t毕业生人数\t就业人数\t就业率（%）\n2023\t518\t497\t95.94\n2024\t546\t529\t96.89\n";
  Diagnostic d = only_one(run_rule("table-rate", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(contains(d.message, "truncated"));
  CHECK(run_rule("table-rate", "学校\t在校生（人）\t专任教师（人）\t生师比\n甲校\t2400\t150\t16\n乙校\t1800\t100\t18\n").empty());
}

TEST_CASE("table-rate: an indented part's 比重 is of the row it breaks down") {
  std::string t = "指标\t绝对数（亿元）\t比重（%）\n地区生产总值\t512.80\t100.0\n　　第一产业\t46.30\t9.0\n"
                  "　　第二产业\t201.50\t39.3\n　　第三产业\t265.00\t";
  CHECK(run_rule("table-rate", t + "51.7\n").empty());
  Diagnostic d = only_one(run_rule("table-rate", t + "50.7\n"));
  CHECK(span_text(t + "50.7\n", d.span) == "50.7");
  CHECK(contains(d.message, "265.00 ÷ 512.80 = 51.68%"));
  CHECK(contains(d.message, "地区生产总值"));
  // Two wholes: each part against its own.
  std::string two = "指标\t人数（人）\t比重（%）\n常住人口\t84600\t100.0\n　　城镇\t52300\t61.8\n　　乡村\t32300\t38.2\n"
                    "户籍人口\t90100\t100.0\n　　男\t45800\t50.8\n　　女\t44300\t";
  CHECK(run_rule("table-rate", two + "49.2\n").empty());
  CHECK(contains(only_one(run_rule("table-rate", two + "48.2\n")).message, "44300 ÷ 90100"));
}

TEST_CASE("table-column-sum: a count equals its column; an amount of money agrees within rounding") {
  std::string count = "今年共举办培训 3 期，共培训 160 人。\n\n表 1 培训\n\n序号\t班级\t人数\n1\t甲班\t65\n2\t乙班\t70\n3\t丙班\t30\n";
  Diagnostic d = only_one(run_rule("table-column-sum", count));
  CHECK(contains(d.message, "= 165"));
  CHECK(d.fix->replacement == "165");
  std::string money = "全年共下达补助资金 860 万元，分配如下表。\n\n表 2 补助资金分配\n单位：万元\n学校\t金额\n甲校\t312.60\n乙校\t298.40\n丙校\t";
  Diagnostic m = only_one(run_rule("table-column-sum", money + "259.00\n"));
  CHECK(contains(m.message, "= 870.00"));
  CHECK(!m.fix);  // which figure is wrong is not known
  CHECK(run_rule("table-column-sum", money + "249.00\n").empty());
  CHECK(run_rule("table-column-sum", money + "249.30\n").empty());  // 860.30 rounds to the stated 860
  // 共 inside 公共 is no total: a budget's revenue is not the sum of the table's 预算数 column.
  CHECK(run_rule("table-column-sum", "全市一般公共预算收入 52.30 亿元。\n\n表 3 收入\n单位：亿元\n项目\t预算数\n税收收入\t36.00\n"
                                     "非税收入\t15.68\n").empty());
}

// ---- counts by the counted noun, percent range in annex tables ----

TEST_CASE("table-category-count: a count named by its noun (民办学校) against the rows of that category") {
  std::string t =
      "全市共有中职学校 5 所，其中民办学校 3 所，名单见下表。\n\n序号\t学校\t性质\n1\t甲校\t公办\n2\t乙校\t公办\n3\t丙校\t民办\n"
      "4\t丁校\t公办\n5\t戊校\t民办\n";
  Diagnostic d = only_one(run_rule("table-category-count", t));
  CHECK(span_text(t, d.span) == "3");
  CHECK(d.fix->replacement == "2");
  // People are summed in a column, not counted in rows.
  CHECK(run_rule("table-category-count",
                 "公办学校在校生 5000 人，名单见下表。\n\n学校\t性质\t在校生\n甲校\t公办\t3000\n乙校\t公办\t2000\n丙校\t民办\t800\n")
            .empty());
}

TEST_CASE("share-range: a 样本数 / 调查人次 column is not a percentage") {
  std::string t = "附表 3 满意度调查表\n序号\t指标\t单位\t2024年\t调查人次\n1\t学生满意度\t%\t103.2\t8420\n2\t家长满意度\t%\t95.1\t6315\n";
  Diagnostic d = only_one(run_rule("share-range", t));
  CHECK(span_text(t, d.span) == "103.2");
}
