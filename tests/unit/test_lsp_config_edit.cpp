// LSP: the code action that adds a `suppress:` entry to .tally.yaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/config.h"
#include "lsp/config_edit.h"
#include "lsp/document.h"
#include "lsp/protocol.h"
#include "lsp/uri.h"
#include "test_lsp_client.h"

using namespace tally::lsp;
using namespace tally::lsp::test;
using nlohmann::json;

namespace {

std::string insert_into(std::string text, const ConfigInsert& ins) {
  apply_edit(text, {ins.at, ins.at}, ins.new_text);
  return text;
}

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("suppress entries are added as valid YAML in every layout") {
  auto ins = suppress_entry_insert("", "sum", "a \"b\"\tc", "r/x.txt");
  REQUIRE(ins);
  CHECK(insert_into("", *ins) == "suppress:\n  " + std::string("- rule: sum\n    line-contains: \"a \\\"b\\\"\\tc\"\n    path: \"r/x.txt\"\n"));
  ins = suppress_entry_insert("rounding: half-up", "sum", "x", "a.txt");
  REQUIRE(ins);
  CHECK(insert_into("rounding: half-up", *ins) ==
        "rounding: half-up\nsuppress:\n  - rule: sum\n    line-contains: \"x\"\n    path: \"a.txt\"\n");
  std::string flush = "suppress:\n- rule: percent\n  line-contains: \"y\"\nrounding: half-up\n";
  ins = suppress_entry_insert(flush, "sum", "x", "a.txt");
  REQUIRE(ins);
  CHECK(insert_into(flush, *ins) == "suppress:\n- rule: sum\n  line-contains: \"x\"\n  path: \"a.txt\"\n"
                              "- rule: percent\n  line-contains: \"y\"\nrounding: half-up\n");
  ins = suppress_entry_insert("suppress:  # accepted findings", "sum", "x", "[a].txt");  // no line break, glob chars
  REQUIRE(ins);
  CHECK(insert_into("suppress:  # accepted findings", *ins) == "suppress:  # accepted findings\n  - rule: sum\n    line-contains: \"x\"\n");
  CHECK_FALSE(suppress_entry_insert("suppress: []\n", "sum", "x", "a.txt"));
}

TEST_CASE("line_contains_for takes a little context before the figure") {
  std::string line = "\t\xe5\x85\xa8\xe6\xa0\xa1\xe5\x85\xb1\xe6\x9c\x89 1200 \xe4\xba\xba";  // \t全校共有 1200 人
  size_t b = line.find("1200");
  CHECK(line_contains_for(line, b, b + 4) == "\xe5\x85\xa8\xe6\xa0\xa1\xe5\x85\xb1\xe6\x9c\x89 1200");
  CHECK(line_contains_for(line, b, b + 4, 2) == "\xe6\x9c\x89 1200");
  CHECK(line_contains_for("70%", 0, 3) == "70%");
}

TEST_CASE("plain text: the .tally.yaml action silences the finding once applied") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("tally-lsp-cfgedit-" + std::to_string(::getpid()));
  fs::create_directories(root / "r");
  fs::path cfg = root / ".tally.yaml";
  { std::ofstream(cfg) << "rounding: half-up\n"; }
  Client c;
  c.initialize({{"rootUri", path_to_uri(root.string())}});
  std::string uri = path_to_uri((root / "r" / "a.txt").string());
  c.open(uri, "intro\n\xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87 70%\n", 1, "plaintext");
  REQUIRE(c.last_published(uri)["diagnostics"].size() == 1);
  json r = c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", range(1, 4, 1, 4)},
                                                 {"context", {{"diagnostics", json::array()}}}});
  REQUIRE(r["result"].size() == 2);
  const json& a = r["result"][1];
  CHECK(a["title"] == "Suppress percent for this line in .tally.yaml");
  const json& edits = a["edit"]["changes"][path_to_uri(cfg.string())];
  REQUIRE(edits.size() == 1);
  std::string text = read(cfg);
  apply_edit(text, range_from_json(edits[0]["range"]), edits[0]["newText"].get<std::string>());
  { std::ofstream(cfg) << text; }
  auto parsed = tally::parse_config(cfg.string(), text);
  REQUIRE(parsed.ok());
  REQUIRE(parsed->suppress.size() == 1);
  CHECK(parsed->suppress[0].path == "r/a.txt");
  c.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", path_to_uri(cfg.string())}, {"type", 2}}}}});
  CHECK(c.last_published(uri)["diagnostics"].empty());
  fs::remove_all(root);
}

TEST_CASE("plain text without .tally.yaml: create one only if the client can") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("tally-lsp-cfgnew-" + std::to_string(::getpid()));
  fs::create_directories(root);
  std::string uri = path_to_uri((root / "a.txt").string());
  json ask = {{"textDocument", {{"uri", uri}}}, {"range", range(0, 0, 0, 3)}, {"context", {{"diagnostics", json::array()}}}};
  {
    Client c;
    c.initialize({{"rootUri", path_to_uri(root.string())}});
    c.open(uri, "70%", 1, "plaintext");
    c.last_published(uri);
    CHECK(c.request("textDocument/codeAction", ask)["result"].size() == 1);  // the fix only
  }
  Client c;
  json caps = {{"workspace", {{"workspaceEdit", {{"documentChanges", true}, {"resourceOperations", {"create"}}}}}}};
  c.initialize({{"rootUri", path_to_uri(root.string())}, {"capabilities", caps}});
  c.open(uri, "70%", 1, "plaintext");
  c.last_published(uri);
  json r = c.request("textDocument/codeAction", ask)["result"];
  REQUIRE(r.size() == 2);
  const json& dc = r[1]["edit"]["documentChanges"];
  REQUIRE(dc.size() == 2);
  CHECK(dc[0]["kind"] == "create");
  CHECK(dc[0]["uri"] == path_to_uri((root / ".tally.yaml").string()));
  std::string created = dc[1]["edits"][0]["newText"];
  auto parsed = tally::parse_config((root / ".tally.yaml").string(), created);
  REQUIRE(parsed.ok());
  CHECK(parsed->suppress.size() == 1);
  fs::remove_all(root);
}
