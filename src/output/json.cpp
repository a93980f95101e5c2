// The JSON format: tally's public, versioned output contract (docs/json-format.md).
#include <nlohmann/json.hpp>

#include "output/render.h"

namespace tally {

Totals count(const std::vector<FileResult>& files) {
  Totals t;
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) {
      if (d.severity == Severity::Error) ++t.errors;
      else if (d.severity == Severity::Warning) ++t.warnings;
      else ++t.infos;
    }
  return t;
}

std::string render_json(const RenderInput& in, const RenderOptions&) {
  using nlohmann::json;
  json diags = json::array();
  int figures = 0, checked = 0;
  for (const auto& f : in.files) {
    figures += f.figures;
    checked += f.figures_checked;
    const SourceText& src = f.source;
    for (const auto& d : f.diagnostics) {
      Position b = src.position(d.span.begin), e = src.position(d.span.end);
      json rel = json::array();
      for (const auto& r : d.related) {
        Position rb = src.position(r.span.begin), re = src.position(r.span.end);
        rel.push_back({{"file", src.path()}, {"line", rb.line}, {"column", rb.column},
                       {"end_line", re.line}, {"end_column", re.column}, {"message", r.message}});
      }
      json fix = nullptr;
      if (d.fix) {
        Position fb = src.position(d.fix->span.begin), fe = src.position(d.fix->span.end);
        fix = {{"replacement", d.fix->replacement}, {"line", fb.line}, {"column", fb.column},
               {"end_line", fe.line}, {"end_column", fe.column}};
      }
      json j = {{"file", src.path()}, {"line", b.line}, {"column", b.column},
                {"end_line", e.line}, {"end_column", e.column}, {"rule", d.rule},
                {"severity", std::string(severity_name(d.severity))}, {"message", d.message},
                {"related", rel}, {"fix", fix}};
      if (!d.notes.empty()) j["notes"] = d.notes;
      if (!src.line_locators.empty() && b.line <= static_cast<int>(src.line_locators.size()))
        j["locator"] = src.line_locators[b.line - 1];
      diags.push_back(std::move(j));
    }
  }
  Totals t = count(in.files);
  json out = {{"version", 1},
              {"diagnostics", diags},
              {"summary",
               {{"files", in.files.size()}, {"errors", t.errors}, {"warnings", t.warnings},
                {"infos", t.infos}, {"figures", figures}, {"figures_checked", checked}}}};
  if (in.baseline) {
    out["summary"]["baseline_matched"] = in.baseline->matched;
    out["summary"]["baseline_stale"] = in.baseline->stale;
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tally
