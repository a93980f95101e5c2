// A test double for an LSP client: drives a tally::lsp::Server in memory and
// records everything it sends. Used by the test_lsp_*.cpp files.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/source.h"
#include "lsp/analyzer.h"
#include "lsp/server.h"

namespace tally::lsp::test {

using nlohmann::json;

// Flags every "N%" with N != 50 (rule "percent", warning; in Chinese when the check options say so) and offers "50%" as
// the fix; related information points at the figure before it, if any. Its
// facts list every run of ASCII digits as a quantity. `gate`, when set, is
// called before checking a text and may block (to simulate a slow check).
class FakeAnalyzer : public Analyzer {
 public:
  std::function<void(const SourceText&)> gate;
  FileResult check(const SourceText& s, const CheckOptions& opts) const override;
  std::string facts_json(const SourceText& s) const override;
  std::string rule_summary(const std::string& id) const override { return id == "percent" ? "percent summary" : ""; }
  bool known_rule(const std::string& id) const override { return id == "percent"; }
};

// Byte spans of digit runs, each with whether a '%' follows.
struct Figure {
  Span span;
  bool percent = false;
};
std::vector<Figure> find_figures(const std::string& text);

// Server options that check with a FakeAnalyzer (a fresh one unless given) and a short debounce.
ServerOptions fake_options(std::shared_ptr<FakeAnalyzer> fake = nullptr);

class Client {
 public:
  explicit Client(ServerOptions opts = fake_options());

  json request(const std::string& method, json params);  // returns the whole response message
  void notify(const std::string& method, json params);
  void raw(const std::string& body) { server_.handle(body); }
  void initialize(json params = json::object());
  void open(const std::string& uri, const std::string& text, int version = 1, const std::string& lang = "markdown");
  void change(const std::string& uri, int version, json changes);

  // Messages the server sent, in order; optionally only those with `method`.
  std::vector<json> sent(const std::string& method = "");
  std::vector<json> published(const std::string& uri);  // publishDiagnostics params
  json last_published(const std::string& uri);          // waits for one
  // Waits (up to `timeout`) until pred holds over the sent messages.
  bool wait_for(const std::function<bool()>& pred, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  void clear();
  Server& server() { return server_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<json> out_;
  int next_id_ = 1;
  Server server_;
};

}  // namespace tally::lsp::test
