// LSP server: $/cancelRequest, cancelled checks, a destructor that does not
// wait, and the cap on findings per document.
#include <doctest/doctest.h>

#include <atomic>
#include <future>
#include <sstream>
#include <thread>

#include "config/diagnostic_cap.h"
#include "lsp/framing.h"
#include "lsp/protocol.h"
#include "lsp/stdio.h"
#include "test_lsp_client.h"

using namespace tally::lsp;
using namespace tally::lsp::test;
using nlohmann::json;

namespace {

// Counts the facts pass per text length, to see which checks got that far.
class CountingAnalyzer : public FakeAnalyzer {
 public:
  mutable std::atomic<int> facts{0};
  std::string facts_json(const tally::SourceText& s) const override {
    ++facts;
    return FakeAnalyzer::facts_json(s);
  }
};

json hover_request(int id, const std::string& uri) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/hover"},
          {"params", {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}}}};
}

json response_to(Client& c, int id) {
  for (const auto& m : c.sent())
    if (!m.contains("method") && m.contains("id") && m["id"] == id) return m;
  return nullptr;
}

}  // namespace

TEST_CASE("a request cancelled while it runs answers RequestCancelled") {
  auto fake = std::make_shared<FakeAnalyzer>();
  auto opts = fake_options(fake);
  opts.debounce = std::chrono::seconds(30);  // the edit below is analysed by the hover, not in the background
  Client c(opts);
  c.initialize();
  c.open("file:///r/a.md", "12 70%\n");
  c.server().wait_idle();
  c.change("file:///r/a.md", 2, {{{"text", "13 60%\n"}}});
  // The hover analyses version 2 on the request thread; the client cancels it meanwhile
  // (as the reading thread of run_stream would).
  std::thread::id request_thread = std::this_thread::get_id();
  fake->gate = [&](const tally::SourceText&) {
    if (std::this_thread::get_id() == request_thread) c.server().cancel_request(41);
  };
  c.raw(hover_request(41, "file:///r/a.md").dump());
  json r = response_to(c, 41);
  REQUIRE(r.is_object());
  REQUIRE(r.contains("error"));
  CHECK(r["error"]["code"] == err::kRequestCancelled);
  // The id is answered: cancelling it again changes nothing, and the next request is answered normally.
  fake->gate = nullptr;
  c.server().cancel_request(41);
  c.raw(hover_request(42, "file:///r/a.md").dump());
  CHECK(response_to(c, 42)["result"]["contents"]["value"].get<std::string>().find("13") != std::string::npos);
}

TEST_CASE("a request cancelled before it is handled is answered without work") {
  auto fake = std::make_shared<FakeAnalyzer>();
  std::atomic<int> checks{0};
  Client c(fake_options(fake));
  c.initialize();
  c.open("file:///r/a.md", "12 70%\n");
  c.server().wait_idle();
  fake->gate = [&](const tally::SourceText&) { ++checks; };
  json req = hover_request(7, "file:///r/a.md");
  // A reading transport previews the request, then the cancel, before the request is handled.
  CHECK(c.server().preview(req));
  CHECK_FALSE(c.server().preview({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 7}}}}));
  c.server().handle_message(req);
  CHECK(response_to(c, 7)["error"]["code"] == err::kRequestCancelled);
  // shutdown is never cancelled: it must count when exit follows.
  json shut = {{"jsonrpc", "2.0"}, {"id", "s"}, {"method", "shutdown"}};
  c.server().preview(shut);
  c.server().cancel_request("s");
  c.server().handle_message(shut);
  CHECK(c.sent().back()["result"].is_null());
  CHECK(c.server().exit_code() == 0);
  CHECK(checks == 0);
}

TEST_CASE("a check superseded by an edit stops before its facts pass and never publishes") {
  auto fake = std::make_shared<CountingAnalyzer>();
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first{true};
  std::atomic<bool> blocked{false};
  fake->gate = [&](const tally::SourceText&) {
    if (first.exchange(false)) {
      blocked = true;
      released.wait();
    }
  };
  Client c(fake_options(fake));
  c.initialize();
  c.open("file:///r/a.md", "70%", 1);
  REQUIRE(c.wait_for([&] { return blocked.load(); }));
  c.change("file:///r/a.md", 2, {{{"text", "60% 40%"}}});
  release.set_value();
  c.server().wait_idle();
  auto pubs = c.published("file:///r/a.md");
  REQUIRE(pubs.size() == 1);
  CHECK(pubs[0]["version"] == 2);
  CHECK(fake->facts == 1);  // version 2 only
}

TEST_CASE("the server's destructor does not wait for a running check") {
  struct Shared {
    std::promise<void> release;
    std::shared_future<void> released{release.get_future().share()};
    std::atomic<bool> blocked{false};
  };
  auto shared = std::make_shared<Shared>();
  auto fake = std::make_shared<FakeAnalyzer>();
  // Captures only shared state: the worker outlives the server.
  fake->gate = [shared](const tally::SourceText&) {
    shared->blocked = true;
    shared->released.wait();
  };
  auto start = std::chrono::steady_clock::now();
  {
    Client c(fake_options(fake));
    c.initialize();
    c.open("file:///r/a.md", "70%", 1);
    REQUIRE(c.wait_for([&] { return shared->blocked.load(); }));
    start = std::chrono::steady_clock::now();
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(TALLY_TEST_SLOW ? 10 : 1));
  shared->release.set_value();  // the abandoned worker finishes, publishes nothing, and ends
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

TEST_CASE("run_stream: exit ends the stream even while a request runs") {
  auto fake = std::make_shared<FakeAnalyzer>();
  auto opts = fake_options(fake);
  opts.debounce = std::chrono::seconds(30);
  std::string in;
  auto add = [&](const json& m) { in += frame(m.dump()); };
  add({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}});
  add({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"},
       {"params", {{"textDocument", {{"uri", "file:///r/a.md"}, {"languageId", "markdown"}, {"version", 1}, {"text", "70%"}}}}}});
  add({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"},
       {"params", {{"textDocument", {{"uri", "file:///r/a.md"}, {"version", 2}}}, {"contentChanges", {{{"text", "60%"}}}}}}});
  add(hover_request(2, "file:///r/a.md"));
  add({{"jsonrpc", "2.0"}, {"id", 3}, {"method", "shutdown"}});
  add({{"jsonrpc", "2.0"}, {"method", "exit"}});
  // The hover's analysis is slow until the stream has been read to `exit`.
  std::atomic<bool> hovering{false};
  fake->gate = [&](const tally::SourceText& s) {
    if (s.text() != "60%") return;
    hovering = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  };
  std::istringstream stream(in);
  std::mutex out_mu;
  std::string out;
  int code = run_stream(opts, stream, [&](std::string_view b) {
    std::lock_guard<std::mutex> lock(out_mu);
    out += b;
  });
  CHECK(code == 0);
  // (The hover may have been cancelled before or during its analysis, depending on when exit was read.)
  // The hover was cancelled by `exit` (read while it ran) and still answered.
  CHECK(out.find("\"id\":2") != std::string::npos);
  CHECK(out.find("-32800") != std::string::npos);
}

TEST_CASE("findings per file are capped, with one summary of the rest") {
  tally::FileResult r;
  for (int i = 0; i < 1500; ++i) {
    tally::Diagnostic d;
    d.rule = "percent";
    d.severity = i == 1400 ? tally::Severity::Error : tally::Severity::Warning;
    d.span = {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)};
    if (i == 0)
      for (int k = 0; k < 70; ++k) d.related.push_back({d.span, "part"});
    r.diagnostics.push_back(d);
  }
  tally::cap_findings(r, 1000);
  REQUIRE(r.diagnostics.size() == 1001);
  const auto& s = r.diagnostics.back();
  CHECK(s.rule == tally::kTooManyFindingsRule);
  CHECK(s.severity == tally::Severity::Error);  // the worst of those left out: the exit code does not change
  CHECK(s.span.begin == 1000);
  CHECK(s.message.find("500 more findings") != std::string::npos);
  CHECK(s.message.find("1 error, 499 warnings") != std::string::npos);
  CHECK(r.diagnostics[0].related.size() == tally::kMaxRelated);
  CHECK(r.diagnostics[0].notes.back() == "20 more related figures not listed");
  tally::FileResult few;
  few.diagnostics.resize(3);
  tally::cap_findings(few, 1000);
  CHECK(few.diagnostics.size() == 3);
}

TEST_CASE("published diagnostics are capped too") {
  Client c;
  c.initialize();
  std::string text;
  for (int i = 0; i < 1200; ++i) text += "70%\n";
  c.open("file:///r/many.md", text);
  json p = c.last_published("file:///r/many.md");
  REQUIRE(p["diagnostics"].size() == tally::kDefaultMaxFindings + 1);
  CHECK(p["diagnostics"].back()["code"] == tally::kTooManyFindingsRule);
  CHECK(p["diagnostics"].back()["message"].get<std::string>().find("200 more findings") != std::string::npos);
}
