// Analyzer: what the server needs from tally's engine — diagnostics and the
// figures it understood. The default wraps Engine; tests supply fakes.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "base/source.h"
#include "diag/diagnostic.h"
#include "lsp/cancel.h"
#include "rules/engine.h"

namespace tally::lsp {

struct Quantity;

class Analyzer {
 public:
  virtual ~Analyzer() = default;
  // All must be safe to call from several threads at once.
  virtual FileResult check(const SourceText& source, const CheckOptions& opts) const = 0;
  virtual std::string facts_json(const SourceText& source) const = 0;
  // The check and the figures it understood in one pass (the engine's way). False when the analyzer
  // cannot (fakes): analyze() then runs check() and reads facts_json(), cancellable in between.
  virtual bool check_with_figures(const SourceText&, const CheckOptions&, FileResult*, std::vector<Quantity>*) const {
    return false;
  }
  // One-line description of a rule, empty if unknown.
  virtual std::string rule_summary(const std::string& id) const = 0;
  virtual bool known_rule(const std::string& id) const = 0;
};

using AnalyzerFactory = std::function<Result<std::shared_ptr<const Analyzer>>(const EngineOptions&)>;

// The real thing: Engine::create(opts) behind the Analyzer interface.
Result<std::shared_ptr<const Analyzer>> make_engine_analyzer(const EngineOptions& opts);

// One figure from the facts JSON, located in the checked text.
struct Quantity {
  Span span;              // bytes in the SourceText
  nlohmann::json fields;  // the object as the engine wrote it (text, value, unit, …)
};

// Reads the "quantities" array of Engine::facts_json output. Tolerates missing
// or oddly typed keys: an entry without a usable position is skipped.
std::vector<Quantity> parse_quantities(const std::string& facts_json, const SourceText& source);

// Everything known about one version of a document.
struct Analysis {
  int version = 0;
  FileResult result;
  std::vector<Quantity> quantities;
};

// Nothing when `cancel` was set before or during the pass.
std::optional<Analysis> analyze(const Analyzer& a, const SourceText& source, int version, const CheckOptions& opts,
                                const CancelToken& cancel = {});

}  // namespace tally::lsp
