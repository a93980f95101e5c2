// Helpers for the rule-engine tests: run one rule of the default engine over
// a passage written for the test, and look at what it reported.
#pragma once
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "rules/engine.h"

namespace tally::testing {

// The default engine, created once for the whole test binary (it is immutable).
inline const Engine& default_engine() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::create(EngineOptions{});
    REQUIRE_MESSAGE(e.ok(), (e.ok() ? std::string() : e.error()));
    return *e;
  }();
  return *engine;
}

// The whole result of checking `text` (as "t.txt") with `opts`.
inline FileResult check_text(const std::string& text, const CheckOptions& opts = {}) {
  return default_engine().check(SourceText("t.txt", text), opts);
}

// What rule `rule` alone reports on `text`; the extra options (severity,
// truncation policy) are kept, `only` is set to the rule.
inline std::vector<Diagnostic> run_rule(const std::string& rule, const std::string& text, CheckOptions opts = {}) {
  opts.only = {rule};
  return check_text(text, opts).diagnostics;
}

// The source text a span covers.
inline std::string span_text(const std::string& text, Span s) {
  REQUIRE(s.end <= text.size());
  return text.substr(s.begin, s.end - s.begin);
}

// The figure text of each related span, in order.
inline std::vector<std::string> related_texts(const std::string& text, const Diagnostic& d) {
  std::vector<std::string> out;
  for (const auto& r : d.related) out.push_back(span_text(text, r.span));
  return out;
}

// The related messages (roles), in order.
inline std::vector<std::string> related_roles(const Diagnostic& d) {
  std::vector<std::string> out;
  for (const auto& r : d.related) out.push_back(r.message);
  return out;
}

inline bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Expects exactly one finding and returns it.
inline Diagnostic only_one(const std::vector<Diagnostic>& ds) {
  REQUIRE(ds.size() == 1);
  return ds.front();
}

}  // namespace tally::testing
