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
    {"table-rate", "base_markers", Shape::Words},
    {"table-rate", "population_words", Shape::Words},
    {"table-change", "not_nominal", Shape::Words},
    {"table-rows", "over_years", Shape::Words},
    {"student-teacher-ratio", "converted_students", Shape::Words},
    {"student-teacher-ratio", "all_teachers", Shape::Words},
    {"student-teacher-ratio", "external_teachers", Shape::Words},
};

std::optional<ParamProblem> problem(const TreeNode& n, std::string message, Message what) {
  return ParamProblem{n.line, n.column, std::move(message), std::move(what)};
}

std::optional<ParamProblem> check_words(const TreeNode& v, const std::string& key) {
  if (!v.is_sequence()) return problem(v, fmt::format("params.{} must be a list of strings", key), {"error.params.not_words", {{"key", key}}});
  for (const auto& w : v.items)
    if (!w.is_scalar()) return problem(w, fmt::format("params.{} must be a list of strings (found a nested list or mapping)", key),
                       {"error.params.nested_words", {{"key", key}}});
  return std::nullopt;
}

std::optional<ParamProblem> check_pairs(const TreeNode& v, const std::string& key) {
  if (!v.is_sequence()) return problem(v, fmt::format("params.{} must be a list of [smaller, larger] pairs", key),
                   {"error.params.not_pairs", {{"key", key}}});
  for (const auto& pair : v.items) {
    if (!pair.is_sequence() || pair.size() != 2)
      return problem(pair, fmt::format("each entry of params.{} must be a list of two metric ids", key),
                     {"error.params.bad_pair", {{"key", key}}});
    for (const auto& id : pair.items)
      if (!id.is_scalar()) return problem(id, fmt::format("a metric id in params.{} must be a string", key),
                                       {"error.params.bad_metric_id", {{"key", key}}});
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParamProblem> validate_params(const std::string& kind, const TreeNode& params) {
  if (!params || params.is_null()) return std::nullopt;
  if (!params.is_map()) return problem(params, "params must be a mapping", "error.params.not_mapping");
  for (size_t i = 0; i < params.size(); ++i) {
    if (!params.key(i).is_scalar()) return problem(params.key(i), "a key in params must be a string", "error.params.key_not_string");
    const std::string& key = params.key(i).scalar;
    const Param* spec = nullptr;
    std::string expected;
    for (const auto& p : kParams) {
      if (kind != p.kind) continue;
      expected += (expected.empty() ? "" : ", ") + std::string(p.key);
      if (key == p.key) spec = &p;
    }
    if (!spec)
      return expected.empty()
                 ? problem(params.key(i),
                           fmt::format("unknown key '{}' in params: rules of kind '{}' take no params", key, kind),
                           {"error.params.none_taken", {{"key", key}, {"kind", kind}}})
                 : problem(params.key(i), fmt::format("unknown key '{}' in params (kind '{}' takes: {})", key, kind, expected),
                           {"error.params.unknown_key", {{"key", key}, {"kind", kind}, {"list", expected}}});
    auto bad = spec->shape == Shape::Words ? check_words(params.value(i), key) : check_pairs(params.value(i), key);
    if (bad) return bad;
  }
  return std::nullopt;
}

}  // namespace tally
