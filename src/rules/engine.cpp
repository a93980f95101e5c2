// Temporary engine: loads nothing yet. Replaced by the real engine.
#include "rules/engine.h"

namespace tally {

struct Engine::Impl {
  std::vector<RuleInfo> rules;
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::shared_ptr<const Engine>> Engine::create(const EngineOptions&) {
  return std::shared_ptr<const Engine>(std::make_shared<Engine>(std::make_unique<Impl>()));
}

const std::vector<RuleInfo>& Engine::rules() const { return impl_->rules; }
const RuleInfo* Engine::find_rule(const std::string& id) const {
  for (const auto& r : impl_->rules)
    if (r.id == id) return &r;
  return nullptr;
}
FileResult Engine::check(const SourceText& source, const CheckOptions&) const {
  FileResult r;
  r.source = source;
  return r;
}
std::string Engine::facts_json(const SourceText&) const { return "{}\n"; }
std::string Engine::facts_text(const SourceText&) const { return ""; }

}  // namespace tally
