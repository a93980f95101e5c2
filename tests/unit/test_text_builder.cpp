// The text builder's marks: where each stretch of a text-view line came from.
#include <doctest/doctest.h>

#include "load/text_builder.h"

using namespace tally;

TEST_CASE("text builder: a joined PDF line keeps a mark per printed line; Word labels are not quotable") {
  TextBuilder b;
  b.add_line({{"共有学校 86 所，", "page 1, line 5"}, {"其中公办 52 所。", "page 2, line 1"}});
  b.add_quoted("（一）", "在校生 3200 人\n教师 280 人", "paragraph 4");
  b.add_line({{"\xFF 坏", "page 3, line 1"}, {"字节 7 个", "page 3, line 2"}});
  SourceText src = std::move(b).finish("r");
  REQUIRE(src.line_count() == 5);
  CHECK(src.line_locators == std::vector<std::string>{"page 1, line 5", "paragraph 4", "paragraph 4", "page 3, line 1", ""});
  const std::string& t = src.text();
  REQUIRE(src.marks.size() == 7);
  CHECK(src.marks[0].offset == 0);
  CHECK(src.marks[1].offset == t.find("其中"));
  CHECK(src.marks[1].locator == "page 2, line 1");
  CHECK_FALSE(src.marks[1].quotable);
  // The label is a stretch of its own, not quotable; the paragraph's words are.
  CHECK(src.marks[2].offset == t.find("（一）"));
  CHECK_FALSE(src.marks[2].quotable);
  CHECK(src.marks[3].offset == t.find("在校生"));
  CHECK(src.marks[3].quotable);
  CHECK(src.marks[4].offset == t.find("教师"));
  CHECK(src.marks[4].quotable);
  CHECK(src.marks[4].locator == "paragraph 4");
  // An invalid byte is repaired before offsets are taken, so later marks still point right.
  CHECK(src.line_text(4) == "\xEF\xBF\xBD 坏字节 7 个");
  CHECK(src.marks[6].offset == t.find("字节"));
  CHECK(src.marks[6].locator == "page 3, line 2");
}
