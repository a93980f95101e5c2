// Markdown pipe tables (document/markdown_table.h) and the tables the document model builds from them.
#include <doctest/doctest.h>

#include "document/markdown_table.h"
#include "test_support.h"

using namespace tally;
using namespace tally::testing;

TEST_CASE("markdown_table: rows, the delimiter row and cells") {
  CHECK(markdown_table::is_row("| 指标 | 单位 |"));
  CHECK(markdown_table::is_row("| a | b"));
  CHECK_FALSE(markdown_table::is_row("指标 | 单位"));  // no leading pipe: prose with a bar in it
  CHECK_FALSE(markdown_table::is_row("|"));
  CHECK(markdown_table::is_delimiter("| --- | :---: | ---: |"));
  CHECK(markdown_table::is_delimiter("|---|---|"));
  CHECK_FALSE(markdown_table::is_delimiter("| - 5 | 3 |"));
  CHECK_FALSE(markdown_table::is_delimiter("| | |"));  // no dash
  auto c = markdown_table::cells("| 甲 | 1\\|2 | 3 |");
  REQUIRE(c.size() == 3);
  std::string_view line = "| 甲 | 1\\|2 | 3 |";
  CHECK(line.substr(c[1].first, c[1].second - c[1].first) == " 1\\|2 ");  // an escaped pipe stays in its cell
  CHECK(markdown_table::cells("| a | b").size() == 2);  // no closing pipe
  CHECK(markdown_table::cells("| a | b |   ").size() == 2);
}

TEST_CASE("markdown_table: a pipe table is a table, its cells figures with row and column labels") {
  Report r("表 1 学校数\n\n| 类别 | 学校数（所） |\n| --- | ---: |\n| 公办 | 12 |\n| 民办 | 5 |\n| 合计 | 17 |\n");
  REQUIRE(r.fb().doc.tables.size() == 1);
  const Table& t = r.fb().doc.tables[0];
  CHECK(t.rows.size() == 4);  // the delimiter row is not a row
  CHECK(t.caption_line == 1);
  int cells = 0;
  for (const auto& q : r.fb().ex.quantities)
    if (q.table == 0) {
      ++cells;
      CHECK(q.unit == "所");
    }
  CHECK(cells == 3);
}
