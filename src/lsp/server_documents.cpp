// Server: text synchronisation, background checks, hover and code actions.
#include <filesystem>
#include <cstdlib>
#include <limits>
#include <optional>

#include "config/config.h"
#include "diag/error_text.h"
#include "load/read_file.h"
#include "lsp/code_actions.h"
#include "lsp/hover.h"
#include "lsp/memory.h"
#include "lsp/position.h"
#include "lsp/protocol.h"
#include "lsp/server.h"
#include "lsp/uri.h"

namespace tally::lsp {

namespace {

std::string doc_uri(const nlohmann::json& params) {
  return params.at("textDocument").at("uri").get<std::string>();
}

struct Change {
  bool incremental = false;
  LspRange range;
  std::string text;
};

}  // namespace

void Server::did_open(const json& params) {
  const json& td = params.at("textDocument");
  Document doc;
  doc.uri = td.at("uri").get<std::string>();
  doc.language_id = td.value("languageId", "");
  doc.version = int_in_range(td.at("version"), "version", std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
  doc.text = td.at("text").get<std::string>();
  if (!is_checkable(doc.uri, doc.language_id)) return;
  std::string uri = doc.uri;
  std::lock_guard<std::mutex> lock(mu_);
  Document& stored = docs_[uri];
  stored = std::move(doc);
  schedule(stored, std::chrono::milliseconds(0));
}

void Server::did_change(const json& params) {
  std::string uri = doc_uri(params);
  int version = int_in_range(params.at("textDocument").at("version"), "version", std::numeric_limits<int>::min(),
                             std::numeric_limits<int>::max());
  // Read every change before touching the text, so bad params leave it intact.
  std::vector<Change> changes;
  for (const auto& c : params.at("contentChanges")) {
    Change ch;
    ch.text = c.at("text").get<std::string>();
    if (c.contains("range")) {
      ch.incremental = true;
      ch.range = range_from_json(c["range"]);
    }
    changes.push_back(std::move(ch));
  }
  std::string stale;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;  // not open, or not a document tally checks
    Document& doc = it->second;
    if (version <= doc.version) {
      stale = "ignoring change to version " + std::to_string(version) + " of " + uri + ", which is at version " +
              std::to_string(doc.version);
    } else {
      for (const auto& ch : changes) {
        if (ch.incremental) apply_edit(doc.text, ch.range, ch.text);
        else doc.text = ch.text;
      }
      doc.version = version;
      schedule(doc, opts_.debounce);
    }
  }
  if (!stale.empty()) log(2, stale);
}

void Server::did_save(const json& params) {
  std::string uri = doc_uri(params);
  // Clients without file watching still tell us when .tally.yaml is saved in the editor.
  if (is_config_file_name(std::filesystem::path(uri_to_path(uri)).filename().string())) {
    did_change_watched_files({{"changes", json::array({{{"uri", uri}, {"type", 2}}})}});
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it != docs_.end()) schedule(it->second, std::chrono::milliseconds(0));
}

void Server::did_close(const json& params) {
  std::string uri = doc_uri(params);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it == docs_.end()) return;
  bool large = it->second.text.size() >= kReleaseAfterBytes;
  docs_.erase(it);
  scheduler_->cancel(uri);
  publish_empty(uri);
  if (large) release_free_memory();
}

// ---- a broken .tally.yaml

namespace {

// "path:12:5" (or "path:12:5: more") after the config's path: the 0-based line and the 1-based byte column.
bool place_in(const std::string& where, const std::string& path, int* line, int* column) {
  if (where.size() <= path.size() + 1 || where.compare(0, path.size(), path) != 0 || where[path.size()] != ':')
    return false;
  const char* s = where.c_str() + path.size() + 1;
  char* end = nullptr;
  long l = std::strtol(s, &end, 10);
  if (end == s || *end != ':') return false;
  const char* c = end + 1;
  long col = std::strtol(c, &end, 10);
  if (end == c || l < 1 || col < 1 || l > 1'000'000 || col > 1'000'000) return false;
  *line = static_cast<int>(l - 1);
  *column = static_cast<int>(col);
  return true;
}

}  // namespace

void Server::report_config_problem_locked(const ConfigProblem& problem) {
  if (!reported_configs_.insert(problem.path).second) return;
  const Lang lang = workspace_.message_lang();
  show(1, render_error(problem.error, lang));
  // The file's text, to put each column in UTF-16 units (a small file; unreadable: byte columns).
  auto text = read_regular_file(problem.path, kMaxInputBytes, "configuration file");
  std::optional<LineIndex> index;
  if (text) index.emplace(*text);
  json diags = json::array();
  for (ErrorLine l : problem.error.catalogue_lines()) {
    int line = 0, column = 1;
    bool placed = place_in(l.where, problem.path, &line, &column);
    // The place is the diagnostic's range, not part of its message.
    if (placed || l.where == problem.path) l.where.clear();
    int character = column - 1;
    if (index && placed && line < index->line_count()) {
      // The byte column on its line (clamped to the line's end), as LSP counts it.
      size_t end = index->offset({line, std::numeric_limits<int>::max()});
      character = index->position(std::min(index->offset({line, 0}) + static_cast<size_t>(column - 1), end)).character;
    }
    diags.push_back({{"range", {{"start", {{"line", line}, {"character", character}}},
                                {"end", {{"line", line}, {"character", character + 1}}}}},
                     {"severity", 1},
                     {"source", "tally"},
                     {"code", "config"},
                     {"message", render_error_line(l, lang)}});
  }
  notify("textDocument/publishDiagnostics", {{"uri", path_to_uri(problem.path)}, {"diagnostics", diags}});
}

void Server::forget_config_problems_locked() {
  for (const auto& path : reported_configs_) publish_empty(path_to_uri(path));
  reported_configs_.clear();
}

// ---- checking

void Server::schedule(const Document& doc, std::chrono::milliseconds delay) {
  scheduler_->schedule(CheckJob{doc.uri, doc.version, {}}, delay);
}

bool Server::prepare_locked(const Document& doc, Prepared* out) {
  if (!analyzer_) return false;
  out->path = uri_to_path(doc.uri);
  const ConfigProblem* problem = nullptr;
  out->plan = workspace_.plan_for(out->path, &problem);
  if (problem) report_config_problem_locked(*problem);
  out->analyzer = analyzer_for_locked(out->plan.engine);
  if (!out->analyzer) return false;
  out->text = doc.text;
  out->version = doc.version;
  out->generation = generation_;
  return true;
}

std::shared_ptr<const Analysis> Server::analyze_prepared(Prepared& p, const CancelToken& cancel,
                                                         std::string* failure) {
  try {
    auto a = run_analysis(*p.analyzer, SourceText(p.path, std::move(p.text)), p.version, p.plan, cancel);
    return a ? std::make_shared<const Analysis>(std::move(*a)) : nullptr;
  } catch (const std::exception& e) {
    *failure = e.what();
    return nullptr;
  }
}

// Static: the worker may run after the server is gone, so it looks at the
// gate before each of the two short steps that touch the server, and never
// holds it during the analysis.
void Server::run_check(Server* self, Liveness& gate, const CheckJob& job) {
  Prepared p;
  {
    std::lock_guard<std::mutex> lock(gate.mu);
    if (!gate.alive || job.cancel.cancelled() || !self->prepare_check(job, &p)) return;
  }
  std::string failure;
  size_t size = p.text.size();
  auto result = analyze_prepared(p, job.cancel, &failure);
  if (size >= kReleaseAfterBytes) release_free_memory();
  std::lock_guard<std::mutex> lock(gate.mu);
  if (!gate.alive) return;
  if (!failure.empty()) self->log(1, "checking " + job.uri + " failed: " + failure);
  if (result) self->finish_check(job, p, std::move(result));
}

bool Server::prepare_check(const CheckJob& job, Prepared* out) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(job.uri);
  return it != docs_.end() && it->second.version == job.version && prepare_locked(it->second, out);
}

void Server::finish_check(const CheckJob& job, const Prepared& p, std::shared_ptr<const Analysis> result) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(job.uri);
  // A newer version or configuration makes this result worthless: never publish it.
  if (it == docs_.end() || it->second.version != job.version || p.generation != generation_) return;
  it->second.analysis = result;
  publish(it->second, *result);
}

void Server::publish(const Document& doc, const Analysis& a) {
  LineIndex index(doc.text);
  json diags = json::array();
  for (const auto& d : a.result.diagnostics) diags.push_back(diagnostic_json(d, index, doc.uri));
  notify("textDocument/publishDiagnostics", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", diags}});
}

void Server::publish_empty(const std::string& uri) {
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
}

std::shared_ptr<const Analysis> Server::analysis_for(const std::string& uri, const CancelToken& cancel) {
  if (cancel.cancelled()) throw Cancelled{};
  Prepared p;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return nullptr;
    if (auto a = it->second.current_analysis()) return a;
    if (it->second.text.size() > opts_.sync_analysis_limit || !prepare_locked(it->second, &p)) return nullptr;
  }
  std::string failure;
  auto result = analyze_prepared(p, cancel, &failure);
  if (cancel.cancelled()) throw Cancelled{};
  if (!failure.empty()) log(1, "checking " + uri + " failed: " + failure);
  if (!result) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it != docs_.end() && it->second.version == p.version && p.generation == generation_ &&
      !it->second.current_analysis())
    it->second.analysis = result;
  return result;
}

// ---- requests

nlohmann::json Server::hover(const json& params, const CancelToken& cancel) {
  std::string uri = doc_uri(params);
  LspPosition at = position_from_json(params.at("position"));
  auto a = analysis_for(uri, cancel);
  if (!a) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it == docs_.end() || it->second.version != a->version) return nullptr;
  return lsp::hover(it->second, *a, at, analyzer_.get(), hover_markdown_);
}

nlohmann::json Server::code_action(const json& params, const CancelToken& cancel) {
  std::string uri = doc_uri(params);
  LspRange range = range_from_json(params.at("range"));
  const json& context = params.value("context", json::object());
  if (context.is_object() && context.contains("only") && context["only"].is_array()) {
    bool wanted = false;
    for (const auto& k : context["only"])
      wanted = wanted || k == "quickfix" || k == "";
    if (!wanted) return json::array();
  }
  auto a = analysis_for(uri, cancel);
  if (!a) return json::array();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = docs_.find(uri);
  if (it == docs_.end() || it->second.version != a->version) return json::array();
  std::optional<ConfigTarget> target;
  if (!it->second.markdown()) target = config_target_locked(it->second);
  return code_actions(it->second, *a, range, target ? &*target : nullptr);
}

std::optional<ConfigTarget> Server::config_target_locked(const Document& doc) {
  namespace fs = std::filesystem;
  fs::path path(uri_to_path(doc.uri));
  if (!path.is_absolute()) return std::nullopt;
  const ConfigProblem* problem = nullptr;
  const Config* cfg = workspace_.nearest_config(path.string(), &problem);
  if (problem) return std::nullopt;  // a broken .tally.yaml: do not edit or shadow it
  ConfigTarget t;
  if (cfg) {
    // Read again for the edit; it may have become a FIFO since it was loaded: never block on it.
    auto text = read_regular_file(cfg->path, kMaxInputBytes, "configuration file");
    if (!text) return std::nullopt;
    t.uri = path_to_uri(cfg->path);
    t.text = std::move(*text);
    t.exists = true;
    t.rel_path = config_relative(*cfg, path.string());
    return t;
  }
  if (!create_files_) return std::nullopt;
  fs::path dir = path.parent_path();
  const std::string& root = workspace_.root();
  if (!root.empty()) {
    fs::path rel = path.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") dir = root;
  }
  t.uri = path_to_uri((dir / kConfigFileName).string());
  t.rel_path = path.lexically_relative(dir).generic_string();
  return t;
}

}  // namespace tally::lsp
