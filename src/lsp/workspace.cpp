#include "lsp/workspace.h"

#include <filesystem>

#include "config/diagnostic_cap.h"
#include "config/glob.h"
#include "config/suppress.h"
#include "diag/error_text.h"

namespace tally::lsp {

namespace fs = std::filesystem;

void WorkspaceConfig::clear() {
  by_dir_.clear();
  configs_.clear();
  problems_.clear();
}

const Config* WorkspaceConfig::config_for(const std::string& path, const ConfigProblem** problem) {
  *problem = nullptr;
  fs::path file(path);
  if (!file.is_absolute()) return nullptr;  // untitled: and other non-file documents
  std::vector<std::string> visited;
  Nearest found;
  for (fs::path p = file.lexically_normal().parent_path();; p = p.parent_path()) {
    auto hit = by_dir_.find(p.string());
    if (hit != by_dir_.end()) {
      found = hit->second;
      break;
    }
    visited.push_back(p.string());
    std::string candidate = config_file_in(p.string());  // a folder or FIFO so named is reported, not ignored
    if (!candidate.empty()) {
      auto cfg = load_config(candidate);
      if (cfg) {
        configs_.push_back(std::make_unique<Config>(std::move(*cfg)));
        found.config = configs_.back().get();
      } else {
        // Remembered as broken (not as absent), so no code action writes a second config over it.
        problems_.push_back(std::make_unique<ConfigProblem>(ConfigProblem{candidate, cfg.failure()}));
        found.problem = problems_.back().get();
      }
      break;
    }
    if (p == p.parent_path() || p.empty()) break;
  }
  for (const auto& v : visited) by_dir_[v] = found;
  *problem = found.problem;
  return found.config;
}

EngineOptions WorkspaceConfig::engine_options(const Config* cfg) const {
  EngineOptions o = base_engine;
  o.default_packs = o.default_packs && settings.default_rules;
  if (cfg) o.pack_paths.insert(o.pack_paths.end(), cfg->rules.begin(), cfg->rules.end());
  for (const auto& p : settings.rule_packs) {
    fs::path pp(p);
    // Relative pack paths in settings are relative to the workspace root.
    o.pack_paths.push_back(pp.is_relative() && !root_.empty() ? (fs::path(root_) / pp).string() : p);
  }
  return o;
}

CheckPlan WorkspaceConfig::plan_for(const std::string& path, const ConfigProblem** problem) {
  CheckPlan plan;
  const Config* cfg = config_for(path, problem);
  plan.engine = engine_options(cfg);
  if (cfg) {
    std::string rel = config_relative(*cfg, path);
    plan.options = check_options_for(*cfg, rel);
    for (const auto& e : cfg->suppress)
      if (e.path.empty() || glob_match(e.path, rel)) plan.suppress.push_back(e);
  }
  // The language: the client's setting, the file's .tally.yaml, the client's locale (as --lang, `lang:`
  // and the environment for `tally check`).
  plan.options.lang = settings.lang ? *settings.lang : cfg && cfg->lang ? *cfg->lang : client_lang;
  const CheckOptions& s = settings.check;
  plan.options.disabled.insert(s.disabled.begin(), s.disabled.end());
  for (const auto& [id, sev] : s.severity) plan.options.severity[id] = sev;
  return plan;
}

std::optional<Analysis> run_analysis(const Analyzer& a, const SourceText& source, int version, const CheckPlan& plan,
                                     const CancelToken& cancel) {
  // The same steps, in the same order, as config/check_run.cpp.
  std::optional<Analysis> analysed = analyze(a, source, version, plan.options, cancel);
  if (!analysed) return std::nullopt;
  Analysis& out = *analysed;
  apply_check_options(out.result.diagnostics, plan.options, is_suppression_rule);
  std::vector<const SuppressEntry*> entries;
  for (const auto& e : plan.suppress) entries.push_back(&e);
  apply_suppressions(out.result, entries, [&a](const std::string& id) { return a.known_rule(id); }, {},
                     plan.options.lang);
  apply_check_options(out.result.diagnostics, plan.options, is_suppression_rule);  // tally's own ids
  // An editor's problem list is no better at 50,000 entries than a terminal,
  // and each costs JSON on every publish.
  cap_findings(out.result, kDefaultMaxFindings, plan.options.lang);
  return analysed;
}

}  // namespace tally::lsp
