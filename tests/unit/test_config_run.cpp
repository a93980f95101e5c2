// run_check end to end, in process: discovery, selection, options, suppressions,
// baselines and -j, all with the tiny "double" pattern rule from test_config_util.h.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/check_run.h"
#include "test_config_util.h"

using namespace tally;
using tally::cfgtest::Scratch;

namespace {

// "甲 5 人，乙 2 人" breaks the rule; "甲 4 人，乙 2 人" keeps it.
constexpr const char* kBad = "甲 5 人，乙 2 人。\n";
constexpr const char* kGood = "甲 4 人，乙 2 人。\n";

CheckRunOptions opts_for(std::vector<std::string> inputs) {
  CheckRunOptions o;
  o.inputs = std::move(inputs);
  o.default_packs = false;
  o.jobs = 1;
  return o;
}

// "file:line rule severity" for every diagnostic, file names relative to the scratch root.
std::vector<std::string> summary(const CheckRun& run, const Scratch& s) {
  std::vector<std::string> out;
  for (const auto& r : run.results)
    for (const auto& d : r.diagnostics) {
      std::string file = std::filesystem::path(r.source.path()).lexically_proximate(s.path("")).generic_string();
      out.push_back(file + ":" + std::to_string(r.source.position(d.span.begin).line) + " " + d.rule + " " +
                    std::string(severity_name(d.severity)));
    }
  return out;
}

std::vector<std::string> checked_files(const CheckRun& run, const Scratch& s) {
  std::vector<std::string> out;
  for (const auto& r : run.results)
    out.push_back(std::filesystem::path(r.source.path()).lexically_proximate(s.path("")).generic_string());
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("run: the pack named in .tally.yaml is used for files below it") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\n");
  s.write("a.md", kBad);
  auto run = run_check(opts_for({s.path("a.md")}));
  REQUIRE_MESSAGE(run.ok(), (run.ok() ? "" : run.error()));
  CHECK(summary(*run, s) == std::vector<std::string>{"a.md:1 double error"});
}

TEST_CASE("run: nested configs — the nearest one wins, and --config overrides them all") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\n");
  s.write("sub/.tally.yaml", "rules: [../pack.yaml]\nseverity: {double: warning}\n");
  s.write("sub/deeper/.tally.yaml", "rules: [../../pack.yaml]\ndisable: [double]\n");
  s.write("a.md", kBad);
  s.write("sub/b.md", kBad);
  s.write("sub/c/d.md", kBad);
  s.write("sub/deeper/e.md", kBad);
  auto run = run_check(opts_for({s.path("")}));
  REQUIRE_MESSAGE(run.ok(), (run.ok() ? "" : run.error()));
  CHECK(summary(*run, s) ==
        std::vector<std::string>{"a.md:1 double error", "sub/b.md:1 double warning", "sub/c/d.md:1 double warning"});
  CHECK(checked_files(*run, s).size() == 4);

  s.write("ci.yaml", "rules: [pack.yaml]\nseverity: {double: info}\n");
  auto o = opts_for({s.path("")});
  o.config_path = s.path("ci.yaml");
  auto forced = run_check(o);
  REQUIRE(forced.ok());
  CHECK(summary(*forced, s) == std::vector<std::string>{"a.md:1 double info", "sub/b.md:1 double info",
                                                        "sub/c/d.md:1 double info", "sub/deeper/e.md:1 double info"});
}

TEST_CASE("run: config errors stop the run with file:line:col") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write("sub/.tally.yaml", "rules: [../pack.yaml]\ndisable: [double, nosuch]\n");
  s.write("sub/a.md", kBad);
  auto run = run_check(opts_for({s.path("sub/a.md")}));
  REQUIRE_FALSE(run.ok());
  CHECK(run.error() == s.path("sub/.tally.yaml") + ":2:19: unknown rule 'nosuch'");

  s.write("sub/.tally.yaml", "disable: [double\n");
  auto syntax = run_check(opts_for({s.path("sub/a.md")}));
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.error().find(s.path("sub/.tally.yaml") + ":") == 0);

  auto o = opts_for({s.path("sub/a.md")});
  o.config_path = s.path("missing.yaml");
  auto missing = run_check(o);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("cannot open config file") != std::string::npos);
}

TEST_CASE("run: tally's own rule ids are valid in a config") {
  Scratch s;
  s.write(".tally.yaml", "disable: [unused-suppression]\nseverity: {suppression: error}\n");
  s.write("a.md", "<!-- tally-disable-next-line -->\n正文。\n");
  auto run = run_check(opts_for({s.path("a.md")}));
  REQUIRE_MESSAGE(run.ok(), (run.ok() ? "" : run.error()));
  CHECK(summary(*run, s) == std::vector<std::string>{"a.md:1 suppression error"});
}

TEST_CASE("run: include/exclude apply to walked files; named files obey only exclude") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\ninclude: ['reports/**']\nexclude: ['**/draft-*']\n");
  s.write("reports/2023/a.md", kBad);
  s.write("reports/draft-b.md", kBad);
  s.write("notes/c.md", kBad);
  s.write("notes/draft-d.md", kBad);
  auto run = run_check(opts_for({s.path("")}));
  REQUIRE(run.ok());
  CHECK(checked_files(*run, s) == std::vector<std::string>{"reports/2023/a.md"});
  auto named = run_check(opts_for({s.path("notes/c.md"), s.path("notes/draft-d.md")}));
  REQUIRE(named.ok());
  CHECK(checked_files(*named, s) == std::vector<std::string>{"notes/c.md"});
}

TEST_CASE("run: ignore entries switch rules off per file") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\nignore:\n  - path: 'legacy/*.md'\n    rules: [double]\n");
  s.write("legacy/a.md", kBad);
  s.write("b.md", kBad);
  auto run = run_check(opts_for({s.path("")}));
  REQUIRE(run.ok());
  CHECK(summary(*run, s) == std::vector<std::string>{"b.md:1 double error"});
}

TEST_CASE("run: inline and config suppressions; unused config entries become notes") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", R"(rules: [pack.yaml]
suppress:
  - rule: double
    line-contains: "甲 7 人"
  - rule: double
    line-contains: "甲 9 人"
  - rule: double
    line-contains: "甲 5 人"
    path: "elsewhere/*.md"
)");
  s.write("a.md", std::string("<!-- tally-disable-next-line double -->\n") + kBad + "甲 7 人，乙 3 人。\n" +
                      "<!-- tally-disable-next-line double -->\n" + kGood + kBad);
  auto run = run_check(opts_for({s.path("a.md")}));
  REQUIRE(run.ok());
  CHECK(summary(*run, s) == std::vector<std::string>{"a.md:4 unused-suppression info", "a.md:6 double error"});
  // The "甲 9 人" entry applied to a.md and hid nothing; the elsewhere/ one never applied.
  REQUIRE(run->notes.size() == 1);
  CHECK(run->notes[0] == s.path(".tally.yaml") + ":5:5: unused suppression: no 'double' finding on a line "
                                                 "containing '甲 9 人'");
}

TEST_CASE("run: baselines survive inserted lines, count duplicates and report stale entries") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\n");
  s.write("a.md", std::string(kBad) + kBad + "甲 7 人，乙 3 人。\n");
  auto w = opts_for({s.path("a.md")});
  w.write_baseline_path = s.path("baseline.json");
  auto written = run_check(w);
  REQUIRE(written.ok());
  CHECK(summary(*written, s).empty());
  REQUIRE(written->baseline);
  CHECK(written->baseline->matched == 3);
  std::string json = read(s.path("baseline.json"));
  CHECK(json.find("\"a.md\"") != std::string::npos);
  CHECK(json.find("\"count\": 2") != std::string::npos);

  // Lines inserted above, one 甲 5 fixed, the 甲 7 one changed, a new one added.
  s.write("a.md", std::string("新的一段。\n\n") + kBad + "甲 8 人，乙 4 人。\n甲 7 人，乙 4 人。\n甲 1 人，乙 1 人。\n");
  auto o = opts_for({s.path("a.md")});
  o.baseline_path = s.path("baseline.json");
  auto run = run_check(o);
  REQUIRE(run.ok());
  CHECK(summary(*run, s) == std::vector<std::string>{"a.md:5 double error", "a.md:6 double error"});
  REQUIRE(run->baseline);
  CHECK(run->baseline->matched == 1);
  CHECK(run->baseline->stale == 2);
  REQUIRE(run->notes.size() == 2);
  CHECK(run->notes[0].find("a.md: stale baseline entry") == 0);

  // Rewriting drops the stale entries and takes today's findings.
  auto again = opts_for({s.path("a.md")});
  again.baseline_path = s.path("baseline.json");
  again.write_baseline_path = s.path("baseline.json");
  REQUIRE(run_check(again).ok());
  auto after = run_check(o);
  REQUIRE(after.ok());
  CHECK(summary(*after, s).empty());
  CHECK(after->baseline->matched == 3);
  CHECK(after->baseline->stale == 0);
}

TEST_CASE("run: a missing or broken baseline is an error") {
  Scratch s;
  s.write("a.md", kGood);
  auto o = opts_for({s.path("a.md")});
  o.baseline_path = s.path("nope.json");
  CHECK_FALSE(run_check(o).ok());
  s.write("bad.json", "{\"version\": 1, \"files\": []}");
  o.baseline_path = s.path("bad.json");
  auto r = run_check(o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("bad.json") != std::string::npos);
}

TEST_CASE("run: -j gives the same results in the same order as -j1") {
  Scratch s;
  s.write("pack.yaml", cfgtest::kDoublePack);
  s.write(".tally.yaml", "rules: [pack.yaml]\n");
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int k = 0; k <= i % 5; ++k) text += (k % 2 ? kGood : kBad);
    std::string name = "f";  // built piecewise: GCC 12 warns (-Wrestrict) on "f" + std::to_string(…)
    name += std::to_string(100 + i);
    name += ".md";
    s.write(name, text);
  }
  auto one = opts_for({s.path("")});
  auto many = one;
  many.jobs = 8;
  auto a = run_check(one);
  auto b = run_check(many);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(checked_files(*a, s) == checked_files(*b, s));
  CHECK(summary(*a, s) == summary(*b, s));
  CHECK(summary(*a, s).size() == 8 * (1 + 1 + 2 + 2 + 3));
}
