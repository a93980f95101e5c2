#include <doctest/doctest.h>

#include "config/glob.h"

using tally::glob_match;
using tally::glob_problem;

TEST_CASE("glob: * and ? stay within one segment") {
  CHECK(glob_match("*.md", "a.md"));
  CHECK_FALSE(glob_match("*.md", "sub/a.md"));
  CHECK(glob_match("sub/*.md", "sub/a.md"));
  CHECK(glob_match("a?.txt", "ab.txt"));
  CHECK_FALSE(glob_match("a?.txt", "a/.txt"));
  CHECK_FALSE(glob_match("a?.txt", "a.txt"));
  CHECK(glob_match("./*.md", "a.md"));
  CHECK(glob_match("*.md", "./a.md"));
}

TEST_CASE("glob: ? matches one Chinese character, * any run of them") {
  CHECK(glob_match("报告?.md", "报告一.md"));
  CHECK_FALSE(glob_match("报告?.md", "报告一二.md"));
  CHECK(glob_match("*质量*.txt", "2023年质量报告.txt"));
  CHECK_FALSE(glob_match("*质量*.txt", "2023年年报.txt"));
}

TEST_CASE("glob: ** spans any number of segments, including none") {
  CHECK(glob_match("**/*.md", "a.md"));
  CHECK(glob_match("**/*.md", "x/y/z/a.md"));
  CHECK(glob_match("docs/**/draft.md", "docs/draft.md"));
  CHECK(glob_match("docs/**/draft.md", "docs/2023/q1/draft.md"));
  CHECK_FALSE(glob_match("docs/**/draft.md", "other/draft.md"));
  CHECK(glob_match("archive/**", "archive/old/a.txt"));
  CHECK_FALSE(glob_match("archive/**", "current/a.txt"));
  CHECK(glob_match("archive/", "archive/old/a.txt"));
  CHECK_FALSE(glob_match("archive/", "archived.txt"));
}

TEST_CASE("glob: bracket sets") {
  CHECK(glob_match("report-[0-9].txt", "report-7.txt"));
  CHECK_FALSE(glob_match("report-[0-9].txt", "report-x.txt"));
  CHECK(glob_match("report-[!0-9].txt", "report-x.txt"));
  CHECK_FALSE(glob_match("report-[!0-9].txt", "report-7.txt"));
  CHECK(glob_match("[甲乙].md", "乙.md"));
}

TEST_CASE("glob: malformed patterns are reported") {
  CHECK(glob_problem("*.md").empty());
  CHECK(glob_problem("[a-z].md").empty());
  CHECK_FALSE(glob_problem("[a-z.md").empty());
  CHECK_FALSE(glob_problem("").empty());
}
