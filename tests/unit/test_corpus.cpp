// The sample reports in ../shared/corpus (when present): every file yields
// well-formed facts, and a dozen facts checked by hand against the text.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "rules/engine.h"
#include "test_support.h"

using namespace tally;
using tally::testing::R;
using tally::testing::Report;

namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() { return fs::path(TALLY_SOURCE_DIR) / ".." / "shared" / "corpus"; }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The quantity on `line` printed as `text` (fails when absent).
const Quantity& at_line(const Report& r, int line, std::string_view text) {
  for (const auto& q : r.quantities())
    if (q.line == line && q.text == text) return q;
  FAIL("no quantity " << std::string(text) << " on line " << line);
  return r.quantities().front();
}

bool any_on_lines(const Report& r, int first, int last) {
  return std::any_of(r.quantities().begin(), r.quantities().end(),
                     [&](const Quantity& q) { return q.line >= first && q.line <= last; });
}

// One Report per corpus file, built on first use.
const Report& corpus_report(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Report>> cache;
  auto& slot = cache[name];
  if (!slot) slot = std::make_unique<Report>(read_all(corpus_dir() / name));
  return *slot;
}

bool have(const std::string& name) {
  if (fs::exists(corpus_dir() / name)) return true;
  MESSAGE("corpus file " << name << " not found under " << corpus_dir().string() << ": nothing to check");
  return false;
}

}  // namespace

TEST_CASE("corpus: every sample report gives well-formed facts") {
  if (!fs::is_directory(corpus_dir())) {
    MESSAGE("no corpus at " << corpus_dir().string() << ": corpus tests skipped");
    return;
  }
  auto engine = Engine::create(EngineOptions{});
  REQUIRE(engine.ok());
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus_dir())) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    SUBCASE(entry.path().filename().string().c_str()) {
      SourceText src(entry.path().string(), read_all(entry.path()));
      std::string out = (*engine)->facts_json(src);
      auto j = nlohmann::json::parse(out, nullptr, false);
      REQUIRE_FALSE(j.is_discarded());
      REQUIRE(j.contains("quantities"));
      CHECK(j["quantities"].size() > 20);
      CHECK(j["sections"].size() > 0);
      for (const auto& q : j["quantities"]) {
        CHECK(q["line"].get<int>() >= 1);
        CHECK(q["line"].get<int>() <= src.line_count());
        CHECK_FALSE(q["text"].get<std::string>().empty());
      }
      FileResult res = (*engine)->check(src);
      CHECK(res.figures == static_cast<int>(j["quantities"].size()));
    }
  }
  CHECK(files > 0);
}

// Hand-checked facts. Each expectation was read off the report text itself.
TEST_CASE("corpus: xinxiang-2023 spot checks") {
  if (!have("xinxiang-2023.txt")) return;
  const Report& r = corpus_report("xinxiang-2023.txt");
  SUBCASE("enrolment in the opening sentence of 1.1: scope, year and metric") {
    const auto& q = at_line(r, 82, "18081");
    CHECK(q.metric == "enrolment");
    CHECK(q.scope == "secondary");
    CHECK(q.year == 2023);
    CHECK(q.unit == "人");
  }
  SUBCASE("students in 万") {
    const auto& q = at_line(r, 82, "4.51 万");
    CHECK(q.value == R("45100"));
    CHECK(q.metric == "students");
    CHECK(q.interval().lo == R("45050"));
  }
  SUBCASE("the enrolment ratio") {
    const auto& q = at_line(r, 82, "1:2.57");
    CHECK(q.kind == QuantityKind::Ratio);
    CHECK(q.scope == "upper-secondary");
  }
  SUBCASE("the malformed campus area") {
    const auto& q = at_line(r, 100, "291.万");
    CHECK(q.malformed);
    CHECK(q.metric == "campus-area");
    CHECK(q.unit == "平方米");
  }
  SUBCASE("full-time teachers") {
    const auto& q = at_line(r, 108, "2283");
    CHECK(q.metric == "full-time-teachers");
    CHECK(q.scope == "secondary");
  }
  SUBCASE("the table of contents yields no figures") {
    CHECK(r.doc().lines[13].kind == LineKind::Toc);
    CHECK_FALSE(any_on_lines(r, 13, 34));
  }
  SUBCASE("a figure in a 案例 is the school's") {
    const auto& q = at_line(r, 148, "884");
    CHECK(q.in_case);
    CHECK(q.scope.find("获嘉县职业中等专业学校") != std::string::npos);
    CHECK(q.year == 2022);
    CHECK(q.metric == "graduates");
  }
  SUBCASE("a cell of the training table") {
    const auto& q = at_line(r, 245, "65");
    CHECK(q.table >= 0);
    CHECK(q.row_label == "中等职业学校教育教学管理人员培训");
    CHECK(q.col_label == "人数");
    CHECK(q.metric == "training");
  }
  SUBCASE("the section tree") {
    const auto& s = r.doc().sections;
    auto it = std::find_if(s.begin(), s.end(), [](const Section& x) { return x.number == "3.4.1"; });
    REQUIRE(it != s.end());
    CHECK(it->level == 3);
    CHECK(it->line == 210);
  }
}

TEST_CASE("corpus: pingdingshan-2025 spot checks") {
  if (!have("pingdingshan-2025.txt")) return;
  const Report& r = corpus_report("pingdingshan-2025.txt");
  SUBCASE("a cell of the year table") {
    const auto& q = at_line(r, 77, "54744");
    CHECK(q.table >= 0);
    CHECK(q.year == 2025);
    CHECK(q.metric == "enrolment");
    CHECK(q.scope == "general-high-school");
  }
  SUBCASE("a spaced ratio in a table cell") {
    const auto& q = at_line(r, 77, "2. 79: 7. 21");
    CHECK(q.kind == QuantityKind::Ratio);
    REQUIRE(q.ratio_parts.size() == 2);
    CHECK(q.ratio_parts[0] == R("2.79"));
    CHECK(q.ratio_parts[1] == R("7.21"));
  }
  SUBCASE("a spaced percentage in a table cell") {
    const auto& q = at_line(r, 77, "23. 19%");
    CHECK(q.kind == QuantityKind::Percent);
    CHECK(q.value == R("23.19"));
    CHECK(q.scope == "upper-secondary");
  }
}

TEST_CASE("corpus: xuchang-2024 spot checks") {
  if (!have("xuchang-2024.txt")) return;
  const Report& r = corpus_report("xuchang-2024.txt");
  SUBCASE("enrolment dated by the sentence") {
    const auto& q = at_line(r, 11, "12432");
    CHECK(q.metric == "enrolment");
    CHECK(q.year == 2024);
    CHECK(q.scope == "secondary");
  }
  SUBCASE("staff and teachers") {
    CHECK(at_line(r, 31, "2422").metric == "staff");
    CHECK(at_line(r, 31, "2072").metric == "full-time-teachers");
  }
  SUBCASE("further study among graduates") {
    CHECK(at_line(r, 39, "12856").metric == "graduates");
    CHECK(at_line(r, 39, "7393").metric == "further-study");
    CHECK(at_line(r, 39, "57.5%").kind == QuantityKind::Percent);
  }
  SUBCASE("the school list table has no figures but its 序号") {
    const Table& t = r.doc().tables.at(0);
    CHECK(t.index_column == 0);
    CHECK(t.header_rows == 1);
    for (const auto& q : r.quantities()) CHECK(q.table == -1);
  }
}
