#include "lsp/server.h"

#include <cstdint>
#include <cstdio>
#include <limits>

#include "lsp/protocol.h"
#include "lsp/uri.h"

namespace tally::lsp {

namespace {

bool usable_id(const nlohmann::json& id) { return id.is_string() || id.is_number_integer(); }

}  // namespace

Server::Server(ServerOptions opts, Send send) : opts_(std::move(opts)), send_(std::move(send)) {
  workspace_.base_engine = opts_.engine;
  scheduler_ = std::make_unique<CheckScheduler>(
      opts_.debounce, opts_.workers, [this, gate = gate_](const CheckJob& job) { run_check(this, *gate, job); });
}

Server::~Server() {
  {
    // Waits only for a worker that is preparing or publishing, never for an analysis.
    std::lock_guard<std::mutex> lock(gate_->mu);
    gate_->alive = false;
  }
  scheduler_.reset();  // cancels the running checks; their workers end by themselves
}

bool Server::exited() const {
  std::lock_guard<std::mutex> lock(mu_);
  return exited_;
}

int Server::exit_code() const {
  std::lock_guard<std::mutex> lock(mu_);
  return shutdown_ ? 0 : 1;
}

void Server::wait_idle() { scheduler_->wait_idle(); }

void Server::handle(std::string_view body) { handle_message(json::parse(body.begin(), body.end(), nullptr, false)); }

bool Server::preview(const json& msg) {
  if (!msg.is_object()) return true;
  auto method = msg.find("method");
  if (method == msg.end() || !method->is_string()) return true;
  auto id = msg.find("id");
  if (id != msg.end()) {
    if (usable_id(*id)) begin_request(*id);
    return true;
  }
  if (*method == "$/cancelRequest") {
    auto params = msg.find("params");
    if (params != msg.end() && params->is_object() && params->contains("id")) cancel_request((*params)["id"]);
    return false;
  }
  if (*method == "exit") {
    // Whatever is queued before exit is answered at once instead of worked on.
    std::lock_guard<std::mutex> lock(flight_mu_);
    for (auto& [key, token] : in_flight_) token.cancel();
  }
  return true;
}

void Server::cancel_request(const json& id) {
  if (!usable_id(id)) return;
  std::lock_guard<std::mutex> lock(flight_mu_);
  auto it = in_flight_.find(id.dump());
  if (it != in_flight_.end()) it->second.cancel();  // an answered request: nothing to do
}

CancelToken Server::begin_request(const json& id) {
  std::lock_guard<std::mutex> lock(flight_mu_);
  auto [it, inserted] = in_flight_.try_emplace(id.dump());
  if (inserted) it->second = CancelToken::make();
  return it->second;
}

void Server::end_request(const json& id) {
  std::lock_guard<std::mutex> lock(flight_mu_);
  in_flight_.erase(id.dump());
}

void Server::handle_message(const json& msg) {
  if (msg.is_discarded()) {
    reply_error(nullptr, err::kParseError, "parse error: the message is not valid JSON");
    return;
  }
  try {
    dispatch(msg);
  } catch (const std::exception& e) {
    // Handlers validate their params; reaching here is a bug, not a reason to die.
    log(1, std::string("internal error: ") + e.what());
    if (msg.is_object() && msg.contains("id") && msg.contains("method"))
      reply_error(msg["id"], err::kInternalError, std::string("internal error: ") + e.what());
  }
  // Answered now, or rejected before reaching request(): either way no longer
  // in flight (preview registered every request with a usable id).
  if (msg.is_object() && msg.contains("method")) {
    auto id = msg.find("id");
    if (id != msg.end() && usable_id(*id)) end_request(*id);
  }
}

void Server::dispatch(const json& msg) {
  if (!msg.is_object()) {
    reply_error(nullptr, err::kInvalidRequest, "invalid request: expected a JSON-RPC object");
    return;
  }
  auto id = msg.find("id");
  bool has_id = id != msg.end();
  if (has_id && !id->is_string() && !id->is_number_integer() && !id->is_null()) {
    reply_error(nullptr, err::kInvalidRequest, "invalid request: id must be a number or a string");
    return;
  }
  json id_value = has_id ? *id : json();
  auto version = msg.find("jsonrpc");
  if (version != msg.end() && *version != "2.0") {
    if (has_id) reply_error(id_value, err::kInvalidRequest, "invalid request: jsonrpc must be \"2.0\"");
    return;
  }
  auto method = msg.find("method");
  if (method == msg.end()) {
    if (has_id && (msg.contains("result") || msg.contains("error"))) response(msg);
    else reply_error(id_value, err::kInvalidRequest, "invalid request: no method");
    return;
  }
  if (!method->is_string()) {
    reply_error(id_value, err::kInvalidRequest, "invalid request: method must be a string");
    return;
  }
  json params = msg.contains("params") ? msg["params"] : json();
  if (has_id) request(method->get<std::string>(), params, id_value);
  else notification(method->get<std::string>(), params);
}

void Server::request(const std::string& method, const json& params, const json& id) {
  // Looked at where a request would start work on a document (analysis_for):
  // its params are still validated, and initialize and shutdown, which only
  // change state, always take effect (a shutdown before exit must count).
  CancelToken cancel = usable_id(id) ? begin_request(id) : CancelToken();  // ended by handle_message
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (exited_) return;
    if (!initialize_seen_ && method != "initialize") {
      reply_error(id, err::kServerNotInitialized, "the server is not initialized yet");
      return;
    }
    if (initialize_seen_ && method == "initialize") {
      reply_error(id, err::kInvalidRequest, "initialize was already received");
      return;
    }
    if (shutdown_) {
      reply_error(id, err::kInvalidRequest, "the server is shutting down");
      return;
    }
  }
  try {
    if (method == "initialize") reply(id, initialize(params));
    else if (method == "shutdown") {
      std::lock_guard<std::mutex> lock(mu_);
      shutdown_ = true;
      reply(id, nullptr);
    } else if (method == "textDocument/hover") reply(id, hover(params, cancel));
    else if (method == "textDocument/codeAction") reply(id, code_action(params, cancel));
    else reply_error(id, err::kMethodNotFound, "method not found: " + method);
  } catch (const json::exception& e) {
    reply_error(id, err::kInvalidParams, "invalid params for " + method + ": " + e.what());
  } catch (const InvalidParams& e) {
    reply_error(id, err::kInvalidParams, "invalid params for " + method + ": " + e.what());
  } catch (const Cancelled&) {
    reply_error(id, err::kRequestCancelled, "request cancelled");
  }
}

void Server::notification(const std::string& method, const json& params) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (exited_) return;
    if (method == "exit") {
      exited_ = true;
      return;
    }
    // Before initialize and after shutdown only exit matters.
    if (!initialize_seen_ || shutdown_) return;
  }
  try {
    if (method == "initialized") initialized();
    else if (method == "textDocument/didOpen") did_open(params);
    else if (method == "textDocument/didChange") did_change(params);
    else if (method == "textDocument/didSave") did_save(params);
    else if (method == "textDocument/didClose") did_close(params);
    else if (method == "workspace/didChangeConfiguration") did_change_configuration(params);
    else if (method == "workspace/didChangeWatchedFiles") did_change_watched_files(params);
    // Usually applied by preview() already; here for transports that do not read ahead.
    else if (method == "$/cancelRequest" && params.is_object() && params.contains("id")) cancel_request(params["id"]);
    // Other notifications ($/setTrace, …) need nothing from us.
  } catch (const json::exception& e) {
    log(2, "ignoring " + method + " with invalid params: " + e.what());
  } catch (const InvalidParams& e) {
    log(2, "ignoring " + method + " with invalid params: " + e.what());
  }
}

void Server::response(const json& msg) {
  std::function<void(const json&)> done;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const json& id = msg["id"];
    // Our own ids are small positive ints; anything else is not a reply to us.
    if (!id.is_number_integer() || id.get<int64_t>() < 1 || id.get<int64_t>() > std::numeric_limits<int>::max()) return;
    auto it = pending_requests_.find(static_cast<int>(id.get<int64_t>()));
    if (it == pending_requests_.end()) return;
    done = std::move(it->second);
    pending_requests_.erase(it);
  }
  if (msg.contains("result") && done) {
    try {
      done(msg["result"]);
    } catch (const json::exception& e) {
      log(2, std::string("unexpected reply from the client: ") + e.what());
    }
  }
}

// ---- sending

void Server::send_json(const json& msg) {
  std::string body = msg.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(send_mu_);
  send_(body);
}

void Server::reply(const json& id, json result) {
  send_json({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const json& id, int code, const std::string& message) {
  send_json({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::notify(const std::string& method, json params) {
  send_json({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Server::send_request(const std::string& method, json params, std::function<void(const json&)> on_result) {
  int id;
  {
    std::lock_guard<std::mutex> lock(mu_);
    id = next_request_id_++;
    pending_requests_[id] = std::move(on_result);
  }
  send_json({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
}

void Server::show(int type, const std::string& message) {
  if (log_to_client_) notify("window/showMessage", {{"type", type}, {"message", "tally: " + message}});
  log(type, message);
}

void Server::log(int type, const std::string& message) {
  if (log_to_client_) notify("window/logMessage", {{"type", type}, {"message", "tally: " + message}});
  else if (opts_.log_to_stderr) std::fprintf(stderr, "tally lsp: %s\n", message.c_str());
}

}  // namespace tally::lsp
