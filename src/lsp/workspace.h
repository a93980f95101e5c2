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

class WorkspaceConfig {
 public:
  void set_root(std::string root) { root_ = std::move(root); }
  const std::string& root() const { return root_; }
  // Forgets every loaded .tally.yaml, so the next lookup reads them again.
  void clear();

  // The plan for a file. A .tally.yaml that fails to load is skipped (as if
  // absent) and its error returned once in *problems.
  CheckPlan plan_for(const std::string& path, std::vector<std::string>* problems);
  // The rule packs when no .tally.yaml applies.
  EngineOptions base_engine_options() const { return engine_options(nullptr); }

  // The nearest .tally.yaml above a file (loaded, cached), or null.
  const Config* nearest_config(const std::string& path, std::vector<std::string>* problems) {
    return config_for(path, problems);
  }

  Settings settings;          // from the client; applied on top of the file
  Lang client_lang = Lang::En;  // initialize's `locale`, else the server's environment
  // The language of the server's own messages (a broken .tally.yaml, a broken pack).
  Lang message_lang() const { return settings.lang ? *settings.lang : client_lang; }
  EngineOptions base_engine;  // from the command line

 private:
  const Config* config_for(const std::string& path, std::vector<std::string>* problems);
  EngineOptions engine_options(const Config* cfg) const;

  std::string root_;
  std::vector<std::unique_ptr<Config>> configs_;
  std::map<std::string, const Config*> by_dir_;  // folder -> nearest config (null: none)
};

// Checks one text the way `tally check` does: engine, check options,
// suppressions, the cap on findings; plus the facts for hover. Nothing when cancelled.
std::optional<Analysis> run_analysis(const Analyzer& a, const SourceText& source, int version, const CheckPlan& plan,
                                     const CancelToken& cancel = {});

}  // namespace tally::lsp
