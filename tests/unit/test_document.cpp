// build_document: section numbers and levels, tables of contents, captions,
// paragraphs joined across page breaks, and tables (headers, units, sub-rows, totals).
#include <doctest/doctest.h>

#include <string>

#include "base/text.h"
#include "document/table.h"
#include "test_support.h"

using namespace tally;
using tally::testing::Report;
using tally::testing::R;

namespace {

int level_of(std::string_view s) {
  int level = 0;
  return match_section_number(s, &level) ? level : 0;
}

std::string number_of(std::string_view s) {
  int level = 0;
  return std::string(s.substr(0, match_section_number(s, &level)));
}

LineKind kind(const Report& r, int line) { return r.doc().lines[line - 1].kind; }

}  // namespace

TEST_CASE("document: section numbers in every style") {
  struct Case {
    const char* line;
    const char* number;
    int level;
  };
  const Case cases[] = {
      {"一、基本情况", "一、", 1},
      {"十一、附则", "十一、", 1},
      {"（一）办学规模", "（一）", 2},
      {"(二)师资队伍", "(二)", 2},
      {"（十二）社会服务", "（十二）", 2},
      {"1. 学校数量", "1.", 1},
      {"1.1 学校布局", "1.1", 2},
      {"2. 3 专业布局", "2. 3", 2},
      {"3.4.1 专业设置", "3.4.1", 3},
      {"1．2 师资结构", "1．2", 2},
  };
  for (const auto& c : cases) {
    SUBCASE(c.line) {
      CHECK(number_of(c.line) == c.number);
      CHECK(level_of(c.line) == c.level);
    }
  }
}

TEST_CASE("document: figures are not section numbers") {
  const char* cases[] = {
      "23.19%的毕业生升学",
      "2.79:7.21",
      "10.93 万人",
      "12.5 亿元",
      "123.4 平方米",
      "2025 年全市招生",
      "专任教师 1648 人",
      "1.",
  };
  for (const char* s : cases) {
    SUBCASE(s) { CHECK(level_of(s) == 0); }
  }
}

TEST_CASE("document: year labels") {
  CHECK(year_label("2024") == 2024);
  CHECK(year_label("2023 年") == 2023);
  CHECK(year_label("2023年度") == 2023);
  CHECK(year_label("2022-2023 学年") == 2023);
  CHECK(year_label("2024—2026 年") == 2026);
  CHECK(year_label("2024届") == 2024);  // a graduating class
  CHECK(year_label("1800") == 0);
  CHECK(year_label("20241") == 0);
  CHECK(year_label("在校生") == 0);
}

TEST_CASE("document: the section tree") {
  Report r(
      "一、基本情况\n"
      "全市中等职业学校办学规模稳定。\n"
      "（一）办学规模\n"
      "1.1 学校布局\n"
      "3.4.1 专业设置\n"
      "全市中职学校 20 所。\n"
      "二、学生发展\n"
      "全市中职招生 4000 人。\n");
  const auto& s = r.doc().sections;
  REQUIRE(s.size() == 5);
  SUBCASE("numbers, titles and lines") {
    CHECK(s[0].number == "一、");
    CHECK(s[0].title == "基本情况");
    CHECK(s[0].line == 1);
    CHECK(s[1].number == "（一）");
    CHECK(s[1].title == "办学规模");
    CHECK(s[3].number == "3.4.1");
    CHECK(s[4].title == "学生发展");
  }
  SUBCASE("levels and parents") {
    CHECK(s[0].level == 1);
    CHECK(s[0].parent == -1);
    CHECK(s[1].level == 2);
    CHECK(s[1].parent == 0);
    CHECK(s[2].level == 2);
    CHECK(s[2].parent == 0);
    CHECK(s[3].level == 3);
    CHECK(s[3].parent == 2);
    CHECK(s[4].parent == -1);
  }
  SUBCASE("lines know their section") {
    CHECK(r.doc().lines[5].section == 3);
    CHECK(r.doc().lines[7].section == 4);
    CHECK(r.doc().paragraphs.back().section == 4);
  }
  SUBCASE("headings are not prose") {
    CHECK(kind(r, 1) == LineKind::Heading);
    CHECK(kind(r, 3) == LineKind::Heading);
    CHECK(kind(r, 2) == LineKind::Text);
  }
  SUBCASE("a spaced section number at a line start is no figure") {
    Report r2("一、基本情况\n全市办学规模稳定。\n2. 3 专业布局\n全市开设专业 45 个。\n");
    CHECK(kind(r2, 3) == LineKind::Heading);
    CHECK(r2.doc().sections.back().number == "2.3");
    REQUIRE(r2.quantities().size() == 1);
    CHECK(r2.quantities()[0].text == "45");
  }
}

TEST_CASE("document: a numbered line with a full stop is prose with a section number") {
  Report r("1. 全市中职学校 20 所，在校生 3 万人。\n");
  CHECK(kind(r, 1) == LineKind::Text);
  REQUIRE(r.doc().sections.size() == 1);
  CHECK(r.doc().sections[0].number == "1.");
  CHECK(r.has("20"));
  CHECK_FALSE(r.has("1"));
}

TEST_CASE("document: case sections") {
  Report r("一、产教融合\n全市推进产教融合。\n案例2 某某职业技术学校订单培养\n该校与企业合作。\n");
  const auto& s = r.doc().sections;
  REQUIRE(s.size() == 2);
  CHECK(s[1].is_case);
  CHECK(s[1].parent == 0);
  CHECK_FALSE(s[0].is_case);
  CHECK(r.doc().in_case(4));
  CHECK_FALSE(r.doc().in_case(2));
}

TEST_CASE("document: tables of contents") {
  SUBCASE("lines ending in page numbers") {
    Report r(
        "1.1 办学规模\t- 4 -\n"
        "3. 1 专业布局.....8\n"
        "二、学生发展……12\n"
        "全市中等职业学校共有在校生 5000 人。\n");
    CHECK(kind(r, 1) == LineKind::Toc);
    CHECK(kind(r, 2) == LineKind::Toc);
    CHECK(kind(r, 3) == LineKind::Toc);
    CHECK(kind(r, 4) == LineKind::Text);
    REQUIRE(r.quantities().size() == 1);
    CHECK(r.quantities()[0].text == "5000");
    CHECK(r.doc().sections.empty());
  }
  SUBCASE("a 目录 block without page numbers") {
    Report r(
        "目  录\n"
        "一、基本情况\n"
        "二、学生发展\n"
        "表 1 各校基本情况\n"
        "全市中等职业学校办学规模稳定。\n"
        "一、基本情况\n"
        "全市中职学校 20 所。\n");
    for (int ln = 1; ln <= 4; ++ln) {
      CAPTURE(ln);
      CHECK(kind(r, ln) == LineKind::Toc);
    }
    CHECK(kind(r, 5) == LineKind::Text);
    CHECK(kind(r, 6) == LineKind::Heading);
    REQUIRE(r.doc().sections.size() == 1);
    CHECK(r.doc().sections[0].line == 6);
  }
  SUBCASE("TOC lines are not paragraphs") {
    Report r("目录\n一、基本情况\t1\n二、学生发展\t5\n全市中职学校 20 所。\n");
    REQUIRE(r.doc().paragraphs.size() == 1);
    CHECK(r.doc().paragraphs[0].first_line == 4);
    REQUIRE(r.quantities().size() == 1);
    CHECK(r.quantities()[0].text == "20");
  }
  SUBCASE("a table row of figures is not a TOC entry") {
    Report r("学校情况如下。\n序号\t指标\t单位\t2023年\t2024年\n2\t专业点数量\t个\t187\t195\n");
    CHECK(kind(r, 3) == LineKind::TableRow);
    CHECK(r.has("195"));
  }
}

TEST_CASE("document: captions") {
  Report r("全市情况如下。\n表 1 各校基本情况\n学校\t在校生（人）\t专任教师（人）\t教职工（人）\n第一职专\t3100\t210\t260\n图 2 近五年招生情况\n附表3 专业设置\n");
  CHECK(kind(r, 2) == LineKind::Caption);
  CHECK(kind(r, 5) == LineKind::Caption);
  CHECK(kind(r, 6) == LineKind::Caption);
  REQUIRE(r.doc().tables.size() == 1);
  CHECK(r.doc().tables[0].caption_line == 2);
  SUBCASE("a sentence starting with 表 is not a caption") {
    Report r2("表明全市中职学校发展良好。\n");
    CHECK(kind(r2, 1) == LineKind::Text);
  }
}

TEST_CASE("document: paragraphs") {
  SUBCASE("a paragraph joined across a page break") {
    Report r("全市中等职业学校共有在校生 5000 人，较上年增长\n\n6.5%，专任教师 300 人。\n");
    REQUIRE(r.doc().paragraphs.size() == 1);
    const auto& p = r.doc().paragraphs[0];
    CHECK(p.first_line == 1);
    CHECK(p.last_line == 3);
    CHECK(p.text == "全市中等职业学校共有在校生 5000 人，较上年增长6.5%，专任教师 300 人。");
    REQUIRE(p.pieces.size() == 2);
    size_t at = p.text.find("6.5%");
    CHECK(p.to_source(static_cast<uint32_t>(at)) == r.source().line_start(3));
  }
  SUBCASE("a line ending a sentence ends its paragraph") {
    Report r("全市中职学校 20 所。\n全市中职招生 4000 人。\n");
    CHECK(r.doc().paragraphs.size() == 2);
  }
  SUBCASE("a heading ends a paragraph even after an open line") {
    Report r("全市中职学校 20 所，\n二、学生发展\n全市中职招生 4000 人。\n");
    REQUIRE(r.doc().paragraphs.size() == 2);
    CHECK(r.doc().paragraphs[1].first_line == 3);
  }
  SUBCASE("a section number is not part of the paragraph text") {
    Report r("1. 全市中职学校 20 所。\n");
    REQUIRE(r.doc().paragraphs.size() == 1);
    const std::string& t = r.doc().paragraphs[0].text;
    CHECK(t.find("1.") == std::string::npos);
    CHECK(t.find("全市中职学校 20 所。") != std::string::npos);
  }
  SUBCASE("offsets map back to the source") {
    Report r("一、基本情况\n全市中职学校 20 所，\n在校生 3 万人。\n");
    REQUIRE(r.doc().paragraphs.size() == 1);
    const auto& p = r.doc().paragraphs[0];
    size_t at = p.text.find("3 万");
    CHECK(r.source().slice(p.to_source(static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1))) == "3");
    CHECK(r.q("3 万").line == 3);
  }
}

namespace {

const char* kSchoolTable =
    "各校情况如下。\n"
    "表 1 各校基本情况\n"
    "序号\t学校\t在校生（人）\t专任教师（人）\t占地面积（万平方米）\n"
    "1\t第一职专\t3100\t210\t12.5\n"
    "\t其中：女生\t1400\t95\t3.2\n"
    "2\t第二职专\t1800\t120\t8.6\n"
    "\t公办\t1000\t70\t5.0\n"
    "3\t第三职专\t900\t60\t4.1\n"
    "合计\t\t5800\t390\t25.2\n"
    "以上数据来自统计年报。\n";

}  // namespace

TEST_CASE("document: tables") {
  Report r(kSchoolTable);
  REQUIRE(r.doc().tables.size() == 1);
  const Table& t = r.doc().tables[0];
  SUBCASE("extent and caption") {
    CHECK(t.first_line == 3);
    CHECK(t.last_line == 9);
    CHECK(t.caption_line == 2);
    CHECK(t.rows.size() == 7);
    CHECK(kind(r, 10) == LineKind::Text);
  }
  SUBCASE("cells") {
    REQUIRE(t.rows[1].size() == 5);
    CHECK(r.at(t.rows[1][1].span) == "第一职专");
    CHECK(t.rows[1][1].col == 1);
    CHECK(t.rows[1][1].row == 1);
    CHECK(r.at(t.rows[2][0].span).empty());
  }
  SUBCASE("one header row") { CHECK(t.header_rows == 1); }
  SUBCASE("the 序号 column") { CHECK(t.index_column == 0); }
  SUBCASE("no 单位 column") { CHECK(t.unit_column == -1); }
  SUBCASE("units in the headers") {
    REQUIRE(t.col_units.size() == 5);
    CHECK(t.col_units[1] == "");
    CHECK(t.col_units[2] == "人");
    CHECK(t.col_units[3] == "人");
    CHECK(t.col_units[4] == "万平方米");
  }
  SUBCASE("row labels") {
    CHECK(t.info[1].label == "第一职专");
    CHECK(t.info[2].label == "女生");
    CHECK(t.info[3].label == "第二职专");
  }
  SUBCASE("a 其中 sub-row and its parent") {
    CHECK(t.info[2].parent == 1);
    CHECK(t.info[1].parent == -1);
  }
  SUBCASE("a sub-row with an empty 序号 cell") { CHECK(t.info[4].parent == 3); }
  SUBCASE("the 合计 row") {
    CHECK(t.info[6].total);
    CHECK_FALSE(t.info[5].total);
    CHECK(t.info[6].parent == -1);
  }
  SUBCASE("data rows leave out headers, sub-rows and totals") { CHECK(t.data_rows() == 3); }
  SUBCASE("breakdowns of the table") {
    const auto& fb = r.fb();
    bool total = false, sub = false;
    for (const auto& b : r.rel().breakdowns) {
      if (fb.q(b.whole).text == "5800") {
        total = true;
        CHECK(b.kind == BreakdownKind::Sum);
        REQUIRE(b.parts.size() == 3);
        CHECK(fb.q(b.parts[0]).text == "3100");
        CHECK(fb.q(b.parts[2]).text == "900");
      }
      if (fb.q(b.whole).text == "3100") {
        sub = true;
        CHECK(b.kind == BreakdownKind::Subset);
        REQUIRE(b.parts.size() == 1);
        CHECK(fb.q(b.parts[0]).text == "1400");
      }
    }
    CHECK(total);
    CHECK(sub);
  }
}

TEST_CASE("document: a table with year headers and a 单位 column") {
  Report r(
      "近三年主要指标如下。\n"
      "指标\t单位\t2022 年\t2023 年\t2024 年\n"
      "招生\t人\t4210\t4480\t4730\n"
      "专业点\t个\t61\t64\t67\n"
      "经费\t万元\t850\t910\t990\n");
  REQUIRE(r.doc().tables.size() == 1);
  const Table& t = r.doc().tables[0];
  CHECK(t.header_rows == 1);
  CHECK(t.unit_column == 1);
  CHECK(t.index_column == -1);
  CHECK(t.col_years[2] == 2022);
  CHECK(t.col_years[4] == 2024);
  CHECK(t.col_years[1] == 0);
  CHECK(t.info[1].unit == "人");
  CHECK(t.info[3].unit == "万元");
  CHECK(t.data_rows() == 3);
  SUBCASE("万元 in the 单位 column multiplies the cell") {
    CHECK(r.q("990").value == tally::testing::R("9900000"));
    CHECK(r.q("990").unit == "元");
  }
}

TEST_CASE("document: a header row that is only years") {
  Report r(
      "近两年在校生如下。\n"
      "2023 年\t2024 年\t2025 年\n"
      "15200\t15800\t16350\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.header_rows == 1);
  CHECK(t.col_years[0] == 2023);
  CHECK(r.q("16350").year == 2025);
}

TEST_CASE("document: indented sub-rows after a 其中 row without a 序号 column") {
  Report r(
      "各类学校如下。\n"
      "类别\t学校数（所）\t在校生（人）\t专任教师（人）\n"
      "中职学校\t25\t30000\t2100\n"
      "其中：公办\t19\t24000\t1700\n"
      "\t民办\t6\t6000\t400\n"
      "技工院校\t5\t8000\t500\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.col_units[1] == "所");
  CHECK(t.info[2].parent == 1);
  CHECK(t.info[3].parent == 1);
  CHECK(t.info[4].parent == -1);
  CHECK(t.data_rows() == 2);
  SUBCASE("公办/民办 sub-rows add up to their parent") {
    const auto& fb = r.fb();
    bool found = false;
    for (const auto& b : r.rel().breakdowns)
      if (fb.q(b.whole).text == "30000") {
        found = true;
        CHECK(b.kind == BreakdownKind::Sum);
        CHECK(b.parts.size() == 2);
      }
    CHECK(found);
  }
}

TEST_CASE("document: a heading line records its number span") {
  Report r("一、基本情况\n全市中职学校 20 所。\n（二）师资队伍\n");
  const Line& h = r.doc().lines[0];
  CHECK(h.kind == LineKind::Heading);
  CHECK(r.at(h.section_number) == "一、");
  CHECK(r.doc().lines[1].section_number.empty());
  CHECK(r.at(r.doc().lines[2].section_number) == "（二）");
  CHECK(r.doc().lines[2].section == 1);
  CHECK(r.doc().sections[1].parent == 0);
}

TEST_CASE("document: blank lines and line numbers") {
  Report r("\n\n全市中职学校 20 所。\n\n");
  CHECK(r.doc().lines[0].kind == LineKind::Blank);
  CHECK(r.doc().lines[2].kind == LineKind::Text);
  CHECK(r.doc().lines[2].number == 3);
  REQUIRE(r.doc().paragraphs.size() == 1);
  CHECK(r.doc().paragraphs[0].first_line == 3);
  CHECK(r.q("20").line == 3);
}

// ---- the table reader: headers with spans, columns, row roles ----

TEST_CASE("document: a year row over 人数/比例 and a 增量 group") {
  Report r(
      "表 6 教师队伍情况表\n项目\t2023年\t\t2024年\t\t增量\n\t人数\t比例\t人数\t比例\t人数\t比例\n"
      "专任教师\t120\t80%\t132\t82.5%\t12\t2.5%\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.header_rows == 2);
  REQUIRE(t.cols.size() == 7);
  CHECK(t.cols[0].label);
  CHECK(t.cols[2].path == std::vector<std::string>{"2023年", "比例"});
  CHECK(t.cols[2].period == 2023);
  CHECK(t.cols[2].measure == "比例");
  CHECK(t.cols[3].period == 2024);
  CHECK(t.cols[3].measure == "人数");
  CHECK(t.cols[6].change);
  CHECK(t.cols[6].measure == "比例");
  CHECK(t.cols[6].period == 0);
  CHECK(t.col_years[4] == 2024);
  CHECK(t.info[2].role == RowRole::Data);
  CHECK(r.q("82.5%").year == 2024);
}

TEST_CASE("document: an indicator table — 单位 for the values, a 样本数 column counts people") {
  Report r("序号\t指标\t单位\t2024年\t样本数\n1\t学生满意度\t%\t92.6\t8420\n2\t家长满意度\t%\t95.1\t6315\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.index_column == 0);
  CHECK(t.unit_column == 2);
  CHECK(t.cols[4].sample);
  CHECK(t.cols[4].unit == "人次");
  CHECK(r.q("8420").kind == QuantityKind::Number);
  CHECK(r.q("92.6").kind == QuantityKind::Percent);
}

TEST_CASE("document: an empty 序号 cell makes no sub-row; 其中, 含 and indentation do") {
  Report r(
      "序号\t指标\t单位\t2024年\n1\t教职工额定编制数\t人\t1520\n\t教职工总数\t人\t1688\n\t其中：专任教师总数\t人\t1402\n"
      "2\t年实习专项经费\t万元\t120\n\t含：保险经费\t万元\t35\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.info[2].parent == -1);
  CHECK(t.info[2].role == RowRole::Data);
  CHECK(t.info[3].parent == 2);
  CHECK(t.info[3].role == RowRole::SubRow);
  CHECK(t.info[5].parent == 4);
  CHECK(t.info[5].label == "保险经费");
  Report ind("类别\t人数\n教职工\t300\n　　专任教师\t240\n行政人员\t40\n后勤人员\t20\n");
  const Table& ti = ind.doc().tables.at(0);
  CHECK(ti.info[2].parent == 1);
  CHECK(ti.info[3].parent == -1);
}

TEST_CASE("document: a whole named first with most rows indented under it; not when all are indented") {
  // An indicator table: the first row is the whole, the indented rows its parts, however many they are.
  Report first("指标\t绝对数（亿元）\n地区生产总值\t512.80\n　　第一产业\t46.30\n　　第二产业\t201.50\n"
               "　　第三产业\t265.00\n");
  const Table& t = first.doc().tables.at(0);
  CHECK(t.info[1].parent == -1);
  for (int r = 2; r <= 4; ++r) CHECK(t.info[r].parent == 1);
  // Every row indented alike: indentation says nothing.
  Report all("指标\t人数\n　　教师\t300\n　　学生\t1100\n　　职员\t100\n");
  for (const auto& ri : all.doc().tables.at(0).info) CHECK(ri.parent == -1);
  // In a Markdown pipe table the space after a pipe is not an indentation, even with an empty cell before.
  Report pipe("| 序号 | 指标 | 2024年 |\n|---|---|---|\n| 1 | 学校数（所） | 12 |\n|  | 教职工（人） | 1650 |\n"
              "|  | 在校生（人） | 21400 |\n");
  for (const auto& ri : pipe.doc().tables.at(0).info) CHECK(ri.parent == -1);
  Report pipe_ind("| 指标 | 绝对数 |\n|---|---|\n| 常住人口 | 84600 |\n| 　　城镇 | 52300 |\n| 　　乡村 | 32300 |\n");
  CHECK(pipe_ind.doc().tables.at(0).info.back().parent >= 0);
}

TEST_CASE("document: a header ending in a bare percent sign gives its column the unit %") {
  Report r("项目\t执行数（亿元）\t完成预算%\t增长％\t（%）\n税收收入\t17.34\t101.4\t2.0\t3\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.cols[1].unit == "亿元");
  CHECK(t.cols[2].unit == "%");
  CHECK(t.cols[3].unit == "%");
  CHECK(t.cols[4].unit == "%");
}

TEST_CASE("document: rows that are not data") {
  Report r(
      "表 7 各专业在校生\n专业名称\t全日制\t小计\n----\t----\t----\n重点专业：\n机电技术应用\t312\t312\n"
      "注：含五年制前三年学生。\n其他专业：\n会计事务\t188\t188\n合 计\t500\t500\n");
  REQUIRE(r.doc().tables.size() == 1);
  const Table& t = r.doc().tables[0];
  REQUIRE(t.rows.size() == 8);
  CHECK(t.header_rows == 1);
  CHECK(t.info[1].role == RowRole::Separator);
  CHECK(t.info[2].role == RowRole::GroupLabel);
  CHECK(t.info[2].label == "重点专业");
  CHECK(t.info[3].role == RowRole::Data);
  CHECK(t.info[3].group == "重点专业");
  CHECK(t.info[4].role == RowRole::Note);
  CHECK(t.info[6].group == "其他专业");
  CHECK(t.info[7].role == RowRole::Total);
  CHECK(t.info[7].total);
  CHECK(t.data_rows() == 2);
  CHECK(t.cols[2].total);
  CHECK(r.doc().paragraphs.empty());
}

TEST_CASE("document: a caption and header repeated after a page break continue the table") {
  Report r("表 11 各专业招生人数\n专业\t招生数（人）\n数控技术\t120\n汽车运用与维修\t95\n\n\n表 11 各专业招生人数（续）\n"
           "专业\t招生数（人）\n学前教育\t140\n合计\t355\n");
  REQUIRE(r.doc().tables.size() == 1);
  const Table& t = r.doc().tables[0];
  CHECK(t.info[3].role == RowRole::Caption);
  CHECK(t.info[4].role == RowRole::Header);
  CHECK(t.info[5].role == RowRole::Data);
  CHECK(t.data_rows() == 3);
}

TEST_CASE("document: 同上 cells and first-column groups") {
  Report r("区域\t学校\t在校生\t班主任数\n市直\t第一职专\t2300\t40\n\t第二职专\t1800\t同上\n东县\t东县职专\t1500\t30\n\t东县技校\t700\t12\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.rows[2][3].ditto);
  CHECK(t.value_row(2, 3) == 1);
  CHECK(t.value_row(2, 2) == 2);
  CHECK(t.info[2].group == "市直");
  CHECK(t.info[4].group == "东县");
}

TEST_CASE("document: a header naming a year and a unit is a header, not a row of figures") {
  Report r("项目\t2023 年（万元）\t2024 年（万元）\t比上年增长（%）\n财政拨款\t15200\t16450\t8.22\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.header_rows == 1);
  CHECK(t.cols[1].period == 2023);
  CHECK(t.cols[1].unit == "万元");
  CHECK(t.cols[1].measure.empty());
  CHECK(t.cols[3].change);
  CHECK(t.cols[3].growth_rate);
  CHECK(t.cols[3].unit == "%");
}

TEST_CASE("document: row roles are named for tally facts") {
  CHECK(std::string(row_role_name(RowRole::SubRow)) == "sub-row");
  CHECK(std::string(row_role_name(RowRole::GroupLabel)) == "group-label");
}

TEST_CASE("document: a unit declared for a whole table, above it or in its caption") {
  using table_reader::declared_unit;
  const Vocabulary& v = testing::vocab();
  CHECK(declared_unit("单位：万元", v) == "万元");
  CHECK(declared_unit("表 3 2024 年财政收支（单位：亿元）", v) == "亿元");
  CHECK(declared_unit("单位:人", v) == "人");
  CHECK(declared_unit("单位：%", v) == "%");
  CHECK(declared_unit("单位：各乡镇人民政府", v).empty());  // a body, not a unit
  // Compound multipliers: the longest is taken, so the rest is still a unit.
  CHECK(declared_unit("单位：万亿元", v) == "万亿元");
  CHECK(declared_unit("表 5 投资（单位：百万元）", v) == "百万元");
  Report compound("附表 3 收入（单位：百万元）\n项目\t预算数\t执行数\n收入\t51.68\t52.30\n");
  CHECK(compound.q("52.30").multiplier == 1000000);
  CHECK(compound.q("52.30").unit == "元");
  Report header("表 6 主要指标\n项目\t收入（万亿元）\t支出（千万元）\n全国\t21.7\t3.5\n");
  CHECK(header.q("21.7").value == R("21700000000000"));
  CHECK(header.q("21.7").unit == "元");
  CHECK(header.q("3.5").value == R("35000000"));
  CHECK(declared_unit("表 4 主要指标", v).empty());

  // On its own line between the caption and the header.
  Report above("附表 1 收支\n单位：亿元\n项目\t预算数\t执行数\t完成预算%\t比上年增长（%）\n收入\t51.68\t52.30\t101.2\t4.5\n");
  REQUIRE(above.doc().tables.size() == 1);
  CHECK(above.doc().tables[0].unit == "亿元");
  CHECK(above.q("52.30").unit == "元");
  CHECK(above.q("52.30").multiplier == 100000000);
  CHECK(above.q("101.2").unit == "%");        // a completion rate ("完成预算%"), not 亿元
  CHECK(above.q("4.5").unit == "%");          // the column's own unit wins
  // Columns of completion rates and ratios to last year carry no amount, with or without %.
  Report rates("附表 2 收入（单位：亿元）\n项目\t预算数\t完成预算\t为上年\n收入\t51.68\t101.2\t104.5\n");
  CHECK(rates.q("51.68").multiplier == 100000000);
  CHECK(rates.q("101.2").unit.empty());
  CHECK(rates.q("104.5").unit.empty());
  // In the caption; a 单位 column's unit wins over it.
  Report caption("表 2 支出（单位：万元）\n项目\t单位\t执行数\n教育支出\t\t12680\n在校生\t人\t4200\n");
  CHECK(caption.q("12680").multiplier == 10000);
  CHECK(caption.q("4200").unit == "人");
  CHECK(caption.q("4200").multiplier == 1);
  // A long sentence mentioning a unit is not a declaration for the table below it.
  Report prose("本表所列数据均以年报为准，单位：万元的数据保留整数，其余按原表列示。\n项目\t执行数\n教育支出\t12680\n");
  CHECK(prose.q("12680").multiplier == 1);
}

TEST_CASE("document: the rows after a 其中 row that add up with it to the parent continue its list") {
  // The sibling of the 其中 row lost its indentation: with it, the two add up to 医院 in both columns.
  Report closed("类别\t机构数（个）\t床位数（张）\n总计\t1240\t15600\n医院\t64\t12300\n其中：公立医院\t28\t9800\n"
                "民营医院\t36\t2500\n基层医疗卫生机构\t1150\t2900\n其他机构\t26\t400\n");
  const Table& t = closed.doc().tables.at(0);
  CHECK(t.info[4].parent == 2);
  CHECK(t.info[4].role == RowRole::SubRow);
  CHECK(t.info[5].parent == -1);
  CHECK_FALSE(t.unclear_rows);
  // Too big to be a part: the next row is an item, and the list is closed as it stood.
  Report item("类别\t人数\n本科生\t5000\n其中：女生\t2600\n专科生\t3000\n合计\t8000\n");
  CHECK(item.doc().tables.at(0).info[3].parent == -1);
  CHECK_FALSE(item.doc().tables.at(0).unclear_rows);
  // Small enough to be a part, but no run of rows closes the list: the table's totals are unclear.
  Report open("类别\t机构数（个）\n医院\t60\n其中：三级医院\t8\n妇幼保健院\t12\n诊所\t400\n合计\t480\n");
  CHECK(open.doc().tables.at(0).info[3].parent == -1);
  CHECK(open.doc().tables.at(0).unclear_rows);
  // A list marked by indentation ends where the indentation does, whatever the sums.
  Report indented("类别\t人数\n教职工\t300\n　　专任教师\t240\n行政人员\t60\n");
  CHECK(indented.doc().tables.at(0).info[3].parent == -1);
  CHECK_FALSE(indented.doc().tables.at(0).unclear_rows);
}

TEST_CASE("document: outline-numbered rows are a table's items, the rows after each its parts") {
  Report r("类别\t机构数\n卫生机构合计\t612\n一、医院\t38\n综合医院\t24\n专科医院\t14\n二、基层医疗卫生机构\t548\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.info[1].role == RowRole::Total);  // named after what it totals, the table's only such row
  CHECK(t.info[2].parent == -1);
  CHECK(t.info[3].parent == 2);
  CHECK(t.info[4].parent == 2);
  CHECK(t.info[5].parent == -1);
  // One 一、 alone is no outline.
  Report one("类别\t人数\n一、教师\t300\n行政人员\t40\n");
  CHECK(one.doc().tables.at(0).info[2].parent == -1);
  // 收入合计 and 支出合计 in one table are lines of a balance, not totals of the rows below them.
  Report balance("项目\t执行数\n收入合计\t74310\n上年结余\t860\n支出合计\t79480\n");
  CHECK(balance.doc().tables.at(0).info[1].role != RowRole::Total);
}

TEST_CASE("document: budget subject codes name rows and nest them") {
  CHECK(leading_subject_code("213 农林水支出") == "213");
  CHECK(leading_subject_code("2130101　行政运行") == "2130101");
  CHECK(leading_subject_code("120 万元").empty());      // a figure with its unit
  CHECK(leading_subject_code("3100 人次").empty());
  CHECK(leading_subject_code("2024 年度决算").empty());  // four digits: no code
  CHECK(leading_subject_code("213农林水支出").empty());  // no space: not told from a figure
  CHECK(subject_code_cell(" 21301 "));
  CHECK_FALSE(subject_code_cell("2130"));
  CHECK_FALSE(subject_code_cell("213.5"));
  // A code column: a longer code under the shorter one it starts with is its part.
  Report coded("科目编码\t科目名称\t决算数\n213\t农林水支出\t500.00\n21301\t农业农村\t300.00\n2130101\t行政运行\t120.00\n"
               "21302\t林业和草原\t200.00\n221\t住房保障支出\t80.00\n\t合计\t580.00\n");
  const Table& t = coded.doc().tables.at(0);
  CHECK(t.index_column == 0);
  CHECK(t.info[1].label == "农林水支出");
  CHECK(t.info[1].parent == -1);
  CHECK(t.info[2].parent == 1);
  CHECK(t.info[3].parent == 2);
  CHECK(t.info[4].parent == 1);
  CHECK(t.info[5].parent == -1);
  CHECK_FALSE(t.unclear_rows);
  // Codes before the names.
  Report named("科目\t金额\n201 一般公共服务支出\t520.00\n20101 人大事务\t120.00\n208 社会保障和就业支出\t80.00\n合计\t600.00\n");
  CHECK(named.doc().tables.at(0).info[1].label == "一般公共服务支出");
  CHECK(named.doc().tables.at(0).info[2].parent == 1);
  CHECK(named.doc().tables.at(0).info[3].parent == -1);
  // A 款 whose 类 is not in the table: what the 合计 adds is not known.
  Report orphan("科目编码\t科目名称\t决算数\n205\t教育支出\t90.00\n21001\t卫生健康管理事务\t30.00\n\t合计\t120.00\n");
  CHECK(orphan.doc().tables.at(0).unclear_rows);
}

TEST_CASE("document: a named total above a 总计 is one of its parts") {
  Report r("项目\t决算数\n本年收入合计\t7000.00\n年初结转和结余\t400.00\n总计\t7400.00\n");
  const Table& t = r.doc().tables.at(0);
  CHECK(t.info[1].role == RowRole::Subtotal);
  CHECK(t.info[3].role == RowRole::Total);
}

TEST_CASE("document: a header unit per something is an intensity") {
  CHECK(per_unit_header("单产（公斤/亩）"));
  CHECK(per_unit_header("人口密度(人/平方公里)"));
  CHECK(per_unit_header("能耗（吨标准煤／万元）"));
  CHECK_FALSE(per_unit_header("粮食产量（万吨）"));
  CHECK_FALSE(per_unit_header("县/区"));
  Report r("地区\t产量（吨）\t单产（千克/公顷）\n甲\t100\t6000\n乙\t200\t6500\n合计\t300\t6300\n");
  CHECK(r.doc().tables.at(0).cols[2].per_unit);
  CHECK(r.doc().tables.at(0).cols[2].not_summed);
  CHECK_FALSE(r.doc().tables.at(0).cols[1].not_summed);
}

TEST_CASE("document: Markdown headings are sections, their marks no part of the title or of a label") {
  Report r(
      "# 某县 2025 年教育事业发展情况\n"
      "## 二、教师队伍\n"
      "全县专任教师 3862 人，其中女教师 2415 人。\n"
      "### （一）学历结构\n"
      "研究生学历教师 386 人。\n"
      "## 概况\n"
      "#不是标题 12 个。\n");
  const auto& s = r.doc().sections;
  REQUIRE(s.size() == 4);
  CHECK(s[1].number == "##二、");
  CHECK(s[1].title == "教师队伍");
  CHECK(s[1].level == 1);
  CHECK(s[2].number == "###（一）");
  CHECK(s[2].title == "学历结构");
  CHECK(s[2].parent == 1);
  CHECK(s[3].title == "概况");
  CHECK(kind(r, 2) == LineKind::Heading);
  CHECK(kind(r, 6) == LineKind::Heading);
  CHECK(kind(r, 7) == LineKind::Text);  // no space after the mark: not a heading
  CHECK(r.doc().lines[2].section == 1);
  // The heading's words are not carried into the first figure's name.
  bool found = false;
  for (const auto& q : r.quantities())
    if (q.text == "3862") {
      found = true;
      CHECK(q.label.find("教师队伍") == std::string::npos);
    }
  CHECK(found);
}

TEST_CASE("document: a caption in Markdown emphasis is a caption") {
  Report r("**表1 各类别残疾人**\n\n| 类别 | 人数（人） |\n|---|---:|\n| 视力 | 130 |\n| 合计 | 130 |\n");
  CHECK(kind(r, 1) == LineKind::Caption);
  CHECK(text::without_emphasis("**表1 各类别**") == "表1 各类别");
  CHECK(text::without_emphasis("**表1 各类别") == "**表1 各类别");  // unbalanced: left as it is
  CHECK(text::without_emphasis("__附表2__") == "附表2");
}
