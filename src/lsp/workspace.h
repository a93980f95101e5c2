// The workspace's tally configuration: the nearest .tally.yaml above each
// document (as `tally check` finds it) plus the client's settings, combined
// into what one document's check needs.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "lsp/analyzer.h"
#include "lsp/settings.h"

namespace tally::lsp {

// How to check one document.
struct CheckPlan {
  EngineOptions engine;  // which rule packs
  CheckOptions options;
  std::vector<SuppressEntry> suppress;  // .tally.yaml entries that apply to the file
};

// A .tally.yaml that failed to load: where it is and every problem in it (each ErrorLine's place is
// "path:line:col" when the problem has one).
struct ConfigProblem {
  std::string path;
  Error error;
};

class WorkspaceConfig {
 public:
  void set_root(std::string root) { root_ = std::move(root); }
  const std::string& root() const { return root_; }
  // Forgets every loaded .tally.yaml, so the next lookup reads them again.
  void clear();

  // The plan for a file. A .tally.yaml that fails to load is skipped (as if
  // absent) and *problem points at what is wrong with it, on every call.
  CheckPlan plan_for(const std::string& path, const ConfigProblem** problem);
  // The rule packs when no .tally.yaml applies.
  EngineOptions base_engine_options() const { return engine_options(nullptr); }

  // The nearest .tally.yaml above a file (loaded, cached), or null; null with *problem set when it is broken.
  const Config* nearest_config(const std::string& path, const ConfigProblem** problem) {
    return config_for(path, problem);
  }

  Settings settings;          // from the client; applied on top of the file
  Lang client_lang = Lang::En;  // initialize's `locale`, else the server's environment
  // The language of the server's own messages (a broken .tally.yaml, a broken pack).
  Lang message_lang() const { return settings.lang ? *settings.lang : client_lang; }
  EngineOptions base_engine;  // from the command line

 private:
  const Config* config_for(const std::string& path, const ConfigProblem** problem);
  EngineOptions engine_options(const Config* cfg) const;

  std::string root_;
  struct Nearest {
    const Config* config = nullptr;          // null: none, or a broken one
    const ConfigProblem* problem = nullptr;  // the broken one
  };
  std::vector<std::unique_ptr<Config>> configs_;
  std::vector<std::unique_ptr<ConfigProblem>> problems_;
  std::map<std::string, Nearest> by_dir_;  // folder -> nearest config
};

// Checks one text the way `tally check` does: engine, check options,
// suppressions, the cap on findings; plus the facts for hover. Nothing when cancelled.
std::optional<Analysis> run_analysis(const Analyzer& a, const SourceText& source, int version, const CheckPlan& plan,
                                     const CancelToken& cancel = {});

}  // namespace tally::lsp
