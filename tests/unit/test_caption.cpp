// What a table's caption says about its rows (src/facts/caption.cpp). Captions are invented.
#include <doctest/doctest.h>

#include "facts/caption.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("a caption's subject sets aside its number, years and generic words") {
  CHECK(read_caption("表 3  2025年各乡镇卫生院情况", vocab()).subject == "各乡镇卫生院");
  CHECK(read_caption("附表1 2024年末城区小学基本情况", vocab()).subject == "城区小学");
  CHECK(read_caption("表5-2 全县职业学校专业设置一览表", vocab()).subject == "全县职业学校专业设置");
  CHECK(read_caption("续表 4（续）", vocab()).subject == "");
}

TEST_CASE("a caption that counts its rows") {
  CHECK(read_caption("表 2  4 家三级医院床位情况", vocab()).counts_rows);
  CHECK(read_caption("表 7 12所省级示范校师资", vocab()).counts_rows);
  CHECK_FALSE(read_caption("表 2  三级医院床位情况", vocab()).counts_rows);
  CHECK_FALSE(read_caption("表 12  2025年各县在校生", vocab()).counts_rows);  // 12 is the table's number
}

TEST_CASE("a caption that lists all of one kind of the area") {
  CHECK(read_caption("表 1 全市中职学校在校生情况", vocab()).covers_area);
  CHECK(read_caption("表 4 各县小学基本情况", vocab()).covers_area);
  CHECK_FALSE(read_caption("表 4 市直小学基本情况", vocab()).covers_area);
  CHECK_FALSE(read_caption("表 6 农村幼儿园情况", vocab()).covers_area);
}

TEST_CASE("the one year a title names") {
  CHECK(year_named_by("二、2026年预算草案") == 2026);
  CHECK(year_named_by("表 1  2023 年收支执行情况") == 2023);
  CHECK(year_named_by("2021—2025年发展回顾") == 0);
  CHECK(year_named_by("2019年以来的变化") == 0);
  CHECK(year_named_by("2022年与2023年对比") == 0);
  CHECK(year_named_by("第三章 主要指标") == 0);
}
