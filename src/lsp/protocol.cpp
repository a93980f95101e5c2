#include "lsp/protocol.h"

#include <cstdint>
#include <limits>

#include "rules/rule_docs.h"

namespace tally::lsp {

json to_json(const LspPosition& p) { return {{"line", p.line}, {"character", p.character}}; }
json to_json(const LspRange& r) { return {{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

int int_in_range(const json& j, const char* what, int min, int max) {
  if (j.is_number_unsigned()) {
    if (j.get<uint64_t>() <= static_cast<uint64_t>(max)) return static_cast<int>(j.get<uint64_t>());
  } else if (j.is_number_integer()) {
    int64_t v = j.get<int64_t>();
    if (v >= min && v <= max) return static_cast<int>(v);
  } else {
    throw InvalidParams(std::string(what) + " must be an integer");
  }
  throw InvalidParams(std::string(what) + " out of range (" + j.dump() + ")");
}

LspPosition position_from_json(const json& j) {
  constexpr int kMax = std::numeric_limits<int>::max();
  return {int_in_range(j.at("line"), "line", 0, kMax), int_in_range(j.at("character"), "character", 0, kMax)};
}

LspRange range_from_json(const json& j) {
  return {position_from_json(j.at("start")), position_from_json(j.at("end"))};
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 1;
}

LspRange span_range(const LineIndex& index, Span span) {
  return {index.position(span.begin), index.position(span.end)};
}

json diagnostic_json(const Diagnostic& d, const LineIndex& index, const std::string& uri) {
  std::string message = d.message;
  for (const auto& n : d.notes) message += "\n" + n;
  json j = {{"range", to_json(span_range(index, d.span))},
            {"severity", lsp_severity(d.severity)},
            {"code", d.rule},
            {"source", "tally"},
            {"message", message},
            {"data", {{"explain", "tally explain " + d.rule}}}};
  // The rule's page, which editors link from the code (read once: TALLY_DOCS_URL or the installed pages).
  static const std::string docs = default_rule_docs_url();
  if (std::string url = rule_doc_url(docs, d.rule); !url.empty()) j["codeDescription"] = {{"href", url}};
  if (!d.related.empty()) {
    json rel = json::array();
    for (const auto& r : d.related)
      rel.push_back({{"location", {{"uri", uri}, {"range", to_json(span_range(index, r.span))}}},
                     {"message", r.message}});
    j["relatedInformation"] = std::move(rel);
  }
  return j;
}

}  // namespace tally::lsp
