// The HTML format: one self-contained page for people who do not live in a
// terminal. Summary, a list of findings, then every report with its figures
// highlighted; clicking or hovering a highlight shows the message, the rule's
// explanation and the related figures. Page structure here; source lines in
// html_source.cpp; CSS and JavaScript in html_assets.cpp.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "output/html_assets.h"
#include "output/html_source.h"
#include "output/html_util.h"
#include "output/paths.h"
#include "output/render.h"

namespace tally {

namespace {

using html::escape;

std::string plural(int n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// What the page's script needs about each diagnostic and rule, as JSON.
nlohmann::json page_data(const RenderInput& in) {
  using nlohmann::json;
  json diags = json::array();
  json rules = json::object();
  for (size_t fi = 0; fi < in.files.size(); ++fi) {
    const SourceText& src = in.files[fi].source;
    for (const auto& d : in.files[fi].diagnostics) {
      Position b = src.position(clamp_span(src, d.span).begin);
      json rel = json::array();
      for (const auto& r : d.related) {
        Position rb = src.position(clamp_span(src, r.span).begin);
        rel.push_back({{"line", rb.line}, {"column", rb.column}, {"message", r.message},
                       {"href", fmt::format("#f{}-l{}", fi, rb.line)}});
      }
      diags.push_back({{"file", report_path(src.path())}, {"line", b.line}, {"column", b.column},
                       {"severity", std::string(severity_name(d.severity))}, {"rule", d.rule},
                       {"message", d.message}, {"notes", d.notes}, {"related", rel},
                       {"fix", d.fix ? json(d.fix->replacement) : json(nullptr)}});
      if (!rules.contains(d.rule))
        for (const auto& r : in.rules)
          if (r.id == d.rule) {
            rules[d.rule] = {{"summary", r.summary}, {"explanation", r.explanation}};
            break;
          }
    }
  }
  return {{"diagnostics", diags}, {"rules", rules}};
}

void summary(std::string& out, const RenderInput& in) {
  Totals t = count(in.files);
  int figures = 0, checked = 0;
  for (const auto& f : in.files) {
    figures += f.figures;
    checked += f.figures_checked;
  }
  out += "<p class=\"summary\">";
  out += fmt::format("<span>{} checked</span>", plural(static_cast<int>(in.files.size()), "file"));
  // Colour only the counts that are not zero, so a clean run does not look alarming.
  auto counter = [&](int n, const char* word) {
    out += fmt::format("<span{}>{}</span>", n ? fmt::format(" class=\"count-{}\"", word) : "", plural(n, word));
  };
  counter(t.errors, "error");
  counter(t.warnings, "warning");
  counter(t.infos, "info");
  out += fmt::format("<span>{} figures found, {} checked by at least one rule</span>", figures, checked);
  if (in.baseline)
    out += fmt::format("<span>{} known finding{} hidden by the baseline</span>", in.baseline->matched,
                       in.baseline->matched == 1 ? "" : "s");
  out += "</p>\n";
}

void findings(std::string& out, const RenderInput& in) {
  out += "<h2>Findings</h2>\n";
  int k = 0;
  std::string items;
  for (const auto& f : in.files) {
    const SourceText& src = f.source;
    std::string path = report_path(src.path());
    for (const auto& d : f.diagnostics) {
      Position b = src.position(clamp_span(src, d.span).begin);
      std::string_view sev = severity_name(d.severity);
      items += fmt::format(
          "<li><a href=\"#d-{0}\" data-k=\"{0}\"><span class=\"badge sev-{1}\">{1}</span> "
          "<code>{2}</code> <span class=\"where\">{3}:{4}:{5}</span> <span class=\"msg\">{6}</span></a></li>\n",
          k++, sev, escape(d.rule), escape(path), b.line, b.column, escape(with_locator(src, d.span.begin, d.message)));
    }
  }
  if (items.empty()) out += "<p class=\"empty-note\">No findings: every checked figure is consistent.</p>\n";
  else out += "<ol class=\"findings\">\n" + items + "</ol>\n";
}

void sources(std::string& out, const RenderInput& in) {
  int k = 0;
  for (size_t fi = 0; fi < in.files.size(); ++fi) {
    const FileResult& f = in.files[fi];
    std::vector<html::Figure> figs;
    for (const auto& d : f.diagnostics) {
      std::string tip = fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, d.message);
      figs.push_back({d.span, k, false, d.severity, tip});
      for (const auto& r : d.related) figs.push_back({r.span, k, true, d.severity, ""});
      ++k;
    }
    Totals t = count({f});
    // Clean files start folded when there are several, to keep the findings in view.
    out += fmt::format("<details class=\"file\" id=\"f{}\"{}><summary>{} <span class=\"where\">({}, {}, {})</span></summary>\n",
                       fi, f.diagnostics.empty() && in.files.size() > 1 ? "" : " open", escape(report_path(f.source.path())),
                       plural(t.errors, "error"), plural(t.warnings, "warning"), plural(t.infos, "info"));
    html::render_source(out, f.source, static_cast<int>(fi), figs);
    out += "</details>\n";
  }
}

}  // namespace

std::string render_html(const RenderInput& in, const RenderOptions& opts) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>tally report</title>\n<style>";
  out += html::style_sheet();
  out += "</style>\n</head>\n<body>\n<header>\n<h1>tally report</h1>\n";
  summary(out, in);
  out += fmt::format("<p class=\"where\">tally {}</p>\n</header>\n<main>\n", escape(opts.tool_version));
  findings(out, in);
  out += "<h2>Reports</h2>\n";
  sources(out, in);
  out += "</main>\n<aside id=\"panel\" hidden><button class=\"close\" title=\"Close (Esc)\">&times;</button>"
         "<div class=\"body\"></div></aside>\n";
  out += "<script type=\"application/json\" id=\"tally-data\">";
  out += html::script_safe_json(page_data(in).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  out += "</script>\n<script>";
  out += html::script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace tally
