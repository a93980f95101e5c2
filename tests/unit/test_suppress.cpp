#include <doctest/doctest.h>

#include "config/suppress.h"

using namespace tally;

namespace {

bool known(const std::string& id) { return id == "percent" || id == "sum"; }

// A diagnostic of `rule` on the n-th occurrence (0-based) of `figure` in the text.
Diagnostic at(const FileResult& r, const std::string& rule, const std::string& figure, int nth = 0) {
  size_t pos = r.source.text().find(figure);
  for (int k = 0; k < nth; ++k) pos = r.source.text().find(figure, pos + 1);
  REQUIRE(pos != std::string::npos);
  Diagnostic d;
  d.rule = rule;
  d.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + figure.size())};
  d.message = rule + " problem";
  return d;
}

FileResult file(std::string text) {
  FileResult r;
  r.source = SourceText("a.md", std::move(text));
  return r;
}

std::vector<std::string> rules_of(const FileResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule + "@" + std::to_string(r.source.position(d.span.begin).line));
  return out;
}

}  // namespace

TEST_CASE("suppress: disable-next-line hides only the named rule on the next line") {
  FileResult r = file("<!-- tally-disable-next-line percent -->\n占比 51%，合计 10 人。\n占比 52%。\n");
  r.diagnostics = {at(r, "percent", "51%"), at(r, "sum", "10"), at(r, "percent", "52%")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"sum@2", "percent@3"});
}

TEST_CASE("suppress: one comment may name several rules, with a reason") {
  FileResult r = file("<!-- tally-disable-next-line percent, sum -- checked by hand -->\n占比 51%，合计 10 人。\n");
  r.diagnostics = {at(r, "percent", "51%"), at(r, "sum", "10")};
  apply_suppressions(r, {}, known);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("suppress: disable-line hides findings on its own line") {
  FileResult r = file("占比 51%。 <!-- tally-disable-line percent -->\n占比 52%。\n");
  r.diagnostics = {at(r, "percent", "51%"), at(r, "percent", "52%")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"percent@2"});
}

TEST_CASE("suppress: a disable/enable region, per rule and closed by a bare enable") {
  FileResult r = file(
      "占比 1%。\n<!-- tally-disable percent,sum -->\n占比 2%，合计 3。\n<!-- tally-enable sum -->\n"
      "占比 4%，合计 5。\n<!-- tally-enable -->\n占比 6%，合计 7。\n");
  r.diagnostics = {at(r, "percent", "1%"), at(r, "percent", "2%"), at(r, "sum", "3"), at(r, "percent", "4%"),
                   at(r, "sum", "5"), at(r, "percent", "6%"), at(r, "sum", "7")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"percent@1", "sum@5", "percent@7", "sum@7"});
}

TEST_CASE("suppress: an unclosed region runs to the end of the file") {
  FileResult r = file("<!-- tally-disable sum -->\n合计 3。\n\n合计 5。\n");
  r.diagnostics = {at(r, "sum", "3"), at(r, "sum", "5")};
  apply_suppressions(r, {}, known);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("suppress: unused suppressions are reported as info at the comment") {
  FileResult r = file("<!-- tally-disable-next-line percent,sum -->\n占比 51%。\n");
  r.diagnostics = {at(r, "percent", "51%")};
  apply_suppressions(r, {}, known);
  REQUIRE(r.diagnostics.size() == 1);
  const Diagnostic& d = r.diagnostics[0];
  CHECK(d.rule == "unused-suppression");
  CHECK(d.severity == Severity::Info);
  CHECK(d.span.begin == 0);
  CHECK(d.message.find("'sum'") != std::string::npos);
}

TEST_CASE("suppress: a comment naming no rule, or an unknown one, is a warning") {
  FileResult r = file("<!-- tally-disable-next-line -->\n占比 51%。\n<!-- tally-disable-line nosuch -->\n<!-- tally-frobnicate x -->\n");
  r.diagnostics = {at(r, "percent", "51%")};
  apply_suppressions(r, {}, known);
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics[0].rule == "suppression");
  CHECK(r.diagnostics[0].severity == Severity::Warning);
  CHECK(r.diagnostics[0].message.find("must name the rule") != std::string::npos);
  CHECK(r.diagnostics[1].rule == "percent");  // nothing was hidden
  CHECK(r.diagnostics[2].rule == "suppression");
  CHECK(r.diagnostics[2].message.find("unknown rule 'nosuch'") != std::string::npos);
  CHECK(r.diagnostics[3].message.find("unknown directive 'tally-frobnicate'") != std::string::npos);
}

TEST_CASE("suppress: tally-enable without a matching disable is a warning") {
  FileResult r = file("<!-- tally-enable sum -->\n");
  apply_suppressions(r, {}, known);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "suppression");
}

TEST_CASE("suppress: ordinary HTML comments are left alone") {
  FileResult r = file("<!-- 注：数据来自统计年鉴 -->\n占比 51%。\n");
  r.diagnostics = {at(r, "percent", "51%")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"percent@2"});
}

TEST_CASE("suppress: config line-contains entries match the finding's line text") {
  FileResult r = file("第一段\n合计 10 人，其中男 4 人、女 5 人。\n合计 20 人。\n");
  r.diagnostics = {at(r, "sum", "10"), at(r, "sum", "20"), at(r, "percent", "4")};
  SuppressEntry hit;
  hit.rule.id = "sum";
  hit.line_contains = "其中男 4 人";
  SuppressEntry other_rule;
  other_rule.rule.id = "percent";
  other_rule.line_contains = "合计 20";
  SuppressEntry miss;
  miss.rule.id = "sum";
  miss.line_contains = "不存在的文字";
  auto used = apply_suppressions(r, {&hit, &other_rule, &miss}, known);
  CHECK(used == std::vector<bool>{true, false, false});
  CHECK(rules_of(r) == std::vector<std::string>{"percent@2", "sum@3"});
}

TEST_CASE("suppress: line-contains survives lines inserted above") {
  FileResult r = file("新增的一段\n\n另一段\n合计 10 人，其中男 4 人、女 5 人。\n");
  r.diagnostics = {at(r, "sum", "10")};
  SuppressEntry e;
  e.rule.id = "sum";
  e.line_contains = "其中男 4 人";
  CHECK(apply_suppressions(r, {&e}, known) == std::vector<bool>{true});
  CHECK(r.diagnostics.empty());
}

TEST_CASE("suppress: a finding hidden by both a comment and a config entry uses both") {
  FileResult r = file("<!-- tally-disable-next-line sum -->\n合计 10 人。\n");
  r.diagnostics = {at(r, "sum", "10")};
  SuppressEntry e;
  e.rule.id = "sum";
  e.line_contains = "合计";
  CHECK(apply_suppressions(r, {&e}, known) == std::vector<bool>{true});
  CHECK(r.diagnostics.empty());  // and no unused-suppression either
}

TEST_CASE("suppress: results stay sorted by position") {
  FileResult r = file("合计 1。\n<!-- tally-disable-line nosuch -->\n合计 2。\n");
  r.diagnostics = {at(r, "sum", "1"), at(r, "sum", "2")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"sum@1", "suppression@2", "sum@3"});
}

TEST_CASE("suppress: comments shown as Markdown code are examples, not directives") {
  FileResult r = file(
      "```\n<!-- tally-disable-next-line percent -->\n```\n占比 51%。\n"
      "Write `<!-- tally-disable-line percent -->` at the end of a line. 占比 52%。\n"
      "~~~md\n<!-- tally-disable nosuch -->\n~~~\n");
  r.diagnostics = {at(r, "percent", "51%"), at(r, "percent", "52%")};
  apply_suppressions(r, {}, known);
  CHECK(rules_of(r) == std::vector<std::string>{"percent@4", "percent@5"});
}
