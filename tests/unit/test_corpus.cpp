// The sample reports in ../shared/corpus (when present): every file yields well-formed facts.
// (What tally must find in them is scored by tests/cli/test_corpus_score.sh against the gold, not
// by expectations written here: nothing in the project names a report or its figures.)
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "rules/engine.h"

using namespace tally;

namespace fs = std::filesystem;

namespace {

fs::path corpus_dir() { return fs::path(TALLY_SOURCE_DIR) / ".." / "shared" / "corpus"; }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
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
