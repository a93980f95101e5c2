#include "output/html_findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "output/html_util.h"
#include "output/paths.h"
#include "rules/rule_text.h"

namespace tally::html {

namespace {

// One finding in the list; k is its report-wide number (the highlight's id d-<k>).
struct Entry {
  int k;
  const SourceText* src;
  const Diagnostic* d;
};

struct Group {
  std::string rule;
  std::vector<Entry> entries;
  Severity worst = Severity::Info;
};

// Findings by rule, worst rules first, then the most frequent, then by id, so
// the order does not depend on which file was read first.
std::vector<Group> groups(const RenderInput& in) {
  std::map<std::string, Group> by_rule;
  int k = 0;
  for (const auto& f : in.files)
    for (const auto& d : f.diagnostics) {
      Group& g = by_rule[d.rule];
      g.rule = d.rule;
      g.entries.push_back({k++, &f.source, &d});
      g.worst = std::max(g.worst, d.severity);
    }
  std::vector<Group> out;
  for (auto& [id, g] : by_rule) out.push_back(std::move(g));
  std::stable_sort(out.begin(), out.end(), [](const Group& a, const Group& b) {
    if (a.worst != b.worst) return a.worst > b.worst;
    return a.entries.size() > b.entries.size();
  });
  return out;
}

std::string severity_label(const RenderOptions& o, Severity s) {
  return o.say(Message(std::string("html.severity.") + std::string(severity_name(s))));
}

std::string summary_of(const RenderInput& in, const RenderOptions& o, const std::string& rule) {
  const Catalogue& c = o.messages ? *o.messages : builtin_catalogue();
  for (const auto& r : in.rules)
    if (r.id == rule) return rule_summary(r, c, o.lang);
  return "";
}

void filters(std::string& out, const std::vector<Group>& gs, const RenderInput& in, const RenderOptions& o) {
  Totals t = count(in.files);
  out += "<div class=\"filters\" hidden>\n<fieldset class=\"f-sev\"><legend>" + escape(o.say("html.filter.severity")) +
         "</legend>";
  for (auto [s, n] : {std::pair{Severity::Error, t.errors}, {Severity::Warning, t.warnings}, {Severity::Info, t.infos}}) {
    std::string_view name = severity_name(s);
    out += fmt::format(
        "<label{3}><input type=\"checkbox\" id=\"flt-sev-{0}\" data-sev=\"{0}\" checked{4}>"
        "<span class=\"badge sev-{0}\">{1}</span> <span class=\"n\">{2}</span></label>",
        name, escape(severity_label(o, s)), n, n ? "" : " class=\"none\"", n ? "" : " disabled");
  }
  out += "</fieldset>\n<fieldset class=\"f-rule\"><legend>" + escape(o.say("html.filter.rules")) + "</legend>";
  for (const Group& g : gs)
    out += fmt::format(
        "<label><input type=\"checkbox\" id=\"flt-rule-{0}\" data-rule=\"{0}\" checked><code>{0}</code> "
        "<span class=\"n\">{1}</span></label>",
        escape(g.rule), g.entries.size());
  out += "</fieldset>\n<p class=\"f-actions\"><button type=\"button\" id=\"flt-all\">" +
         escape(o.say("html.filter.all")) + "</button></p>\n</div>\n";
  out += "<p class=\"empty-note\" id=\"flt-none\" hidden>" + escape(o.say("html.filter.none")) + "</p>\n";
}

void group(std::string& out, const Group& g, const RenderInput& in, const RenderOptions& o) {
  out += fmt::format("<details class=\"group\" open data-rule=\"{0}\"><summary><code>{0}</code> <span class=\"n\">{1}</span>",
                     escape(g.rule), g.entries.size());
  std::string about = summary_of(in, o, g.rule);
  if (!about.empty()) out += " <span class=\"about\">" + escape(about) + "</span>";
  out += "</summary>\n<ol class=\"findings\">\n";
  for (const Entry& e : g.entries) {
    Position b = e.src->position(clamp_span(*e.src, e.d->span).begin);
    std::string_view sev = severity_name(e.d->severity);
    out += fmt::format(
        "<li data-k=\"{0}\" data-sev=\"{1}\"><a href=\"#d-{0}\" data-k=\"{0}\"><span class=\"badge sev-{1}\">{2}</span> "
        "<span class=\"where\">{3}:{4}:{5}</span> <span class=\"msg\">{6}</span></a></li>\n",
        e.k, sev, escape(severity_label(o, e.d->severity)), escape(report_path(e.src->path())), b.line, b.column,
        escape(with_locator(*e.src, e.d->span, e.d->message, o.lang)));
  }
  out += "</ol>\n</details>\n";
}

}  // namespace

void findings_pane(std::string& out, const RenderInput& in, const RenderOptions& o) {
  out += "<section class=\"findings-pane\">\n<h2>" + escape(o.say("html.findings")) + "</h2>\n";
  std::vector<Group> gs = groups(in);
  if (gs.empty()) {
    out += "<p class=\"empty-note\">" + escape(o.say("html.no_findings")) + "</p>\n</section>\n";
    return;
  }
  filters(out, gs, in, o);
  for (const Group& g : gs) group(out, g, in, o);
  out += "</section>\n";
}

}  // namespace tally::html
