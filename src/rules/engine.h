// Engine: the one entry point front ends use. It holds the loaded rule packs
// and checks a SourceText, returning diagnostics and coverage.
//
//   auto engine = Engine::create(EngineOptions{});   // default packs
//   if (!engine) { print engine.error(); exit 2; }
//   FileResult r = engine->check(source);
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/source.h"
#include "diag/diagnostic.h"
#include "diag/messages.h"
#include "relations/evidence.h"
#include "rules/rule_info.h"

namespace tally {

struct FactBase;
struct Relations;

struct PackSource {
  std::string name;  // file path or embedded name, used in error messages
  std::string text;  // YAML
};

struct EngineOptions {
  bool default_packs = true;
  std::vector<std::string> pack_paths;  // files or folders of *.yaml
  std::vector<PackSource> extra_packs;  // already-read packs (tests, LSP)
};

// Per-run choices a configuration file may make.
struct CheckOptions {
  std::set<std::string> disabled;               // rule ids switched off
  std::set<std::string> only;                   // when non-empty, only these rules run
  std::map<std::string, Severity> severity;     // per-rule severity overrides
  bool truncation_is_error = false;             // rounding policy: treat truncation as an error
  Lang lang = Lang::En;                         // the language findings are written in
};

class Engine {
 public:
  static Result<std::shared_ptr<const Engine>> create(const EngineOptions& opts);
  ~Engine();

  const std::vector<RuleInfo>& rules() const;
  const RuleInfo* find_rule(const std::string& id) const;
  // The built-in message catalogue with the packs' own messages added.
  const Catalogue& messages() const;
  // Puts messages into words in `lang` with that catalogue.
  Say say(Lang lang) const;

  FileResult check(const SourceText& source, const CheckOptions& opts = {}) const;
  // The same, showing `inspect` what the check was made from (the language server keeps the figures
  // for hover from this one pass instead of extracting them a second time).
  using Inspect = std::function<void(const FactBase&, const Relations&)>;
  FileResult check(const SourceText& source, const CheckOptions& opts, const Inspect& inspect) const;

  // The debugging view: what tally understood, as JSON text or plain text. The text's words and
  // evidence are in `lang`; JSON, for tools, keeps the evidence in English whatever it is given.
  std::string facts_json(const SourceText& source, Lang lang = Lang::En) const;
  std::string facts_text(const SourceText& source, Lang lang = Lang::En) const;
  // The relations view (`tally relations`): typed statements, relations, evidence, rival readings.
  std::string relations_json(const SourceText& source, Lang lang = Lang::En) const;
  std::string relations_text(const SourceText& source, Lang lang = Lang::En) const;

  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tally
