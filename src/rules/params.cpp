#include "rules/params.h"

#include <fmt/format.h>

namespace tally {

namespace {

enum class Shape {
  Words,  // a list of strings: [率, 比例]
  Pairs,  // a list of two-string lists: [[a, b], [b, c]]
};

struct Param {
  const char* kind;
  const char* key;
  Shape shape;
};

// Every parameter a check reads (through CheckContext::strings or, for
// `order`, its pairs). A key not listed here is a typo: nothing would read it.
constexpr Param kParams[] = {
    {"percent-range", "bounded", Shape::Words},
    {"percent-range", "unbounded", Shape::Words},
    {"order", "pairs", Shape::Pairs},
    {"table-total", "not_summed", Shape::Words},
    {"table-category-count", "county_prefix", Shape::Words},
    {"table-category-count", "city_prefix", Shape::Words},
    {"table-rate", "rate_words", Shape::Words},
    {"table-rate", "not_rates", Shape::Words},
    {"table-rate", "ratio_words", Shape::Words},
    {"table-rate", "ratio_numerator", Shape::Words},
    {"table-rate", "ratio_denominator", Shape::Words},
    {"table-rate", "per_unit", Shape::Words},
    {"table-rate", "per_unit_base", Shape::Words},
    {"table-rate", "satisfied_words", Shape::Words},
    {"table-rate", "share_words", Shape::Words},
    {"table-rows", "over_years", Shape::Words},
};

std::optional<ParamProblem> problem(const YAML::Node& n, std::string message) {
  return ParamProblem{n.Mark(), std::move(message)};
}

std::optional<ParamProblem> check_words(const YAML::Node& v, const std::string& key) {
  if (!v.IsSequence()) return problem(v, fmt::format("params.{} must be a list of strings", key));
  for (const auto& w : v)
    if (!w.IsScalar()) return problem(w, fmt::format("params.{} must be a list of strings (found a nested list or mapping)", key));
  return std::nullopt;
}

std::optional<ParamProblem> check_pairs(const YAML::Node& v, const std::string& key) {
  if (!v.IsSequence()) return problem(v, fmt::format("params.{} must be a list of [smaller, larger] pairs", key));
  for (const auto& pair : v) {
    if (!pair.IsSequence() || pair.size() != 2)
      return problem(pair, fmt::format("each entry of params.{} must be a list of two metric ids", key));
    for (const auto& id : pair)
      if (!id.IsScalar()) return problem(id, fmt::format("a metric id in params.{} must be a string", key));
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParamProblem> validate_params(const std::string& kind, const YAML::Node& params) {
  if (!params || params.IsNull()) return std::nullopt;
  if (!params.IsMap()) return problem(params, "params must be a mapping");
  for (const auto& kv : params) {
    if (!kv.first.IsScalar()) return problem(kv.first, "a key in params must be a string");
    std::string key = kv.first.Scalar();
    const Param* spec = nullptr;
    std::string expected;
    for (const auto& p : kParams) {
      if (kind != p.kind) continue;
      expected += (expected.empty() ? "" : ", ") + std::string(p.key);
      if (key == p.key) spec = &p;
    }
    if (!spec)
      return problem(kv.first, expected.empty()
                                   ? fmt::format("unknown key '{}' in params: rules of kind '{}' take no params", key, kind)
                                   : fmt::format("unknown key '{}' in params (kind '{}' takes: {})", key, kind, expected));
    auto bad = spec->shape == Shape::Words ? check_words(kv.second, key) : check_pairs(kv.second, key);
    if (bad) return bad;
  }
  return std::nullopt;
}

}  // namespace tally
