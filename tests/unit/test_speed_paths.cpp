// The fast paths of issue #15 must say exactly what the slow ones said:
// positions from the block index (a column on a long line), the streaming JSON
// writer (byte for byte what the DOM-then-dump writer printed), and the
// language server's one pass (the same figures as check + facts JSON).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "check_helpers.h"
#include "lsp/analyzer.h"
#include "lsp/settings.h"
#include "load/text_builder.h"
#include "output/locator.h"
#include "output/render.h"

using namespace tally;
using nlohmann::json;

namespace {

// Columns the slow way: count code points (or UTF-16 units) from the line start.
Position naive_position(const std::string& text, uint32_t offset) {
  int line = 1;
  size_t start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  return {line, 1 + static_cast<int>(utf8::count_code_points(std::string_view(text).substr(start, offset - start)))};
}

// "locator" when the line has one, and "quote" when the locator quotes (a .docx).
void locate_into(json& j, const SourceText& src, Span span, int line) {
  if (line > static_cast<int>(src.line_locators.size())) return;
  Location loc = locate(src, span);
  j["locator"] = locator_text(src, loc);
  if (!loc.quote.empty()) j["quote"] = std::string(src.slice(loc.quote));
}

// The JSON writer as it was (a DOM, then dump(2)): the contract's bytes.
std::string dom_json(const std::vector<FileResult>& files, std::optional<BaselineSummary> baseline) {
  json diags = json::array();
  int figures = 0, checked = 0, errors = 0, warnings = 0, infos = 0;
  for (const auto& f : files) {
    figures += f.figures;
    checked += f.figures_checked;
    const SourceText& src = f.source;
    for (const auto& d : f.diagnostics) {
      (d.severity == Severity::Error ? errors : d.severity == Severity::Warning ? warnings : infos)++;
      Position b = src.position(d.span.begin), e = src.position(d.span.end);
      json rel = json::array();
      for (const auto& r : d.related) {
        Position rb = src.position(r.span.begin), re = src.position(r.span.end);
        rel.push_back({{"file", src.path()}, {"line", rb.line}, {"column", rb.column},
                       {"end_line", re.line}, {"end_column", re.column}, {"message", r.message}});
        locate_into(rel.back(), src, r.span, rb.line);
      }
      json fix = nullptr;
      if (d.fix) {
        Position fb = src.position(d.fix->span.begin), fe = src.position(d.fix->span.end);
        fix = {{"replacement", d.fix->replacement}, {"line", fb.line}, {"column", fb.column},
               {"end_line", fe.line}, {"end_column", fe.column}};
      }
      json j = {{"file", src.path()}, {"line", b.line}, {"column", b.column},
                {"end_line", e.line}, {"end_column", e.column}, {"rule", d.rule},
                {"severity", std::string(severity_name(d.severity))}, {"message", d.message},
                {"related", rel}, {"fix", fix}};
      if (!d.notes.empty()) j["notes"] = d.notes;
      locate_into(j, src, d.span, b.line);
      diags.push_back(std::move(j));
    }
  }
  json out = {{"version", 1},
              {"diagnostics", diags},
              {"summary",
               {{"files", files.size()}, {"errors", errors}, {"warnings", warnings},
                {"infos", infos}, {"figures", figures}, {"figures_checked", checked}}}};
  if (baseline) {
    out["summary"]["baseline_matched"] = baseline->matched;
    out["summary"]["baseline_stale"] = baseline->stale;
  }
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Span span_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

}  // namespace

TEST_CASE("positions on a long line come from the block index and match counting") {
  // One 40,000-character line of mixed widths (1-, 2-, 3- and 4-byte characters), then short lines.
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "a\xC3\xA9\xE5\x85\xAC\xF0\x9F\x8E\xAF";  // a é 公 🎯
  text += "\n短行 12\n\nlast";
  SourceText src("long.txt", text);
  for (uint32_t off : {0u, 1u, 255u, 256u, 257u, 4095u, 65536u, 99999u, 100000u, 100001u,
                       static_cast<uint32_t>(text.size() - 1), static_cast<uint32_t>(text.size())}) {
    // Only offsets at character starts are meaningful; step back to one.
    while (off > 0 && off < text.size() && (static_cast<unsigned char>(text[off]) & 0xC0) == 0x80) --off;
    Position want = naive_position(text, off), got = src.position(off);
    CHECK(got.line == want.line);
    CHECK(got.column == want.column);
  }
  // UTF-16 columns count the emoji twice.
  uint32_t after_first_emoji = 10;
  CHECK(src.utf16_column(after_first_emoji) == 1 + 1 + 1 + 1 + 2);
  CHECK(src.utf16_column(static_cast<uint32_t>(text.size())) == 5);  // "last" ends at column 5
  CHECK(src.position(static_cast<uint32_t>(text.size())).line == 4);
}

TEST_CASE("the streaming JSON writer prints the bytes the DOM writer printed") {
  std::string text = "第一行\n全市共有学校 24 所，其中公办 14 所、民办 9 所。\n\"引号\" \\ 与\t制表 7 个\n";
  FileResult r;
  r.source = SourceText("dir/报告 \"1\".txt", text);
  Diagnostic d;
  d.rule = "sum";
  d.severity = Severity::Error;
  d.span = span_of(text, "24");
  d.message = "14 + 9 = 23, but the total says 24 \"quoted\" \\ back\nslash\x01";
  d.related = {{span_of(text, "14"), "part 1: 14 (公办)"}, {span_of(text, "9 所"), "part 2"}};
  d.fix = Fix{span_of(text, "24"), "23"};
  d.notes = {"first note", "第二条 \t note"};
  Diagnostic w;
  w.rule = "percent";
  w.severity = Severity::Warning;
  w.span = span_of(text, "7");
  w.message = "a warning with no related figures";
  Diagnostic i = w;
  i.severity = Severity::Info;
  i.rule = "x";
  r.diagnostics = {d, w, i};
  r.figures = 5;
  r.figures_checked = 3;
  FileResult located = r;
  located.source.line_locators = {"paragraph 1", "table 2, row 3"};  // fewer than the lines
  // A .docx-like source, with marks: locators with quotes, on related figures too.
  FileResult quoted = r;
  TextBuilder tb;
  for (int l = 1; l < r.source.line_count(); ++l)
    tb.add_quoted("", r.source.line_text(l), "paragraph " + std::to_string(l));
  quoted.source = std::move(tb).finish("q.docx");
  FileResult empty;
  empty.source = SourceText("empty.txt", "无数字\n");
  const std::vector<RuleInfo> rules;
  for (auto baseline : {std::optional<BaselineSummary>{}, std::optional<BaselineSummary>{BaselineSummary{3, 1}}}) {
    for (const auto& files : {std::vector<FileResult>{r, located, quoted, empty}, std::vector<FileResult>{empty},
                              std::vector<FileResult>{}}) {
      std::string got = render_json(RenderInput{files, rules, baseline}, RenderOptions{});
      CHECK(got == dom_json(files, baseline));
    }
  }
}

TEST_CASE("the language server's one pass finds the figures the facts JSON lists") {
  const std::string text =
      "学校概况\n全校共有在校生 1200 人，其中男生 700 人、女生 600 人。\n专任教师 80 人，占教职工的 62.5%。\n";
  auto analyzer = lsp::make_engine_analyzer(EngineOptions{});
  REQUIRE(analyzer.ok());
  SourceText src("t.txt", text);
  auto one = lsp::analyze(**analyzer, src, 3, CheckOptions{});
  REQUIRE(one.has_value());
  auto want = lsp::parse_quantities((*analyzer)->facts_json(src), src);
  REQUIRE(one->quantities.size() == want.size());
  CHECK(want.size() >= 4);
  for (size_t k = 0; k < want.size(); ++k) {
    CHECK(one->quantities[k].span.begin == want[k].span.begin);
    CHECK(one->quantities[k].span.end == want[k].span.end);
    CHECK(one->quantities[k].fields == want[k].fields);
  }
  CHECK(one->result.diagnostics.size() == (*analyzer)->check(src, CheckOptions{}).diagnostics.size());
  CHECK(one->version == 3);
}

TEST_CASE("debounceMs in initializationOptions") {
  std::vector<std::string> warnings;
  CHECK(lsp::parse_debounce(json{{"debounceMs", 40}}, &warnings) == std::chrono::milliseconds(40));
  CHECK(lsp::parse_debounce(json{{"tally", {{"debounceMs", 0}}}}, &warnings) == std::chrono::milliseconds(0));
  CHECK(warnings.empty());
  CHECK_FALSE(lsp::parse_debounce(json::object(), &warnings).has_value());
  CHECK_FALSE(lsp::parse_debounce(json("x"), &warnings).has_value());
  CHECK(warnings.empty());
  CHECK_FALSE(lsp::parse_debounce(json{{"debounceMs", -5}}, &warnings).has_value());
  CHECK_FALSE(lsp::parse_debounce(json{{"debounceMs", "fast"}}, &warnings).has_value());
  CHECK_FALSE(lsp::parse_debounce(json{{"debounceMs", 1e9}}, &warnings).has_value());
  CHECK(warnings.size() == 3);
}
