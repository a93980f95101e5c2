// Rule packs: every way a pack can be broken is reported as
// "file:line:col: message" pointing at the offending YAML, and a valid user
// pack with a pattern rule works end to end.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "check_helpers.h"
#include "rules/example_runner.h"
#include "rules/pack.h"

using namespace tally;
using namespace tally::testing;

namespace {

// A valid pack with one pattern rule; kRule is lines 4–16.
const std::vector<std::string> kHead = {
    "pack: user",                          // 1
    "description: a user's own checks",    // 2
    "rules:",                              // 3
};
const std::vector<std::string> kRule = {
    "  - id: training-share",                                   // 4
    "    kind: pattern",                                        // 5
    "    severity: warning",                                    // 6
    "    summary: 实训经费占比 equals 实训经费 ÷ 总经费",       // 7
    "    pattern: '总经费\\s*{num:total}\\s*万元[^。]*?实训经费\\s*{num:part}\\s*万元，占比\\s*{pct:share}'",  // 8
    "    assert: approx(part / total * 100, share)",            // 9
    "    explanation: |",                                       // 10
    "      Training money as a share of the budget.",           // 11
    "    examples:",                                            // 12
    "      flag:",                                              // 13
    "        - \"学校总经费 800 万元，其中实训经费 200 万元，占比 30%。\"",  // 14
    "      pass:",                                              // 15
    "        - \"学校总经费 800 万元，其中实训经费 200 万元，占比 25%。\"",  // 16
};

// The pack with some lines (1-based) replaced; std::nullopt removes a line.
std::string pack(const std::map<int, std::optional<std::string>>& edits = {}, int rules = 1) {
  std::vector<std::string> lines = kHead;
  for (int i = 0; i < rules; ++i) lines.insert(lines.end(), kRule.begin(), kRule.end());
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    auto e = edits.find(static_cast<int>(i) + 1);
    if (e == edits.end()) out += lines[i] + "\n";
    else if (e->second) out += *e->second + "\n";
  }
  return out;
}

std::string pack_error(const std::string& yaml) {
  auto p = parse_pack(PackSource{"user.yaml", yaml});
  REQUIRE_FALSE(p.ok());
  return p.error();
}

std::shared_ptr<const Engine> engine_with(const std::string& yaml) {
  EngineOptions o;
  o.extra_packs.push_back({"user.yaml", yaml});
  auto e = Engine::create(o);
  REQUIRE_MESSAGE(e.ok(), (e.ok() ? std::string() : e.error()));
  return *e;
}

const char* kFlag = "学校总经费 800 万元，其中实训经费 200 万元，占比 30%。";
const char* kPass = "学校总经费 800 万元，其中实训经费 200 万元，占比 25%。";

}  // namespace

TEST_CASE("packs: the user pack used below is valid") {
  auto p = parse_pack(PackSource{"user.yaml", pack()});
  REQUIRE_MESSAGE(p.ok(), (p.ok() ? std::string() : p.error()));
  CHECK(p->name == "user");
  REQUIRE(p->rules.size() == 1);
  const Rule& r = p->rules[0];
  CHECK(r.info.id == "training-share");
  CHECK(r.info.kind == "pattern");
  CHECK(r.info.pack == "user");
  CHECK(r.info.severity == Severity::Warning);
  CHECK(r.info.flag_examples.size() == 1);
  CHECK(r.info.pass_examples.size() == 1);
  REQUIRE(r.pattern);
  CHECK(r.pattern->captures == std::vector<std::string>{"total", "part", "share"});
}

TEST_CASE("packs: YAML syntax errors carry the parser's position") {
  std::string err = pack_error(pack({{9, "    assert: [unclosed"}}));
  CHECK(starts_with(err, "user.yaml:"));
  CHECK(contains(err, "end of sequence flow not found"));
  CHECK(pack_error("pack: user\n  bad: indentation\n") == "user.yaml:2:6: illegal map value");
}

TEST_CASE("packs: unknown keys are named, located, and the allowed keys listed") {
  std::string err = pack_error(pack({{6, "    severty: warning"}}));
  CHECK(contains(err, "\nuser.yaml:6:5: unknown key 'severty' in a rule (expected one of:"));
  CHECK(contains(err, "severity"));
  CHECK(starts_with(pack_error("pack: user\nlanguage: zh\nauthor: me\n"),
                    "user.yaml:3:1: unknown key 'author' in a rule pack"));
  CHECK(starts_with(pack_error("pack: user\nvocabulary:\n  words:\n    bogus_list: [a]\n"),
                    "user.yaml:4:5: unknown word list 'bogus_list'"));
  CHECK(starts_with(pack_error(pack({{13, "      flags:"}})), "user.yaml:13:7: unknown key 'flags' in examples"));
}

TEST_CASE("packs: values of the wrong type") {
  CHECK(starts_with(pack_error("pack: user\nrules: {a: 1}\n"), "user.yaml:2:8: rules must be a list"));
  CHECK(starts_with(pack_error(pack({{7, "    summary: [a, b]"}})), "user.yaml:7:14: summary must be a string"));
  CHECK(starts_with(pack_error(pack({{6, "    severity: fatal"}})),
                    "user.yaml:6:15: severity must be error, warning or info"));
  CHECK(starts_with(pack_error("pack: user\nvocabulary:\n  units:\n    - {word: pcs, dimension: items, counter: maybe}\n"),
                    "user.yaml:4:46: counter must be true or false"));
  CHECK(starts_with(pack_error("pack: user\nvocabulary:\n  multipliers: {k: 1.5}\n"),
                    "user.yaml:3:20: a multiplier must be a whole number"));
  CHECK(starts_with(pack_error(pack({{14, "        - [not, a, string]"}})), "user.yaml:14:11: flag must be a string"));
  CHECK(starts_with(pack_error(pack({{5, "    kind: sum"}, {6, "    severity: warning\n    params: [1, 2]"}, {8, std::nullopt}, {9, std::nullopt}})),
                    "user.yaml:7:13: params must be a mapping"));
  CHECK(starts_with(pack_error(pack({{6, "    severity: warning\n    tolerance: 0.01"}})),
                    "user.yaml:7:16: tolerance must be 'printed'"));
}

TEST_CASE("packs: missing fields") {
  CHECK(starts_with(pack_error(pack({{7, std::nullopt}})), "user.yaml:4:5: rule is missing the required key 'summary'"));
  CHECK(starts_with(pack_error(pack({{5, std::nullopt}})), "user.yaml:4:5: rule is missing the required key 'kind'"));
  CHECK(starts_with(pack_error(pack({{9, std::nullopt}})), "user.yaml:4:5: a pattern rule needs 'pattern' and 'assert'"));
  CHECK(starts_with(pack_error("description: no name\n"), "user.yaml:1:1: a rule pack needs a 'pack' name"));
  CHECK(starts_with(pack_error(""), "user.yaml:1:1: empty rule pack"));
  CHECK(starts_with(pack_error("pack: user\nvocabulary:\n  units:\n    - {word: pcs}\n"),
                    "user.yaml:4:7: a unit needs 'word' and 'dimension'"));
}

TEST_CASE("packs: a rule needs examples it must flag and examples it must pass") {
  std::map<int, std::optional<std::string>> no_examples;
  for (int l = 12; l <= 16; ++l) no_examples[l] = std::nullopt;
  CHECK(starts_with(pack_error(pack(no_examples)), "user.yaml:4:5: rule is missing the required key 'examples'"));
  CHECK(starts_with(pack_error(pack({{15, std::nullopt}, {16, std::nullopt}})),
                    "user.yaml:13:7: examples need both 'flag' and 'pass' lists"));
  CHECK(starts_with(pack_error(pack({{13, std::nullopt}, {14, std::nullopt}})),
                    "user.yaml:13:7: examples need both 'flag' and 'pass' lists"));
  CHECK(starts_with(pack_error(pack({{13, "      flag: []"}, {14, std::nullopt}})),
                    "user.yaml:13:13: a rule needs at least one example it must flag"));
  CHECK(starts_with(pack_error(pack({{15, "      pass: []"}, {16, std::nullopt}})),
                    "user.yaml:15:13: a rule needs at least one example it must leave alone"));
}

TEST_CASE("packs: an invalid RE2 pattern reports RE2's own error, quoting what the user wrote") {
  std::string err = pack_error(pack({{8, "    pattern: 'x{num:total} (y {num:part} {pct:share}'"}}));
  CHECK(starts_with(err, "user.yaml:8:14: invalid RE2 pattern: "));
  CHECK(contains(err, "missing )"));
  // The macros stay as written: not the figure pattern they expand to.
  CHECK(contains(err, "(y {num:part} {pct:share}"));
  CHECK_FALSE(contains(err, "?P<"));
  err = pack_error(pack({{8, "    pattern: '{num:total}[a-{num:part}{pct:share}'"}}));
  CHECK(contains(err, "invalid character class range: a-{num:part}"));
  std::string bad_name = pack_error(pack({{8, "    pattern: '{num:to-tal}'"}}));
  CHECK(starts_with(bad_name, "user.yaml:8:14: bad capture name 'to-tal' in pattern"));
}

TEST_CASE("packs: a bad assert is reported at the assert") {
  CHECK(starts_with(pack_error(pack({{9, "    assert: approx(part / totl * 100, share)"}})),
                    "user.yaml:9:13: bad assert: unknown name 'totl' (not a capture of the pattern)"));
  CHECK(starts_with(pack_error(pack({{9, "    assert: part / total *"}})), "user.yaml:9:13: bad assert: unexpected end"));
  CHECK(starts_with(pack_error(pack({{9, "    assert: median(part, total) > 1"}})),
                    "user.yaml:9:13: bad assert: unknown function 'median'"));
}

TEST_CASE("packs: an unknown check kind lists the kinds there are") {
  std::string err = pack_error(pack({{5, "    kind: summ"}}));
  CHECK(starts_with(err, "user.yaml:5:11: unknown check kind 'summ' (expected one of: "));
  for (const char* k : {"sum", "subset", "percent", "ratio-sum", "count", "consistent", "pattern", "table-rows", "order"})
    CHECK(contains(err, k));
  // pattern and assert belong to pattern rules only
  CHECK(starts_with(pack_error(pack({{5, "    kind: sum"}})),
                    "user.yaml:4:5: 'pattern' and 'assert' belong to rules of kind 'pattern'"));
}

TEST_CASE("packs: duplicate rule ids, in one pack and across packs") {
  CHECK(starts_with(pack_error(pack({}, 2)), "user.yaml:17:9: duplicate rule id 'training-share'"));
  EngineOptions o;
  o.extra_packs.push_back({"mine.yaml", pack({{4, "  - id: sum"}})});
  auto e = Engine::create(o);
  REQUIRE_FALSE(e.ok());
  CHECK(e.error() == "mine.yaml: rule id 'sum' is already defined by pack 'core'");
}

TEST_CASE("packs: a broken pack reports every error in one run, each at its place") {
  // Three independent mistakes: an unknown key, a bad severity in a second rule, a unit without a dimension.
  std::string yaml = pack({{6, "    severty: warning"}}, 2);
  yaml.replace(yaml.rfind("severity: warning"), 17, "severity: fatal");
  yaml += "vocabulary:\n  units:\n    - {word: pcs}\n    - {word: box, dimension: items, counter: maybe}\n";
  std::string err = pack_error(yaml);
  std::vector<std::string> lines;
  for (size_t at = 0, nl; at < err.size(); at = nl + 1) {
    nl = err.find('\n', at);
    if (nl == std::string::npos) nl = err.size();
    lines.push_back(err.substr(at, nl - at));
  }
  REQUIRE(lines.size() == 5);
  // In the order of the file.
  CHECK(starts_with(lines[0], "user.yaml:4:5: rule is missing the required key 'severity'"));
  CHECK(starts_with(lines[1], "user.yaml:6:5: unknown key 'severty' in a rule"));
  CHECK(starts_with(lines[2], "user.yaml:19:15: severity must be error, warning or info"));
  CHECK(starts_with(lines[3], "user.yaml:32:7: a unit needs 'word' and 'dimension'"));
  CHECK(starts_with(lines[4], "user.yaml:33:46: counter must be true or false"));
  // Two broken packs: both are reported.
  EngineOptions o;
  o.extra_packs.push_back({"a.yaml", pack({{5, "    kind: summ"}})});
  o.extra_packs.push_back({"b.yaml", "pack: b\nauthor: me\n"});
  auto e = Engine::create(o);
  REQUIRE_FALSE(e.ok());
  CHECK(contains(e.error(), "a.yaml:5:11: unknown check kind 'summ'"));
  CHECK(contains(e.error(), "\nb.yaml:2:1: unknown key 'author' in a rule pack"));
}

TEST_CASE("packs: Engine::create passes pack errors through") {
  EngineOptions o;
  o.extra_packs.push_back({"broken.yaml", pack({{5, "    kind: summ"}})});
  auto e = Engine::create(o);
  REQUIRE_FALSE(e.ok());
  CHECK(starts_with(e.error(), "broken.yaml:5:11: unknown check kind 'summ'"));
  EngineOptions missing;
  missing.pack_paths.push_back("/nonexistent/tally-pack.yaml");
  auto m = Engine::create(missing);
  REQUIRE_FALSE(m.ok());
  CHECK(contains(m.error(), "/nonexistent/tally-pack.yaml: cannot read rule pack"));
}

TEST_CASE("packs: a valid user pattern rule works end to end") {
  auto engine = engine_with(pack());
  REQUIRE(engine->find_rule("training-share"));
  CHECK(engine->find_rule("training-share")->pack == "user");
  CHECK(engine->find_rule("sum"));  // the default packs are still there
  CheckOptions only;
  only.only = {"training-share"};
  std::string flag = kFlag;
  FileResult r = engine->check(SourceText("t.txt", flag), only);
  Diagnostic d = only_one(r.diagnostics);
  CHECK(d.rule == "training-share");
  CHECK(d.severity == Severity::Warning);
  CHECK(span_text(flag, d.span) == "800");  // the first capture
  CHECK(related_texts(flag, d) == std::vector<std::string>{"200", "30%"});
  CHECK(related_roles(d) == std::vector<std::string>{"captured figure", "captured figure"});
  CHECK(contains(d.message, "实训经费占比 equals 实训经费 ÷ 总经费"));
  CHECK(contains(d.message, "does not hold"));
  CHECK(engine->check(SourceText("t.txt", kPass), only).diagnostics.empty());
  // The assertion tolerates rounding: 200 ÷ 800 = 25%, and 25.0% is as good.
  CHECK(engine->check(SourceText("t.txt", "学校总经费 800 万元，其中实训经费 200 万元，占比 25.0%。"), only).diagnostics.empty());
  // severity overrides and disabling apply to user rules too
  CheckOptions err = only;
  err.severity["training-share"] = Severity::Error;
  CHECK(only_one(engine->check(SourceText("t.txt", flag), err).diagnostics).severity == Severity::Error);
  CheckOptions off = only;
  off.disabled = {"training-share"};
  CHECK(engine->check(SourceText("t.txt", flag), off).diagnostics.empty());
}

TEST_CASE("packs: a user rule's message template wraps the detail") {
  auto engine = engine_with(pack({{6, "    severity: warning\n    message: '经费占比不符：{detail}'"}}));
  CheckOptions only;
  only.only = {"training-share"};
  Diagnostic d = only_one(engine->check(SourceText("t.txt", kFlag), only).diagnostics);
  CHECK(starts_with(d.message, "经费占比不符：`实训经费占比"));
}

TEST_CASE("packs: a pattern rule's message names its captures and computed values") {
  auto engine = engine_with(pack({{6, "    severity: warning\n    message: '实训经费占比应为 {part} ÷ {total} = {= part / total * 100}%，而非 {share}'"}}));
  CheckOptions only;
  only.only = {"training-share"};
  Diagnostic d = only_one(engine->check(SourceText("t.txt", kFlag), only).diagnostics);
  CHECK(d.message == "实训经费占比应为 200 ÷ 800 = 25.00%，而非 30%");
  // Other figures, the same template.
  d = only_one(engine->check(SourceText("t.txt", "学校总经费 640 万元，其中实训经费 96 万元，占比 12%。"), only).diagnostics);
  CHECK(d.message == "实训经费占比应为 96 ÷ 640 = 15.00%，而非 12%");
  // {detail} still works next to them.
  engine = engine_with(pack({{6, "    severity: warning\n    message: '{detail}（{share}）'"}}));
  d = only_one(engine->check(SourceText("t.txt", kFlag), only).diagnostics);
  CHECK(contains(d.message, "（30%）"));
  // A name that is not a capture, or an expression that does not parse, is refused when the pack loads.
  CHECK(starts_with(pack_error(pack({{6, "    severity: warning\n    message: '{parts} is wrong'"}})),
                    "user.yaml:7:14: unknown name '{parts}' in message (use {detail}, a capture of the pattern: "
                    "total, part, share, or {= expression})"));
  CHECK(starts_with(pack_error(pack({{6, "    severity: warning\n    message: 'x {= part / }'"}})),
                    "user.yaml:7:14: bad expression in message '{= part / }': unexpected end"));
  CHECK(starts_with(pack_error(pack({{6, "    severity: warning\n    message: 'x {= part / totl}'"}})),
                    "user.yaml:7:14: bad expression in message '{= part / totl}': unknown name 'totl'"));
}

TEST_CASE("packs: macro captures keep their figures among the user's own groups, escapes and classes") {
  // Macros become plain groups numbered by the loader; the groups before them must be counted as RE2
  // counts them: (x) and (?P<u>x) open one, (?:x), \( , [(] and \Q(\E do not.
  CheckOptions only;
  only.only = {"training-share"};
  auto engine = engine_with(pack({{8, "    pattern: '(甲)\\(注\\)[(（]?\\Q(x)\\E(?:乙)(?P<u>丙)?\\s*{num:a}[^。]*?(丁)\\s*{num:b}'"},
                                  {9, "    assert: a < b"}}));
  std::string flag = "甲(注)(x)乙丙 30 然后丁 20。";
  Diagnostic d = only_one(engine->check(SourceText("t.txt", flag), only).diagnostics);
  CHECK(span_text(flag, d.span) == "30");
  CHECK(related_texts(flag, d) == std::vector<std::string>{"20"});
  CHECK(engine->check(SourceText("t.txt", "甲(注)(x)乙丙 20 然后丁 30。"), only).diagnostics.empty());
  // Another order of the same pieces: the user's named group after the macros is a capture too.
  engine = engine_with(pack({{8, "    pattern: '[(]{num:a}[)] 和 {num:b} (?P<c>[0-9]+)'"}, {9, "    assert: a + b == c"}}));
  CHECK(engine->check(SourceText("t.txt", "(3) 和 4 7"), only).diagnostics.empty());
  CHECK(only_one(engine->check(SourceText("t.txt", "(3) 和 4 8"), only).diagnostics).rule == "training-share");
  // A name used twice is refused, whether by two macros or by a macro and the user's own group.
  CHECK(starts_with(pack_error(pack({{8, "    pattern: '{num:a} {num:a}'"}, {9, "    assert: a > 0"}})),
                    "user.yaml:8:14: capture name 'a' used twice in pattern"));
  CHECK(starts_with(pack_error(pack({{8, "    pattern: '(?P<a>x) {num:a}'"}, {9, "    assert: a > 0"}})),
                    "user.yaml:8:14: capture name 'a' used twice in pattern"));
}

TEST_CASE("packs: assertions past 128 bits are checked exactly; a figure too long to read is reported") {
  CheckOptions only;
  only.only = {"training-share"};
  const char* big = "甲 123456789012345 乙 123456789012345 丙 123456789012345。";
  auto with_assert = [](const char* assertion) {
    return engine_with(pack({{8, "    pattern: '甲 {num:a} 乙 {num:b} 丙 {num:c}'"}, {9, assertion}}));
  };
  // The product of three 15-digit figures is past what 128-bit integers hold; it is computed exactly
  // all the same (it was skipped with a warning before).
  Diagnostic d = only_one(with_assert("    assert: a * b * c < 0")->check(SourceText("t.txt", big), only).diagnostics);
  CHECK(d.rule == "training-share");
  CHECK_FALSE(contains(d.message, "was not checked"));
  CHECK(with_assert("    assert: a * b * c > 0")->check(SourceText("t.txt", big), only).diagnostics.empty());
  CHECK(with_assert("    assert: a * b * c / b == a * c")->check(SourceText("t.txt", big), only).diagnostics.empty());
  // One unit in 10^45 is still a difference: no floating point rounds it away.
  CHECK(with_assert("    assert: a * b * c + 1 == a * b * c")->check(SourceText("t.txt", big), only).diagnostics.size() == 1);
  // A figure with more significant digits than Rational::kMaxDigits is not read as a value: the
  // assertion over it is reported as not checked, never passed silently.
  const char* too_long = "甲 1234567890123456789012345678901234 乙 1 丙 1。";
  auto engine = with_assert("    assert: a + b + c > 0");
  d = only_one(engine->check(SourceText("t.txt", too_long), only).diagnostics);
  CHECK(d.severity == Severity::Warning);
  CHECK(contains(d.message, "was not checked"));
  only.lang = Lang::Zh;
  CHECK(contains(only_one(engine->check(SourceText("t.txt", too_long), only).diagnostics).message, "未能核对"));
}

TEST_CASE("packs: the examples of the default and the user packs hold") {
  auto engine = engine_with(pack());
  ExampleReport rep = run_rule_examples(*engine);
  std::string all;
  for (const auto& f : rep.failures) all += f + "\n";
  CHECK_MESSAGE(rep.failures.empty(), all);
  CHECK(rep.passed >= 2 * static_cast<int>(engine->rules().size()));
  // a user rule whose flag example is not flagged is reported by the runner
  auto wrong = engine_with(pack({{14, "        - \"学校总经费 800 万元，其中实训经费 200 万元，占比 25%。\""}}));
  ExampleReport bad = run_rule_examples(*wrong);
  REQUIRE(bad.failures.size() == 1);
  CHECK(contains(bad.failures[0], "training-share"));
}

TEST_CASE("packs: a user vocabulary pack extends what the checks understand") {
  // 幅 is not a unit of the default packs, so the count rule cannot read "3 幅".
  std::string t = "学生创作 3 幅作品，分别是《春》、《夏》。";
  CHECK(run_rule("count", t).empty());
  auto engine = engine_with("pack: works\nlanguage: zh\nvocabulary:\n  units:\n    - {word: 幅, dimension: works, counter: true}\n");
  CheckOptions only;
  only.only = {"count"};
  Diagnostic d = only_one(engine->check(SourceText("t.txt", t), only).diagnostics);
  CHECK(span_text(t, d.span) == "3");
  CHECK(d.message == "the text says 3 幅 but names 2 items");
}

TEST_CASE("packs: a folder of packs is read in name order; an empty folder is an error") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("tally-packs-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "b.yaml") << pack();
  std::ofstream(dir / "a.yml") << "pack: extra\nvocabulary:\n  units:\n    - {word: 幅, dimension: works, counter: true}\n";
  std::ofstream(dir / "notes.txt") << "not a pack";
  auto sources = read_pack_sources(dir.string());
  REQUIRE(sources.ok());
  REQUIRE(sources->size() == 2);
  CHECK(fs::path((*sources)[0].name).filename() == "a.yml");
  CHECK(fs::path((*sources)[1].name).filename() == "b.yaml");
  EngineOptions o;
  o.pack_paths.push_back(dir.string());
  auto e = Engine::create(o);
  REQUIRE_MESSAGE(e.ok(), (e.ok() ? std::string() : e.error()));
  CHECK((*e)->find_rule("training-share"));
  // a broken pack in the folder names its own file
  std::ofstream(dir / "c.yaml") << pack({{5, "    kind: summ"}});
  auto broken = Engine::create(o);
  REQUIRE_FALSE(broken.ok());
  CHECK(contains(broken.error(), "c.yaml:5:11: unknown check kind 'summ'"));
  fs::path empty = dir / "empty";
  fs::create_directories(empty);
  auto none = read_pack_sources(empty.string());
  REQUIRE_FALSE(none.ok());
  CHECK(contains(none.error(), "no *.yaml rule packs in this folder"));
  fs::remove_all(dir);
}

namespace {

// A rule of `kind` with the given params block (lines 10 on).
std::string params_pack(const std::string& kind, const std::string& params) {
  return "pack: user\n"                       // 1
         "rules:\n"                           // 2
         "  - id: r\n"                        // 3
         "    kind: " + kind + "\n"           // 4
         "    severity: error\n"              // 5
         "    summary: s\n"                   // 6
         "    explanation: e\n"               // 7
         "    examples: {flag: [a], pass: [b]}\n"  // 8
         "    params:\n"                      // 9
         + params;
}

}  // namespace

TEST_CASE("packs: params are checked against each kind's shape at load time") {
  CHECK(parse_pack(PackSource{"user.yaml", params_pack("order", "      pairs: [[a, b], [b, c]]\n")}).ok());
  CHECK(parse_pack(PackSource{"user.yaml", params_pack("percent-range", "      bounded: [占, 率]\n      unbounded: []\n")}).ok());
  CHECK(pack_error(params_pack("order", "      pairs:\n        - [a, b]\n        - [[a, b], c]\n")) ==
        "user.yaml:12:12: a metric id in params.pairs must be a string");
  CHECK(pack_error(params_pack("order", "      pairs: [[a, b, c]]\n")) ==
        "user.yaml:10:15: each entry of params.pairs must be a list of two metric ids");
  CHECK(pack_error(params_pack("order", "      pairs: {a: b}\n")) ==
        "user.yaml:10:14: params.pairs must be a list of [smaller, larger] pairs");
  CHECK(pack_error(params_pack("percent-range", "      bounded: [满意度, {a: b}]\n")) ==
        "user.yaml:10:28: params.bounded must be a list of strings (found a nested list or mapping)");
  CHECK(pack_error(params_pack("percent-range", "      bounded: 满意度\n")) ==
        "user.yaml:10:16: params.bounded must be a list of strings");
  CHECK(starts_with(pack_error(params_pack("percent-range", "      bonded: [a]\n")),
                    "user.yaml:10:7: unknown key 'bonded' in params (kind 'percent-range' takes: bounded, unbounded)"));
  CHECK(starts_with(pack_error(params_pack("sum", "      x: [a]\n")),
                    "user.yaml:10:7: unknown key 'x' in params: rules of kind 'sum' take no params"));
  CHECK(starts_with(pack_error(params_pack("order", "      [a]: [b]\n")), "user.yaml:10:7: a key in params must be a string"));
}

TEST_CASE("packs: a pattern's capture groups and size are capped") {
  std::string groups;
  for (int i = 0; i < 5000; ++i) groups += "(a)";
  std::string err = pack_error(pack({{8, "    pattern: '" + groups + "{num:total}{num:part}{pct:share}'"}}));
  CHECK(starts_with(err, "user.yaml:8:14: pattern has 5003 capture groups; the limit is 32"));
  err = pack_error(pack({{8, "    pattern: '" + std::string(20000, 'a') + "'"}}));
  CHECK(starts_with(err, "user.yaml:8:14: pattern too long"));
}

TEST_CASE("packs: deep nesting is a located error, not a crash") {
  std::string err = pack_error("pack: user\nrules: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  CHECK(contains(err, "YAML nested too deeply"));
  CHECK(starts_with(err, "user.yaml:2:"));
  std::string deep_assert = std::string(10000, '(') + "total" + std::string(10000, ')') + " > 0";
  err = pack_error(pack({{9, "    assert: '" + deep_assert + "'"}}));
  CHECK(starts_with(err, "user.yaml:9:13: bad assert: expression nested too deeply"));
}

TEST_CASE("packs: a formula in a user pack's vocabulary is checked by the formula rule") {
  // An indicator no default pack defines: 建成区绿化覆盖率 = 绿化覆盖面积 ÷ 建成区面积.
  auto engine = engine_with(
      "pack: user\n"
      "vocabulary:\n"
      "  formulas:\n"
      "    - {names: [绿化覆盖率], of: [绿化覆盖面积], per: [建成区面积]}\n");
  CheckOptions only;
  only.only = {"formula"};
  std::string flag = "城区建成区面积 48.6 平方公里，绿化覆盖面积 19.5 平方公里，建成区绿化覆盖率 41.1%。";
  Diagnostic d = only_one(engine->check(SourceText("t.txt", flag), only).diagnostics);
  CHECK(span_text(flag, d.span) == "41.1%");
  CHECK(related_texts(flag, d) == std::vector<std::string>{"19.5", "48.6"});
  CHECK(contains(d.message, "40.12"));  // 19.5 ÷ 48.6 = 40.123…%
  CHECK(engine->check(SourceText("t.txt", "城区建成区面积 48.6 平方公里，绿化覆盖面积 19.5 平方公里，建成区绿化覆盖率 40.1%。"), only)
            .diagnostics.empty());
  CHECK(starts_with(pack_error("pack: user\nvocabulary:\n  formulas:\n    - {names: [绿化覆盖率], of: [绿化覆盖面积]}\n"),
                    "user.yaml:4:7: a formula needs 'names', 'of' and 'per'"));
}
