// LSP server: JSON-RPC handling and the initialize/shutdown/exit lifecycle.
#include <doctest/doctest.h>

#include <sstream>

#include "lsp/framing.h"
#include "lsp/stdio.h"
#include "test_lsp_client.h"

using namespace tally::lsp;
using tally::lsp::test::Client;
using tally::lsp::test::fake_options;
using nlohmann::json;

namespace {

std::vector<json> parse_stream(const std::string& out) {
  std::istringstream s(out);
  std::vector<json> msgs;
  std::string body, err;
  while (read_message(s, &body, &err) == ReadStatus::Message) msgs.push_back(json::parse(body));
  return msgs;
}

std::string req(int id, const std::string& method, json params = json::object()) {
  return frame(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
}
std::string note(const std::string& method, json params = json::object()) {
  return frame(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
}

int run(const std::string& input, std::vector<json>* msgs) {
  std::istringstream in(input);
  std::string out;
  int code = run_stream(fake_options(), in, [&out](std::string_view b) { out += b; });
  *msgs = parse_stream(out);
  return code;
}

}  // namespace

TEST_CASE("requests before initialize get ServerNotInitialized; notifications are dropped") {
  Client c;
  json r = c.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.md"}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(r["error"]["code"] == -32002);
  c.open("file:///a.md", "99%");
  c.server().wait_idle();
  CHECK(c.sent("textDocument/publishDiagnostics").empty());
}

TEST_CASE("initialize advertises incremental sync, hover and quick fixes") {
  Client c;
  json r = c.request("initialize", {{"capabilities", json::object()}, {"processId", nullptr}});
  REQUIRE(r.contains("result"));
  const json& caps = r["result"]["capabilities"];
  CHECK(caps["textDocumentSync"]["change"] == 2);
  CHECK(caps["textDocumentSync"]["openClose"] == true);
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["codeActionProvider"]["codeActionKinds"][0] == "quickfix");
  CHECK(r["result"]["serverInfo"]["name"] == "tally");
  CHECK(c.request("initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);
}

TEST_CASE("malformed JSON gets a parse error with a null id") {
  Client c;
  c.raw("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
  auto msgs = c.sent();
  REQUIRE(msgs.size() == 1);
  CHECK(msgs[0]["error"]["code"] == -32700);
  CHECK(msgs[0]["id"].is_null());
  CHECK(msgs[0]["jsonrpc"] == "2.0");
}

TEST_CASE("invalid requests: not an object, bad id, no method") {
  Client c;
  c.raw("[1,2]");
  c.raw("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"shutdown\"}");
  c.raw("{\"jsonrpc\":\"2.0\",\"id\":7}");
  c.raw("{\"jsonrpc\":\"1.0\",\"id\":8,\"method\":\"shutdown\"}");
  auto msgs = c.sent();
  REQUIRE(msgs.size() == 4);
  for (const auto& m : msgs) CHECK(m["error"]["code"] == -32600);
  CHECK(msgs[2]["id"] == 7);
  CHECK(msgs[3]["id"] == 8);
}

TEST_CASE("unknown methods: requests get MethodNotFound, notifications are ignored") {
  Client c;
  c.initialize();
  c.clear();
  CHECK(c.request("tally/unknown", json::object())["error"]["code"] == -32601);
  CHECK(c.request("$/unknownRequest", json::object())["error"]["code"] == -32601);
  c.notify("tally/somethingHappened", json::object());
  c.notify("$/cancelRequest", {{"id", 3}});
  CHECK(c.sent().size() == 2);
}

TEST_CASE("invalid params get InvalidParams and leave the server working") {
  Client c;
  c.initialize();
  CHECK(c.request("textDocument/hover", {{"textDocument", {{"uri", "file:///a.md"}}}})["error"]["code"] == -32602);
  CHECK(c.request("textDocument/hover", {{"textDocument", {{"uri", 5}}}, {"position", {{"line", 0}, {"character", 0}}}})
            ["error"]["code"] == -32602);
  CHECK(c.request("textDocument/codeAction", json::array())["error"]["code"] == -32602);
  // Bad notifications are logged, not answered, and change nothing.
  c.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///a.md"}}}});
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///a.md"}, {"version", 2}}},
                                      {"contentChanges", {{{"range", "bad"}, {"text", "x"}}}}});
  CHECK_FALSE(c.sent("window/logMessage").empty());
  c.open("file:///a.md", "70%");
  CHECK(c.last_published("file:///a.md")["diagnostics"].size() == 1);
}

TEST_CASE("after shutdown requests are refused and exit ends the server") {
  Client c;
  c.initialize();
  json r = c.request("shutdown", nullptr);
  CHECK(r.contains("result"));
  CHECK(r["result"].is_null());
  CHECK(c.request("textDocument/hover", json::object())["error"]["code"] == -32600);
  CHECK_FALSE(c.server().exited());
  c.notify("exit", nullptr);
  CHECK(c.server().exited());
  CHECK(c.server().exit_code() == 0);
}

TEST_CASE("replies to the server's own requests are accepted silently") {
  Client c;
  c.initialize({{"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
  auto reg = c.sent("client/registerCapability");
  REQUIRE(reg.size() == 1);
  CHECK(reg[0]["params"]["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"] == "**/.tally.{yaml,yml}");
  c.clear();
  c.raw(json{{"jsonrpc", "2.0"}, {"id", reg[0]["id"]}, {"result", nullptr}}.dump());
  c.raw(json{{"jsonrpc", "2.0"}, {"id", 12345}, {"error", {{"code", 1}, {"message", "x"}}}}.dump());
  CHECK(c.sent().empty());
}

TEST_CASE("a whole session over a byte stream exits 0 after shutdown") {
  std::vector<json> msgs;
  std::string in = req(1, "initialize", {{"capabilities", json::object()}}) + note("initialized") +
                   "Content-Length: nope\r\n\r\n" + "Content-Length: 5\r\n\r\n{oops" + req(2, "shutdown") +
                   note("exit") + req(3, "shutdown");  // nothing is read after exit
  CHECK(run(in, &msgs) == 0);
  std::vector<json> replies;
  for (const auto& m : msgs)
    if (!m.contains("method")) replies.push_back(m);
  REQUIRE(replies.size() == 3);
  CHECK(replies[0]["id"] == 1);
  CHECK(replies[1]["error"]["code"] == -32700);
  CHECK(replies[1]["id"].is_null());
  CHECK(replies[2]["id"] == 2);
  bool logged = false;
  for (const auto& m : msgs) logged = logged || (m.value("method", "") == "window/logMessage");
  CHECK(logged);  // the bad header was reported to the client
}

TEST_CASE("exit without shutdown, or end of input, exits 1") {
  std::vector<json> msgs;
  CHECK(run(req(1, "initialize", {{"capabilities", json::object()}}) + note("exit"), &msgs) == 1);
  CHECK(run(req(1, "initialize", {{"capabilities", json::object()}}), &msgs) == 1);
  CHECK(run("", &msgs) == 1);
}
