// Server: tally's language server, independent of the transport. Feed it one
// JSON-RPC message body at a time with handle(); it answers through `send`
// (called from the handling thread and from check workers, never at once).
//
// Requests are answered synchronously on the calling thread; checks run on
// worker threads after a debounce, and publish only if the document is still
// at the version they checked.
//
// Cancellation: a transport that reads ahead (run_stream) shows each message
// to preview() as soon as it is read, so a $/cancelRequest reaches a request
// that is still queued or running; that request answers RequestCancelled. The
// destructor does not wait for running checks (they are cancelled and
// abandoned), so `exit` is never held up by a large document.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/analyzer.h"
#include "lsp/cancel.h"
#include "lsp/config_edit.h"
#include "lsp/document.h"
#include "lsp/scheduler.h"
#include "lsp/workspace.h"

namespace tally::lsp {

struct ServerOptions {
  std::chrono::milliseconds debounce{150};
  int workers = 2;
  EngineOptions engine;  // rule packs from the command line
  AnalyzerFactory make_analyzer = make_engine_analyzer;
  // Requests never analyse a document larger than this on the request thread;
  // they wait for the background check instead.
  size_t sync_analysis_limit = size_t{256} << 10;
  // Messages logged before the client is initialised go to stderr unless off (tests).
  bool log_to_stderr = true;
};

class Server {
 public:
  using Send = std::function<void(const std::string& body)>;
  Server(ServerOptions opts, Send send);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void handle(std::string_view body);
  void handle_message(const nlohmann::json& msg);  // a parsed body (discarded: a parse error)
  // Thread-safe; see the top of this file. Returns false when the message
  // needs no handle() (a $/cancelRequest, applied here).
  bool preview(const nlohmann::json& msg);
  // Thread-safe: the request with this id, if not answered yet, answers RequestCancelled.
  void cancel_request(const nlohmann::json& id);
  void log(int type, const std::string& message);  // window/logMessage once initialized, else stderr
  // A problem the user must act on (a broken .tally.yaml, rule packs that do not load): shown in the
  // editor (window/showMessage) as well as logged.
  void show(int type, const std::string& message);

  bool exited() const;
  int exit_code() const;  // 0 after shutdown then exit, 1 otherwise
  void wait_idle();       // until no check is pending or running (tests)

 private:
  using json = nlohmann::json;
  void dispatch(const json& msg);
  void request(const std::string& method, const json& params, const json& id);
  void notification(const std::string& method, const json& params);
  void response(const json& msg);  // a reply to one of our requests

  json initialize(const json& params);
  void initialized();
  void did_open(const json& params);
  void did_change(const json& params);
  void did_save(const json& params);
  void did_close(const json& params);
  void did_change_configuration(const json& params);
  void did_change_watched_files(const json& params);
  json hover(const json& params, const CancelToken& cancel);
  json code_action(const json& params, const CancelToken& cancel);
  // The request with this id, registered (by preview or here) until answered.
  CancelToken begin_request(const json& id);
  void end_request(const json& id);

  void reply(const json& id, json result);
  void reply_error(const json& id, int code, const std::string& message);
  void notify(const std::string& method, json params);
  void send_request(const std::string& method, json params, std::function<void(const json&)> on_result);
  void send_json(const json& msg);

  // What a check of one document needs, copied out under the lock.
  struct Prepared {
    std::shared_ptr<const Analyzer> analyzer;
    CheckPlan plan;
    std::string path;
    std::string text;
    int version = 0;
    int generation = 0;
  };
  bool prepare_locked(const Document& doc, Prepared* out);
  // A broken .tally.yaml: shown once (until the configuration changes) and published as diagnostics
  // on the file itself, each problem at its line and column.
  void report_config_problem_locked(const ConfigProblem& problem);
  // The configuration changed: the broken files' diagnostics are withdrawn (they are read again).
  void forget_config_problems_locked();
  std::optional<ConfigTarget> config_target_locked(const Document& doc);
  std::shared_ptr<const Analyzer> analyzer_for_locked(const EngineOptions& eo);
  // Runs on any thread and touches nothing of the server. Null when cancelled
  // or failed (then *failure says why).
  static std::shared_ptr<const Analysis> analyze_prepared(Prepared& p, const CancelToken& cancel,
                                                          std::string* failure);

  void apply_settings(const json& settings);
  void rebuild_analyzer();
  void recheck_all();
  void schedule(const Document& doc, std::chrono::milliseconds delay);
  // Whether the server still exists, for check workers that outlive it. A
  // worker touches the server only while holding `mu` with `alive` set.
  struct Liveness {
    std::mutex mu;
    bool alive = true;
  };
  static void run_check(Server* self, Liveness& gate, const CheckJob& job);
  bool prepare_check(const CheckJob& job, Prepared* out);
  void finish_check(const CheckJob& job, const Prepared& p, std::shared_ptr<const Analysis> result);
  void publish(const Document& doc, const Analysis& a);
  void publish_empty(const std::string& uri);
  // The analysis of the document's current version, computed now if it is
  // small enough and the background check has not finished; null otherwise.
  std::shared_ptr<const Analysis> analysis_for(const std::string& uri, const CancelToken& cancel);

  ServerOptions opts_;
  Send send_;
  std::mutex send_mu_;

  mutable std::mutex mu_;  // guards everything below; taken before send_mu_
  std::map<std::string, Document> docs_;
  std::shared_ptr<const Analyzer> analyzer_;  // for documents no .tally.yaml with packs applies to
  std::map<std::string, std::shared_ptr<const Analyzer>> analyzers_;  // by rule-pack list
  WorkspaceConfig workspace_;
  std::set<std::string> reported_configs_;  // broken .tally.yaml paths already shown and published
  int generation_ = 0;  // bumped when configuration changes; stale checks do not publish
  bool initialize_seen_ = false;
  std::atomic<bool> log_to_client_{false};  // read by log() without taking mu_
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool watch_dynamic_ = false;
  bool config_pull_ = false;
  bool create_files_ = false;
  bool hover_markdown_ = true;  // the client renders Markdown in hovers (hover.contentFormat)  // the client applies WorkspaceEdits that create files
  int next_request_id_ = 1;
  std::map<int, std::function<void(const json&)>> pending_requests_;

  std::mutex flight_mu_;  // guards in_flight_ only; never held while taking another lock
  std::map<std::string, CancelToken> in_flight_;  // client requests not yet answered, by id.dump()

  std::shared_ptr<Liveness> gate_ = std::make_shared<Liveness>();

  std::unique_ptr<CheckScheduler> scheduler_;  // last: stops before the rest goes away
};

}  // namespace tally::lsp
