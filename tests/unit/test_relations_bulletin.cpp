// The relations of statistical bulletins and budget reports (relations/structures.cpp,
// relations/budget.cpp) and their checks: structure, sex-ratio, contribution, growth-spread,
// real-growth, share-of-gdp, per-capita-gdp, budget-completion, budget-balance.
// Minimal pairs: the same passage once consistent (silent) and once with one figure changed.
#include <doctest/doctest.h>

#include "check_helpers.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

namespace {

int count_kind(const Relations& rel, BulletinKind k) {
  int n = 0;
  for (const auto& b : rel.bulletin) n += b.kind == k;
  return n;
}

const BulletinRelation* first_kind(const Relations& rel, BulletinKind k) {
  for (const auto& b : rel.bulletin)
    if (b.kind == k) return &b;
  return nullptr;
}

const std::string kGdp =
    "全年地区生产总值 186.42 亿元，比上年增长 5.2%。其中，第一产业增加值 21.37 亿元，增长 3.1%；第二产业增加值 70.85 亿元，"
    "增长 6.0%；第三产业增加值 94.20 亿元，增长 5.1%。";

}  // namespace

// ---------------------------------------------------------------- structures

TEST_CASE("structure: the relation names its parts and whole") {
  Report r(kGdp + "三次产业结构为 11.5:38.0:50.5。");
  const BulletinRelation* b = first_kind(r.rel(), BulletinKind::Structure);
  REQUIRE(b);
  CHECK(r.fb().q(b->figure).text == "11.5:38.0:50.5");
  REQUIRE(b->parts.size() == 3);
  CHECK(r.fb().q(b->parts[0]).text == "21.37 亿");
  CHECK(r.fb().q(b->parts[2]).text == "94.20 亿");
  CHECK_FALSE(b->previous);
}

TEST_CASE("structure: shares matching their parts are silent, a share off its part is flagged") {
  CHECK(run_rule("structure", kGdp + "三次产业结构为 11.5:38.0:50.5。").empty());
  std::string t = kGdp + "三次产业结构为 11.5:37.0:51.5。";
  Diagnostic d = only_one(run_rule("structure", t));
  CHECK(span_text(t, d.span) == "11.5:37.0:51.5");
  CHECK(contains(d.message, "share 2"));
  CHECK(contains(d.message, "38.01%"));
}

TEST_CASE("structure: shares that do not add up to 100, before and after 调整为") {
  std::string t = "三次产业结构由上年的 10.2:36.8:53.0 调整为 9.8:36.4:54.9。";
  Diagnostic d = only_one(run_rule("structure", t));
  CHECK(span_text(t, d.span) == "9.8:36.4:54.9");
  CHECK(contains(d.message, "101.1"));
  CHECK(run_rule("structure", "三次产业结构由上年的 10.2:36.8:53.0 调整为 9.8:36.4:53.8。").empty());
  Report r("三次产业结构由上年的 10.2:36.8:53.0 调整为 9.8:36.4:53.8。");
  REQUIRE(count_kind(r.rel(), BulletinKind::Structure) == 2);
  CHECK(r.rel().bulletin[0].previous);
}

TEST_CASE("structure: rounding leaves 99.9 and 100.1 alone; ratios that are not structures are silent") {
  CHECK(run_rule("structure", "全县三次产业结构为 12.35:40.02:47.62。").empty());
  CHECK(run_rule("structure", "全县三次产业结构为 12.4:40.0:47.5。").empty());  // 99.9: within rounding
  CHECK(run_rule("structure", "全县三次产业结构为 12.35:40.02:47.53。").size() == 1);  // 99.90: two decimals allow 0.015
  CHECK(run_rule("structure", "城乡居民人均可支配收入之比为 2.05:1。").empty());
  CHECK(run_rule("structure", "全县男女人数之比为 1:1.02:0.5。").empty());
  // Two-part splits with decimals are ratio-sum's: not reported twice.
  CHECK(run_rule("structure", "城乡人口结构为 60.5:40.5。").empty());
}

// ---------------------------------------------------------------- sex ratio

TEST_CASE("sex-ratio: male ÷ female × 100") {
  std::string t = "年末户籍人口中，男性 201356 人，女性 194210 人，性别比为 105.7:100。";
  Diagnostic d = only_one(run_rule("sex-ratio", t));
  CHECK(span_text(t, d.span) == "105.7:100");
  CHECK(contains(d.message, "103.68"));
  CHECK(related_texts(t, d) == std::vector<std::string>{"201356", "194210"});
  CHECK(run_rule("sex-ratio", "年末户籍人口中，男性 201356 人，女性 194210 人，性别比为 103.7:100。").empty());
}

TEST_CASE("sex-ratio: the (女性=100) form and 万 counts") {
  CHECK(run_rule("sex-ratio", "常住人口中，男性 31.62 万人，女性 30.78 万人，常住人口性别比为 102.7（女性=100）。").empty());
  std::string t = "常住人口中，男性 31.62 万人，女性 30.78 万人，常住人口性别比为 104.7（女性=100）。";
  CHECK(only_one(run_rule("sex-ratio", t)).severity == Severity::Error);
}

TEST_CASE("sex-ratio: silent without both counts, or with two different male counts") {
  CHECK(run_rule("sex-ratio", "年末户籍人口 395566 人，性别比为 105.7:100。").empty());
  CHECK(run_rule("sex-ratio", "男性 201356 人，女性 194210 人。其中城镇男性 98000 人，女性 96000 人，性别比为 105.7:100。").empty());
  Report r("年末户籍人口 395566 人，性别比为 105.7:100。");
  CHECK(count_kind(r.rel(), BulletinKind::SexRatio) == 0);
}

// ---------------------------------------------------------------- contributions

TEST_CASE("contribution: 贡献率 of all three industries add up to 100%") {
  std::string t = "第一产业贡献率为 6.2%，第二产业贡献率为 41.5%，第三产业贡献率为 53.3%。";
  Diagnostic d = only_one(run_rule("contribution", t));
  CHECK(span_text(t, d.span) == "6.2%");
  CHECK(contains(d.message, "101.0"));
  CHECK(run_rule("contribution", "第一产业贡献率为 6.2%，第二产业贡献率为 41.5%，第三产业贡献率为 52.3%。").empty());
}

TEST_CASE("contribution: the 分别 form, and silence when a part is missing or named twice") {
  CHECK(run_rule("contribution", "第一、二、三产业对经济增长的贡献率分别为 6.2%、41.5%、53.3%。").size() == 1);
  CHECK(run_rule("contribution", "第一、二、三产业对经济增长的贡献率分别为 6.2%、41.5%、52.3%。").empty());
  CHECK(run_rule("contribution", "第二产业贡献率为 41.5%，第三产业贡献率为 53.3%。").empty());
  CHECK(run_rule("contribution",
                 "第一产业贡献率为 6.2%，第二产业贡献率为 41.5%，第三产业贡献率为 53.3%，其中第三产业贡献率比上年为 50.1%。")
            .empty());
}

TEST_CASE("contribution: 拉动 points add up to the growth of GDP") {
  std::string t = kGdp + "第一产业拉动经济增长 0.4 个百分点，第二产业拉动 2.3 个百分点，第三产业拉动 3.5 个百分点。";
  Diagnostic d = only_one(run_rule("contribution", t));
  CHECK(contains(d.message, "6.2"));
  CHECK(contains(d.message, "5.2%"));
  CHECK(run_rule("contribution", kGdp + "第一产业拉动经济增长 0.4 个百分点，第二产业拉动 2.3 个百分点，第三产业拉动 2.6 个百分点。")
            .empty());
  // Without a growth of GDP nothing is proposed.
  Report r("第一产业拉动经济增长 0.4 个百分点，第二产业拉动 2.3 个百分点，第三产业拉动 3.5 个百分点。");
  CHECK(count_kind(r.rel(), BulletinKind::Pull) == 0);
}

// ---------------------------------------------------------------- growth of a total and its parts

TEST_CASE("growth-spread: a total growing slower than all its parts is a warning") {
  std::string t = "全年邮电业务总量 8.40 亿元，增长 9.5%。其中，邮政业务总量 2.10 亿元，增长 15.2%；电信业务总量 6.30 亿元，增长 14.8%。";
  Diagnostic d = only_one(run_rule("growth-spread", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "9.5%");
  CHECK(run_rule("growth-spread",
                 "全年邮电业务总量 8.40 亿元，增长 14.9%。其中，邮政业务总量 2.10 亿元，增长 15.2%；电信业务总量 6.30 亿元，增长 14.8%。")
            .empty());
}

TEST_CASE("growth-spread: declines, and the GDP breakdown") {
  CHECK(run_rule("growth-spread", kGdp).empty());
  std::string t = "全年客运量 1250 万人次，下降 9.4%，其中，公路客运量 1100 万人次，下降 2.1%；铁路客运量 150 万人次，下降 3.5%。";
  CHECK(only_one(run_rule("growth-spread", t)).severity == Severity::Warning);
}

TEST_CASE("growth-spread: silent with a different basis, a part without a rate, or an incomplete list") {
  // 可比价 growth of the total against parts' rates with no basis.
  CHECK(run_rule("growth-spread",
                 "全年规模以上工业增加值 98.40 亿元，按可比价格计算，比上年增长 7.2%。其中，轻工业增加值 30.10 亿元，增长 9.8%；"
                 "重工业增加值 68.30 亿元，增长 8.1%。")
            .empty());
  CHECK(run_rule("growth-spread",
                 "全年社会消费品零售总额 152.30 亿元，增长 4.6%。其中，城镇消费品零售额 121.50 亿元，增长 8.1%；乡村消费品零售额 30.80 亿元。")
            .empty());
  CHECK(run_rule("growth-spread",
                 "全年一般公共预算支出 51.36 亿元，增长 4.2%。其中，教育支出 9.86 亿元，增长 5.1%；社会保障和就业支出 8.12 亿元，增长 7.9%。")
            .empty());
}

// ---------------------------------------------------------------- nominal and real

TEST_CASE("real-growth: a real decline where prices explain a real rise") {
  std::string t = "全年居民消费价格比上年上涨 1.5%。农村居民人均生活消费支出 15820 元，名义增长 7.9%，扣除价格因素实际下降 6.3%。";
  Diagnostic d = only_one(run_rule("real-growth", t));
  CHECK(span_text(t, d.span) == "6.3%");
  CHECK(contains(d.message, "6.3%"));
  CHECK(run_rule("real-growth",
                 "全年居民消费价格比上年上涨 1.5%。农村居民人均生活消费支出 15820 元，名义增长 7.9%，扣除价格因素实际增长 6.3%。")
            .empty());
}

TEST_CASE("real-growth: tolerance of 0.3 points, and silence without a price index or for other measures") {
  // 1.079 ÷ 1.015 − 1 = 6.31%; 6.0 is within the slack, 5.5 is not.
  CHECK(run_rule("real-growth",
                 "全年居民消费价格比上年上涨 1.5%。居民人均消费支出 15820 元，名义增长 7.9%，扣除价格因素实际增长 6.0%。")
            .empty());
  CHECK(run_rule("real-growth",
                 "全年居民消费价格比上年上涨 1.5%。居民人均消费支出 15820 元，名义增长 7.9%，扣除价格因素实际增长 5.5%。")
            .size() == 1);
  CHECK(run_rule("real-growth", "农村居民人均生活消费支出 15820 元，名义增长 7.9%，扣除价格因素实际下降 6.3%。").empty());
  CHECK(run_rule("real-growth",
                 "全年居民消费价格比上年上涨 1.5%。固定资产投资 120.5 亿元，名义增长 3.2%，扣除价格因素实际增长 4.9%。")
            .empty());
}

// ---------------------------------------------------------------- shares of GDP and per capita

TEST_CASE("share-of-gdp: amount ÷ the report's GDP") {
  std::string t = "全年地区生产总值 186.42 亿元。全年研发经费支出 3.21 亿元，占地区生产总值的比重为 2.72%。";
  Diagnostic d = only_one(run_rule("share-of-gdp", t));
  CHECK(span_text(t, d.span) == "2.72%");
  CHECK(d.fix->replacement == "1.72%");
  CHECK(run_rule("share-of-gdp", "全年地区生产总值 186.42 亿元。全年研发经费支出 3.21 亿元，占地区生产总值的比重为 1.72%。").empty());
}

TEST_CASE("share-of-gdp: silent with two values of GDP or no GDP") {
  CHECK(run_rule("share-of-gdp",
                 "全年甲县地区生产总值 186.42 亿元，乙县地区生产总值 160.10 亿元。全年研发经费支出 3.21 亿元，占地区生产总值的比重为 2.72%。")
            .empty());
  CHECK(run_rule("share-of-gdp", "全年研发经费支出 3.21 亿元，占地区生产总值的比重为 2.72%。").empty());
}

TEST_CASE("per-capita-gdp: more than 5% off is a warning") {
  std::string t = "年末常住人口 32.00 万人。全年地区生产总值 186.42 亿元，人均地区生产总值 68250 元。";
  Diagnostic d = only_one(run_rule("per-capita-gdp", t));
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(t, d.span) == "68250");
  CHECK(run_rule("per-capita-gdp", "年末常住人口 32.00 万人。全年地区生产总值 186.42 亿元，人均地区生产总值 59100 元。").empty());
  CHECK(run_rule("per-capita-gdp", "全年地区生产总值 186.42 亿元，人均地区生产总值 68250 元。").empty());
}

// ---------------------------------------------------------------- budget

TEST_CASE("budget-completion: actual ÷ budget") {
  std::string t = "一般公共预算收入预算数 25.00 亿元，执行数 24.46 亿元，完成预算的 96.8%。";
  Diagnostic d = only_one(run_rule("budget-completion", t));
  CHECK(span_text(t, d.span) == "96.8%");
  CHECK(d.fix->replacement == "97.8%");
  CHECK(related_texts(t, d) == std::vector<std::string>{"24.46 亿", "25.00 亿"});
  CHECK(run_rule("budget-completion", "一般公共预算收入预算数 25.00 亿元，执行数 24.46 亿元，完成预算的 97.8%。").empty());
}

TEST_CASE("budget-completion: a growth rate in between; silent without a budget or with two budgets") {
  CHECK(run_rule("budget-completion", "一般公共预算收入预算数 25.00 亿元，执行数 24.46 亿元，比上年增长 3.1%，完成预算的 96.8%。").size() == 1);
  CHECK(run_rule("budget-completion", "全县一般公共预算收入完成 24.46 亿元，为预算的 96.8%。").empty());
  CHECK(run_rule("budget-completion", "支出年初预算 9.00 亿元，调整预算数 9.60 亿元，执行数 9.41 亿元，为调整预算的 91.0%。").empty());
}

TEST_CASE("budget-balance: 收入总计 − 支出总计 = 结余, with transfers") {
  std::string t = "全县政府性基金收入总计 12.60 亿元，支出总计 11.85 亿元，收支相抵，年终结余 0.57 亿元。";
  Diagnostic d = only_one(run_rule("budget-balance", t));
  CHECK(span_text(t, d.span) == "0.57 亿");
  CHECK(contains(d.message, "0.75"));
  CHECK(run_rule("budget-balance", "全县政府性基金收入总计 12.60 亿元，支出总计 11.85 亿元，收支相抵，年终结余 0.75 亿元。").empty());
  CHECK(run_rule("budget-balance", "国有资本经营预算收入总计 3200 万元，调出资金 900 万元，支出总计 1850 万元，结转下年 450 万元。").empty());
  CHECK(run_rule("budget-balance", "国有资本经营预算收入总计 3200 万元，调出资金 900 万元，支出总计 1850 万元，结转下年 550 万元。").size() == 1);
}

TEST_CASE("budget-balance: the one 收入 and the one 支出 without totals; 上年结余 is a transfer, not the balance") {
  CHECK(run_rule("budget-balance", "社会保险基金收入 46.35 亿元，支出 43.18 亿元，当年收支结余 3.27 亿元。").size() == 1);
  CHECK(run_rule("budget-balance", "社会保险基金收入 46.35 亿元，支出 43.18 亿元，当年收支结余 3.17 亿元。").empty());
  // Two incomes: which one the balance is of is not clear.
  CHECK(run_rule("budget-balance", "税收收入 6.35 亿元，非税收入 2.10 亿元，支出 7.18 亿元，结余 1.27 亿元。").empty());
  CHECK(run_rule("budget-balance", "收入总计 20.00 亿元，其中上年结余 1.00 亿元，支出总计 18.50 亿元，年终结余 1.50 亿元。").empty());
  Report r("收入总计 20.00 亿元，其中上年结余 1.00 亿元，支出总计 18.50 亿元，年终结余 1.50 亿元。");
  const BulletinRelation* b = first_kind(r.rel(), BulletinKind::Balance);
  REQUIRE(b);
  CHECK(r.fb().q(b->figure).text == "1.50 亿");
  CHECK(b->parts.size() == 1);
}

TEST_CASE("budget-balance: a balance of zero said in words (年终无结余, 收支平衡)") {
  std::string t = "全年国有资本经营预算收入 1280 万元，调出资金 380 万元，当年支出 760 万元，年终无结余。";
  Report r(t);
  const BulletinRelation* b = first_kind(r.rel(), BulletinKind::Balance);
  REQUIRE(b);
  CHECK(b->figure == -1);
  CHECK(r.fb().q(b->other).text == "760 万");
  Diagnostic d = only_one(run_rule("budget-balance", t));
  CHECK(span_text(t, d.span) == "760 万");
  CHECK(contains(d.message, "140 万元"));  // 1280 − 760 − 380
  CHECK(run_rule("budget-balance", "全年国有资本经营预算收入 1280 万元，调出资金 520 万元，当年支出 760 万元，年终无结余。").empty());
  CHECK(run_rule("budget-balance", "全县基金收入总计 4.25 亿元，支出总计 3.90 亿元，收支平衡。").size() == 1);
  CHECK(run_rule("budget-balance", "全县基金收入总计 4.25 亿元，支出总计 4.25 亿元，收支平衡。").empty());
  // Words before the figures are not about them; a stated balance figure wins over the words.
  CHECK(count_kind(Report("全年未出现无结余的情况。全县基金收入 4.25 亿元，支出 3.90 亿元。").rel(), BulletinKind::Balance) == 0);
  Report stated("全县基金收入总计 4.25 亿元，支出总计 3.90 亿元，年终结余 0.35 亿元，收支平衡。");
  REQUIRE(first_kind(stated.rel(), BulletinKind::Balance));
  CHECK(first_kind(stated.rel(), BulletinKind::Balance)->figure >= 0);
}

TEST_CASE("subset: classes of the budget classification add up to at most their whole") {
  std::string t = "全县一般公共预算支出 48.36 亿元，其中教育支出 39.82 亿元、社会保障和就业支出 7.45 亿元、卫生健康支出 ";
  Diagnostic d = only_one(run_rule("subset", t + "5.16 亿元。"));
  CHECK(contains(d.message, "52.43 亿元"));
  CHECK(d.related.size() == 3);
  CHECK(run_rule("subset", t + "1.06 亿元。").empty());
  // A class and a part of it overlap; a group (民生支出) overlaps the classes.
  CHECK(run_rule("subset", "全县一般公共预算支出 36.10 亿元，其中教育支出 20.50 亿元，职业教育支出 18.20 亿元。").empty());
  CHECK(run_rule("subset", "全县一般公共预算支出 36.10 亿元，其中民生支出 29.30 亿元，教育支出 9.80 亿元。").empty());
  // Taxes, and 其中 rows of a table.
  CHECK(run_rule("subset", "全年税收收入 58.30 亿元，其中增值税 24.60 亿元，企业所得税 19.80 亿元，契税 15.40 亿元。").size() == 1);
  CHECK(run_rule("subset", "表 1 支出\n单位：亿元\n项目\t执行数\n一般公共预算支出\t41.20\n其中：教育支出\t12.40\n"
                           "　　卫生健康支出\t8.90\n　　城乡社区支出\t21.60\n").size() == 1);
}

TEST_CASE("targets and approximate figures are never checked") {
  std::string t = "力争到 2027 年，三次产业结构调整为 9.0:40.0:51.0。居民消费价格涨幅 2% 左右，城镇居民人均可支配收入名义增长 5% 左右，"
                  "实际增长 3% 左右。";
  CHECK(check_text(t).diagnostics.empty());
}

TEST_CASE("budget-completion: in a table with budget, actual and completion columns") {
  std::string head = "表 3 收入执行情况\n项目\t预算数（亿元）\t执行数（亿元）\t完成预算（%）\n";
  std::string t = head + "税收收入\t12.50\t12.81\t104.8\n非税收入\t4.20\t4.05\t96.4\n";
  Diagnostic d = only_one(run_rule("budget-completion", t));
  CHECK(span_text(t, d.span) == "104.8");
  CHECK(d.fix->replacement == "102.5");
  CHECK(run_rule("budget-completion", head + "税收收入\t12.50\t12.81\t102.5\n非税收入\t4.20\t4.05\t96.4\n").empty());
  // Last year's actual beside this year's is the base of a growth column, not a second actual.
  std::string last = "表 3 收入执行情况\n项目\t预算数（亿元）\t上年执行数（亿元）\t执行数（亿元）\t完成预算（%）\n";
  CHECK(span_text(last + "税收收入\t12.50\t11.90\t12.81\t104.8\n",
                  only_one(run_rule("budget-completion", last + "税收收入\t12.50\t11.90\t12.81\t104.8\n")).span) ==
        "104.8");
  CHECK(run_rule("budget-completion", last + "税收收入\t12.50\t11.90\t12.81\t102.5\n").empty());
  // Two actual columns of the year (执行数 and 决算数): which one is meant is not clear.
  CHECK(run_rule("budget-completion",
                 "表 3 收入执行情况\n项目\t预算数（亿元）\t执行数（亿元）\t决算数（亿元）\t完成预算（%）\n税收收入\t12.50\t11.90\t12.81\t104.8\n")
            .empty());
}
