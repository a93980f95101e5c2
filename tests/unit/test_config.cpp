#include <doctest/doctest.h>

#include "config/config.h"
#include "test_config_util.h"

using namespace tally;

namespace {

Config parse_ok(std::string_view text) {
  auto c = parse_config("/proj/.tally.yaml", text);
  REQUIRE_MESSAGE(c.ok(), (c.ok() ? "" : c.error()));
  return *c;
}

std::string parse_error(std::string_view text) {
  auto c = parse_config("/proj/.tally.yaml", text);
  REQUIRE_FALSE(c.ok());
  return c.error();
}

}  // namespace

TEST_CASE("config: an empty file is a valid, empty config") {
  Config c = parse_ok("");
  CHECK(c.dir == "/proj");
  CHECK(c.enable.empty());
  CHECK_FALSE(c.truncation_is_error);
  Config d = parse_ok("# only a comment\n");
  CHECK(d.suppress.empty());
}

TEST_CASE("config: every key is read") {
  Config c = parse_ok(R"(enable: [percent, sum]
disable:
  - growth
severity:
  sum: warning
  count: info
include: ["reports/**/*.md"]
exclude: ["**/draft-*.md"]
rounding: truncation-is-error
ignore:
  - path: "legacy/*.txt"
    rules: [percent]
suppress:
  - rule: sum
    line-contains: "合计 1200 人"
    path: "reports/*.md"
    reason: the source table is wrong, reported upstream
)");
  REQUIRE(c.enable.size() == 2);
  CHECK(c.enable[1].id == "sum");
  CHECK(c.enable[1].mark.line == 1);
  CHECK(c.enable[1].mark.column == 19);
  REQUIRE(c.disable.size() == 1);
  CHECK(c.disable[0].mark.line == 3);
  CHECK(c.disable[0].mark.column == 5);
  REQUIRE(c.severity.size() == 2);
  CHECK(c.severity[0].rule.id == "sum");
  CHECK(c.severity[0].severity == Severity::Warning);
  CHECK(c.severity[1].severity == Severity::Info);
  CHECK(c.include == std::vector<std::string>{"reports/**/*.md"});
  CHECK(c.exclude == std::vector<std::string>{"**/draft-*.md"});
  CHECK(c.truncation_is_error);
  REQUIRE(c.ignore.size() == 1);
  CHECK(c.ignore[0].path == "legacy/*.txt");
  CHECK(c.ignore[0].rules[0].id == "percent");
  REQUIRE(c.suppress.size() == 1);
  CHECK(c.suppress[0].rule.id == "sum");
  CHECK(c.suppress[0].line_contains == "合计 1200 人");
  CHECK(c.suppress[0].path == "reports/*.md");
  CHECK(c.suppress[0].reason.find("upstream") != std::string::npos);
  CHECK(c.suppress[0].mark.line == 14);
  CHECK(parse_ok("rounding: half-up\n").truncation_is_error == false);
}

TEST_CASE("config: unknown keys are reported at file:line:col") {
  CHECK(parse_error("disable: [a]\ndisabel: [b]\n") ==
        "/proj/.tally.yaml:2:1: unknown key 'disabel' — did you mean 'disable'? (expected one of: rules, enable, disable, severity, include, "
        "exclude, rounding, ignore, suppress, lang)");
  CHECK(parse_error("ignore:\n  - path: a\n    rule: [x]\n").find("/proj/.tally.yaml:3:5: unknown key 'rule'") == 0);
  CHECK(parse_error("suppress:\n  - rule: x\n    line-contains: y\n    why: z\n")
            .find("/proj/.tally.yaml:4:5: unknown key 'why'") == 0);
}

TEST_CASE("config: wrong types are reported at the value") {
  CHECK(parse_error("disable: percent\n") == "/proj/.tally.yaml:1:10: expected a list of rule ids, got a single value");
  CHECK(parse_error("severity: [a, b]\n").find("/proj/.tally.yaml:1:11: expected a mapping") == 0);
  CHECK(parse_error("enable:\n  - [a, b]\n") == "/proj/.tally.yaml:2:5: expected a rule id, got a list");
  CHECK(parse_error("- a\n- b\n").find("/proj/.tally.yaml:1:1: expected a mapping of settings") == 0);
  CHECK(parse_error("ignore: {path: a}\n").find("/proj/.tally.yaml:1:9: expected a list of ignore entries") == 0);
  CHECK(parse_error("suppress:\n  - sum\n").find("/proj/.tally.yaml:2:5: expected a suppress entry") == 0);
}

TEST_CASE("config: bad values are reported at the value") {
  CHECK(parse_error("severity:\n  sum: fatal\n") ==
        "/proj/.tally.yaml:2:8: severity must be error, warning or info, not 'fatal'");
  CHECK(parse_error("rounding: nearest\n") ==
        "/proj/.tally.yaml:1:11: rounding must be half-up or truncation-is-error, not 'nearest'");
  CHECK(parse_error("exclude: ['[a-z.md']\n") == "/proj/.tally.yaml:1:11: unclosed '[' in glob pattern: '[a-z.md'");
  CHECK(parse_error("suppress:\n  - rule: sum\n    line-contains: ''\n") ==
        "/proj/.tally.yaml:3:20: line-contains must not be empty");
  CHECK(parse_error("rules: [missing-pack.yaml]\n").find("/proj/.tally.yaml:1:9: rule pack 'missing-pack.yaml' not found") ==
        0);
}

TEST_CASE("config: missing required entry keys and duplicates") {
  CHECK(parse_error("ignore:\n  - path: a.md\n") == "/proj/.tally.yaml:2:5: an ignore entry needs 'rules:'");
  CHECK(parse_error("suppress:\n  - rule: sum\n") == "/proj/.tally.yaml:2:5: a suppress entry needs 'line-contains:'");
  CHECK(parse_error("disable: [a]\ndisable: [b]\n") == "/proj/.tally.yaml:2:1: duplicate key 'disable'");
}

TEST_CASE("config: every problem is reported, one per line") {
  std::string e = parse_error("rounding: x\nfoo: 1\nseverity:\n  a: loud\n");
  CHECK(e == "/proj/.tally.yaml:1:11: rounding must be half-up or truncation-is-error, not 'x'\n"
             "/proj/.tally.yaml:2:1: unknown key 'foo' (expected one of: rules, enable, disable, severity, include, "
             "exclude, rounding, ignore, suppress, lang)\n"
             "/proj/.tally.yaml:4:6: severity must be error, warning or info, not 'loud'");
}

TEST_CASE("config: YAML syntax errors carry their position") {
  std::string e = parse_error("disable: [a, b\nseverity:\n");
  CHECK(e.find("/proj/.tally.yaml:") == 0);
  CHECK(e.find("YAML syntax error") != std::string::npos);
  std::string e2 = parse_error("enable:\n  - a\n bad: [\n");
  CHECK(e2.find("/proj/.tally.yaml:3:") == 0);
}

TEST_CASE("config: unknown rule ids are reported where they are written") {
  Config c = parse_ok("disable: [percent, nosuch]\nseverity:\n  other: info\nsuppress:\n  - rule: sum\n    line-contains: x\n");
  auto bad = unknown_rule_ids(c, [](const std::string& id) { return id == "percent" || id == "sum"; });
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].message == "/proj/.tally.yaml:1:20: unknown rule 'nosuch'");
  CHECK(bad[1].message == "/proj/.tally.yaml:3:3: unknown rule 'other'");
}

TEST_CASE("config: rule pack paths are relative to the config file") {
  cfgtest::Scratch s;
  s.write("packs/extra.yaml", cfgtest::kDoublePack);
  std::string path = s.write("proj/.tally.yaml", "rules: [../packs/extra.yaml]\n");
  auto c = load_config(path);
  REQUIRE(c.ok());
  REQUIRE(c->rules.size() == 1);
  CHECK(c->rules[0] == s.path("packs/extra.yaml"));
}

TEST_CASE("config: include and exclude select walked files; named files only obey exclude") {
  Config c = parse_ok("include: ['reports/**']\nexclude: ['**/draft*']\n");
  CHECK(walked_file_selected(c, "reports/2023/a.md"));
  CHECK_FALSE(walked_file_selected(c, "notes/a.md"));
  CHECK_FALSE(walked_file_selected(c, "reports/draft1.md"));
  CHECK(named_file_selected(c, "notes/a.md"));
  CHECK_FALSE(named_file_selected(c, "notes/draft.md"));
  CHECK(config_relative(c, "/proj/reports/a.md") == "reports/a.md");
}

TEST_CASE("config: check options carry enable, disable, severity, rounding and matching ignores") {
  Config c = parse_ok(R"(enable: [percent, sum]
disable: [growth]
severity: {sum: warning}
rounding: truncation-is-error
ignore:
  - path: "legacy/**"
    rules: [count]
)");
  CheckOptions o = check_options_for(c, "legacy/old.txt");
  CHECK(o.only == std::set<std::string>{"percent", "sum"});
  CHECK(o.disabled == std::set<std::string>{"growth", "count"});
  CHECK(o.severity.at("sum") == Severity::Warning);
  CHECK(o.truncation_is_error);
  CHECK(check_options_for(c, "new.txt").disabled == std::set<std::string>{"growth"});
}

TEST_CASE("config: apply_check_options filters and re-grades diagnostics") {
  CheckOptions o;
  o.disabled = {"growth"};
  o.only = {"sum", "growth"};
  o.severity = {{"sum", Severity::Info}};
  std::vector<Diagnostic> d(4);
  d[0].rule = "sum";
  d[1].rule = "growth";
  d[2].rule = "percent";
  d[3].rule = "unused-suppression";
  apply_check_options(d, o, [](const std::string& id) { return id == "unused-suppression"; });
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "sum");
  CHECK(d[0].severity == Severity::Info);
  CHECK(d[1].rule == "unused-suppression");
}
