// The sample reports in ../shared/corpus (when present): every file yields well-formed facts.
// (What tally must find in them is scored by tests/cli/test_corpus_score.sh against the gold, not
// by expectations written here: nothing in the project names a report or its figures.)
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
