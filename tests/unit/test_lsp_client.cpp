// Not a test file by itself: the in-memory client and fake analyzer the LSP tests share.
#include "test_lsp_client.h"

#include <cctype>

namespace tally::lsp::test {

std::vector<Figure> find_figures(const std::string& text) {
  std::vector<Figure> out;
  for (size_t i = 0; i < text.size();) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    bool pct = i < text.size() && text[i] == '%';
    out.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(pct ? i + 1 : i)}, pct});
  }
  return out;
}

FileResult FakeAnalyzer::check(const SourceText& s, const CheckOptions& opts) const {
  if (gate) gate(s);
  FileResult r;
  r.source = s;
  auto figs = find_figures(s.text());
  for (size_t k = 0; k < figs.size(); ++k) {
    const Figure& f = figs[k];
    std::string t(s.slice(f.span));
    if (!f.percent || t == "50%") continue;
    Diagnostic d;
    d.rule = "percent";
    d.severity = Severity::Warning;
    d.span = f.span;
    d.message = opts.lang == Lang::Zh ? t + " 应为 50%" : t + " should be 50%";
    if (k > 0) d.related.push_back({figs[k - 1].span, "the figure before"});
    d.fix = Fix{f.span, "50%"};
    r.diagnostics.push_back(std::move(d));
  }
  r.figures = static_cast<int>(figs.size());
  return r;
}

std::string FakeAnalyzer::facts_json(const SourceText& s) const {
  json qs = json::array();
  for (const auto& f : find_figures(s.text())) {
    Position b = s.position(f.span.begin), e = s.position(f.span.end);
    std::string t(s.slice(f.span));
    qs.push_back({{"line", b.line}, {"column", b.column}, {"end_line", e.line}, {"end_column", e.column},
                  {"text", t}, {"value", std::stod(t)}, {"unit", f.percent ? "%" : ""}, {"label", "fake label"}, {"scope", ""}, {"in_case", false}});
  }
  return json{{"quantities", qs}}.dump();
}

ServerOptions fake_options(std::shared_ptr<FakeAnalyzer> fake) {
  if (!fake) fake = std::make_shared<FakeAnalyzer>();
  ServerOptions o;
  o.debounce = std::chrono::milliseconds(20);
  o.log_to_stderr = false;
  o.make_analyzer = [fake](const EngineOptions&) -> Result<std::shared_ptr<const Analyzer>> {
    return std::shared_ptr<const Analyzer>(fake);
  };
  return o;
}

Client::Client(ServerOptions opts)
    : server_(std::move(opts), [this](const std::string& body) {
        std::lock_guard<std::mutex> lock(mu_);
        out_.push_back(json::parse(body));
        cv_.notify_all();
      }) {}

json Client::request(const std::string& method, json params) {
  int id = next_id_++;
  server_.handle(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}}.dump());
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = out_.rbegin(); it != out_.rend(); ++it)
    if (it->contains("id") && (*it)["id"] == id && !it->contains("method")) return *it;
  return nullptr;
}

void Client::notify(const std::string& method, json params) {
  server_.handle(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}.dump());
}

void Client::initialize(json params) {
  if (!params.contains("capabilities")) params["capabilities"] = json::object();
  request("initialize", params);
  notify("initialized", json::object());
}

void Client::open(const std::string& uri, const std::string& text, int version, const std::string& lang) {
  notify("textDocument/didOpen",
         {{"textDocument", {{"uri", uri}, {"languageId", lang}, {"version", version}, {"text", text}}}});
}

void Client::change(const std::string& uri, int version, json changes) {
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(changes)}});
}

std::vector<json> Client::sent(const std::string& method) {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<json> r;
  for (const auto& m : out_)
    if (method.empty() || (m.contains("method") && m["method"] == method)) r.push_back(m);
  return r;
}

std::vector<json> Client::published(const std::string& uri) {
  std::vector<json> r;
  for (const auto& m : sent("textDocument/publishDiagnostics"))
    if (m["params"]["uri"] == uri) r.push_back(m["params"]);
  return r;
}

json Client::last_published(const std::string& uri) {
  wait_for([&] { return !published(uri).empty(); });
  server_.wait_idle();
  auto p = published(uri);
  return p.empty() ? json() : p.back();
}

bool Client::wait_for(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (!pred()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::milliseconds(10));
  }
  return true;
}

void Client::clear() {
  std::lock_guard<std::mutex> lock(mu_);
  out_.clear();
}

}  // namespace tally::lsp::test
