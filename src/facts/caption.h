// What a table's caption says about its rows, read once per table when the fact base is built:
// the checks that group or date a table's cells ask it many times.
#pragma once
#include <string>
#include <string_view>

#include "vocab/vocabulary.h"

namespace tally {

struct Caption {
  // What the rows are, number, years and generic words set aside: "表 2  2024年市辖区医院情况" →
  // "市辖区医院"; "" without a caption.
  std::string subject;
  // The one year it names (year_named_by), 0 for none or a span.
  int year = 0;
  // "6 所国家级重点中职学校师资情况": it counts what its rows are (N 所, 家, 个), so its 合计 row is
  // the total of those only, not the whole area's.
  bool counts_rows = false;
  // "全县中职学校在校生情况", "各县中职学校基本情况": it lists all of one kind of the area — a scope word
  // after at most the whole area (全县, 本市) or its parts (各县); not 市直, 城区 or 农村, whose tables
  // total a part of the area.
  bool covers_area = false;
};

Caption read_caption(std::string_view line, const Vocabulary& vocab);

// The one year a title names ("二、2025年预算草案", "2024年工作回顾"); 0 when it names none, or a span
// or a starting point ("2021—2025年", "2020年以来", "2023年至今").
int year_named_by(std::string_view title);

}  // namespace tally
