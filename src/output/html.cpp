// The HTML format: one self-contained page for people who do not live in a
// terminal. A summary, then two columns: the reports with their figures
// highlighted, and beside them the findings (filters, groups by rule) with the
// detail panel that clicking or hovering a highlight fills with the message, the
// rule's explanation and the related figures. The panel sits in its own column
// (or, on a narrow screen, in a row under the line) so it never covers the text.
// Page structure here; the findings pane in html_findings.cpp; source lines in
// html_source.cpp; CSS in html_assets.cpp; JavaScript in html_script.cpp.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "output/html_assets.h"
#include "output/html_findings.h"
#include "output/html_source.h"
#include "output/html_util.h"
#include "output/locator.h"
#include "output/markdown.h"
#include "output/paths.h"
#include "output/render.h"
#include "rules/rule_docs.h"
#include "rules/rule_text.h"

namespace tally {

namespace {

using html::escape;

// "3 errors" / "3 个错误": html.count.<word> in the catalogue, with the English plural as an argument.
std::string plural(const RenderOptions& o, int n, const char* word) {
  return o.say(Message(std::string("html.count.") + word, {{"n", std::to_string(n)}, {"s", n == 1 ? "" : "s"}}));
}

const Catalogue& catalogue(const RenderOptions& o) { return o.messages ? *o.messages : builtin_catalogue(); }

// What the page's script needs about each diagnostic and rule, as JSON.
nlohmann::json page_data(const RenderInput& in, const RenderOptions& opts) {
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
        if (std::string where = locator_text(src, r.span, opts.lang); !where.empty()) rel.back()["locator"] = where;
      }
      diags.push_back({{"file", report_path(src.path())}, {"fi", fi}, {"line", b.line}, {"column", b.column},
                       {"severity", std::string(severity_name(d.severity))}, {"rule", d.rule},
                       {"message", d.message}, {"notes", d.notes}, {"related", rel},
                       {"fix", d.fix ? json(d.fix->replacement) : json(nullptr)},
                       {"advice", fix_advice(src, d, opts)}});
      // Where the figure is in the .docx or .pdf: the panel shows it beside file:line:column.
      if (std::string where = locator_text(src, d.span, opts.lang); !where.empty()) diags.back()["locator"] = where;
      if (!rules.contains(d.rule))
        for (const auto& r : in.rules)
          if (r.id == d.rule) {
            // The explanation as HTML from cmark (raw HTML in a pack escaped), and the rule's page.
            rules[d.rule] = {{"summary", rule_summary(r, catalogue(opts), opts.lang)},
                             {"explanation", markdown_to_html(rule_explanation(r, catalogue(opts), opts.lang))},
                             {"url", rule_doc_url(opts.docs_url, r.id)}};
            break;
          }
    }
  }
  // The script's own words, in the page's language.
  json ui = json::object();
  for (const char* id : {"list.sep", "html.ui.message", "html.ui.related", "html.ui.help", "html.ui.rule", "html.ui.close",
                         "html.ui.fewer", "html.severity.error", "html.severity.warning", "html.severity.info"})
    ui[id] = opts.say(id);
  // Templates the script fills in: "{n} more" / "还有 {n} 条", "{n} error{s}" / "{n} 个错误".
  ui["html.ui.more"] = opts.say(Message("html.ui.more", {{"n", "{n}"}}));
  for (const char* word : {"html.count.error", "html.count.warning", "html.count.info"})
    ui[word] = opts.say(Message(word, {{"n", "{n}"}, {"s", "{s}"}}));
  // The files checked: the filters a reader chose are remembered for this set of files.
  json files = json::array();
  for (const auto& f : in.files) files.push_back(report_path(f.source.path()));
  return {{"diagnostics", diags}, {"rules", rules}, {"ui", ui}, {"files", files}};
}

void summary(std::string& out, const RenderInput& in, const RenderOptions& o) {
  Totals t = count(in.files);
  int figures = 0, checked = 0;
  for (const auto& f : in.files) {
    figures += f.figures;
    checked += f.figures_checked;
  }
  out += "<p class=\"summary\">";
  out += fmt::format("<span>{}</span>", plural(o, static_cast<int>(in.files.size()), "files_checked"));
  // Colour only the counts that are not zero, so a clean run does not look alarming.
  auto counter = [&](int n, const char* word) {
    out += fmt::format("<span{}>{}</span>", n ? fmt::format(" class=\"count-{}\"", word) : "", plural(o, n, word));
  };
  counter(t.errors, "error");
  counter(t.warnings, "warning");
  counter(t.infos, "info");
  out += "<span>" + escape(o.say(Message("html.figures", {{"figures", std::to_string(figures)}, {"checked", std::to_string(checked)}}))) + "</span>";
  if (in.baseline) out += "<span>" + escape(plural(o, in.baseline->matched, "baseline")) + "</span>";
  out += "</p>\n";
}

void sources(std::string& out, const RenderInput& in, const RenderOptions& o) {
  int k = 0;
  for (size_t fi = 0; fi < in.files.size(); ++fi) {
    const FileResult& f = in.files[fi];
    std::vector<html::Figure> figs;
    for (const auto& d : f.diagnostics) {
      std::string tip = fmt::format("{}[{}]: {}", severity_name(d.severity), d.rule, with_locator(f.source, d.span, d.message, o.lang));
      figs.push_back({d.span, k, false, d.severity, tip});
      for (const auto& r : d.related) figs.push_back({r.span, k, true, d.severity, ""});
      ++k;
    }
    Totals t = count({f});
    // Clean files start folded when there are several, to keep the findings in view.
    // The counts are of the findings the filters show (the script rewrites them); all of them without it.
    out += fmt::format("<details class=\"file\" id=\"f{0}\"{1}><summary>{2} <span class=\"where\" data-counts=\"{0}\">({3}{6}{4}{6}{5})</span></summary>\n",
                       fi, f.diagnostics.empty() && in.files.size() > 1 ? "" : " open", escape(report_path(f.source.path())),
                       plural(o, t.errors, "error"), plural(o, t.warnings, "warning"), plural(o, t.infos, "info"),
                       escape(o.say("list.sep")));
    html::render_source(out, f.source, static_cast<int>(fi), figs, o.lang);
    out += "</details>\n";
  }
}

}  // namespace

std::string render_html(const RenderInput& in, const RenderOptions& opts) {
  std::string out;
  // The reports are Chinese whatever the interface language; lang says what the page's own words are.
  out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                     opts.lang == Lang::Zh ? "zh-CN" : "en");
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  const std::string title = escape(opts.say("html.title"));
  out += "<title>" + title + "</title>\n<style>";
  out += html::style_sheet();
  out += "</style>\n</head>\n<body>\n<header>\n<h1>" + title + "</h1>\n";
  summary(out, in, opts);
  out += fmt::format("<p class=\"where\">tally {}</p>\n</header>\n<div class=\"layout\">\n", escape(opts.tool_version));
  // The side column comes first so a narrow screen (one column) lists the findings before the text.
  out += "<div id=\"side\">\n<aside id=\"panel\" hidden><button class=\"close\" title=\"" +
         escape(opts.say("html.ui.close")) + "\">&times;</button><div class=\"body\"></div></aside>\n";
  html::findings_pane(out, in, opts);
  out += "</div>\n<main>\n<h2>" + escape(opts.say("html.reports")) + "</h2>\n";
  sources(out, in, opts);
  out += "</main>\n</div>\n";
  out += "<script type=\"application/json\" id=\"tally-data\">";
  out += html::script_safe_json(page_data(in, opts).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  out += "</script>\n<script>";
  out += html::script();
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace tally
