// scan_numbers: the number formats of real reports, and what only looks like a number.
#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.h"

using namespace tally;
using tally::testing::R;
using tally::testing::scan;
using tally::testing::scan_one;
using tally::testing::vocab;

namespace {

bool has_year(const ScanResult& r, int year) {
  return std::any_of(r.years.begin(), r.years.end(), [&](const auto& y) { return y.second == year; });
}

}  // namespace

TEST_CASE("scanner: integers and thousands separators") {
  SUBCASE("a plain count with its unit") {
    auto q = scan_one("全市中职学校招生 5000 人");
    CHECK(q.kind == QuantityKind::Number);
    CHECK(q.value == R("5000"));
    CHECK(q.printed == R("5000"));
    CHECK(q.decimals == 0);
    CHECK(q.multiplier == 1);
    CHECK(q.unit == "人");
    CHECK(q.dimension == "people");
    CHECK(q.approx == Approx::None);
    CHECK(q.text == "5000");
    CHECK(q.exact_count());
  }
  SUBCASE("offsets of the figure and of the unit") {
    std::string s = "招生 5000 人，";
    auto r = scan_numbers(s, vocab());
    REQUIRE(r.numbers.size() == 1);
    CHECK(s.substr(r.numbers[0].begin, r.numbers[0].end - r.numbers[0].begin) == "5000");
    CHECK(s.substr(r.numbers[0].begin, r.numbers[0].unit_end - r.numbers[0].begin) == "5000 人");
  }
  SUBCASE("one thousands separator") {
    auto q = scan_one("全市共有教职工 1,234 人。");
    CHECK(q.value == R("1234"));
    CHECK(q.text == "1,234");
    CHECK(q.decimals == 0);
  }
  SUBCASE("two thousands separators") {
    auto q = scan_one("全年投入经费 12,345,678 元。");
    CHECK(q.value == R("12345678"));
    CHECK(q.unit == "元");
    CHECK(q.dimension == "money");
  }
  SUBCASE("a separator with a decimal part") {
    auto q = scan_one("图书总量 1,234.5 万册");
    CHECK(q.printed == R("1234.5"));
    CHECK(q.value == R("12345000"));
    CHECK(q.decimals == 1);
  }
  SUBCASE("a comma not followed by three digits ends the number") {
    auto qs = scan("设备 1,23 台");
    REQUIRE(qs.size() == 2);
    CHECK(qs[0].value == R("1"));
    CHECK(qs[1].value == R("23"));
    CHECK(qs[1].unit == "台");
  }
  SUBCASE("several figures in one sentence, in order") {
    auto qs = scan("专任教师 1648 人，兼职教师 236 人，外聘教师 58 人。");
    REQUIRE(qs.size() == 3);
    CHECK(qs[0].value == R("1648"));
    CHECK(qs[1].value == R("236"));
    CHECK(qs[2].value == R("58"));
  }
  SUBCASE("a figure without a unit") {
    auto q = scan_one("生师比为 17.5，");
    CHECK(q.unit.empty());
    CHECK(q.value == R("17.5"));
    CHECK(q.decimals == 1);
  }
}

TEST_CASE("scanner: decimals and their precision") {
  SUBCASE("two decimals") {
    auto q = scan_one("巩固率为 98.76%");
    CHECK(q.printed == R("98.76"));
    CHECK(q.decimals == 2);
  }
  SUBCASE("one decimal of a count") {
    auto q = scan_one("生均图书 45.6 册");
    CHECK(q.value == R("45.6"));
    CHECK(q.decimals == 1);
    CHECK(q.unit == "册");
    CHECK(q.dimension == "books");
    CHECK_FALSE(q.exact_count());
  }
  SUBCASE("a trailing zero is kept as precision") {
    auto q = scan_one("就业率 95.0%");
    CHECK(q.value == R("95"));
    CHECK(q.decimals == 1);
  }
  SUBCASE("the interval a decimal rounds from") {
    auto q = scan_one("生均面积 23.19 平方米");
    auto iv = q.interval();
    CHECK(iv.lo == R("23.185"));
    CHECK(iv.hi == R("23.195"));
    CHECK(q.dimension == "area");
  }
  SUBCASE("an exact count has a point interval") {
    auto iv = scan_one("教职工 812 人").interval();
    CHECK(iv.is_exact());
    CHECK(iv.lo == R("812"));
  }
}

TEST_CASE("scanner: full-width digits and punctuation") {
  SUBCASE("full-width integer") {
    auto q = scan_one("全市在校生１２３４５人");
    CHECK(q.value == R("12345"));
    CHECK(q.unit == "人");
    CHECK(q.text == "１２３４５");
  }
  SUBCASE("full-width decimal point and percent sign") {
    auto q = scan_one("占比５６．７８％");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.value == R("56.78"));
    CHECK(q.decimals == 2);
    CHECK(q.unit == "%");
  }
  SUBCASE("ASCII digits with a full-width percent sign") {
    auto q = scan_one("升学率 63.5％");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.value == R("63.5"));
  }
  SUBCASE("full-width ratio colon") {
    auto q = scan_one("职普比为２．７９：７．２１");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("2.79"));
    CHECK(q.ratio_parts[1] == R("7.21"));
  }
  SUBCASE("ASCII ratio with a full-width colon") {
    auto q = scan_one("职普比 4.5：5.5");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[1] == R("5.5"));
  }
}

TEST_CASE("scanner: PDF spacing inside figures") {
  SUBCASE("a space after the decimal point of a percentage") {
    auto q = scan_one("较上年提高 23. 19%");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.printed == R("23.19"));
    CHECK(q.decimals == 2);
    CHECK(q.text == "23. 19%");
  }
  SUBCASE("a space before the percent sign") {
    auto q = scan_one("对口就业率 87.3 %");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.value == R("87.3"));
  }
  SUBCASE("a spaced ratio") {
    auto q = scan_one("招生职普比为 2. 79: 7. 21，");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("2.79"));
    CHECK(q.ratio_parts[1] == R("7.21"));
    CHECK(q.ratio_decimals == std::vector<int>{2, 2});
    CHECK(q.text == "2. 79: 7. 21");
  }
  SUBCASE("a space between figure and multiplier") {
    auto q = scan_one("在校生 10.93 万人");
    CHECK(q.text == "10.93 万");
    CHECK(q.multiplier == 10000);
  }
}

TEST_CASE("scanner: compound multipliers are read whole, longest first") {
  SUBCASE("万亿元 is 10^12 yuan, not 万 then 亿") {
    auto q = scan_one("全国一般公共预算收入 21.7 万亿元");
    CHECK(q.multiplier == 1000000000000);
    CHECK(q.value == R("21700000000000"));
    CHECK(q.unit == "元");
    CHECK(q.dimension == "money");
  }
  SUBCASE("百万元 and 千万元") {
    auto q = scan_one("项目投资 35.2 百万元");
    CHECK(q.value == R("35200000"));
    CHECK(q.unit == "元");
    q = scan_one("社会捐赠 1.2 千万元");
    CHECK(q.value == R("12000000"));
    CHECK(q.unit == "元");
  }
  SUBCASE("十亿 and 千亿 with other units") {
    CHECK(scan_one("货运量 3.4 十亿吨").value == R("3400000000000"));  // 吨 is 1000 千克
    CHECK(scan_one("产值 2 千亿元").value == R("200000000000"));
  }
  SUBCASE("a multiplier before a unit that starts with 千") {
    auto q = scan_one("装机容量 12.5 百万千瓦");
    CHECK(q.value == R("12500000"));
    CHECK(q.unit == "千瓦");
    q = scan_one("发电量 80 千瓦时");  // 千瓦时 is a unit, not a multiplier
    CHECK(q.multiplier == 1);
    CHECK(q.unit == "千瓦时");
  }
}

TEST_CASE("scanner: 万 and 亿") {
  SUBCASE("10.93 万人 and its interval") {
    auto q = scan_one("全市中职在校生 10.93 万人");
    CHECK(q.printed == R("10.93"));
    CHECK(q.value == R("109300"));
    CHECK(q.decimals == 2);
    CHECK(q.multiplier == 10000);
    CHECK(q.unit == "人");
    auto iv = q.interval();
    CHECK(iv.lo == R("109250"));
    CHECK(iv.hi == R("109350"));
    CHECK_FALSE(q.exact_count());
  }
  SUBCASE("亿元") {
    auto q = scan_one("累计投入 3.5 亿元");
    CHECK(q.value == R("350000000"));
    CHECK(q.multiplier == 100000000);
    CHECK(q.unit == "元");
    auto iv = q.interval();
    CHECK(iv.lo == R("345000000"));
    CHECK(iv.hi == R("355000000"));
  }
  SUBCASE("万元") {
    auto q = scan_one("生均仪器设备值 0.75 万元");
    CHECK(q.value == R("7500"));
    CHECK(q.unit == "元");
    CHECK(q.dimension == "money");
  }
  SUBCASE("万平方米: the unit after the multiplier") {
    auto q = scan_one("校舍建筑面积 58.6 万平方米");
    CHECK(q.value == R("586000"));
    CHECK(q.unit == "平方米");
    CHECK(q.dimension == "area");
  }
  SUBCASE("an integer 万 without a space") {
    auto q = scan_one("纸质图书 120万册");
    CHECK(q.value == R("1200000"));
    CHECK(q.unit == "册");
    auto iv = q.interval();
    CHECK(iv.lo == R("1195000"));
    CHECK(iv.hi == R("1205000"));
  }
  SUBCASE("万人次") {
    auto q = scan_one("开展社会培训 1.2 万人次");
    CHECK(q.value == R("12000"));
    CHECK(q.unit == "人次");
    CHECK(q.dimension == "person-times");
  }
}

TEST_CASE("scanner: percentages") {
  SUBCASE("an integer percentage is still a percentage") {
    auto q = scan_one("满意度达 98%");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.value == R("98"));
    CHECK(q.decimals == 0);
    CHECK(q.dimension == "percent");
    CHECK_FALSE(q.exact_count());
  }
  SUBCASE("a percentage's interval") {
    auto iv = scan_one("占比 40%").interval();
    CHECK(iv.lo == R("39.5"));
    CHECK(iv.hi == R("40.5"));
  }
  SUBCASE("two percentages") {
    auto qs = scan("男生占 52.3%，女生占 47.7%。");
    REQUIRE(qs.size() == 2);
    CHECK(qs[0].value == R("52.3"));
    CHECK(qs[1].value == R("47.7"));
    CHECK(qs[1].kind == QuantityKind::Percent);
  }
}

TEST_CASE("scanner: rates per mille and per 10万 are rates of their own, not percentages") {
  SUBCASE("per mille") {
    auto q = scan_one("婴儿死亡率为2.81‰");
    CHECK(q.kind == QuantityKind::Number);
    CHECK(q.unit == "‰");
    CHECK(q.dimension == "per-mille");
    CHECK(q.value == R("2.81"));
    CHECK(q.decimals == 2);
  }
  SUBCASE("per 10万, the 10万 is no figure of its own") {
    auto qs = scan("孕产妇死亡率为11.56/10万。");
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].unit == "/10万");
    CHECK(qs[0].dimension == "per-100k");
    CHECK(qs[0].value == R("11.56"));
  }
  SUBCASE("per 10万人 and per 万, full-width slash") {
    auto qs = scan("发病率 23.4/10万人，患病率 3.1／万");
    REQUIRE(qs.size() == 2);
    CHECK(qs[0].dimension == "per-100k");
    CHECK(qs[0].value == R("23.4"));
    CHECK(qs[1].unit == "／万");
    CHECK(qs[1].dimension == "per-10k");
  }
  SUBCASE("a list of rates keeps each") {
    auto qs = scan("出生率 9.8‰，死亡率 11.0‰，自然增长率 -1.2‰。");
    REQUIRE(qs.size() == 3);
    for (const auto& q : qs) CHECK(q.dimension == "per-mille");
    CHECK(qs[2].value == R("1.2"));
  }
}

TEST_CASE("scanner: ratios") {
  SUBCASE("parts of ten") {
    auto q = scan_one("高中阶段职普比为 2.79:7.21。");
    CHECK(q.kind == QuantityKind::Ratio);
    CHECK(q.dimension == "ratio");
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("2.79"));
    CHECK(q.ratio_parts[1] == R("7.21"));
    CHECK(q.text == "2.79:7.21");
  }
  SUBCASE("a multiple") {
    auto q = scan_one("在校生职普比为 1:2.57");
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("1"));
    CHECK(q.ratio_parts[1] == R("2.57"));
    CHECK(q.ratio_decimals == std::vector<int>{0, 2});
  }
  SUBCASE("a student-teacher ratio") {
    auto q = scan_one("生师比为 15.2:1，");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("15.2"));
    CHECK(q.ratio_parts[1] == R("1"));
  }
  SUBCASE("three parts") {
    auto q = scan_one("一二三产业就业比为 1:3:6");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 3);
    CHECK(q.ratio_parts[2] == R("6"));
  }
  SUBCASE("a colon followed by text is no ratio") {
    auto qs = scan("学生 3000 人：");
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].kind == QuantityKind::Number);
  }
}

TEST_CASE("scanner: Chinese numerals before a measure word") {
  SUBCASE("三位") {
    auto q = scan_one("学校有三位全国技术能手");
    CHECK(q.cn_numeral);
    CHECK(q.value == R("3"));
    CHECK(q.unit == "位");
    CHECK(q.text == "三");
    CHECK(q.interval().is_exact());
  }
  SUBCASE("两支") {
    auto q = scan_one("组建两支教学创新团队");
    CHECK(q.value == R("2"));
    CHECK(q.unit == "支");
    CHECK(q.dimension == "teams");
  }
  SUBCASE("十八个") {
    auto q = scan_one("开设十八个专业");
    CHECK(q.value == R("18"));
    CHECK(q.unit == "个");
  }
  SUBCASE("十一项") {
    auto q = scan_one("认定十一项教学成果");
    CHECK(q.value == R("11"));
    CHECK(q.unit == "项");
  }
  SUBCASE("两次") {
    auto q = scan_one("每年开展两次技能比武");
    CHECK(q.value == R("2"));
    CHECK(q.unit == "次");
  }
  SUBCASE("五所") {
    auto q = scan_one("与五所本科院校合作");
    CHECK(q.value == R("5"));
    CHECK(q.unit == "所");
  }
}

TEST_CASE("scanner: Chinese numerals that are not counts") {
  const char* cases[] = {
      "坚持一校一策，推进改革",       // idiom: numeral after the measure word too
      "深入学习二十大精神",           // no measure word
      "编制十四五发展规划",           // plan name
      "一是加强组织领导",             // enumeration
      "举办第二届职业技能大赛",       // ordinal
      "二〇二五年全面完成",           // a year in Chinese numerals
      "获评第三批示范校",             // ordinal batch
      "建成一个区域共享中心",         // one is not counted
      "实施“三个一”工程",             // a slogan in quotes
      "落实“双减”政策和三教改革",     // no measure word after 三
  };
  for (const char* s : cases) {
    SUBCASE(s) { CHECK(scan(s).empty()); }
  }
}

TEST_CASE("scanner: approximate markers") {
  SUBCASE("余 between figure and unit") {
    auto q = scan_one("参加培训 160余人");
    CHECK(q.value == R("160"));
    CHECK(q.unit == "人");
    CHECK(q.approx == Approx::AtLeast);
    auto iv = q.interval();
    CHECK(iv.lo == R("160"));
    CHECK(iv.hi_inf);
  }
  SUBCASE("多 between figure and unit") {
    auto q = scan_one("毕业生 3000多名");
    CHECK(q.approx == Approx::AtLeast);
    CHECK(q.unit == "名");
  }
  SUBCASE("超 before the figure") {
    auto q = scan_one("建成超5000个工位");
    CHECK(q.approx == Approx::AtLeast);
    CHECK(q.value == R("5000"));
    CHECK(q.unit == "个");
  }
  SUBCASE("超过 with a space") {
    auto q = scan_one("合作企业超过 300 家");
    CHECK(q.approx == Approx::AtLeast);
    CHECK(q.unit == "家");
  }
  SUBCASE("逾") {
    CHECK(scan_one("逾 200 家企业参与").approx == Approx::AtLeast);
  }
  SUBCASE("近 before the figure") {
    auto q = scan_one("近30位行业专家参与");
    CHECK(q.approx == Approx::AtMost);
    CHECK(q.unit == "位");
    auto iv = q.interval();
    CHECK(iv.lo == R("0"));
    CHECK(iv.hi == R("30"));
  }
  SUBCASE("不足") {
    CHECK(scan_one("不足 50 人").approx == Approx::AtMost);
  }
  SUBCASE("a threshold after a comparison word is a bound") {
    CHECK(scan_one("生师比高于 19.0:1 的学校").approx == Approx::AtLeast);
    CHECK(scan_one("就业率低于 90% 的专业").approx == Approx::AtMost);
    CHECK(scan_one("不低于 95% 的目标").approx == Approx::AtLeast);
    // The longer word decides: 不超过 ends with 超过 but is an upper bound.
    CHECK(scan_one("班额不超过 45 人").approx == Approx::AtMost);
    CHECK(scan_one("就业率达到 96.5%").approx == Approx::None);
  }
  SUBCASE("以下 after the unit") {
    CHECK(scan_one("班额 45 人以下").approx == Approx::AtMost);
  }
  SUBCASE("以上 after a percentage") {
    auto q = scan_one("合格率稳定在 95% 以上");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.approx == Approx::AtLeast);
    CHECK(q.interval().hi_inf);
  }
  SUBCASE("约 with 万") {
    auto q = scan_one("投入约 2.9 万元");
    CHECK(q.approx == Approx::About);
    CHECK(q.value == R("29000"));
    auto iv = q.interval();
    CHECK(iv.lo == R("26100"));
    CHECK(iv.hi == R("31900"));
  }
  SUBCASE("约为 before a percentage") {
    CHECK(scan_one("占比约为 12.5%").approx == Approx::About);
  }
  SUBCASE("左右 after the unit") {
    auto q = scan_one("每年招生 100人左右");
    CHECK(q.approx == Approx::About);
    CHECK(q.unit == "人");
    auto iv = q.interval();
    CHECK(iv.lo == R("90"));
    CHECK(iv.hi == R("110"));
  }
  SUBCASE("the marker is part of the unit span") {
    std::string s = "参加培训 160余人，";
    auto r = scan_numbers(s, vocab());
    REQUIRE(r.numbers.size() == 1);
    CHECK(s.substr(r.numbers[0].begin, r.numbers[0].unit_end - r.numbers[0].begin) == "160余人");
  }
  SUBCASE("no marker") {
    CHECK(scan_one("专任教师 420 人").approx == Approx::None);
  }
}

TEST_CASE("scanner: malformed figures") {
  SUBCASE("a dot with no fraction before 万") {
    auto q = scan_one("校舍建筑面积 291.万平方米");
    CHECK(q.malformed);
    CHECK(q.value == R("2910000"));
    CHECK(q.unit == "平方米");
  }
  SUBCASE("a well-formed figure is not malformed") {
    CHECK_FALSE(scan_one("校舍建筑面积 291.5 万平方米").malformed);
  }
}

TEST_CASE("scanner: years are not quantities") {
  SUBCASE("2025 年") {
    auto r = scan_numbers("2025 年，全市招生 5000 人。", vocab());
    REQUIRE(r.numbers.size() == 1);
    CHECK(r.numbers[0].q.value == R("5000"));
    CHECK(has_year(r, 2025));
  }
  SUBCASE("2022-2023 学年") {
    auto r = scan_numbers("2022-2023 学年", vocab());
    CHECK(r.numbers.empty());
    CHECK(has_year(r, 2023));
  }
  SUBCASE("2024—2026 年") {
    auto r = scan_numbers("2024—2026 年", vocab());
    CHECK(r.numbers.empty());
    CHECK(has_year(r, 2026));
  }
  SUBCASE("2023 届") {
    auto r = scan_numbers("2023 届毕业生", vocab());
    CHECK(r.numbers.empty());
    CHECK(has_year(r, 2023));
  }
  SUBCASE("年度") {
    auto r = scan_numbers("2024年度预算", vocab());
    CHECK(r.numbers.empty());
    CHECK(has_year(r, 2024));
  }
  SUBCASE("a count of 年 is not a year mention") {
    auto r = scan_numbers("连续 12 年", vocab());
    CHECK(r.numbers.empty());
    CHECK(r.years.empty());
  }
}

TEST_CASE("scanner: dates, ranges and other non-quantities") {
  const char* cases[] = {
      "6月18日至20日举办",              // dates and a date range
      "8 月份",                         // a month
      "每组 2-3 个",                    // a range of counts
      "每周 3~5 节",                    // a range with a tilde
      "豫教职成〔2023〕12号",           // a document number
      "根据教育部令第17号",             // an ordinal number
      "第17届全国职业院校技能大赛",     // an ordinal
      "2024 级新生",                    // a grade
      "18 周岁以上",                    // an age
      "上午 9 点",                      // a time of day
      "第 3 期",                        // an issue number
      "详见 http://www.example.com/2024/123.html",  // a URL
      "专业代码(410000)",               // a code in parentheses
      "专业代码（660301）",             // a code in full-width parentheses
      "实施“1+X”证书制度",              // a name with +
      "开展3+2分段培养",                // a formula
      "探索5+N模式",                    // a formula with a letter
      "实施“121119”工程",               // a number that is a name
      "采用 GB2312 编码",               // glued to letters
      "A1 级",                          // glued to a letter
  };
  for (const char* s : cases) {
    SUBCASE(s) { CHECK(scan(s).empty()); }
  }
}

TEST_CASE("scanner: units and dimensions") {
  struct Case {
    const char* text;
    const char* unit;
    const char* dimension;
  };
  const Case cases[] = {
      {"培训 3200 人次", "人次", "person-times"},
      {"培训 3200 人", "人", "people"},
      {"毕业生 820 名", "名", "people"},
      {"中职学校 12 所", "所", "institutions"},
      {"合作企业 86 家", "家", "organisations"},
      {"专业 8 个", "个", "items"},
      {"获奖 15 项", "项", "items"},
      {"开设课程 42 门", "门", "courses"},
      {"藏书 12 万册", "册", "books"},
      {"占地面积 800 亩", "亩", "land"},
      {"投入 5000 元", "元", "money"},
      {"投入 300 万元", "元", "money"},
      {"出口带宽 1000 Mbps", "Mbps", "bandwidth"},
      {"存储 20 TB", "TB", "storage"},
      {"培训 40 学时", "学时", "hours"},
      {"平均分 86 分", "分", "score"},
  };
  for (const auto& c : cases) {
    SUBCASE(c.text) {
      auto qs = scan(c.text);
      REQUIRE(qs.size() == 1);
      CHECK(qs[0].unit == c.unit);
      CHECK(qs[0].dimension == c.dimension);
    }
  }
}

TEST_CASE("scanner: markers and multipliers together") {
  SUBCASE("万余人") {
    auto q = scan_one("全市中职学校在校生 3 万余人");
    CHECK(q.value == R("30000"));
    CHECK(q.multiplier == 10000);
    CHECK(q.approx == Approx::AtLeast);
    CHECK(q.unit == "人");
    CHECK(q.interval().hi_inf);
  }
  SUBCASE("full-width digits with 余") {
    auto q = scan_one("招生５０００余人");
    CHECK(q.value == R("5000"));
    CHECK(q.approx == Approx::AtLeast);
  }
  SUBCASE("separators, decimals and 万元") {
    auto q = scan_one("资助金额 1,234.56 万元");
    CHECK(q.printed == R("1234.56"));
    CHECK(q.value == R("12345600"));
    CHECK(q.decimals == 2);
    CHECK(q.text == "1,234.56 万");
  }
  SUBCASE("万人次 without a space") {
    auto q = scan_one("资助学生 1.2万人次");
    CHECK(q.value == R("12000"));
    CHECK(q.unit == "人次");
    CHECK(q.text == "1.2万");
  }
  SUBCASE("约 before a percentage keeps its unit") {
    auto q = scan_one("约 35% 的毕业生");
    CHECK(q.approx == Approx::About);
    CHECK(q.unit == "%");
  }
}

TEST_CASE("scanner: a list of figures keeps each unit") {
  auto qs = scan("学校占地 200 亩，建筑面积 8.6 万平方米，图书 12.3 万册，计算机 1500 台。");
  REQUIRE(qs.size() == 4);
  CHECK(qs[0].unit == "亩");
  CHECK(qs[1].unit == "平方米");
  CHECK(qs[1].value == R("86000"));
  CHECK(qs[2].unit == "册");
  CHECK(qs[2].value == R("123000"));
  CHECK(qs[3].unit == "台");
  CHECK(qs[3].dimension == "machines");
}

TEST_CASE("scanner: years in a list sentence are recorded, figures kept") {
  auto r = scan_numbers("2023 年招生 4480 人，2024 年招生 4730 人。", vocab());
  REQUIRE(r.numbers.size() == 2);
  CHECK(has_year(r, 2023));
  CHECK(has_year(r, 2024));
  CHECK(r.years.size() == 2);
  CHECK(r.years[0].first < r.numbers[0].begin);
  CHECK(r.years[1].first > r.numbers[0].begin);
}

TEST_CASE("scanner: an item number opening a clause is no figure") {
  CHECK(scan("注：2.生师比按全日制在校生计算。").empty());
  CHECK(scan("说明：3、口径与上年一致").empty());
  CHECK(scan("备注：（1）不含成人教育").empty());
  CHECK(scan("4. 经费投入情况").empty());
  // A figure after a colon, a list of values and a decimal stay figures.
  CHECK(scan("其中：2个国家级").size() == 1);
  CHECK(scan("得分分别为：95、88、90").size() == 3);
  CHECK(scan("增长：2.5%").size() == 1);
  CHECK(scan("全年招生（2）班").size() == 1);  // a bracket inside a clause
}
