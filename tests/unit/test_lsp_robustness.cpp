// LSP server: odd input never crashes it and never stops it answering.
#include <doctest/doctest.h>

#include <random>
#include <sstream>

#include "lsp/framing.h"
#include "lsp/stdio.h"
#include "test_lsp_client.h"

using namespace tally::lsp;
using namespace tally::lsp::test;
using nlohmann::json;

TEST_CASE("every method survives params of every wrong shape") {
  Client c;
  c.initialize();
  c.open("file:///r/a.md", "12 70%\n");
  const char* methods[] = {"textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
                           "textDocument/didClose", "textDocument/hover", "textDocument/codeAction",
                           "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles", "initialized"};
  json shapes = json::array({nullptr, 1, "x", json::array(), json::object(), {{"textDocument", 1}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", "x"}}}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", 9}}}, {"contentChanges", 1}},
                             // Negative, fractional and huge positions are invalid params: never applied (at offset 0 or anywhere).
                             {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", 9}}},
                              {"contentChanges", {{{"range", {{"start", {{"line", -5}, {"character", -1}}},
                                                              {"end", {{"line", 0}, {"character", 1}}}}},
                                                   {"text", "99"}}}}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", 9}}},
                              {"contentChanges", {{{"range", {{"start", {{"line", 0.5}, {"character", 0}}},
                                                              {"end", {{"line", 1e20}, {"character", 1}}}}},
                                                   {"text", "99"}}}}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", 10}}},
                              {"contentChanges", {{{"range", {{"start", {{"line", 0}, {"character", 0}}},
                                                              {"end", {{"line", 1 << 30}, {"character", 1 << 30}}}}},
                                                   {"text", "\xf0\x9f\x8e\x89 40%"}}}}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}}}, {"position", {{"line", 1 << 30}, {"character", -3}}}},
                             {{"textDocument", {{"uri", "file:///r/a.md"}}}, {"range", {{"start", 1}}}},
                             {{"settings", {{"tally", {{"rules", 5}, {"disabled", {{"x", 1}}}}}}}},
                             {{"changes", {{{"uri", 3}}}}}});
  int id = 1000;
  for (const char* m : methods)
    for (const auto& p : shapes) {
      c.raw(json{{"jsonrpc", "2.0"}, {"method", m}, {"params", p}}.dump());
      c.raw(json{{"jsonrpc", "2.0"}, {"id", id++}, {"method", m}, {"params", p}}.dump());
    }
  c.server().wait_idle();
  // Still answering, and the document reflects the one valid edit (version 10).
  json h = c.request("textDocument/hover",
                     {{"textDocument", {{"uri", "file:///r/a.md"}}}, {"position", {{"line", 0}, {"character", 3}}}});
  if (h["result"].is_null()) {
    // didClose with valid params may have closed it; reopen and check it still works.
    c.open("file:///r/a.md", "\xf0\x9f\x8e\x89 40%", 20);
    h = c.request("textDocument/hover",
                  {{"textDocument", {{"uri", "file:///r/a.md"}}}, {"position", {{"line", 0}, {"character", 3}}}});
  }
  REQUIRE(h.contains("result"));
  CHECK(h["result"]["contents"]["value"].get<std::string>().find("40%") != std::string::npos);
}

TEST_CASE("random bytes on the stream never crash the server") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 50; ++round) {
    std::string in;
    int pieces = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < pieces; ++k) {
      std::string junk;
      size_t n = rng() % 64;
      for (size_t i = 0; i < n; ++i) junk += static_cast<char>(rng() % 256);
      switch (rng() % 4) {
        case 0: in += junk; break;                     // raw garbage
        case 1: in += frame(junk); break;              // framed garbage
        case 2: in += "Content-Length: " + std::to_string(rng() % 100) + "\r\n\r\n" + junk; break;
        default:
          in += frame(json{{"jsonrpc", "2.0"}, {"id", k}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}}.dump());
      }
    }
    std::istringstream s(in);
    std::string out;
    int code = run_stream(fake_options(), s, [&out](std::string_view b) { out += b; });
    CHECK((code == 0 || code == 1));
    // Whatever came out is well-formed framed JSON.
    std::istringstream o(out);
    std::string body, err;
    ReadStatus st;
    while ((st = read_message(o, &body, &err)) == ReadStatus::Message) CHECK_FALSE(json::parse(body, nullptr, false).is_discarded());
    CHECK(st == ReadStatus::Eof);
  }
}

TEST_CASE("soak: 10,000 hostile messages mixed with valid ones, then correct answers") {
  std::mt19937 rng(777);
  std::string in = frame(json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}}.dump());
  in += frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  in += frame(json{{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
                   {"params", {{"textDocument", {{"uri", "file:///r/a.md"}, {"languageId", "markdown"}, {"version", 1}, {"text", "12 70%\n"}}}}}}
                  .dump());
  const std::string hostile[] = {
      "Content-Length: 1073741824\r\n\r\n",
      "Content-Length: 3\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5}",
      "Content-Length: -1\r\n\r\n",
      frame("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///r/a.md\"},"
            "\"position\":{\"line\":-1,\"character\":1e300}}}"),
      frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":[[[]]]}}"),
      frame("{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999,\"result\":{}}"),
      frame("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]"),
      frame("\xff\xfe\x00"),
      "garbage without a newline ",
      "\r\n\r\n",
  };
  for (int i = 0; i < 10000; ++i) {
    if (i % 10 == 0)
      in += frame(json{{"jsonrpc", "2.0"}, {"id", 100000 + i}, {"method", "textDocument/hover"},
                       {"params", {{"textDocument", {{"uri", "file:///r/a.md"}}}, {"position", {{"line", 0}, {"character", 4}}}}}}
                      .dump());
    else
      in += hostile[rng() % std::size(hostile)];
  }
  // A framed message after the junk: the server must still be in step to answer it.
  in += "\r\n" + frame(R"({"jsonrpc":"2.0","id":"last","method":"shutdown"})");
  std::istringstream s(in);
  std::string out;
  int code = run_stream(fake_options(), s, [&out](std::string_view b) { out += b; });
  CHECK(code == 0);  // shutdown was received
  std::istringstream o(out);
  std::string body, err;
  int hovers = 0;
  bool last = false;
  while (read_message(o, &body, &err) == ReadStatus::Message) {
    json m = json::parse(body, nullptr, false);
    REQUIRE_FALSE(m.is_discarded());
    if (m.contains("id") && m["id"] == "last") last = m.contains("result");
    if (m.contains("id") && m["id"].is_number_integer() && m["id"].get<int64_t>() >= 100000 && m.contains("result") &&
        !m["result"].is_null())
      ++hovers;
  }
  CHECK(last);
  CHECK(hovers > 100);  // most valid hovers survive the junk around them (some are eaten by a short length)
}
