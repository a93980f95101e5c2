// LSP server: document sync and background checks publishing diagnostics.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>

#include "test_lsp_client.h"

using namespace tally::lsp;
using namespace tally::lsp::test;
using nlohmann::json;

namespace {

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json hover_at(Client& c, const std::string& uri, int line, int ch) {
  return c.request("textDocument/hover",
                   {{"textDocument", {{"uri", uri}}}, {"position", {{"line", line}, {"character", ch}}}});
}

}  // namespace

TEST_CASE("didOpen publishes diagnostics with UTF-16 ranges, version and related information") {
  Client c;
  c.initialize();
  // 就业率🎉 is 3 + 2 UTF-16 units; 7 code points precede "70%" on line 2.
  std::string text = "# t\n12 \xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87\xf0\x9f\x8e\x89 70%\n";
  c.open("file:///r/report.md", text, 3);
  json p = c.last_published("file:///r/report.md");
  CHECK(p["version"] == 3);
  REQUIRE(p["diagnostics"].size() == 1);
  const json& d = p["diagnostics"][0];
  CHECK(d["range"] == range(1, 9, 1, 12));
  CHECK(d["severity"] == 2);
  CHECK(d["code"] == "percent");
  CHECK(d["source"] == "tally");
  CHECK(d["message"] == "70% should be 50%");
  CHECK(d["data"]["explain"] == "tally explain percent");
  CHECK_FALSE(d.contains("codeDescription"));
  REQUIRE(d["relatedInformation"].size() == 1);
  CHECK(d["relatedInformation"][0]["location"]["uri"] == "file:///r/report.md");
  CHECK(d["relatedInformation"][0]["location"]["range"] == range(1, 0, 1, 2));
  CHECK(d["relatedInformation"][0]["message"] == "the figure before");
}

TEST_CASE("documents tally does not check are ignored") {
  Client c;
  c.initialize();
  c.open("file:///r/main.cpp", "int x = 70%;", 1, "cpp");
  c.open("file:///r/notes.txt", "70%", 1, "plaintext");
  c.last_published("file:///r/notes.txt");
  CHECK(c.published("file:///r/main.cpp").empty());
}

TEST_CASE("incremental and full changes are applied before re-checking") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "\xf0\x9f\x98\x80 70%", 1);  // 😀 70%
  CHECK(c.last_published(uri)["diagnostics"][0]["range"] == range(0, 3, 0, 6));
  // Insert "中文" before the figure, then fix 70 to 50 and add a new line with 20%.
  c.change(uri, 2, {{{"range", range(0, 2, 0, 2)}, {"text", "\xe4\xb8\xad\xe6\x96\x87"}}});
  c.change(uri, 3, {{{"range", range(0, 5, 0, 7)}, {"text", "50"}}, {{"range", range(0, 8, 0, 8)}, {"text", "\n20%"}}});
  json p = c.last_published(uri);
  CHECK(p["version"] == 3);
  REQUIRE(p["diagnostics"].size() == 1);
  CHECK(p["diagnostics"][0]["range"] == range(1, 0, 1, 3));
  CHECK(p["diagnostics"][0]["message"] == "20% should be 50%");
  c.change(uri, 4, {{{"text", "1% 2%"}}});
  p = c.last_published(uri);
  CHECK(p["version"] == 4);
  CHECK(p["diagnostics"].size() == 2);
}

TEST_CASE("a change with an old version is ignored and logged") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "70%", 5);
  c.last_published(uri);
  c.change(uri, 4, {{{"text", "10% 20% 30%"}}});
  c.change(uri, 5, {{{"text", "10% 20% 30%"}}});
  CHECK(c.sent("window/logMessage").size() == 2);
  c.server().wait_idle();
  for (const auto& p : c.published(uri)) CHECK(p["version"] == 5);
  // The text is still the version-5 text: one figure.
  json h = hover_at(c, uri, 0, 1);
  CHECK(h["result"]["range"] == range(0, 0, 0, 3));
  CHECK(c.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", range(0, 0, 0, 11)},
                                              {"context", {{"diagnostics", json::array()}}}})["result"]
            .size() == 2);
}

TEST_CASE("a burst of 200 changes publishes only for the last version") {
  ServerOptions o = fake_options();
  o.debounce = std::chrono::milliseconds(500);
  Client c(o);
  c.initialize();
  std::string uri = "file:///r/burst.md";
  c.open(uri, "");
  c.last_published(uri);
  c.clear();
  for (int v = 2; v <= 201; ++v) c.change(uri, v, {{{"range", range(0, 0, 0, 0)}, {"text", "1% "}}});
  c.server().wait_idle();
  auto pubs = c.published(uri);
  REQUIRE(pubs.size() == 1);
  CHECK(pubs[0]["version"] == 201);
  CHECK(pubs[0]["diagnostics"].size() == 200);
}

TEST_CASE("didClose clears the document's diagnostics") {
  Client c;
  c.initialize();
  std::string uri = "file:///r/a.md";
  c.open(uri, "70%");
  CHECK(c.last_published(uri)["diagnostics"].size() == 1);
  c.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  auto pubs = c.published(uri);
  CHECK(pubs.back()["diagnostics"].empty());
  CHECK(hover_at(c, uri, 0, 0)["result"].is_null());
}

TEST_CASE("a huge document's slow check does not block other requests or documents") {
  auto fake = std::make_shared<FakeAnalyzer>();
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> huge_checks{0};
  fake->gate = [&](const tally::SourceText& s) {
    if (s.text().size() > 1000000) {
      ++huge_checks;
      released.wait();
    }
  };
  Client c(fake_options(fake));
  c.initialize();
  std::string huge(6 * 1024 * 1024, 'x');
  for (size_t i = 0; i < huge.size(); i += 80) huge[i] = '\n';
  huge += "70%";
  auto start = std::chrono::steady_clock::now();
  c.open("file:///r/huge.md", huge, 1);
  REQUIRE(c.wait_for([&] { return huge_checks == 1; }));
  // The huge document is being checked; everything else still works.
  c.open("file:///r/small.md", "12 70%", 1);
  // The second worker checks it meanwhile (waiting for idle would block here).
  REQUIRE(c.wait_for([&] { return !c.published("file:///r/small.md").empty(); }));
  CHECK(c.published("file:///r/small.md")[0]["diagnostics"].size() == 1);
  c.change("file:///r/huge.md", 2, {{{"range", range(0, 0, 0, 0)}, {"text", "80% "}}});
  json h = hover_at(c, "file:///r/small.md", 0, 4);
  CHECK(h["result"]["contents"]["value"].get<std::string>().find("70%") != std::string::npos);
  json hh = hover_at(c, "file:///r/huge.md", 0, 1);  // too large to analyse on the request thread
  CHECK(hh["result"].is_null());
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(TALLY_TEST_SLOW ? 60 : 5));
  release.set_value();
  c.server().wait_idle();
  auto pubs = c.published("file:///r/huge.md");
  REQUIRE(pubs.size() == 1);  // version 1 finished after version 2 arrived: never published
  CHECK(pubs[0]["version"] == 2);
  CHECK(pubs[0]["diagnostics"].size() == 2);
}
