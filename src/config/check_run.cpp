#include "config/check_run.h"

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "config/baseline.h"
#include "config/config.h"
#include "config/diagnostic_cap.h"
#include "config/glob.h"
#include "config/parallel.h"
#include "config/suppress.h"
#include "diag/messages.h"
#include "load/loader.h"
#include "rules/engine.h"

namespace tally {

// A build whose leak checker would report engines left to the operating system frees them as usual.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kLeakChecked = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool kLeakChecked = true;
#else
constexpr bool kLeakChecked = false;
#endif
#else
constexpr bool kLeakChecked = false;
#endif

namespace fs = std::filesystem;

namespace {

// A found config is named relative to the working folder when it is below it,
// so messages read "docs/.tally.yaml:3:5" rather than a long absolute path.
std::string display_path(const fs::path& abs) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return abs.string();
  fs::path rel = abs.lexically_proximate(cwd);
  if (rel.empty() || *rel.begin() == "..") return abs.string();
  return rel.string();
}

// Finds the nearest .tally.yaml above a folder, loading each config once.
class ConfigFinder {
 public:
  std::vector<Config> configs;
  std::vector<Error> errors;

  // Index into configs, or -1 when no config applies (or it failed to load).
  int for_dir(const fs::path& start) {
    std::vector<std::string> visited;
    int found = -1;
    for (fs::path p = start;; p = p.parent_path()) {
      auto hit = by_dir_.find(p.string());
      if (hit != by_dir_.end()) {
        found = hit->second;
        break;
      }
      visited.push_back(p.string());
      std::string candidate = config_file_in(p.string());
      if (!candidate.empty()) {
        found = load(display_path(candidate));
        break;
      }
      if (p == p.parent_path() || p.empty()) break;
    }
    for (const auto& v : visited) by_dir_[v] = found;
    return found;
  }

  int load(const std::string& path) {
    auto cfg = load_config(path);
    if (!cfg) {
      errors.push_back(cfg.failure());
      return -1;
    }
    configs.push_back(std::move(*cfg));
    return static_cast<int>(configs.size()) - 1;
  }

 private:
  std::map<std::string, int> by_dir_;
};

fs::path absolute_dir_of(const std::string& file) {
  std::error_code ec;
  if (file == "-") return fs::current_path(ec);
  return fs::absolute(file, ec).lexically_normal().parent_path();
}

struct Planned {
  std::string path;
  int config = -1;
};

// What one worker produces for one file.
struct Slot {
  std::optional<FileResult> result;
  Error error;
  std::vector<bool> in_scope;  // per suppress entry of the file's config
  std::vector<bool> used;
};

// An engine per distinct pack list, and what a file checked with it needs.
struct Setup {
  std::shared_ptr<const Engine> engine;
  const Config* config = nullptr;  // null: no .tally.yaml applies
};

}  // namespace

Result<CheckRun> run_check(const CheckRunOptions& opts) {
  // 1. Files, each marked as named on the command line or found in a folder.
  std::vector<std::pair<std::string, bool>> files;  // path, walked
  for (const auto& in : opts.inputs) {
    std::error_code ec;
    bool dir = in != "-" && fs::is_directory(in, ec);
    auto expanded = expand_inputs({in});
    if (!expanded) return expanded.failure();
    for (auto& f : *expanded) files.emplace_back(f, dir);
  }

  // 2. Configs.
  ConfigFinder finder;
  int forced = -1;
  if (!opts.config_path.empty()) {
    forced = finder.load(opts.config_path);
    if (forced < 0) return joined(finder.errors);
  }
  // Standard input takes its name, folder and config from --stdin-filename when given.
  auto named = [&](const std::string& p) { return p == "-" && !opts.stdin_filename.empty() ? opts.stdin_filename : p; };
  std::vector<Planned> plan;
  for (const auto& [path, walked] : files) {
    int c = forced;
    if (c < 0 && !opts.no_config && opts.config_path.empty()) c = finder.for_dir(absolute_dir_of(named(path)));
    if (c >= 0) {
      const Config& cfg = finder.configs[c];
      std::string rel = config_relative(cfg, named(path));
      bool keep = walked ? walked_file_selected(cfg, rel) : named_file_selected(cfg, rel);
      if (!keep) continue;
    }
    plan.push_back({path, c});
  }
  if (!finder.errors.empty()) return joined(finder.errors);

  // 3. Engines, cached by pack list, and rule ids checked against them.
  std::map<std::vector<std::string>, std::shared_ptr<const Engine>> engines;
  auto engine_for = [&](const std::vector<std::string>& extra) -> Result<std::shared_ptr<const Engine>> {
    std::vector<std::string> packs = opts.pack_paths;
    packs.insert(packs.end(), extra.begin(), extra.end());
    auto it = engines.find(packs);
    if (it != engines.end()) return it->second;
    EngineOptions eo;
    eo.default_packs = opts.default_packs;
    eo.pack_paths = packs;
    auto e = Engine::create(eo);
    if (!e) return e.failure();
    engines[packs] = *e;
    return *e;
  };
  std::vector<Setup> setups(finder.configs.size() + 1);  // last: no config
  std::vector<Error> errors;
  bool unconfigured = plan.empty();  // with no files, still report a bad --rules
  for (const auto& p : plan) unconfigured = unconfigured || p.config < 0;
  if (unconfigured) {
    auto base = engine_for({});
    if (!base) return base.failure();
    setups.back().engine = *base;
  }
  for (size_t i = 0; i < finder.configs.size(); ++i) {
    const Config& cfg = finder.configs[i];
    auto e = engine_for(cfg.rules);
    if (!e) {
      errors.push_back(prefixed(cfg.path, e.failure()));
      continue;
    }
    setups[i] = {*e, &cfg};
    auto engine = *e;
    auto bad = unknown_rule_ids(cfg, [&](const std::string& id) {
      return engine->find_rule(id) != nullptr || is_suppression_rule(id);
    }, known_rule_ids(engine->rules()));
    errors.insert(errors.end(), bad.begin(), bad.end());
  }
  if (!errors.empty()) return joined(errors);

  // 4. Check, in parallel; every slot is written by exactly one worker.
  std::vector<Slot> slots(plan.size());
  const Lang env_lang = lang_from_env();
  parallel_for(plan.size(), opts.jobs, [&](size_t i) {
    const Planned& p = plan[i];
    const Setup& s = p.config >= 0 ? setups[p.config] : setups.back();
    Slot& slot = slots[i];
    auto src = load_file(p.path);
    if (!src) {
      slot.error = src.failure();
      return;
    }
    if (named(p.path) != p.path) *src = SourceText(named(p.path), src->text());
    std::string rel = s.config ? config_relative(*s.config, named(p.path)) : named(p.path);
    CheckOptions co = s.config ? check_options_for(*s.config, rel) : CheckOptions{};
    co.lang = opts.lang ? *opts.lang : s.config && s.config->lang ? *s.config->lang : env_lang;
    FileResult r = s.engine->check(*src, co);
    apply_check_options(r.diagnostics, co, is_suppression_rule);
    std::vector<const SuppressEntry*> entries;
    std::vector<size_t> entry_index;
    if (s.config) {
      slot.in_scope.assign(s.config->suppress.size(), false);
      for (size_t k = 0; k < s.config->suppress.size(); ++k) {
        const SuppressEntry& e = s.config->suppress[k];
        if (!e.path.empty() && !glob_match(e.path, rel)) continue;
        slot.in_scope[k] = true;
        entries.push_back(&e);
        entry_index.push_back(k);
      }
    }
    const Engine& engine = *s.engine;
    auto used = apply_suppressions(r, entries, [&](const std::string& id) { return engine.find_rule(id) != nullptr; },
                                   known_rule_ids(engine.rules()), co.lang);
    slot.used.assign(slot.in_scope.size(), false);
    for (size_t k = 0; k < used.size(); ++k) slot.used[entry_index[k]] = used[k];
    apply_check_options(r.diagnostics, co, is_suppression_rule);  // disable/severity of tally's own ids
    slot.result = std::move(r);
  });

  CheckRun run;
  run.lang = opts.lang ? *opts.lang : env_lang;
  if (!opts.lang)
    for (const auto& cfg : finder.configs)
      if (cfg.lang) {
        run.lang = *cfg.lang;
        break;
      }
  // Notes for stderr, in the run's language.
  auto say = [&](const Message& m) { return builtin_catalogue().render(m, run.lang); };
  std::vector<std::string> result_paths;
  for (size_t i = 0; i < slots.size(); ++i) {
    if (!slots[i].result) {
      run.file_errors.push_back(slots[i].error);
      continue;
    }
    run.results.push_back(std::move(*slots[i].result));
    result_paths.push_back(plan[i].path);
  }

  // 5. Config `suppress:` entries that applied to some checked file but hid nothing.
  for (size_t c = 0; c < finder.configs.size(); ++c) {
    const Config& cfg = finder.configs[c];
    for (size_t k = 0; k < cfg.suppress.size(); ++k) {
      bool scope = false, used = false;
      for (size_t i = 0; i < slots.size(); ++i) {
        if (plan[i].config != static_cast<int>(c) || slots[i].in_scope.size() <= k) continue;
        scope = scope || slots[i].in_scope[k];
        used = used || slots[i].used[k];
      }
      if (!scope || used) continue;
      const SuppressEntry& e = cfg.suppress[k];
      run.notes.push_back(fmt::format("{}:{}:{}: {}", cfg.path, e.mark.line, e.mark.column,
                                      say(Message("note.unused_config_suppression",
                                                  {{"rule", e.rule.id}, {"text", e.line_contains}}))));
    }
  }

  // 6. Baseline.
  const std::string& write_path = opts.write_baseline_path;
  std::string base_path = opts.baseline_path;
  std::error_code ec;
  if (base_path.empty() && !write_path.empty() && fs::exists(write_path, ec)) base_path = write_path;
  if (!base_path.empty() || !write_path.empty()) {
    Baseline base;
    if (!base_path.empty()) {
      auto loaded = load_baseline(base_path);
      if (!loaded) return loaded.failure();
      base = std::move(*loaded);
    }
    fs::path base_dir = fs::absolute(base_path.empty() ? write_path : base_path, ec).lexically_normal().parent_path();
    std::vector<std::string> keys;
    for (const auto& p : result_paths) keys.push_back(baseline_key(base_path.empty() ? write_path : base_path, p));
    std::vector<std::vector<BaselineEntry>> today;
    for (const auto& r : run.results) today.push_back(baseline_entries(r));
    auto gone = [&](const std::string& key) {
      std::error_code e2;
      return !fs::exists(base_dir / key, e2);
    };
    BaselineMatch m = apply_baseline(base, run.results, keys, gone);
    for (const auto& s : m.stale_entries)
      run.notes.push_back(fmt::format(
          "{}: {}", s.file,
          say(Message(write_path.empty() ? "note.stale_baseline" : "note.stale_baseline_removed",
                      {{"count", std::to_string(s.entry.count)},
                       {"s", s.entry.count == 1 ? "" : "s"},
                       {"rule", s.entry.rule},
                       {"message", s.entry.message}}))));
    BaselineSummary summary{m.matched, m.stale};
    if (!write_path.empty()) {
      // Keep entries of existing files this run did not check; replace the rest with today's findings.
      Baseline out;
      std::set<std::string> checked(keys.begin(), keys.end());
      for (const auto& [key, entries] : base.files) {
        if (checked.count(key) || gone(key)) continue;
        out.files[baseline_key(write_path, (base_dir / key).string())] = entries;
      }
      for (size_t i = 0; i < run.results.size(); ++i) {
        if (!today[i].empty()) out.files[baseline_key(write_path, result_paths[i])] = today[i];
        summary.matched += static_cast<int>(run.results[i].diagnostics.size());
        run.results[i].diagnostics.clear();  // all accepted now
      }
      auto saved = save_baseline(write_path, out);
      if (!saved) return saved.failure();
      int total = 0;
      for (const auto& t : today)
        for (const auto& e : t) total += e.count;
      run.notes.push_back(say(Message("note.baseline_written", {{"count", std::to_string(total)},
                                                                 {"s", total == 1 ? "" : "s"},
                                                                 {"path", write_path}})));
    }
    run.baseline = summary;
  }

  // 7. The cap on findings per file, on what is left to show.
  for (auto& r : run.results) cap_findings(r, opts.max_findings, run.lang);

  // 8. Rules of every engine used, then tally's own.
  std::set<std::string> seen;
  for (const auto& [packs, engine] : engines)
    for (const auto& r : engine->rules())
      if (seen.insert(r.id).second) run.rules.push_back(r);
  for (auto& r : suppression_rule_infos())
    if (seen.insert(r.id).second) run.rules.push_back(std::move(r));
  if (seen.insert(kTooManyFindingsRule).second) run.rules.push_back(too_many_findings_rule_info());
  if (opts.process_ends_after && !kLeakChecked)
    for (const auto& [packs, engine] : engines) new std::shared_ptr<const Engine>(engine);  // never freed: see the option
  return run;
}

}  // namespace tally
