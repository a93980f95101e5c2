// The text and JSON renderers: the JSON contract (version 1, every field and
// its type, 1-based code-point columns) and the text layout (location line,
// source line, caret underline two columns wide per CJK character, notes,
// summary, colour only when asked).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "check_helpers.h"
#include "output/render.h"

using namespace tally;
using namespace tally::testing;
using nlohmann::json;

namespace {

// Line 2, by code point: 全1 市2 共3 有4 学5 校6 ␠7 2 8 4 9 ␠10 所11 ，12 其13 中14 公15 办16 ␠17
// 1 18 4 19 ␠20 所21 、22 民23 办24 ␠25 9 26 ␠27 所28 。29
const std::string kText =
    "学校概况\n"
    "全市共有学校 24 所，其中公办 14 所、民办 9 所。\n"
    "结束。\n";

Span find(const std::string& needle, int nth = 0) {
  size_t at = kText.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = kText.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

FileResult sample() {
  FileResult r;
  r.source = SourceText("reports/报告.txt", kText);
  Diagnostic sum;
  sum.rule = "sum";
  sum.severity = Severity::Error;
  sum.span = find("24");
  sum.message = "14 + 9 = 23, but the total says 24";
  sum.related = {{find("14"), "part 1 of 2: 14 (公办)"}, {find("9 所"), "part 2 of 2: 9 (民办)"}};
  sum.fix = Fix{find("24"), "23"};
  sum.notes = {"only you know which figure is wrong"};
  Diagnostic scope;
  scope.rule = "scope-word";
  scope.severity = Severity::Warning;
  scope.span = find("公办");
  scope.message = "公办 without a count";
  Diagnostic info;
  info.rule = "note-rule";
  info.severity = Severity::Info;
  info.span = find("9");
  info.message = "a single-digit count";
  r.diagnostics = {sum, scope, info};
  r.figures = 8;
  r.figures_checked = 6;
  return r;
}

const std::vector<RuleInfo> kNoRules;

json to_json(const std::vector<FileResult>& files, std::optional<BaselineSummary> baseline = std::nullopt) {
  RenderInput in{files, kNoRules, baseline};
  return json::parse(render_json(in, RenderOptions{}));
}

std::string to_text(const std::vector<FileResult>& files, bool color = false) {
  RenderInput in{files, kNoRules};
  RenderOptions o;
  o.color = color;
  return render_text(in, o);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("json: version, diagnostics and summary at the top level") {
  json j = to_json({sample()});
  REQUIRE(j.is_object());
  CHECK(j["version"].is_number_integer());
  CHECK(j["version"] == 1);
  REQUIRE(j["diagnostics"].is_array());
  CHECK(j["diagnostics"].size() == 3);
  const json& s = j["summary"];
  REQUIRE(s.is_object());
  CHECK(s["files"] == 1);
  CHECK(s["errors"] == 1);
  CHECK(s["warnings"] == 1);
  CHECK(s["infos"] == 1);
  CHECK(s["figures"] == 8);
  CHECK(s["figures_checked"] == 6);
  CHECK_FALSE(s.contains("baseline_matched"));
  for (const char* k : {"files", "errors", "warnings", "infos", "figures", "figures_checked"})
    CHECK(s[k].is_number_integer());
}

TEST_CASE("json: every field of a diagnostic, with code-point columns in CJK text") {
  json d = to_json({sample()})["diagnostics"][0];
  CHECK(d["file"] == "reports/报告.txt");
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 8);
  CHECK(d["end_line"] == 2);
  CHECK(d["end_column"] == 10);
  CHECK(d["rule"] == "sum");
  CHECK(d["severity"] == "error");
  CHECK(d["message"] == "14 + 9 = 23, but the total says 24");
  for (const char* k : {"line", "column", "end_line", "end_column"}) CHECK(d[k].is_number_integer());
  for (const char* k : {"file", "rule", "severity", "message"}) CHECK(d[k].is_string());
  REQUIRE(d["related"].is_array());
  REQUIRE(d["related"].size() == 2);
  const json& r0 = d["related"][0];
  CHECK(r0["file"] == "reports/报告.txt");
  CHECK(r0["line"] == 2);
  CHECK(r0["column"] == 18);
  CHECK(r0["end_line"] == 2);
  CHECK(r0["end_column"] == 20);
  CHECK(r0["message"] == "part 1 of 2: 14 (公办)");
  const json& r1 = d["related"][1];
  CHECK(r1["column"] == 26);
  CHECK(r1["end_column"] == 29);  // "9 所"
  REQUIRE(d["fix"].is_object());
  CHECK(d["fix"]["replacement"] == "23");
  CHECK(d["fix"]["line"] == 2);
  CHECK(d["fix"]["column"] == 8);
  CHECK(d["fix"]["end_line"] == 2);
  CHECK(d["fix"]["end_column"] == 10);
  REQUIRE(d["notes"].is_array());
  CHECK(d["notes"][0] == "only you know which figure is wrong");
  CHECK_FALSE(d.contains("locator"));  // plain text has no locators
}

TEST_CASE("json: fix is null and notes absent when there are none; CJK spans count code points") {
  json d = to_json({sample()})["diagnostics"][1];
  CHECK(d["severity"] == "warning");
  CHECK(d["column"] == 15);
  CHECK(d["end_column"] == 17);  // 公办: two code points, whatever their width or bytes
  CHECK(d["fix"].is_null());
  CHECK(d.contains("fix"));
  CHECK(d["related"].is_array());
  CHECK(d["related"].empty());
  CHECK_FALSE(d.contains("notes"));
  CHECK(to_json({sample()})["diagnostics"][2]["severity"] == "info");
}

TEST_CASE("json: spans that end a line, multi-line spans, locators, baseline, several files") {
  FileResult r;
  r.source = SourceText("a.txt", "第一行数字 12\n第二行 34 个\n");
  Diagnostic d;
  d.rule = "x";
  d.span = Span{static_cast<uint32_t>(r.source.text().find("12")), static_cast<uint32_t>(r.source.text().find("34") + 2)};
  d.message = "m";
  r.diagnostics = {d};
  r.source.line_locators = {"paragraph 1", "paragraph 2"};
  FileResult empty;
  empty.source = SourceText("b.txt", "");
  json j = to_json({r, empty}, BaselineSummary{3, 1});
  const json& x = j["diagnostics"][0];
  CHECK(x["file"] == "a.txt");
  CHECK(x["line"] == 1);
  CHECK(x["column"] == 7);
  CHECK(x["end_line"] == 2);
  CHECK(x["end_column"] == 7);
  CHECK(x["locator"] == "paragraph 1");
  CHECK(j["summary"]["files"] == 2);
  CHECK(j["summary"]["errors"] == 1);
  CHECK(j["summary"]["baseline_matched"] == 3);
  CHECK(j["summary"]["baseline_stale"] == 1);
}

TEST_CASE("json: a finding from the engine, positioned in CJK text") {
  std::string text = "学校概况。\n全市共有中等职业学校 24 所，其中公办学校 14 所、民办学校 9 所。\n";
  FileResult r = check_text(text, CheckOptions{{}, {"sum"}, {}, false});
  json j = to_json({r});
  REQUIRE(j["diagnostics"].size() == 1);
  const json& d = j["diagnostics"][0];
  CHECK(d["rule"] == "sum");
  CHECK(d["line"] == 2);
  CHECK(d["column"] == 12);  // after 全市共有中等职业学校 and a space
  CHECK(d["end_column"] == 14);
  CHECK(d["related"].size() == 2);
  CHECK(d["related"][0]["column"] == 24);
  CHECK(d["related"][1]["column"] == 34);
  CHECK(j["summary"]["errors"] == 1);
  CHECK(j["summary"]["figures"].get<int>() >= 3);
}

TEST_CASE("text: location, source line, caret and notes") {
  std::string out = to_text({sample()});
  auto l = lines_of(out);
  REQUIRE(l.size() >= 8);
  CHECK(l[0] == "reports/报告.txt:2:8: error[sum]: 14 + 9 = 23, but the total says 24");
  CHECK(l[1] == "  |");
  CHECK(l[2] == "2 | 全市共有学校 24 所，其中公办 14 所、民办 9 所。");
  // 全市共有学校 is 6 wide characters (12 columns) and a space: 13 columns before the caret.
  CHECK(l[3] == "  | " + std::string(13, ' ') + "^^");
  CHECK(l[4] == "  = note: reports/报告.txt:2:18: part 1 of 2: 14 (公办)");
  CHECK(l[5] == "  = note: reports/报告.txt:2:26: part 2 of 2: 9 (民办)");
  CHECK(l[6] == "  = help: replace with `23`");
  CHECK(l[7] == "  = help: only you know which figure is wrong");
  CHECK(l[8].empty());
}

TEST_CASE("text: the caret under CJK text is two columns per character") {
  auto l = lines_of(to_text({sample()}));
  REQUIRE(l.size() >= 14);
  CHECK(l[9] == "reports/报告.txt:2:15: warning[scope-word]: 公办 without a count");
  // before 公办: 全市共有学校(12) ␠(1) 24(2) ␠(1) 所(2) ，(2) 其中(4) = 24 columns
  CHECK(l[12] == "  | " + std::string(24, ' ') + "^^^^");
  CHECK(l[14] == "reports/报告.txt:2:26: info[note-rule]: a single-digit count");
}

TEST_CASE("text: summary line, singular and plural") {
  auto l = lines_of(to_text({sample()}));
  CHECK(l.back() == "1 file checked: 1 error, 1 warning, 1 info; 8 figures found, 6 (75%) checked by at least one rule");
  FileResult clean;
  clean.source = SourceText("c.txt", "无数字。\n");
  FileResult other = sample();
  other.diagnostics.push_back(other.diagnostics[0]);
  auto m = lines_of(to_text({clean, other}));
  CHECK(m.back() == "2 files checked: 2 errors, 1 warning, 1 info; 8 figures found, 6 (75%) checked by at least one rule");
  CHECK(lines_of(to_text({clean})).back() ==
        "1 file checked: 0 errors, 0 warnings, 0 infos; 0 figures found, 0 (0%) checked by at least one rule");
}

TEST_CASE("text: no ANSI colour unless asked") {
  std::string plain = to_text({sample()});
  CHECK(plain.find('\x1b') == std::string::npos);
  std::string coloured = to_text({sample()}, true);
  CHECK(contains(coloured, "\x1b[1;31merror[sum]\x1b[0m"));
  CHECK(contains(coloured, "\x1b[1;33mwarning[scope-word]\x1b[0m"));
}

TEST_CASE("text: locators, tabs and long lines") {
  FileResult r;
  // 40 字, a tab, the figure, 40 文: the snippet shows 30 code points either side
  std::string line;
  for (int i = 0; i < 40; ++i) line += "字";
  line += "\t77 个";
  for (int i = 0; i < 40; ++i) line += "文";
  r.source = SourceText("long.txt", line + "\n");
  r.source.line_locators = {"page 3, line 7"};
  Diagnostic d;
  d.rule = "x";
  size_t at = line.find("77");
  d.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 2)};
  d.message = "m";
  r.diagnostics = {d};
  auto l = lines_of(to_text({r}));
  CHECK(l[0] == "long.txt:1:42 (page 3, line 7): error[x]: m");
  // 30 code points before the figure: 29 字 and the tab (shown as four spaces); 30 after: " 个" and 28 文
  std::string shown = "…";
  for (int i = 0; i < 29; ++i) shown += "字";
  shown += "    77 个";
  for (int i = 0; i < 28; ++i) shown += "文";
  shown += "…";
  CHECK(l[2] == "1 | " + shown);
  // … is one column, 29 字 are 58, the tab 4
  CHECK(l[3] == "  | " + std::string(1 + 58 + 4, ' ') + "^^");
}

TEST_CASE("text: coverage lists the unchecked figures; baseline adds a line") {
  FileResult r = sample();
  r.unchecked = {find("14")};
  std::vector<FileResult> files = {r};
  RenderInput in{files, kNoRules};
  RenderOptions cov;
  cov.coverage = true;
  CHECK(contains(render_text(in, cov), "reports/报告.txt:2:18: unchecked figure `14`\n"));
  CHECK_FALSE(contains(render_text(in, RenderOptions{}), "unchecked figure"));
  RenderInput with_baseline{files, kNoRules, BaselineSummary{1, 2}};
  CHECK(lines_of(render_text(with_baseline, RenderOptions{})).back() == "baseline: 1 finding matched (not shown), 2 stale");
}
