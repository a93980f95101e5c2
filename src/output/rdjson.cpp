// reviewdog's Diagnostic Format (rdjson), for `reviewdog -f=rdjson`.
// reviewdog counts columns in UTF-8 bytes, so a CJK character advances the
// column by 3; lines are 1-based and range ends are exclusive.
#include <nlohmann/json.hpp>

#include "output/paths.h"
#include "output/render.h"
#include "rules/rule_docs.h"

namespace tally {

namespace {

using ojson = nlohmann::ordered_json;

const char* rd_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "ERROR";
    case Severity::Warning: return "WARNING";
    case Severity::Info: return "INFO";
  }
  return "UNKNOWN_SEVERITY";
}

ojson rd_position(const SourceText& src, uint32_t offset) {
  return {{"line", src.position(offset).line}, {"column", byte_column(src, offset)}};
}

ojson rd_range(const SourceText& src, Span span) {
  span = clamp_span(src, span);
  return {{"start", rd_position(src, span.begin)}, {"end", rd_position(src, span.end)}};
}

ojson rd_location(const SourceText& src, Span span) {
  return {{"path", report_path(src.path())}, {"range", rd_range(src, span)}};
}

}  // namespace

std::string render_rdjson(const RenderInput& in, const RenderOptions& opts) {
  ojson diags = ojson::array();
  bool any = false;
  Severity worst = Severity::Info;
  for (const auto& f : in.files) {
    const SourceText& src = f.source;
    for (const auto& d : f.diagnostics) {
      if (!any || d.severity > worst) worst = d.severity;
      any = true;
      std::string text = with_locator(src, d.span, d.message, opts.lang);
      for (const auto& n : d.notes) text += "\n" + opts.say("text.help") + " " + n;
      ojson j = {{"message", text},
                 {"location", rd_location(src, d.span)},
                 {"severity", rd_severity(d.severity)},
                 {"code", {{"value", d.rule}}}};
      if (std::string url = rule_doc_url(opts.docs_url, d.rule); !url.empty()) j["code"]["url"] = url;
      if (d.fix) j["suggestions"] = ojson::array({{{"range", rd_range(src, d.fix->span)}, {"text", d.fix->replacement}}});
      if (!d.related.empty()) {
        ojson rel = ojson::array();
        for (const auto& r : d.related) rel.push_back({{"message", r.message}, {"location", rd_location(src, r.span)}});
        j["related_locations"] = std::move(rel);
      }
      diags.push_back(std::move(j));
    }
  }
  ojson out = {{"source", {{"name", "tally"}}}};
  if (any) out["severity"] = rd_severity(worst);
  out["diagnostics"] = std::move(diags);
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tally
