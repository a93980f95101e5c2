// LSP server: hover, code actions, settings and .tally.yaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/analyzer.h"
#include "lsp/position.h"
#include "rules/engine.h"
#include "lsp/settings.h"
#include "lsp/uri.h"
#include "test_lsp_client.h"

using namespace tally::lsp;
using namespace tally::lsp::test;
using nlohmann::json;

namespace {

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json actions(Client& c, const std::string& uri, json r, json context = {{"diagnostics", json::array()}}) {
  return c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", r}, {"context", context}});
}

json hover_at(Client& c, const std::string& uri, int line, int ch) {
  return c.request("textDocument/hover",
                   {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", ch}}}});
}

}  // namespace

TEST_CASE("hover shows the figure tally understood and the problems on it") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "\xf0\x9f\x8e\x89 12 and 70%\n");  // 🎉 12 and 70%
  c.last_published(uri);
  json h = hover_at(c, uri, 0, 11);  // inside "70%"
  REQUIRE(h["result"].is_object());
  CHECK(h["result"]["range"] == range(0, 10, 0, 13));
  CHECK(h["result"]["contents"]["kind"] == "markdown");
  std::string md = h["result"]["contents"]["value"];
  CHECK(md.find("`70%`") != std::string::npos);
  CHECK(md.find("- value: `70.0`") != std::string::npos);
  CHECK(md.find("- unit: `%`") != std::string::npos);
  CHECK(md.find("- label: `fake label`") != std::string::npos);
  CHECK(md.find("warning `percent`: 70% should be 50%") != std::string::npos);
  CHECK(md.find("percent summary") != std::string::npos);
  CHECK(md.find("scope") == std::string::npos);  // empty and false fields say nothing
  CHECK(md.find("in_case") == std::string::npos);
  json h12 = hover_at(c, uri, 0, 3);  // on "12": a figure without problems
  CHECK(h12["result"]["range"] == range(0, 3, 0, 5));
  CHECK(h12["result"]["contents"]["value"].get<std::string>().find("Problems") == std::string::npos);
  CHECK(hover_at(c, uri, 0, 7)["result"].is_null());  // on "and"
}

TEST_CASE("hover is plain text for a client whose contentFormat offers no Markdown") {
  for (json formats : {json::array({"plaintext"}), json::array({"plaintext", "markdown"}), json::array({"markdown"})}) {
    CAPTURE(formats.dump());
    Client c;
    c.initialize({{"capabilities", {{"textDocument", {{"hover", {{"contentFormat", formats}}}}}}}});
    std::string uri = "file:///r/a.md";
    c.open(uri, "12 and 70%\n");
    c.last_published(uri);
    json h = hover_at(c, uri, 0, 8);
    REQUIRE(h["result"].is_object());
    const std::string text = h["result"]["contents"]["value"];
    bool markdown = formats.size() > 1 || formats[0] == "markdown";
    CHECK(h["result"]["contents"]["kind"] == (markdown ? "markdown" : "plaintext"));
    if (markdown) {
      CHECK(text.find("**Problems**") != std::string::npos);
      CHECK(text.find("`70%`") != std::string::npos);
    } else {
      CHECK(text.find("tally figure 70%") != std::string::npos);
      CHECK(text.find("- value: 70.0") != std::string::npos);
      CHECK(text.find("warning percent: 70% should be 50%") != std::string::npos);
      CHECK(text.find('`') == std::string::npos);
      CHECK(text.find("**") == std::string::npos);
    }
  }
}

TEST_CASE("hover works before the background check has finished") {
  ServerOptions o = fake_options();
  o.debounce = std::chrono::seconds(30);
  Client c(o);
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "x");
  c.last_published(uri);
  c.change(uri, 2, {{{"text", "40%"}}});
  CHECK(hover_at(c, uri, 0, 0)["result"]["range"] == range(0, 0, 0, 3));
}

TEST_CASE("parse_quantities tolerates missing and odd keys") {
  tally::SourceText src("a.txt", "ab 12\n\xe4\xb8\xad 34\n");
  std::string facts = R"({"quantities": [
    {"line": 2, "column": 3, "end_line": 2, "end_column": 5, "text": "34"},
    {"line": 1, "column": 4},
    {"line": "x", "column": 1},
    {"column": 2},
    {"line": 99, "column": 1},
    7
  ]})";
  auto qs = parse_quantities(facts, src);
  REQUIRE(qs.size() == 2);
  CHECK(src.slice(qs[0].span) == "34");
  CHECK(qs[1].span.begin == 3);
  CHECK(qs[1].span.empty());
  CHECK(parse_quantities("{}", src).empty());
  CHECK(parse_quantities("not json", src).empty());
  CHECK(parse_quantities(R"({"quantities": {"a": 1}})", src).empty());
  CHECK(parse_quantities(R"({"files": [{"quantities": [{"line": 1, "column": 1}]}]})", src).size() == 1);
}

TEST_CASE("code actions: the fix, and in Markdown a suppression comment") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "intro\n  rate \xe4\xb8\xad 70%\n");
  c.last_published(uri);
  json r = actions(c, uri, range(1, 9, 1, 9));
  REQUIRE(r["result"].size() == 2);
  const json& fix = r["result"][0];
  CHECK(fix["kind"] == "quickfix");
  CHECK(fix["isPreferred"] == true);
  CHECK(fix["title"] == "Replace 70% with 50%");
  CHECK(fix["diagnostics"][0]["code"] == "percent");
  CHECK(fix["edit"]["changes"][uri] == json::array({{{"range", range(1, 9, 1, 12)}, {"newText", "50%"}}}));
  const json& sup = r["result"][1];
  CHECK(sup["title"] == "Suppress percent on this line");
  CHECK(sup["edit"]["changes"][uri] ==
        json::array({{{"range", range(1, 0, 1, 0)}, {"newText", "<!-- tally-disable-next-line percent -->\n"}}}));
  CHECK(actions(c, uri, range(0, 0, 0, 3))["result"].empty());  // nothing on line 0
  CHECK(actions(c, uri, range(1, 0, 1, 9), {{"diagnostics", json::array()}, {"only", {"refactor"}}})["result"].empty());
}

TEST_CASE("code actions in plain text offer only the fix") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.txt";
  c.open(uri, "70%\r\n", 1, "plaintext");
  c.last_published(uri);
  json r = actions(c, uri, range(0, 0, 0, 3));
  REQUIRE(r["result"].size() == 1);
  CHECK(r["result"][0]["title"] == "Replace 70% with 50%");
}

TEST_CASE("settings: parsing") {
  std::vector<std::string> warnings;
  Settings s = parse_settings(
      json::parse(R"({"tally": {"disabled": ["sum", 3], "rules": {"percent": "off", "share": "info", "x": 1}}})"),
      &warnings);
  CHECK(s.check.disabled == std::set<std::string>{"sum", "percent"});
  CHECK(s.check.severity.at("share") == tally::Severity::Info);
  CHECK(warnings.size() == 2);
  warnings.clear();
  s = parse_settings(json::parse(R"({"rules": ["packs/x.yaml"], "defaultRules": false})"), &warnings);
  CHECK(s.rule_packs == std::vector<std::string>{"packs/x.yaml"});
  CHECK_FALSE(s.default_rules);
  CHECK(warnings.empty());
  CHECK(parse_settings(json(), &warnings) == Settings{});
}

TEST_CASE("didChangeConfiguration re-checks open documents with the new settings") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "70%");
  CHECK(c.last_published(uri)["diagnostics"].size() == 1);
  c.notify("workspace/didChangeConfiguration", {{"settings", {{"tally", {{"disabled", {"percent"}}}}}}});
  CHECK(c.last_published(uri)["diagnostics"].empty());
  c.notify("workspace/didChangeConfiguration", {{"settings", {{"tally", {{"rules", {{"percent", "error"}}}}}}}});
  json p = c.last_published(uri);
  REQUIRE(p["diagnostics"].size() == 1);
  CHECK(p["diagnostics"][0]["severity"] == 1);
}

TEST_CASE("pull-model clients are asked for their settings") {
  Client c;
  c.initialize({{"capabilities", {{"workspace", {{"configuration", true}}}}}});
  auto asks = c.sent("workspace/configuration");
  REQUIRE(asks.size() == 1);
  CHECK(asks[0]["params"]["items"][0]["section"] == "tally");
  std::string uri = "file:///r/a.md";
  c.open(uri, "70%");
  CHECK(c.last_published(uri)["diagnostics"].size() == 1);
  c.raw(json{{"jsonrpc", "2.0"}, {"id", asks[0]["id"]}, {"result", {{{"disabled", {"percent"}}}}}}.dump());
  CHECK(c.last_published(uri)["diagnostics"].empty());
}

TEST_CASE(".tally.yaml in the workspace root applies and is re-read when it changes") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("tally-lsp-test-" + std::to_string(::getpid()));
  fs::create_directories(root);
  fs::path cfg = root / ".tally.yaml";
  { std::ofstream(cfg) << "disable: [percent]\n"; }
  Client c;
  c.initialize({{"rootUri", path_to_uri(root.string())}});
  std::string uri = path_to_uri((root / "report.md").string());
  c.open(uri, "70%");
  CHECK(c.last_published(uri)["diagnostics"].empty());
  { std::ofstream(cfg) << "severity:\n  percent: error\n"; }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", path_to_uri(cfg.string())}, {"type", 2}}}}});
  json p = c.last_published(uri);
  REQUIRE(p["diagnostics"].size() == 1);
  CHECK(p["diagnostics"][0]["severity"] == 1);
  // Saving .tally.yaml in the editor works too, for clients that do not watch files.
  { std::ofstream(cfg) << "severity:\n  percent: info\n"; }
  c.notify("textDocument/didSave", {{"textDocument", {{"uri", path_to_uri(cfg.string())}}}});
  p = c.last_published(uri);
  REQUIRE(p["diagnostics"].size() == 1);
  CHECK(p["diagnostics"][0]["severity"] == 3);
  // A broken config is reported, not fatal.
  { std::ofstream(cfg) << "disable: [\n"; }
  c.clear();
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", path_to_uri(cfg.string())}, {"type", 2}}}}});
  CHECK(c.last_published(uri)["diagnostics"].size() == 1);  // checked as if there were no config
  int errors = 0;
  for (const auto& m : c.sent("window/logMessage"))
    errors += m["params"]["type"] == 1 && m["params"]["message"].get<std::string>().find(".tally.yaml") != std::string::npos;
  CHECK(errors == 1);
  // … and shown to the user once, not on every keystroke.
  int shown = 0;
  for (const auto& m : c.sent("window/showMessage"))
    shown += m["params"]["type"] == 1 && m["params"]["message"].get<std::string>().find(".tally.yaml") != std::string::npos;
  CHECK(shown == 1);
  c.change(uri, 2, json::array({{{"text", "80%"}}}));
  REQUIRE(c.wait_for([&] {
    for (const auto& p : c.published(uri))
      if (!p["diagnostics"].empty() && p["diagnostics"][0]["message"] == "80% should be 50%") return true;
    return false;
  }));
  CHECK(c.sent("window/showMessage").size() == 1);  // an edit does not show it again
  // … and as diagnostics on the .tally.yaml itself.
  const std::string cfg_uri = path_to_uri(cfg.string());
  REQUIRE_FALSE(c.published(cfg_uri).empty());
  CHECK(c.last_published(cfg_uri)["diagnostics"].size() == 1);
  CHECK(c.last_published(cfg_uri)["diagnostics"][0]["severity"] == 1);
  // Each problem at its line and column (UTF-16), the message without the place.
  { std::ofstream(cfg) << "# 配置\nseverity:\n  percent: error\n中文: [sum]\ndisabel: [sum]\n"; }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", cfg_uri}, {"type", 2}}}}});
  REQUIRE(c.wait_for([&] { return c.last_published(cfg_uri)["diagnostics"].size() == 2; }));
  json d = c.last_published(cfg_uri)["diagnostics"];
  CHECK(d[0]["range"]["start"] == json{{"line", 3}, {"character", 0}});
  CHECK(d[1]["range"]["start"] == json{{"line", 4}, {"character", 0}});
  CHECK(d[1]["message"].get<std::string>().find("disabel") != std::string::npos);
  CHECK(d[1]["message"].get<std::string>().find(".tally.yaml") == std::string::npos);
  CHECK(c.sent("window/showMessage").size() == 2);  // changed and still broken: shown again, once
  // Mended: the config's diagnostics are withdrawn and the report is checked with it.
  { std::ofstream(cfg) << "severity:\n  percent: error\n"; }
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", cfg_uri}, {"type", 2}}}}});
  REQUIRE(c.wait_for([&] { return c.last_published(cfg_uri)["diagnostics"].empty(); }));
  fs::remove_all(root);
}

TEST_CASE("the nearest .tally.yaml applies, with its own rule packs") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("tally-lsp-nested-" + std::to_string(::getpid()));
  fs::create_directories(root / "sub");
  { std::ofstream(root / "sub" / "extra.yaml") << "pack: extra\n"; }
  { std::ofstream(root / "sub" / ".tally.yaml") << "rules: [extra.yaml]\ndisable: [percent]\n"; }
  auto seen = std::make_shared<std::vector<std::vector<std::string>>>();
  ServerOptions o = fake_options();
  auto inner = o.make_analyzer;
  o.make_analyzer = [inner, seen](const tally::EngineOptions& eo) {
    seen->push_back(eo.pack_paths);
    return inner(eo);
  };
  Client c(o);
  c.initialize({{"rootUri", path_to_uri(root.string())}});
  std::string top = path_to_uri((root / "a.md").string()), nested = path_to_uri((root / "sub" / "b.md").string());
  c.open(top, "70%");
  c.open(nested, "70%");
  CHECK(c.last_published(top)["diagnostics"].size() == 1);
  CHECK(c.last_published(nested)["diagnostics"].empty());
  bool extra = false;
  for (const auto& packs : *seen)
    for (const auto& p : packs) extra = extra || fs::path(p).filename() == "extra.yaml";
  CHECK(extra);
  fs::remove_all(root);
}

TEST_CASE("the real engine: the server publishes what Engine::check finds") {
  std::ifstream in(std::string(TALLY_SOURCE_DIR) + "/tests/lsp/report.md", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  REQUIRE_FALSE(text.empty());
  auto engine = tally::Engine::create(tally::EngineOptions{});
  REQUIRE(engine.ok());
  tally::FileResult direct = (*engine)->check(tally::SourceText("/r/report.md", text));

  ServerOptions o;  // default: Engine::create with the built-in packs
  o.debounce = std::chrono::milliseconds(10);
  o.log_to_stderr = false;
  Client c(o);
  c.initialize();
  std::string uri = "file:///r/report.md";
  c.open(uri, text);
  json p = c.last_published(uri);
  CHECK(p["version"] == 1);
  REQUIRE(p["diagnostics"].size() == direct.diagnostics.size());
  tally::lsp::LineIndex index(text);
  for (size_t i = 0; i < direct.diagnostics.size(); ++i) {
    const auto& d = direct.diagnostics[i];
    CHECK(p["diagnostics"][i]["code"] == d.rule);
    CHECK(p["diagnostics"][i]["range"]["start"]["line"] == index.position(d.span.begin).line);
    CHECK(p["diagnostics"][i]["range"]["start"]["character"] == index.position(d.span.begin).character);
  }
  if (!direct.diagnostics.empty()) {
    // Hover on the first finding names its rule.
    json h = c.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", p["diagnostics"][0]["range"]["start"]}});
    CHECK(h["result"]["contents"]["value"].get<std::string>().find("`" + direct.diagnostics[0].rule + "`") != std::string::npos);
  } else {
    MESSAGE("the engine reports nothing for tests/lsp/report.md; only the empty publish was checked");
  }
}

TEST_CASE("the language of findings: the client's locale, then .tally.yaml's lang:, then the lang setting") {
  namespace fs = std::filesystem;
  auto message = [](Client& c, const std::string& uri) {
    json p = c.last_published(uri);
    REQUIRE(p["diagnostics"].size() == 1);
    return p["diagnostics"][0]["message"].get<std::string>();
  };
  {
    Client c;
    c.initialize({{"locale", "zh-cn"}});
    c.open("file:///r/a.md", "70%\n");
    CHECK(message(c, "file:///r/a.md") == "70% 应为 50%");
  }
  {
    Client c;
    c.initialize({{"locale", "en"}});
    c.open("file:///r/a.md", "70%\n");
    CHECK(message(c, "file:///r/a.md") == "70% should be 50%");
  }
  {
    // The setting wins over the locale (an editor in English, findings for Chinese authors).
    Client c;
    c.initialize({{"locale", "en-US"}, {"initializationOptions", {{"tally", {{"lang", "zh"}}}}}});
    c.open("file:///r/a.md", "70%\n");
    CHECK(message(c, "file:///r/a.md") == "70% 应为 50%");
  }
  {
    // A project's .tally.yaml `lang:` wins over the client's locale.
    fs::path root = fs::temp_directory_path() / ("tally-lsp-lang-" + std::to_string(::getpid()));
    fs::create_directories(root);
    std::ofstream(root / ".tally.yaml") << "lang: zh\n";
    Client c;
    c.initialize({{"locale", "en"}, {"rootUri", path_to_uri(root.string())}});
    std::string uri = path_to_uri((root / "a.md").string());
    c.open(uri, "70%\n");
    CHECK(message(c, uri) == "70% 应为 50%");
    fs::remove_all(root);
  }
  std::vector<std::string> warnings;
  Settings s = parse_settings({{"tally", {{"lang", "fr"}}}}, &warnings);
  CHECK_FALSE(s.lang);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0] == "tally.lang: expected en or zh");
}
