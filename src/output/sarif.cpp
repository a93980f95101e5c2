// The SARIF 2.1.0 format, for GitHub code scanning, GitLab and SARIF viewers.
// Columns are Unicode code points (run.columnKind), paths are relative to the
// working directory and resolved through %SRCROOT%.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "output/fingerprint.h"
#include "output/locator.h"
#include "output/markdown.h"
#include "output/paths.h"
#include "output/render.h"
#include "rules/rule_docs.h"

namespace tally {

namespace {

using ojson = nlohmann::ordered_json;

// GitHub code scanning rejects runs with more results than this.
constexpr size_t kMaxResults = 25000;

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "warning";
}

ojson artifact_location(const SourceText& src) {
  bool rel = false;
  ojson loc = {{"uri", artifact_uri(src.path(), &rel)}};
  if (rel) loc["uriBaseId"] = "%SRCROOT%";
  return loc;
}

ojson region(const SourceText& src, Span span) {
  span = clamp_span(src, span);
  Position b = src.position(span.begin), e = src.position(span.end);
  return {{"startLine", b.line}, {"startColumn", b.column}, {"endLine", e.line}, {"endColumn", e.column}};
}

// For .docx and .pdf inputs the region counts lines of the extracted text, so
// the physical location also says where the span is in the document: the
// locator in its property bag, and for a .docx the quote Word's search finds as
// the contextRegion's snippet (SARIF's place for text around the region; the
// region's own snippet stays the flagged text).
ojson physical_location(const SourceText& src, Span span, const Location& where) {
  span = clamp_span(src, span);
  ojson r = region(src, span);
  r["snippet"] = {{"text", std::string(src.slice(span))}};
  ojson loc = {{"artifactLocation", artifact_location(src)}, {"region", std::move(r)}};
  // SARIF wants the context region a proper superset of the region.
  Span q = where.quote;
  if (!q.empty() && q.begin <= span.begin && q.end >= span.end && (q.begin < span.begin || q.end > span.end)) {
    ojson context = region(src, q);
    context["snippet"] = {{"text", std::string(src.slice(q))}};
    loc["contextRegion"] = std::move(context);
  }
  if (!where.where.empty()) loc["properties"] = {{"locator", locator_text(src, where)}};
  return loc;
}

ojson message(const std::string& text) { return {{"text", text.empty() ? std::string("(no message)") : text}}; }

// The location's message says the locator too, for viewers that show messages only.
ojson primary_location(const SourceText& src, Span span, const RenderOptions& opts) {
  Location where = locate(src, span);
  ojson loc = {{"physicalLocation", physical_location(src, span, where)}};
  if (std::string text = locator_text(src, where, opts.lang); !text.empty()) loc["message"] = message(text);
  return loc;
}

// "per-capita" → "PerCapita": SARIF's rule name is an identifier-like word viewers show.
std::string rule_name(const std::string& id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == '.') {
      up = true;
      continue;
    }
    out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    up = false;
  }
  return out;
}

ojson rule_descriptor(const RuleInfo& r, const RenderOptions& opts) {
  std::string summary = r.summary.empty() ? r.id : r.summary;
  std::string full = r.explanation.empty() ? summary : r.explanation;
  // The explanation is Markdown: rendered to plain text for viewers that show `text` as is.
  ojson d = {{"id", r.id},
             {"name", rule_name(r.id)},
             {"shortDescription", message(summary)},
             {"fullDescription", message(markdown_to_text(full))},
             {"help", {{"text", markdown_to_text(full)}, {"markdown", full}}},
             {"defaultConfiguration", {{"level", sarif_level(r.severity)}}}};
  if (std::string url = rule_doc_url(opts.docs_url, r.id); !url.empty()) d["helpUri"] = url;
  ojson tags = ojson::array();
  if (!r.pack.empty()) tags.push_back(r.pack);
  if (!r.kind.empty() && r.kind != r.pack) tags.push_back(r.kind);
  if (!tags.empty()) d["properties"] = {{"tags", tags}};
  return d;
}

// Message text plus the diagnostic's help lines, which SARIF has no other field for.
std::string full_message(const Diagnostic& d, const RenderOptions& opts) {
  std::string text = d.message;
  const std::string help = opts.say("text.help");
  for (const auto& n : d.notes) text += fmt::format("\n{} {}", help, n);
  return text;
}

ojson result(const SourceText& src, const Diagnostic& d, int rule_index, const std::string& fingerprint,
             const RenderOptions& opts) {
  ojson res = {{"ruleId", d.rule},
               {"ruleIndex", rule_index},
               {"level", sarif_level(d.severity)},
               {"message", message(full_message(d, opts))},
               {"locations", ojson::array({primary_location(src, d.span, opts)})}};
  if (!d.related.empty()) {
    ojson rel = ojson::array();
    for (size_t i = 0; i < d.related.size(); ++i) {
      Location where = locate(src, d.related[i].span);
      rel.push_back({{"id", i},
                     {"message", message(d.related[i].message)},
                     {"physicalLocation", physical_location(src, d.related[i].span, where)}});
    }
    res["relatedLocations"] = std::move(rel);
  }
  if (d.fix) {
    ojson replacement = {{"deletedRegion", region(src, d.fix->span)},
                         {"insertedContent", {{"text", d.fix->replacement}}}};
    ojson change = {{"artifactLocation", artifact_location(src)}, {"replacements", ojson::array({replacement})}};
    res["fixes"] = ojson::array(
        {{{"description", message(fmt::format("Replace with `{}`", d.fix->replacement))},
          {"artifactChanges", ojson::array({change})}}});
  }
  res["partialFingerprints"] = {{"tallyFigureHash/v1", fingerprint}};
  return res;
}

}  // namespace

std::string render_sarif(const RenderInput& in, const RenderOptions& opts) {
  // Every loaded rule, then any rule id a diagnostic names that no pack declared,
  // so each result's ruleIndex points at a descriptor.
  ojson rules = ojson::array();
  std::map<std::string, int> index;
  for (const auto& r : in.rules) {
    if (index.count(r.id)) continue;
    index[r.id] = static_cast<int>(rules.size());
    rules.push_back(rule_descriptor(r, opts));
  }
  for (const auto& f : in.files)
    for (const auto& d : f.diagnostics)
      if (!index.count(d.rule)) {
        RuleInfo r;
        r.id = d.rule;
        r.severity = d.severity;
        index[d.rule] = static_cast<int>(rules.size());
        rules.push_back(rule_descriptor(r, opts));
      }

  ojson results = ojson::array();
  std::map<std::string, int> seen;  // fingerprint -> occurrences so far, to keep twins apart
  size_t total = 0;
  for (const auto& f : in.files)
    for (const auto& d : f.diagnostics) {
      ++total;
      if (results.size() >= kMaxResults) continue;
      std::string fp = figure_fingerprint(f.source, d);
      int n = ++seen[f.source.path() + '\n' + fp];
      results.push_back(result(f.source, d, index[d.rule], fmt::format("{}:{}", fp, n), opts));
    }

  ojson invocation = {{"executionSuccessful", true}};
  if (total > results.size()) {
    invocation["toolExecutionNotifications"] = ojson::array(
        {{{"level", "warning"},
          {"message", message(fmt::format("tally found {} results; only the first {} are in this SARIF file "
                                          "(run `tally check` locally to see all)",
                                          total, results.size()))}}});
  }

  ojson driver = {{"name", "tally"},
                  {"version", opts.tool_version},
                  {"semanticVersion", opts.tool_version},
                  {"rules", std::move(rules)}};
  ojson run = {{"tool", {{"driver", std::move(driver)}}},
               {"invocations", ojson::array({invocation})},
               {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", working_directory_uri()}}}}},
               {"columnKind", "unicodeCodePoints"},
               {"results", std::move(results)}};
  ojson doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", ojson::array({std::move(run)})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tally
