// The small pieces of issue 17's conventions: "did you mean", colour from the environment, Markdown
// rendered with cmark, rule page links, column widths from Unicode's tables, --statistics.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "base/suggest.h"
#include "base/utf8.h"
#include "cli/color.h"
#include "cli/statistics.h"
#include "output/markdown.h"
#include "rules/rule_docs.h"

using namespace tally;

TEST_CASE("suggest: edit distance counts a swap of neighbours once, over code points") {
  CHECK(edit_distance("check", "check") == 0);
  CHECK(edit_distance("chekc", "check") == 1);  // swap
  CHECK(edit_distance("chek", "check") == 1);   // insertion
  CHECK(edit_distance("cheque", "check") == 3);
  CHECK(edit_distance("合计", "总计") == 1);     // one code point, not three bytes
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("suggest: the nearest word only when it is a likely typo") {
  const std::vector<std::string> commands = {"check", "facts", "relations", "rules", "explain", "test-rules"};
  CHECK(nearest("chek", commands) == "check");
  CHECK(nearest("expalin", commands) == "explain");
  CHECK(nearest("rule", commands) == "rules");
  CHECK(nearest("rel", commands) == "relations");  // the only command it starts
  CHECK(nearest("zzzzzz", commands).empty());
  CHECK(nearest("x", commands).empty());
  CHECK(nearest("", commands).empty());
  CHECK(did_you_mean("--formt", {"--format", "--fail-on"}) == " — did you mean '--format'?");
  CHECK(did_you_mean("--nothing-like-it", {"--format"}).empty());
}

TEST_CASE("colour: --color, then NO_COLOR, FORCE_COLOR/CLICOLOR_FORCE, TERM=dumb, then the terminal") {
  auto env = [](std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
  };
  CHECK(cli::color_wanted("auto", true, env({})));
  CHECK_FALSE(cli::color_wanted("auto", false, env({})));
  CHECK(cli::color_wanted("always", false, env({{"NO_COLOR", "1"}})));
  CHECK_FALSE(cli::color_wanted("never", true, env({{"FORCE_COLOR", "1"}})));
  CHECK_FALSE(cli::color_wanted("auto", true, env({{"NO_COLOR", "1"}})));
  CHECK(cli::color_wanted("auto", true, env({{"NO_COLOR", ""}})));  // empty counts as unset
  CHECK(cli::color_wanted("auto", false, env({{"FORCE_COLOR", "1"}})));
  CHECK(cli::color_wanted("auto", false, env({{"CLICOLOR_FORCE", "yes"}})));
  CHECK_FALSE(cli::color_wanted("auto", false, env({{"FORCE_COLOR", "0"}})));
  CHECK_FALSE(cli::color_wanted("auto", true, env({{"TERM", "dumb"}})));
  CHECK(cli::color_wanted("auto", true, env({{"TERM", "xterm-256color"}})));
}

TEST_CASE("markdown: plain text drops the marks, keeps line breaks, indents code") {
  std::string md = "**What it checks.** A total and its `parts`,\nsee [the guide](https://example.test/g).\n\n"
                   "- one\n- two\n\nText.\n\n    code line\n\n<b>raw</b> html\n";
  std::string text = markdown_to_text(md);
  CHECK(text ==
        "What it checks. A total and its parts,\nsee the guide (https://example.test/g).\n\n- one\n- two\n\n"
        "Text.\n\n    code line\n\nraw html");
  for (size_t i = 0; i + 1 < text.size(); ++i)
    if (text[i + 1] == '\n') CHECK(text[i] != ' ');  // no trailing spaces
}

TEST_CASE("markdown: HTML from cmark, raw HTML in a pack escaped") {
  std::string html = markdown_to_html("**bold** and `code`\n\n<script>alert(1)</script>\n");
  CHECK(html.find("<strong>bold</strong>") != std::string::npos);
  CHECK(html.find("<code>code</code>") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("rule docs: a page link from a base URL") {
  CHECK(rule_doc_url("https://example.test/docs/rules/", "sum") == "https://example.test/docs/rules/sum.md");
  CHECK(rule_doc_url("https://example.test/docs/rules", "sum") == "https://example.test/docs/rules/sum.md");
  CHECK(rule_doc_url("https://example.test/r/{id}.html", "per-capita") == "https://example.test/r/per-capita.html");
  CHECK(rule_doc_url("", "sum").empty());
}

TEST_CASE("rule docs: the page has the summary, the explanation and the examples") {
  RuleInfo r;
  r.id = "demo";
  r.pack = "mine";
  r.kind = "pattern";
  r.severity = Severity::Warning;
  r.summary = "a demo rule";
  r.explanation = "**Why.** Because.\n";
  r.flag_examples = {"示例 12 所"};
  std::string page = rule_page_markdown(r, builtin_catalogue(), Lang::En);
  CHECK(page.rfind("# demo\n\n`warning` · `pattern` · pack `mine`\n\na demo rule\n\n**Why.** Because.\n\n## ", 0) == 0);
  CHECK(page.find("\n    示例 12 所\n") != std::string::npos);
  CHECK(page.back() == '\n');
  CHECK(page.substr(page.size() - 2) != "\n\n");
}

TEST_CASE("width: East Asian wide characters and emoji take two columns, combining marks none") {
  CHECK(utf8::display_width(U'a') == 1);
  CHECK(utf8::display_width(U'中') == 2);
  CHECK(utf8::display_width(U'，') == 2);           // full-width comma
  CHECK(utf8::display_width(U'\U0001F600') == 2);  // 😀
  CHECK(utf8::display_width(U'\U0001FA90') == 2);  // 🪐, past the blocks the old hand-written table knew
  CHECK(utf8::display_width(U'\u0301') == 0);      // combining acute accent
  CHECK(utf8::display_width(U'\U0002A6D6') == 2);  // CJK Extension B
  CHECK(utf8::display_width(std::string_view("é中a")) == 4);
}

TEST_CASE("statistics: a count per rule, most first") {
  std::vector<FileResult> files(1);
  auto add = [&](const char* rule, Severity s) {
    Diagnostic d;
    d.rule = rule;
    d.severity = s;
    files[0].diagnostics.push_back(d);
  };
  add("percent", Severity::Warning);
  add("sum", Severity::Error);
  add("sum", Severity::Error);
  RuleInfo sum;
  sum.id = "sum";
  sum.summary = "parts add up";
  std::string text = cli::render_statistics(files, {sum}, "text", false);
  CHECK(text == "2  error    sum      parts add up\n1  warning  percent\n");
  std::string json = cli::render_statistics(files, {sum}, "json", false);
  CHECK(json.find("\"rule\": \"sum\",\n    \"severity\": \"error\",\n    \"count\": 2") != std::string::npos);
}
