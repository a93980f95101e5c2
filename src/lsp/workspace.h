// The workspace's tally configuration: .tally.yaml in the root folder plus the
// client's settings, combined into what one document's check needs.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "lsp/analyzer.h"
#include "lsp/settings.h"

namespace tally::lsp {

// How to check one document.
struct CheckPlan {
  CheckOptions options;
  std::vector<SuppressEntry> suppress;  // .tally.yaml entries that apply to the file
};

class WorkspaceConfig {
 public:
  // Loads <root>/.tally.yaml if it exists. Returns an error message when it
  // exists but is invalid (the previous config is dropped), else empty.
  std::string load(const std::string& root);
  const std::string& root() const { return root_; }
  std::string config_path() const;
  bool has_file() const { return file_.has_value(); }

  Settings settings;  // from the client; applied on top of the file
  EngineOptions base_engine;  // from the command line

  EngineOptions engine_options() const;
  CheckPlan plan_for(const std::string& path) const;

 private:
  std::string root_;
  std::optional<Config> file_;
};

// Checks one text the way `tally check` does: engine, check options,
// suppressions; plus the facts for hover.
Analysis run_analysis(const Analyzer& a, const SourceText& source, int version, const CheckPlan& plan);

}  // namespace tally::lsp
