#include "lsp/workspace.h"

#include <filesystem>

#include "config/suppress.h"
#include "config/glob.h"

namespace tally::lsp {

namespace fs = std::filesystem;

std::string WorkspaceConfig::config_path() const {
  return root_.empty() ? std::string() : (fs::path(root_) / kConfigFileName).string();
}

std::string WorkspaceConfig::load(const std::string& root) {
  root_ = root;
  file_.reset();
  if (root_.empty()) return {};
  std::error_code ec;
  if (!fs::exists(config_path(), ec)) return {};
  auto cfg = load_config(config_path());
  if (!cfg) return cfg.error();
  file_ = std::move(*cfg);
  return {};
}

EngineOptions WorkspaceConfig::engine_options() const {
  EngineOptions o = base_engine;
  o.default_packs = o.default_packs && settings.default_rules;
  if (file_) o.pack_paths.insert(o.pack_paths.end(), file_->rules.begin(), file_->rules.end());
  for (const auto& p : settings.rule_packs) {
    fs::path pp(p);
    // Relative pack paths in settings are relative to the workspace root.
    o.pack_paths.push_back(pp.is_relative() && !root_.empty() ? (fs::path(root_) / pp).string() : p);
  }
  return o;
}

CheckPlan WorkspaceConfig::plan_for(const std::string& path) const {
  CheckPlan plan;
  if (file_) {
    std::string rel = config_relative(*file_, path);
    plan.options = check_options_for(*file_, rel);
    for (const auto& e : file_->suppress)
      if (e.path.empty() || glob_match(e.path, rel)) plan.suppress.push_back(e);
  }
  const CheckOptions& s = settings.check;
  plan.options.disabled.insert(s.disabled.begin(), s.disabled.end());
  for (const auto& [id, sev] : s.severity) plan.options.severity[id] = sev;
  return plan;
}

Analysis run_analysis(const Analyzer& a, const SourceText& source, int version, const CheckPlan& plan) {
  Analysis out = analyze(a, source, version, plan.options);
  auto known = [&a](const std::string& id) { return a.known_rule(id) || is_suppression_rule(id); };
  apply_check_options(out.result.diagnostics, plan.options, is_suppression_rule);
  std::vector<const SuppressEntry*> entries;
  for (const auto& e : plan.suppress) entries.push_back(&e);
  apply_suppressions(out.result, entries, known);
  return out;
}

}  // namespace tally::lsp
