// Bulletin relations stated in tables (relations/table_structures.cpp) and growth-rate cells linked to
// the amount of their row (relations/statement.cpp): which cells each relation is made of, in both
// orientations, and the layouts that must propose nothing. Invented tables.
#include <doctest/doctest.h>

#include "check_helpers.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

namespace {

std::vector<const BulletinRelation*> of_kind(const Relations& rel, BulletinKind k) {
  std::vector<const BulletinRelation*> out;
  for (const auto& b : rel.bulletin)
    if (b.kind == k) out.push_back(&b);
  return out;
}

const std::string kSexRows =
    "表 1 年末人口\n指标\t单位\t年末数\n常住人口\t人\t70600\n　　男性\t人\t36100\n　　女性\t人\t34500\n"
    "城镇人口\t人\t41000\n乡村人口\t人\t29600\n性别比\t女=100\t";

}  // namespace

TEST_CASE("table sex ratio: a 性别比 row takes the 男 and 女 rows of its column") {
  Report r(kSexRows + "104.6\n");
  auto found = of_kind(r.rel(), BulletinKind::SexRatio);
  REQUIRE(found.size() == 1);
  CHECK(r.fb().q(found[0]->figure).text == "104.6");
  CHECK(r.fb().q(found[0]->whole).text == "36100");
  CHECK(r.fb().q(found[0]->other).text == "34500");
  CHECK(run_rule("sex-ratio", kSexRows + "104.6\n").empty());  // 36100 ÷ 34500 × 100 = 104.64
  Diagnostic d = only_one(run_rule("sex-ratio", kSexRows + "107.6\n"));
  CHECK(contains(d.message, "104.6"));
  CHECK(d.related.size() == 2);
}

TEST_CASE("table sex ratio: a 性别比（女=100） column across 男 and 女 columns, row by row") {
  std::string t = "表 2 分乡镇人口\n乡镇\t男（人）\t女（人）\t性别比（女=100）\n南岗镇\t4410\t4200\t105.0\n北塘乡\t3900\t3710\t";
  CHECK(of_kind(Report(t + "105.1\n").rel(), BulletinKind::SexRatio).size() == 2);
  CHECK(run_rule("sex-ratio", t + "105.1\n").empty());
  Diagnostic d = only_one(run_rule("sex-ratio", t + "101.1\n"));
  CHECK(contains(d.message, "105.12"));
}

TEST_CASE("table sex ratio: nothing when the pair is not one") {
  // 男 and 女 twice (城镇 and 乡村): which pair?
  std::string two = "表 3 城乡人口\n指标\t单位\t年末数\n城镇人口\t人\t500\n　　男性\t人\t260\n　　女性\t人\t240\n"
                    "乡村人口\t人\t400\n　　男性\t人\t210\n　　女性\t人\t190\n户数\t户\t300\n家庭数\t个\t280\n"
                    "机构数\t个\t20\n性别比\t女=100\t130.0\n";
  CHECK(of_kind(Report(two).rel(), BulletinKind::SexRatio).empty());
  // 女 of the teachers and 男 of the students.
  std::string mixed = "表 4 学校\n指标\t单位\t数量\n教职工\t人\t820\n其中：女\t人\t430\n在校生\t人\t12000\n"
                      "其中：男\t人\t6400\n性别比\t女=100\t150.0\n";
  CHECK(of_kind(Report(mixed).rel(), BulletinKind::SexRatio).empty());
  // A share of each sex is not a count.
  std::string shares = "表 5 构成\n指标\t比重（%）\n男性\t51.1\n女性\t48.9\n性别比\t104.5\n";
  CHECK(of_kind(Report(shares).rel(), BulletinKind::SexRatio).empty());
  // 1.05 is not per 100 women.
  CHECK(of_kind(Report(kSexRows + "1.05\n").rel(), BulletinKind::SexRatio).empty());
}

TEST_CASE("table contribution: a 贡献率 line over every member of a partition") {
  std::string col = "表 6 贡献\n产业\t贡献率（%）\n第一产业\t7.0\n第二产业\t36.5\n第三产业\t";
  Report r(col + "56.5\n");
  auto found = of_kind(r.rel(), BulletinKind::Contribution);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->parts.size() == 3);
  CHECK(run_rule("contribution", col + "56.5\n").empty());
  CHECK(run_rule("contribution", col + "58.5\n").size() == 1);
  std::string row = "表 7 贡献\n指标\t第一产业\t第二产业\t第三产业\n贡献率（%）\t7.0\t36.5\t";
  CHECK(run_rule("contribution", row + "56.5\n").empty());
  CHECK(run_rule("contribution", row + "54.5\n").size() == 1);
  // Two of three industries; and a line that is not of 贡献率.
  CHECK(of_kind(Report("表 8 贡献\n产业\t贡献率（%）\n第二产业\t36.5\n第三产业\t50.5\n").rel(),
                BulletinKind::Contribution).empty());
  CHECK(of_kind(Report("表 9 比重\n产业\t比重（%）\n第一产业\t7.0\n第二产业\t36.5\n第三产业\t58.5\n").rel(),
                BulletinKind::Contribution).empty());
}

TEST_CASE("table structure: a:b:c in a cell named a structure by its row or its column") {
  CHECK(run_rule("structure", "表 10 结构\n指标\t2025年\n三次产业结构\t8.8:41.0:50.2\n").empty());
  CHECK(run_rule("structure", "表 10 结构\n指标\t2025年\n三次产业结构\t8.8:41.0:51.2\n").size() == 1);
  CHECK(run_rule("structure", "表 11 结构\n县\t产业结构\n甲县\t8.8:41.0:50.2\n乙县\t6.1:44.0:49.9\n").empty());
  CHECK(run_rule("structure", "表 11 结构\n县\t产业结构\n甲县\t8.8:41.0:50.2\n乙县\t6.1:44.0:50.9\n").size() == 1);
  // Found along its row and its column: one relation.
  CHECK(of_kind(Report("表 12 结构\n指标\t三次产业结构\n三次产业结构\t8.8:41.0:51.2\n").rel(), BulletinKind::Structure)
            .size() == 1);
  // A ratio its row and column do not call a structure.
  CHECK(run_rule("structure", "表 13 投入\n指标\t2025年\n人员配比\t8.8:41.0:51.2\n").empty());
}

TEST_CASE("table growth rates: a growth cell is the rate of the one amount of its row") {
  Report r("表 14 指标\n指标\t单位\t绝对数\t比上年增长（%）\n粮食产量\t万吨\t31.2\t2.4\n");
  const auto& st = r.rel().statements;
  int rate = -1;
  for (const auto& s : st)
    if (s.type == ValueType::Growth) rate = s.quantity;
  REQUIRE(rate >= 0);
  REQUIRE(st[rate].qualifies >= 0);
  CHECK(r.fb().q(st[rate].qualifies).text == "31.2");
  // Two amounts in the row: no link.
  Report two("表 15 指标\n指标\t2024年\t2025年\t比上年增长（%）\n粮食产量（万吨）\t30.5\t31.2\t2.3\n");
  for (const auto& s : two.rel().statements)
    if (s.type == ValueType::Growth) CHECK(s.qualifies < 0);
}

TEST_CASE("table growth spread: a total row's rate lies between its complete parts' rates") {
  std::string t = "表 16 分行业\n行业\t增加值（亿元）\t比上年增长（%）\n农业\t10.0\t3.0\n工业\t30.0\t7.0\n合计\t40.0\t";
  CHECK(run_rule("growth-spread", t + "6.0\n").empty());
  Diagnostic d = only_one(run_rule("growth-spread", t + "8.0\n"));
  CHECK(d.severity == Severity::Warning);
  CHECK(contains(d.message, "+8.0%"));
  CHECK(contains(d.message, "+3.0%"));
  // Parts that do not add up to the total: not known to be complete.
  CHECK(run_rule("growth-spread", "表 17 分行业\n行业\t增加值（亿元）\t比上年增长（%）\n农业\t10.0\t3.0\n工业\t25.0\t7.0\n"
                                  "全部\t40.0\t8.0\n").empty());
}

TEST_CASE("table decline: a positive amount cannot fall by more than 100%") {
  std::string t = "表 18 产值\n产品\t产值（万元）\t比上年增长（%）\n茶叶\t2316\t";
  Diagnostic d = only_one(run_rule("change-rate", t + "-112.4\n"));
  CHECK(contains(d.message, "112.4%"));
  CHECK(run_rule("change-rate", t + "-12.4\n").empty());
  CHECK(run_rule("change-rate", t + "112.4\n").empty());  // a rise of more than 100% is possible
}

TEST_CASE("table pull: a 拉动（百分点） line over every industry, with the growth of the same table") {
  // Down a 拉动 column; the growth is the 地区生产总值 row's cell of the 增速 column, not its 拉动 cell.
  std::string col = "表 19 拉动\n产业\t增速（%）\t拉动（百分点）\n地区生产总值\t5.6\t5.5\n第一产业\t3.0\t0.4\n"
                    "第二产业\t4.8\t2.0\n第三产业\t6.7\t";
  Report r(col + "3.2\n");
  auto found = of_kind(r.rel(), BulletinKind::Pull);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->parts.size() == 3);
  CHECK(r.fb().q(found[0]->figure).text == "5.6");
  CHECK(r.fb().q(found[0]->figure).col == 1);
  CHECK(run_rule("contribution", col + "3.2\n").empty());  // 0.4 + 2.0 + 3.2 = 5.6
  Diagnostic d = only_one(run_rule("contribution", col + "3.7\n"));
  CHECK(contains(d.message, "6.1"));
  CHECK(contains(d.message, "5.6%"));
  // Across a 拉动 row whose columns are the industries; no growth cell: the whole's own 拉动 cell.
  std::string row = "表 20 拉动\n指标\t地区生产总值\t第一产业\t第二产业\t第三产业\n拉动（百分点）\t4.9\t0.3\t1.9\t";
  CHECK(run_rule("contribution", row + "2.7\n").empty());
  Diagnostic e = only_one(run_rule("contribution", row + "2.2\n"));
  CHECK(contains(e.message, "4.9%"));
}

TEST_CASE("table pull: each year's 拉动 with its own year's growth; a negative part subtracted; nothing for no partition") {
  std::string two = "表 21 拉动\n产业\t2024年\t\t2025年\n\t增速（%）\t拉动（百分点）\t增速（%）\t拉动（百分点）\n"
                    "地区生产总值\t6.0\t6.0\t5.2\t5.2\n第一产业\t3.1\t0.3\t2.9\t0.3\n第二产业\t5.8\t2.4\t4.4\t1.8\n"
                    "第三产业\t6.8\t3.3\t6.0\t";
  Report r(two + "3.1\n");
  auto found = of_kind(r.rel(), BulletinKind::Pull);
  REQUIRE(found.size() == 2);
  CHECK(r.fb().q(found[0]->figure).text == "6.0");
  CHECK(r.fb().q(found[1]->figure).text == "5.2");
  CHECK(run_rule("contribution", two + "3.1\n").empty());
  CHECK(run_rule("contribution", two + "3.9\n").size() == 1);
  // "-0.2" pulled the growth down: subtracted (the minus stays outside the figure, the statement knows it).
  std::string neg = "表 22 拉动\n产业\t拉动（百分点）\n地区生产总值\t2.0\n第一产业\t-0.2\n第二产业\t0.8\n第三产业\t";
  CHECK(run_rule("contribution", neg + "1.4\n").empty());
  CHECK(contains(only_one(run_rule("contribution", neg + "1.8\n")).message, "−0.2 + 0.8 + 1.8 = 2.4"));
  CHECK(run_rule("contribution", "表 22 贡献\n产业\t贡献率（%）\n第一产业\t-3.5\n第二产业\t40.2\n第三产业\t63.3\n").empty());
  // 消费, 投资, 净出口 are not a partition the vocabulary declares.
  CHECK(of_kind(Report("表 23 拉动\n需求\t拉动（百分点）\n地区生产总值\t5.0\n最终消费\t2.9\n资本形成\t1.6\n"
                       "净出口\t0.9\n").rel(),
                BulletinKind::Pull).empty());
  // Points are a difference of rates, not an amount: the growth cell of their row does not qualify them.
  for (const auto& s : r.rel().statements)
    if (s.type == ValueType::Growth) CHECK(s.qualifies < 0);
}

TEST_CASE("table real growth: 名义 and 实际 growth columns of one row, with the report's price index") {
  std::string cpi = "全年居民消费价格比上年上涨 1.5%。\n\n";
  std::string t = "表 24 居民收支\n指标\t绝对数（元）\t名义增长（%）\t实际增长（%）\n农村居民人均可支配收入\t23410\t6.8\t";
  Report r(cpi + t + "5.2\n");
  auto found = of_kind(r.rel(), BulletinKind::RealGrowth);
  REQUIRE(found.size() == 1);
  CHECK(r.fb().q(found[0]->whole).text == "6.8");
  CHECK(r.fb().q(found[0]->other).text == "1.5%");
  CHECK(run_rule("real-growth", cpi + t + "5.2\n").empty());  // 1.068 ÷ 1.015 − 1 = 5.22%
  Diagnostic d = only_one(run_rule("real-growth", cpi + t + "3.2\n"));
  CHECK(contains(d.message, "5.2%"));
  CHECK(contains(d.message, "3.2%"));
  // The price index as a table row of a growth column.
  std::string row = "表 25 价格\n指标\t比上年增长（%）\n居民消费价格\t0.5\n\n";
  std::string inc = "表 26 收入\n指标\t绝对数（元）\t名义增长（%）\t扣除价格因素实际增长（%）\n人均消费支出\t21800\t4.6\t";
  CHECK(run_rule("real-growth", row + inc + "4.1\n").empty());
  CHECK(run_rule("real-growth", row + inc + "2.1\n").size() == 1);
  // No price index anywhere: nothing to compute with.
  CHECK(of_kind(Report(t + "3.2\n").rel(), BulletinKind::RealGrowth).empty());
  // A measure that is not income or spending (可比价 growth of output is not deflated by consumer prices).
  CHECK(of_kind(Report(cpi + "表 27 产出\n指标\t绝对数（亿元）\t名义增长（%）\t可比价增长（%）\n地区生产总值\t320.5\t6.9\t5.1\n")
                    .rel(),
                BulletinKind::RealGrowth)
            .empty());
}

TEST_CASE("table budget balance: 收入, 支出 and 结余 rows down one money column") {
  std::string t = "表 28 一般公共预算收支\n单位：万元\n项目\t执行数\n收入合计\t74310\n上年结余\t860\n调入资金\t5200\n"
                  "支出合计\t79480\n年终结余\t";
  Report r(t + "890\n");
  auto found = of_kind(r.rel(), BulletinKind::Balance);
  REQUIRE(found.size() == 1);
  CHECK(r.fb().q(found[0]->whole).text == "74310");
  CHECK(r.fb().q(found[0]->other).text == "79480");
  CHECK(found[0]->parts.size() == 2);
  CHECK(run_rule("budget-balance", t + "890\n").empty());
  CHECK(run_rule("budget-balance", t + "1890\n").size() == 1);
  // Each column on its own: the 预算数 balance holds, the 执行数 one does not.
  std::string fund = "表 29 基金\n项目\t预算数（亿元）\t执行数（亿元）\n基金收入\t15.20\t15.64\n基金支出\t14.35\t14.72\n"
                     "当年结余\t0.85\t0.62\n";
  Diagnostic d = only_one(run_rule("budget-balance", fund));
  CHECK(contains(d.message, "0.62"));
  // 收入 items beside 支出 items: the right-hand amounts are named by the left-hand rows.
  CHECK(of_kind(Report("表 30 收支\n单位：万元\n收入项目\t金额\t支出项目\t金额\n税收收入\t620\t教育支出\t410\n"
                       "收入合计\t620\t支出合计\t410\n年终结余\t110\n").rel(),
                BulletinKind::Balance).empty());
  // Two incomes and no total: which one is the income is not clear.
  CHECK(of_kind(Report("表 31 收支\n单位：万元\n项目\t执行数\n税收收入\t620\n非税收入\t180\n支出\t700\n结余\t100\n").rel(),
                BulletinKind::Balance).empty());
}

TEST_CASE("table structure: the parts' rows in the structure's column give each share") {
  std::string t = "表 40 生产总值\n指标\t2024年\t2025年\n第一产业增加值（亿元）\t50.10\t52.40\n第二产业增加值（亿元）\t205.30\t218.60\n"
                  "第三产业增加值（亿元）\t280.60\t301.00\n三次产业结构\t9.3:38.3:52.4\t";
  Report r(t + "9.2:38.2:52.6\n");
  auto found = of_kind(r.rel(), BulletinKind::Structure);
  REQUIRE(found.size() == 2);
  for (const auto* b : found) REQUIRE(b->parts.size() == 3);
  CHECK(r.fb().q(found[1]->parts[0]).text == "52.40");  // the 2025 column's own parts
  CHECK(run_rule("structure", t + "9.2:38.2:52.6\n").empty());
  Diagnostic d = only_one(run_rule("structure", t + "9.2:40.2:50.6\n"));
  CHECK(contains(d.message, "218.60"));
  CHECK(contains(d.message, "40.2"));
  // A member named by two rows (增加值 and 从业人员): no parts, only the sum to 100 is checked.
  Report two("表 41 经济\n指标\t2025年\n第一产业增加值（亿元）\t52.40\n第二产业增加值（亿元）\t218.60\n第三产业增加值（亿元）\t301.00\n"
             "第一产业从业人员（万人）\t12.0\n第二产业从业人员（万人）\t15.0\n第三产业从业人员（万人）\t23.0\n三次产业结构\t24.0:30.0:46.0\n");
  REQUIRE(of_kind(two.rel(), BulletinKind::Structure).size() == 1);
  CHECK(of_kind(two.rel(), BulletinKind::Structure)[0]->parts.empty());
}

TEST_CASE("table share of GDP: a 占地区生产总值比重 column over the report's one GDP") {
  std::string gdp = "全年全市地区生产总值 640.00 亿元，比上年增长 5.8%。\n\n";
  std::string t = "表 42 重点产业\n产业\t增加值（亿元）\t占地区生产总值比重（%）\n数字经济核心产业\t51.20\t8.0\n文化产业\t28.80\t";
  Report r(gdp + t + "4.5\n");
  auto found = of_kind(r.rel(), BulletinKind::ShareOfWhole);
  REQUIRE(found.size() == 2);
  CHECK(r.fb().q(found[1]->parts[0]).text == "28.80");
  CHECK(r.fb().q(found[1]->whole).text == "640.00 亿");
  CHECK(run_rule("share-of-gdp", gdp + t + "4.5\n").empty());
  Diagnostic d = only_one(run_rule("share-of-gdp", gdp + t + "5.5\n"));
  CHECK(contains(d.message, "4.50%"));
  CHECK(contains(d.message, "5.5%"));
  // No GDP in the report, or a table of several years: nothing.
  CHECK(of_kind(Report(t + "4.5\n").rel(), BulletinKind::ShareOfWhole).empty());
  CHECK(of_kind(Report(gdp + "表 43 数字经济\n指标\t2023年\t\t2025年\n\t增加值（亿元）\t占地区生产总值比重（%）\t增加值（亿元）\t"
                             "占地区生产总值比重（%）\n数字经济核心产业\t41.00\t7.1\t51.20\t8.0\n")
                    .rel(),
                BulletinKind::ShareOfWhole)
            .empty());
}

TEST_CASE("transposed table: the column names the measure, a 增速 row holds its growth rates") {
  Report r("表 44 经济\n指标\t地区生产总值\t第一产业\t第二产业\n绝对数（亿元）\t386.40\t38.20\t150.60\n增速（%）\t5.6\t3.1\t-0.9\n");
  const auto& st = r.rel().statements;
  std::vector<std::string> labels, growth_of;
  for (const auto& s : st) {
    const Quantity& q = r.fb().q(s.quantity);
    labels.push_back(q.label);
    if (s.type == ValueType::Growth) {
      REQUIRE(s.qualifies >= 0);
      growth_of.push_back(r.fb().q(s.qualifies).text + (s.sign < 0 ? "−" : "+"));
    }
  }
  CHECK(labels == std::vector<std::string>{"地区生产总值", "第一产业", "第二产业", "地区生产总值", "第一产业", "第二产业"});
  CHECK(growth_of == std::vector<std::string>{"386.40+", "38.20+", "150.60−"});
  // A row with its own name ("在校生") keeps it; a column with two amounts: which one grew is not clear.
  Report years("表 45 学校\n指标\t2024年\t2025年\n在校生（人）\t5218\t5476\n增速（%）\t3.2\t4.9\n"
               "专任教师（人）\t304\t326\n增速（%）\t2.0\t7.2\n");
  CHECK(years.fb().q(0).label == "在校生");
  for (const auto& s : years.rel().statements)
    if (s.type == ValueType::Growth) CHECK(s.qualifies < 0);
}

TEST_CASE("table per-capita GDP: a 人均地区生产总值 row of a table of one year") {
  std::string t = "表 46 主要指标\n指标\t单位\t绝对数\n地区生产总值\t亿元\t386.40\n年末常住人口\t万人\t62.40\n人均地区生产总值\t元\t";
  Report r(t + "61920\n");
  auto found = of_kind(r.rel(), BulletinKind::PerCapitaOf);
  REQUIRE(found.size() == 1);
  CHECK(r.fb().q(found[0]->whole).text == "386.40");
  CHECK(r.fb().q(found[0]->other).text == "62.40");
  CHECK(run_rule("per-capita-gdp", t + "61920\n").empty());
  Diagnostic d = only_one(run_rule("per-capita-gdp", t + "67920\n"));
  CHECK(d.severity == Severity::Warning);
  // Several years in the table: the report's one GDP is not each year's.
  CHECK(of_kind(Report("全年全市地区生产总值 386.40 亿元。年末常住人口 62.40 万人。\n\n表 47 人均\n指标\t2023年\t2024年\n"
                       "人均地区生产总值（元）\t57210\t61920\n").rel(),
                BulletinKind::PerCapitaOf)
            .empty());
}
