// Server: initialize, configuration and the rule engine's lifetime.
#include <filesystem>

#include "config/config.h"
#include "diag/error_text.h"
#include "diag/messages.h"
#include "lsp/protocol.h"
#include "lsp/server.h"
#include "lsp/uri.h"

namespace tally::lsp {

namespace {

// "cannot load the rule packs: " and why, in the language of the server's messages.
std::string packs_failed(const Error& e, Lang lang) {
  return builtin_catalogue().render(Message("error.lsp.packs", {{"detail", render_error(e, lang)}}), lang);
}

bool flag(const nlohmann::json& j, std::initializer_list<const char*> path) {
  const nlohmann::json* p = &j;
  for (const char* k : path) {
    if (!p->is_object()) return false;
    auto it = p->find(k);
    if (it == p->end()) return false;
    p = &*it;
  }
  return p->is_boolean() && p->get<bool>();
}

std::string workspace_root(const nlohmann::json& params) {
  auto folders = params.find("workspaceFolders");
  if (folders != params.end() && folders->is_array() && !folders->empty() && (*folders)[0].is_object()) {
    auto uri = (*folders)[0].find("uri");
    if (uri != (*folders)[0].end() && uri->is_string()) return uri_to_path(uri->get<std::string>());
  }
  auto root_uri = params.find("rootUri");
  if (root_uri != params.end() && root_uri->is_string()) return uri_to_path(root_uri->get<std::string>());
  auto root_path = params.find("rootPath");
  if (root_path != params.end() && root_path->is_string()) return root_path->get<std::string>();
  return {};
}

}  // namespace

nlohmann::json Server::initialize(const json& params) {
  if (!params.is_object()) throw InvalidParams("initialize params must be an object");
  {
    std::lock_guard<std::mutex> lock(mu_);
    initialize_seen_ = true;
    const json caps = params.value("capabilities", json::object());
    watch_dynamic_ = flag(caps, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
    config_pull_ = flag(caps, {"workspace", "configuration"});
    // LSP 3.17 hover.contentFormat: the formats the client renders, preferred first. A client that lists
    // formats without markdown gets plain text; one that says nothing gets Markdown, as most render it.
    hover_markdown_ = true;
    if (caps.contains("textDocument") && caps["textDocument"].is_object() && caps["textDocument"].contains("hover") &&
        caps["textDocument"]["hover"].is_object()) {
      const json formats = caps["textDocument"]["hover"].value("contentFormat", json());
      if (formats.is_array() && !formats.empty()) {
        hover_markdown_ = false;
        for (const auto& f : formats) hover_markdown_ = hover_markdown_ || f == "markdown";
      }
    }
    create_files_ = false;
    if (flag(caps, {"workspace", "workspaceEdit", "documentChanges"})) {
      const json ops = caps["workspace"]["workspaceEdit"].value("resourceOperations", json::array());
      for (const auto& op : ops) create_files_ = create_files_ || op == "create";
    }
  }
  log_to_client_ = true;  // logMessage is allowed from now on
  std::string root = workspace_root(params);
  // LSP 3.16 `locale` ("zh-cn", "en"): the language of the client's UI; the environment when absent.
  Lang client_lang = lang_from_env();
  if (auto l = params.find("locale"); l != params.end() && l->is_string()) parse_lang(l->get<std::string>(), &client_lang);
  std::vector<std::string> warnings;
  Settings settings;
  std::optional<std::chrono::milliseconds> debounce;
  if (params.contains("initializationOptions")) {
    settings = parse_settings(params["initializationOptions"], &warnings);
    debounce = parse_debounce(params["initializationOptions"], &warnings);
  }
  for (const auto& w : warnings) log(2, w);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (debounce) opts_.debounce = *debounce;
    workspace_.settings = settings;
    workspace_.client_lang = client_lang;
    workspace_.set_root(root);
  }
  rebuild_analyzer();
  json sync = {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}};
  json caps = {{"positionEncoding", "utf-16"},
               {"textDocumentSync", sync},
               {"hoverProvider", true},
               {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}};
  return {{"capabilities", caps}, {"serverInfo", {{"name", "tally"}, {"version", TALLY_VERSION}}}};
}

void Server::initialized() {
  bool watch, pull;
  {
    std::lock_guard<std::mutex> lock(mu_);
    initialized_ = true;
    watch = watch_dynamic_;
    pull = config_pull_;
  }
  if (watch) {
    json watcher = {{"globPattern", "**/.tally.{yaml,yml}"}};
    json reg = {{"id", "tally-config-watch"},
                {"method", "workspace/didChangeWatchedFiles"},
                {"registerOptions", {{"watchers", json::array({watcher})}}}};
    send_request("client/registerCapability", {{"registrations", json::array({reg})}}, nullptr);
  }
  if (pull) {
    send_request("workspace/configuration", {{"items", json::array({{{"section", "tally"}}})}},
                 [this](const json& result) {
                   if (result.is_array() && !result.empty() && result[0].is_object())
                     apply_settings(json{{"tally", result[0]}});
                 });
  }
}

void Server::did_change_configuration(const json& params) {
  const json& settings = params.at("settings");
  bool pull;
  {
    std::lock_guard<std::mutex> lock(mu_);
    pull = config_pull_;
  }
  // Pull-model clients send no settings here, only the news that they changed.
  if ((settings.is_null() || settings.empty()) && pull) {
    send_request("workspace/configuration", {{"items", json::array({{{"section", "tally"}}})}},
                 [this](const json& result) {
                   if (result.is_array() && !result.empty() && result[0].is_object())
                     apply_settings(json{{"tally", result[0]}});
                 });
    return;
  }
  apply_settings(settings);
}

void Server::apply_settings(const json& settings) {
  std::vector<std::string> warnings;
  Settings s = parse_settings(settings, &warnings);
  for (const auto& w : warnings) log(2, w);
  bool engine_changed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (s == workspace_.settings) return;
    engine_changed = s.rule_packs != workspace_.settings.rule_packs ||
                     s.default_rules != workspace_.settings.default_rules;
    workspace_.settings = std::move(s);
  }
  if (engine_changed) rebuild_analyzer();
  recheck_all();
}

void Server::did_change_watched_files(const json& params) {
  bool config_changed = false;
  for (const auto& change : params.at("changes")) {
    std::string path = uri_to_path(change.at("uri").get<std::string>());
    if (is_config_file_name(std::filesystem::path(path).filename().string())) config_changed = true;
  }
  if (!config_changed) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    workspace_.clear();  // read again, with any new pack lists, on the next check
    forget_config_problems_locked();
    analyzers_.clear();
  }
  log(3, "configuration changed; checking again");
  recheck_all();
}

void Server::rebuild_analyzer() {
  EngineOptions eo;
  Lang lang;
  {
    std::lock_guard<std::mutex> lock(mu_);
    analyzers_.clear();
    eo = workspace_.base_engine_options();
    lang = workspace_.message_lang();
  }
  auto a = opts_.make_analyzer(eo);
  if (!a) {
    show(1, packs_failed(a.failure(), lang));
    std::lock_guard<std::mutex> lock(mu_);
    if (analyzer_) return;  // keep checking with the last good rules
    auto fallback = opts_.make_analyzer(workspace_.base_engine);
    if (fallback) analyzer_ = *fallback;
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  analyzer_ = *a;
  ++generation_;
}

std::shared_ptr<const Analyzer> Server::analyzer_for_locked(const EngineOptions& eo) {
  std::string key = eo.default_packs ? "default" : "none";
  for (const auto& p : eo.pack_paths) key += "\n" + p;
  auto it = analyzers_.find(key);
  if (it != analyzers_.end()) return it->second;
  auto a = opts_.make_analyzer(eo);
  if (!a) show(1, packs_failed(a.failure(), workspace_.message_lang()));
  // A failure is remembered too (as the base analyzer), so it is reported once.
  return analyzers_[key] = a ? *a : analyzer_;
}

void Server::recheck_all() {
  std::lock_guard<std::mutex> lock(mu_);
  ++generation_;
  for (auto& [uri, doc] : docs_) {
    doc.analysis = nullptr;  // made with the old configuration
    schedule(doc, std::chrono::milliseconds(0));
  }
}

}  // namespace tally::lsp
