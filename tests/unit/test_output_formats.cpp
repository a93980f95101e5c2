// The CI and author formats (sarif, rdjson, github, html) on hand-made results,
// so they are tested before the engine reports anything.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "load/text_builder.h"
#include "output/fingerprint.h"
#include "output/format.h"
#include "output/html_util.h"
#include "output/paths.h"
#include "output/render.h"

using namespace tally;
using nlohmann::json;

namespace {

// An invented report: line 2's total is wrong (700 + 600 = 1300), line 3's share is off.
const char* kReport =
    "学校共有学生1200人。\n"
    "其中男生700人，女生600人，合计1200人。\n"
    "男生占比58.3%。\n";

// Byte span of the nth occurrence of needle.
Span find(const std::string& text, const std::string& needle, int nth = 0) {
  size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

Diagnostic sum_diag(const std::string& text) {
  Diagnostic d;
  d.rule = "sum";
  d.severity = Severity::Error;
  d.span = find(text, "1200人", 1);
  d.message = "parts add up to 1300, not 1200";
  d.related = {{find(text, "700人"), "part 1 of 2: 700人"}, {find(text, "600人"), "part 2 of 2: 600人"}};
  Span digits = find(text, "1200", 1);
  d.fix = Fix{digits, "1300"};
  d.notes = {"check which part or total is mistyped"};
  return d;
}

Diagnostic percent_diag(const std::string& text) {
  Diagnostic d;
  d.rule = "percent";
  d.severity = Severity::Warning;
  d.span = find(text, "58.3%");
  d.message = "700 / 1200 = 58.33%, written 58.3%";
  d.related = {{find(text, "700人"), "part"}, {find(text, "1200人"), "whole"}};
  return d;
}

FileResult sample(const std::string& path = "reports/质量报告.txt") {
  FileResult r;
  r.source = SourceText(path, kReport);
  const std::string& t = r.source.text();
  r.diagnostics = {sum_diag(t), percent_diag(t)};
  Diagnostic info;
  info.rule = "style";
  info.severity = Severity::Info;
  info.span = find(t, "学校");
  info.message = "note";
  r.diagnostics.push_back(info);
  r.figures = 6;
  r.figures_checked = 5;
  return r;
}

RuleInfo rule(std::string id, std::string summary, std::string explanation, Severity severity) {
  RuleInfo r;
  r.id = id;
  r.pack = "core";
  r.kind = id;
  r.summary = std::move(summary);
  r.explanation = std::move(explanation);
  r.severity = severity;
  return r;
}

std::vector<RuleInfo> sample_rules() {
  return {rule("sum", "Parts must add up to their total",
               "Checks that the parts of a total add up.\n\n**Fix**: correct the part or the total.", Severity::Error),
          rule("percent", "A percentage must be part / whole",
               "Recomputes part / whole and compares it with the written percentage.", Severity::Warning)};
}

std::string run(std::string_view format, const std::vector<FileResult>& files,
                const std::vector<RuleInfo>& rules = sample_rules()) {
  auto out = render(format, RenderInput{files, rules}, RenderOptions{});
  REQUIRE(out.ok());
  return *out;
}

size_t occurrences(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("formats: every CI format is registered") {
  for (const char* f : {"sarif", "rdjson", "github", "html"}) {
    CHECK(std::find(format_names().begin(), format_names().end(), f) != format_names().end());
  }
}

TEST_CASE("fingerprint: FNV-1a 64 reference values") {
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  CHECK(fnv1a64("foobar") == 0x85944171f73967e8ULL);
}

TEST_CASE("fingerprint: survives lines moving and whitespace changes, not a changed figure") {
  FileResult a = sample();
  std::string moved_text = std::string("新增的第一行。\n\n") + kReport;
  std::string spaced_text = moved_text;
  spaced_text.replace(spaced_text.find("其中"), 6, "  其中");  // indented line
  SourceText moved("r.txt", moved_text), spaced("r.txt", spaced_text);
  std::string fa = figure_fingerprint(a.source, a.diagnostics[0]);
  CHECK(fa.size() == 16);
  CHECK(figure_fingerprint(moved, sum_diag(moved.text())) == fa);
  CHECK(figure_fingerprint(spaced, sum_diag(spaced.text())) == fa);
  Diagnostic other_rule = a.diagnostics[0];
  other_rule.rule = "total";
  CHECK(figure_fingerprint(a.source, other_rule) != fa);
  // Same figure, but another figure on its line changed: a different finding.
  std::string edited = kReport;
  edited.replace(edited.find("女生600"), 9, "女生500");
  SourceText e("r.txt", edited);
  Diagnostic same_figure = a.diagnostics[0];
  same_figure.span = find(e.text(), "1200人", 1);
  CHECK(figure_fingerprint(e, same_figure) != fa);
}

TEST_CASE("paths: relative to the working directory with forward slashes") {
  CHECK(report_path("./a/../b/报告.txt") == "b/报告.txt");
  CHECK(report_path("-") == "-");
  std::string abs = (std::filesystem::current_path() / "x" / "y.txt").string();
  CHECK(report_path(abs) == "x/y.txt");
  CHECK(report_path("/definitely/not/under/cwd.txt").rfind("/definitely", 0) == 0);
  bool rel = false;
  CHECK(artifact_uri("docs/质量 报告.txt", &rel) == "docs/%E8%B4%A8%E9%87%8F%20%E6%8A%A5%E5%91%8A.txt");
  CHECK(rel);
  CHECK(artifact_uri("/definitely/a,b.txt", &rel) == "file:///definitely/a%2Cb.txt");
  CHECK_FALSE(rel);
}

TEST_CASE("sarif: results, code-point columns, related locations, fixes and rules") {
  std::vector<FileResult> files = {sample()};
  json doc = json::parse(run("sarif", files));
  CHECK(doc["version"] == "2.1.0");
  const json& sarif_run = doc["runs"][0];
  CHECK(sarif_run["columnKind"] == "unicodeCodePoints");
  CHECK(sarif_run["tool"]["driver"]["name"] == "tally");
  CHECK(sarif_run["tool"]["driver"]["version"] == TALLY_VERSION);
  CHECK(sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().back() == '/');
  const json& rules = sarif_run["tool"]["driver"]["rules"];
  const json& results = sarif_run["results"];
  REQUIRE(results.size() == 3);

  const json& r0 = results[0];
  CHECK(r0["ruleId"] == "sum");
  CHECK(r0["level"] == "error");
  const json& rule = rules[r0["ruleIndex"].get<int>()];
  CHECK(rule["id"] == "sum");
  CHECK(rule["shortDescription"]["text"] == "Parts must add up to their total");
  CHECK(rule["help"]["markdown"].get<std::string>().find("**Fix**") != std::string::npos);
  CHECK(rule["defaultConfiguration"]["level"] == "error");
  CHECK(r0["message"]["text"] == "parts add up to 1300, not 1200\nhelp: check which part or total is mistyped");
  const json& loc = r0["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "reports/%E8%B4%A8%E9%87%8F%E6%8A%A5%E5%91%8A.txt");
  CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  // "其中男生700人，女生600人，合计" is 18 code points, so "1200人" spans columns 19..24 (end exclusive).
  CHECK(loc["region"]["startLine"] == 2);
  CHECK(loc["region"]["startColumn"] == 19);
  CHECK(loc["region"]["endLine"] == 2);
  CHECK(loc["region"]["endColumn"] == 24);
  CHECK(loc["region"]["snippet"]["text"] == "1200人");
  REQUIRE(r0["relatedLocations"].size() == 2);
  CHECK(r0["relatedLocations"][1]["id"] == 1);
  CHECK(r0["relatedLocations"][1]["message"]["text"] == "part 2 of 2: 600人");
  CHECK(r0["relatedLocations"][1]["physicalLocation"]["region"]["startColumn"] == 12);
  REQUIRE(r0["fixes"].size() == 1);
  const json& rep = r0["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(rep["insertedContent"]["text"] == "1300");
  CHECK(rep["deletedRegion"]["startColumn"] == 19);
  CHECK(rep["deletedRegion"]["endColumn"] == 23);
  std::string fp = r0["partialFingerprints"]["tallyFigureHash/v1"];
  CHECK(fp == figure_fingerprint(files[0].source, files[0].diagnostics[0]) + ":1");

  CHECK(results[1]["level"] == "warning");
  CHECK_FALSE(results[1].contains("fixes"));
  CHECK(results[2]["level"] == "note");
  CHECK_FALSE(results[2].contains("relatedLocations"));
  // "style" is not a loaded rule: it still gets a descriptor so ruleIndex stays valid.
  CHECK(rules[results[2]["ruleIndex"].get<int>()]["id"] == "style");
  CHECK_FALSE(sarif_run["invocations"][0].contains("toolExecutionNotifications"));
}

TEST_CASE("sarif: identical findings on one line get distinct fingerprints") {
  FileResult f = sample();
  f.diagnostics.push_back(f.diagnostics[0]);
  json doc = json::parse(run("sarif", {f}));
  const json& results = doc["runs"][0]["results"];
  std::string a = results[0]["partialFingerprints"]["tallyFigureHash/v1"];
  std::string b = results[3]["partialFingerprints"]["tallyFigureHash/v1"];
  CHECK(a != b);
  CHECK(a.substr(0, 16) == b.substr(0, 16));
}

TEST_CASE("sarif: empty result is a valid run with no results") {
  std::vector<FileResult> none;
  json doc = json::parse(run("sarif", none, {}));
  CHECK(doc["runs"][0]["results"].is_array());
  CHECK(doc["runs"][0]["results"].empty());
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"].empty());
}

TEST_CASE("sarif: more than 25000 results are capped with a notification") {
  FileResult f;
  f.source = SourceText("big.txt", "12%\n");
  Diagnostic d;
  d.rule = "percent";
  d.span = {0, 3};
  d.message = "m";
  f.diagnostics.assign(25003, d);
  json doc = json::parse(run("sarif", {f}));
  CHECK(doc["runs"][0]["results"].size() == 25000);
  const json& notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 1);
  CHECK(notes[0]["message"]["text"].get<std::string>().find("25003") != std::string::npos);
}

namespace {

// A .docx-like file whose finding has a quote: a contextRegion and a locator property.
FileResult quoted_sample() {
  TextBuilder tb;
  tb.add_quoted("（一）", "全县共有专任教师 3260 人，其中小学 1740 人，占比 50%。", "paragraph 7");
  FileResult w;
  w.source = std::move(tb).finish("年报.docx");
  Diagnostic d;
  d.rule = "percent";
  d.span = find(w.source.text(), "50%");
  d.message = "wrong share";
  d.related = {{find(w.source.text(), "3260"), "whole"}};
  w.diagnostics = {d};
  return w;
}

}  // namespace

// Not a check by itself: writes a SARIF file with related locations and a fix
// (and a .docx finding with its quote) for tests/cli/test_sarif_schema.sh to
// validate against the official schema.
TEST_CASE("sarif sample: write for schema validation") {
  const char* out = std::getenv("TALLY_SARIF_SAMPLE_OUT");
  std::string text = run("sarif", {sample(), quoted_sample()});
  CHECK(json::parse(text)["runs"][0]["results"].size() == 4);
  CHECK(json::parse(text)["runs"][0]["results"][3]["locations"][0]["physicalLocation"].contains("contextRegion"));
  if (out == nullptr) return;
  std::ofstream(out, std::ios::binary) << text;
  CHECK(std::filesystem::file_size(out) == text.size());
}

TEST_CASE("rdjson: UTF-8 byte columns, code, suggestions and related locations") {
  json doc = json::parse(run("rdjson", {sample("reports/r.txt")}));
  CHECK(doc["source"]["name"] == "tally");
  CHECK(doc["severity"] == "ERROR");
  REQUIRE(doc["diagnostics"].size() == 3);
  const json& d = doc["diagnostics"][0];
  CHECK(d["severity"] == "ERROR");
  CHECK(d["code"]["value"] == "sum");
  CHECK(d["location"]["path"] == "reports/r.txt");
  // 42 bytes precede "1200人" on line 2 (CJK characters are 3 bytes each).
  CHECK(d["location"]["range"]["start"] == json({{"line", 2}, {"column", 43}}));
  CHECK(d["location"]["range"]["end"] == json({{"line", 2}, {"column", 50}}));
  REQUIRE(d["suggestions"].size() == 1);
  CHECK(d["suggestions"][0]["text"] == "1300");
  CHECK(d["suggestions"][0]["range"]["end"]["column"] == 47);
  REQUIRE(d["related_locations"].size() == 2);
  CHECK(d["related_locations"][0]["message"] == "part 1 of 2: 700人");
  CHECK(d["related_locations"][0]["location"]["range"]["start"]["column"] == 13);
  CHECK(doc["diagnostics"][1]["severity"] == "WARNING");
  CHECK_FALSE(doc["diagnostics"][1].contains("suggestions"));
  CHECK(doc["diagnostics"][2]["severity"] == "INFO");
}

TEST_CASE("rdjson: empty result") {
  json doc = json::parse(run("rdjson", {}));
  CHECK(doc["diagnostics"].empty());
  CHECK_FALSE(doc.contains("severity"));
}

TEST_CASE("github: one escaped workflow command per diagnostic") {
  FileResult f;
  f.source = SourceText("dir/a,b:c%.txt", "合计：100%，其中\n");
  Diagnostic d;
  d.rule = "percent";
  d.severity = Severity::Error;
  d.span = find(f.source.text(), "100%");
  d.message = "shares add to 100%, see: line 2,\r\nnext";
  d.related = {{find(f.source.text(), "合计"), "total"}};
  f.diagnostics = {d};
  Diagnostic w = d;
  w.severity = Severity::Warning;
  w.related.clear();
  w.message = "w";
  Diagnostic n = w;
  n.severity = Severity::Info;
  f.diagnostics.push_back(w);
  f.diagnostics.push_back(n);
  std::string out = run("github", {f});
  CHECK(out ==
        "::error file=dir/a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=8,title=tally percent::"
        "shares add to 100%25, see: line 2,%0D%0Anext%0Arelated dir/a,b:c%25.txt:1:1: total\n"
        "::warning file=dir/a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=8,title=tally percent::w\n"
        "::notice file=dir/a%2Cb%3Ac%25.txt,line=1,col=4,endLine=1,endColumn=8,title=tally percent::w\n");
  CHECK(run("github", {}).empty());
}

TEST_CASE("html: escaping keeps report text and messages inert") {
  CHECK(html::escape("<b>\"x\" & 'y'</b>") == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;");
  CHECK(html::script_safe_json(R"({"a":"</script><!--&"})") ==
        R"({"a":"\u003c/script\u003e\u003c!--\u0026"})");
  FileResult f;
  f.source = SourceText("a<b>.txt", "<script>alert(1)</script> 比例 50%\n");
  Diagnostic d;
  d.rule = "percent";
  d.span = find(f.source.text(), "50%");
  d.message = "</script><img src=x onerror=alert(2)>";
  f.diagnostics = {d};
  std::string page = run("html", {f});
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("a&lt;b&gt;.txt") != std::string::npos);
  // Only the page's own two script blocks exist.
  CHECK(occurrences(page, "<script") == 2);
  CHECK(occurrences(page, "</script>") == 2);
}

TEST_CASE("html: self-contained page with summary, findings list and highlights") {
  std::string page = run("html", {sample()});
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("\"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif") != std::string::npos);
  // No external assets.
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find("<script src") == std::string::npos);
  CHECK(page.find("<span class=\"count-error\">1 error</span>") != std::string::npos);
  CHECK(page.find("<span class=\"count-warning\">1 warning</span>") != std::string::npos);
  CHECK(page.find("<span class=\"count-info\">1 info</span>") != std::string::npos);
  // Findings list links to each highlight, and each id exists exactly once.
  for (int k = 0; k < 3; ++k) {
    CHECK(occurrences(page, "href=\"#d-" + std::to_string(k) + "\"") == 1);
    CHECK(occurrences(page, "id=\"d-" + std::to_string(k) + "\"") == 1);
  }
  CHECK(page.find("<mark class=\"sev-error\" id=\"d-0\" data-d=\"0\"") != std::string::npos);
  CHECK(page.find("<mark class=\"sev-warning\" id=\"d-1\"") != std::string::npos);
  CHECK(page.find("<mark class=\"sev-info\" id=\"d-2\"") != std::string::npos);
  // "700人" is related to both diagnostics; "1200人" on line 1 only to the percent one.
  CHECK(page.find("<span class=\"rel\" data-r=\"0 1\">700人</span>") != std::string::npos);
  CHECK(page.find("<span class=\"rel\" data-r=\"1\">1200人</span>") != std::string::npos);
  // Line numbers and the CJK text survive; the rule explanation travels in the page data.
  CHECK(page.find("<tr id=\"f0-l3\">") != std::string::npos);
  CHECK(page.find("<tr id=\"f0-l4\">") == std::string::npos);  // no row for the empty tail after the last "\n"
  CHECK(page.find("男生占比") != std::string::npos);
  CHECK(page.find("Recomputes part / whole") != std::string::npos);
}

TEST_CASE("html: overlapping, multi-line and empty spans do not break the markup") {
  FileResult f;
  f.source = SourceText("o.txt", "合计100人，占比50%。\n下一行30%\n");
  const std::string& t = f.source.text();
  Diagnostic a;
  a.rule = "a";
  a.span = {find(t, "100人").begin, find(t, "50%").end};  // "100人，占比50%"
  a.message = "outer";
  Diagnostic b;
  b.rule = "b";
  b.severity = Severity::Warning;
  b.span = {find(t, "占比").begin, find(t, "下一").end};  // crosses the line break
  b.message = "crossing";
  Diagnostic c;
  c.rule = "c";
  c.severity = Severity::Info;
  c.span = {find(t, "30%").begin, find(t, "30%").begin};  // zero width
  c.message = "caret";
  f.diagnostics = {a, b, c};
  std::string page = run("html", {f});
  CHECK(occurrences(page, "<mark") == occurrences(page, "</mark>"));
  CHECK(occurrences(page, "<span") == occurrences(page, "</span>"));
  // No mark opens inside another.
  size_t open = page.find("<mark");
  while (open != std::string::npos) {
    size_t close = page.find("</mark>", open);
    size_t next = page.find("<mark", open + 1);
    REQUIRE(close != std::string::npos);
    CHECK((next == std::string::npos || next > close));
    open = next;
  }
  for (int k = 0; k < 3; ++k) CHECK(occurrences(page, "id=\"d-" + std::to_string(k) + "\"") == 1);
  // The overlap is marked with both diagnostics and the worse severity; it is where b starts.
  CHECK(page.find("<mark class=\"sev-error\" id=\"d-1\" data-d=\"0 1\"") != std::string::npos);
  // The crossing span continues on line 2 without a second id.
  CHECK(page.find("<mark class=\"sev-warning\" data-d=\"1\" tabindex=\"0\" title=\"warning[b]: crossing\">下一</mark>") !=
        std::string::npos);
  CHECK(page.find("<mark class=\"sev-info caret\" id=\"d-2\" data-d=\"2\"") != std::string::npos);
}

TEST_CASE("html: empty result") {
  std::string page = run("html", {});
  CHECK(page.find("No findings") != std::string::npos);
  CHECK(page.find("0 files checked") != std::string::npos);
  CHECK(page.find("<mark") == std::string::npos);
  CHECK(page.find("</html>") != std::string::npos);
}

namespace {

// Two files with findings of three rules: five of "sum" (errors) in the first, one of
// "percent" (warning) there too, one of "style" (info) in the second.
std::vector<FileResult> many() {
  FileResult a, b;
  std::string text;
  for (int i = 1; i <= 5; ++i) text += "第" + std::to_string(i) + "组合计100人。\n";
  text += "占比50%。\n";
  a.source = SourceText("a.txt", text);
  for (int i = 0; i < 5; ++i) {
    Diagnostic d;
    d.rule = "sum";
    d.span = find(a.source.text(), "100人", i);
    d.message = "sum " + std::to_string(i + 1);
    a.diagnostics.push_back(d);
  }
  Diagnostic p;
  p.rule = "percent";
  p.severity = Severity::Warning;
  p.span = find(a.source.text(), "50%");
  p.message = "share";
  a.diagnostics.push_back(p);
  b.source = SourceText("b.txt", "另一份报告，占比30%。\n");
  Diagnostic s;
  s.rule = "style";
  s.severity = Severity::Info;
  s.span = find(b.source.text(), "30%");
  s.message = "style note";
  b.diagnostics.push_back(s);
  return {a, b};
}

std::string run_zh(const std::vector<FileResult>& files) {
  RenderOptions o;
  o.lang = Lang::Zh;
  auto rules = sample_rules();
  auto out = render("html", RenderInput{files, rules}, o);
  REQUIRE(out.ok());
  return *out;
}

}  // namespace

TEST_CASE("html: findings grouped by rule with filters the script reveals") {
  std::string page = run("html", many());
  // Worst rule first; each group lists all of its findings (the script folds long ones).
  size_t sum = page.find("<details class=\"group\" open data-rule=\"sum\"><summary><code>sum</code> <span class=\"n\">5</span>");
  size_t percent = page.find("<details class=\"group\" open data-rule=\"percent\">");
  size_t style = page.find("<details class=\"group\" open data-rule=\"style\">");
  REQUIRE(sum != std::string::npos);
  CHECK(sum < percent);
  CHECK(percent < style);
  CHECK(page.find("Parts must add up to their total", sum) < percent);  // the rule's summary in its heading
  for (int k = 0; k < 7; ++k) CHECK(occurrences(page, "<li data-k=\"" + std::to_string(k) + "\"") == 1);
  CHECK(occurrences(page, " hidden>") == 3);  // the filters, the "all hidden" note and the panel
  CHECK(page.find("<div class=\"filters\" hidden>") != std::string::npos);
  CHECK(page.find("id=\"flt-sev-error\" data-sev=\"error\" checked><span class=\"badge sev-error\">error</span> "
                  "<span class=\"n\">5</span>") != std::string::npos);
  CHECK(page.find("id=\"flt-rule-sum\" data-rule=\"sum\" checked><code>sum</code> <span class=\"n\">5</span>") !=
        std::string::npos);
  // Findings of both files, each with its own path.
  CHECK(page.find("<span class=\"where\">a.txt:5:") != std::string::npos);
  CHECK(page.find("<span class=\"where\">b.txt:1:") != std::string::npos);
  CHECK(page.find("id=\"f1\" open") != std::string::npos);
  // The panel sits in the side column, before the text.
  CHECK(page.find("<div id=\"side\">\n<aside id=\"panel\" hidden>") < page.find("<main>"));
}

TEST_CASE("html: the Chinese page's words are Chinese") {
  std::string page = run_zh(many());
  CHECK(page.find("<legend>严重程度</legend>") != std::string::npos);
  CHECK(page.find("<legend>规则</legend>") != std::string::npos);
  CHECK(page.find("<span class=\"badge sev-warning\">警告</span>") != std::string::npos);
  CHECK(page.find(">全部显示</button>") != std::string::npos);
  CHECK(page.find("\"html.ui.more\":\"还有 {n} 条\"") != std::string::npos);
  CHECK(page.find("\"html.ui.fewer\":\"收起\"") != std::string::npos);
  CHECK(page.find(">error<") == std::string::npos);
  CHECK(page.find("Show all") == std::string::npos);
}

// Not a check by itself: writes pages for tests/cli/test_html_chromium.sh to open in a
// headless browser: OUT with every kind of highlight, OUT.many.html and OUT.many.zh.html
// with a long group, three rules and two files.
TEST_CASE("html sample: write for the browser test") {
  const char* out = std::getenv("TALLY_HTML_SAMPLE_OUT");
  std::string page = run("html", {sample()});
  CHECK(page.find("id=\"d-0\"") != std::string::npos);
  if (out == nullptr) return;
  std::ofstream(out, std::ios::binary) << page;
  CHECK(std::filesystem::file_size(out) == page.size());
  std::ofstream(std::string(out) + ".many.html", std::ios::binary) << run("html", many());
  std::ofstream(std::string(out) + ".many.zh.html", std::ios::binary) << run_zh(many());
}

TEST_CASE("formats: a .docx line's locator travels with the finding") {
  FileResult f;
  f.source = SourceText("年报.docx", "标题\n占比50%\n");
  f.source.line_locators = {"paragraph 1", "table 1, row 2"};
  Diagnostic d;
  d.rule = "percent";
  d.span = find(f.source.text(), "50%");
  d.message = "wrong share";
  f.diagnostics = {d};
  json sarif = json::parse(run("sarif", {f}));
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["message"]["text"] == "table 1, row 2");
  json rd = json::parse(run("rdjson", {f}));
  CHECK(rd["diagnostics"][0]["message"] == "wrong share (table 1, row 2)");
  CHECK(run("github", {f}).find("::wrong share (table 1%2C row 2)") == std::string::npos);  // data keeps ','
  CHECK(run("github", {f}).find("::wrong share (table 1, row 2)\n") != std::string::npos);
  CHECK(run("html", {f}).find("title=\"table 1, row 2\"") != std::string::npos);
}

TEST_CASE("formats: every format names the figure's own place: PDF page and line, Word paragraph and quote") {
  TextBuilder pdf;
  pdf.add_line({{"全区共有幼儿园 86 所，在园幼儿 ", "page 1, line 5"}, {"12450 人，其中民办 ", "page 1, line 6"},
                {"5320 人，占比 40%。", "page 2, line 1"}});
  FileResult p;
  p.source = std::move(pdf).finish("年报.pdf");
  Diagnostic d;
  d.rule = "percent";
  d.span = find(p.source.text(), "40%");
  d.message = "wrong share";
  d.related = {{find(p.source.text(), "12450"), "whole"}};
  p.diagnostics = {d};

  TextBuilder docx;
  docx.add_quoted("（一）", "全县共有专任教师 3260 人，其中小学 1740 人，占比 50%。", "paragraph 7");
  FileResult w;
  w.source = std::move(docx).finish("年报.docx");
  d.span = find(w.source.text(), "50%");
  d.related = {{find(w.source.text(), "3260"), "whole"}};
  w.diagnostics = {d};
  const std::string quote = "paragraph 7, “1740 人，占比 50%”";

  std::string text = run("text", {p, w});
  CHECK(text.find("年报.pdf:1:42 (page 2, line 1): error[percent]: wrong share") != std::string::npos);
  CHECK(text.find("年报.pdf:1:19 (page 1, line 6): whole") != std::string::npos);
  CHECK(text.find("年报.docx:1:35 (" + quote + "): error[percent]: wrong share") != std::string::npos);
  CHECK(text.find("年报.docx:1:13 (paragraph 7, “全县共有专任教师 3260 人，其中小学”): whole") != std::string::npos);

  json j = json::parse(run("json", {p, w}));
  CHECK(j["diagnostics"][0]["locator"] == "page 2, line 1");
  CHECK_FALSE(j["diagnostics"][0].contains("quote"));
  CHECK(j["diagnostics"][0]["related"][0]["locator"] == "page 1, line 6");
  CHECK(j["diagnostics"][1]["locator"] == quote);
  CHECK(j["diagnostics"][1]["quote"] == "1740 人，占比 50%");
  CHECK(j["diagnostics"][1]["related"][0]["quote"] == "全县共有专任教师 3260 人，其中小学");

  json sarif = json::parse(run("sarif", {p, w}));
  const json& pr = sarif["runs"][0]["results"][0];
  CHECK(pr["locations"][0]["message"]["text"] == "page 2, line 1");
  CHECK(pr["locations"][0]["physicalLocation"]["properties"]["locator"] == "page 2, line 1");
  CHECK_FALSE(pr["locations"][0]["physicalLocation"].contains("contextRegion"));
  CHECK(pr["relatedLocations"][0]["physicalLocation"]["properties"]["locator"] == "page 1, line 6");
  const json& wr = sarif["runs"][0]["results"][1];
  const json& wl = wr["locations"][0]["physicalLocation"];
  CHECK(wr["locations"][0]["message"]["text"] == quote);
  CHECK(wl["region"]["snippet"]["text"] == "50%");
  CHECK(wl["contextRegion"]["snippet"]["text"] == "1740 人，占比 50%");
  CHECK(wl["contextRegion"]["startLine"] == 1);
  CHECK(wl["contextRegion"]["startColumn"] == 25);
  CHECK(wl["contextRegion"]["endColumn"] == 38);

  CHECK(json::parse(run("rdjson", {w}))["diagnostics"][0]["message"] == "wrong share (" + quote + ")");
  CHECK(run("github", {p}).find("::wrong share (page 2, line 1)") != std::string::npos);
  std::string page = run("html", {p, w});
  CHECK(page.find(html::escape("wrong share (" + quote + ")")) != std::string::npos);
  CHECK(page.find("wrong share (page 2, line 1)") != std::string::npos);
  CHECK(page.find("\"locator\":\"page 1, line 6\"") != std::string::npos);  // the panel's related figure
}

TEST_CASE("formats: many random overlapping spans keep every format well-formed") {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "第" + std::to_string(i) + "行：男生700人，女生600人，合计1300人，占比53.8%。\n";
  FileResult f;
  f.source = SourceText("rand.txt", text);
  // Code-point boundaries, plus the end of the text.
  std::vector<uint32_t> cuts;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(static_cast<uint32_t>(i));
  cuts.push_back(static_cast<uint32_t>(text.size()));
  uint32_t seed = 12345;
  auto next = [&](size_t n) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<size_t>((seed >> 8) % n);
  };
  const int kCount = 150;
  for (int k = 0; k < kCount; ++k) {
    uint32_t a = cuts[next(cuts.size())], b = cuts[next(cuts.size())];
    Diagnostic d;
    d.rule = k % 2 ? "sum" : "percent";
    d.severity = static_cast<Severity>(k % 3);
    d.span = {std::min(a, b), std::max(a, b)};
    d.message = "m" + std::to_string(k);
    d.related = {{{cuts[next(cuts.size())], cuts[next(cuts.size())]}, "backwards span"},
                 {{static_cast<uint32_t>(text.size() + 5), static_cast<uint32_t>(text.size() + 9)}, "past the end"}};
    f.diagnostics.push_back(d);
  }
  std::string page = run("html", {f});
  CHECK(occurrences(page, "<mark") == occurrences(page, "</mark>"));
  CHECK(occurrences(page, "<span") == occurrences(page, "</span>"));
  CHECK(occurrences(page, "<tr ") == 12);
  for (int k = 0; k < kCount; ++k) CHECK(occurrences(page, "id=\"d-" + std::to_string(k) + "\"") == 1);
  CHECK(json::parse(run("sarif", {f}))["runs"][0]["results"].size() == kCount);
  CHECK(json::parse(run("rdjson", {f}))["diagnostics"].size() == kCount);
  CHECK(occurrences(run("github", {f}), "\n") == kCount);
}

TEST_CASE("html: a zero-width related figure does not take its diagnostic's place") {
  FileResult f;
  f.source = SourceText("z.txt", "占比50%，合计\n");
  Diagnostic d;
  d.rule = "percent";
  d.span = find(f.source.text(), "合计");
  d.message = "m";
  d.related = {{Span{0, 0}, "empty"}};
  f.diagnostics = {d};
  std::string page = run("html", {f});
  CHECK(occurrences(page, "<mark") == 1);
  CHECK(page.find("id=\"d-0\" data-d=\"0\" tabindex=\"0\" title=\"error[percent]: m\">合计</mark>") != std::string::npos);
}
