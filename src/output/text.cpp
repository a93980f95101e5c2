// The text format, in the style of rustc and ruff:
//   path:line:col: error[percent]: message
//     |
//  12 | …source line…
//     |          ^^^^^ here
//   = note: related figure
#include <fmt/format.h>

#include <algorithm>

#include "base/utf8.h"
#include "output/locator.h"
#include "output/render.h"

namespace tally {

namespace {

struct Style {
  bool on;
  std::string wrap(std::string_view s, const char* code) const {
    if (!on) return std::string(s);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
  }
};

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "1;31";
    case Severity::Warning: return "1;33";
    case Severity::Info: return "1;36";
  }
  return "1";
}

// Shows a window of the line around the figure so very long paragraphs stay readable.
void snippet(std::string& out, const SourceText& src, Span span, const Style& st, Severity sev,
             std::string_view label) {
  Position b = src.position(span.begin);
  Position e = src.position(span.end);
  std::string_view line = src.line_text(b.line);
  uint32_t ls = src.line_start(b.line);
  size_t start = span.begin - ls;
  size_t stop = e.line == b.line ? span.end - ls : line.size();
  // Window: up to 30 code points before and 30 after.
  size_t ws = start;
  for (int k = 0; k < 30 && ws > 0; ++k) utf8::prev(line, ws);
  size_t we = stop;
  for (int k = 0; k < 30 && we < line.size(); ++k) utf8::next(line, we);
  std::string prefix = ws > 0 ? "…" : "";
  std::string suffix = we < line.size() ? "…" : "";
  std::string_view before = line.substr(ws, start - ws);
  std::string_view fig = line.substr(start, stop - start);
  std::string_view after = line.substr(stop, we - stop);
  std::string num = std::to_string(b.line);
  std::string pad(num.size(), ' ');
  auto expand = [](std::string_view s) {
    std::string r;
    for (char c : s) r += c == '\t' ? std::string("    ") : std::string(1, c);
    return r;
  };
  out += fmt::format("{} {}\n", pad, st.wrap("|", "1;34"));
  out += fmt::format("{} {} {}{}{}{}{}\n", st.wrap(num, "1;34"), st.wrap("|", "1;34"), prefix, expand(before),
                     st.wrap(fig, severity_color(sev)), expand(after), suffix);
  int indent = utf8::display_width(prefix) + utf8::display_width(expand(before));
  int width = std::max(1, utf8::display_width(fig));
  // No trailing space: the label, when there is one, follows the carets after a single space.
  out += fmt::format("{} {} {}{}{}\n", pad, st.wrap("|", "1;34"), std::string(indent, ' '),
                     st.wrap(std::string(width, '^'), severity_color(sev)),
                     label.empty() ? std::string() : " " + st.wrap(label, severity_color(sev)));
}

}  // namespace

std::string render_text(const RenderInput& in, const RenderOptions& opts) {
  Style st{opts.color};
  std::string out;
  const std::string note = opts.say("text.note"), help = opts.say("text.help");
  int figures = 0, checked = 0;
  for (const auto& f : in.files) {
    figures += f.figures;
    checked += f.figures_checked;
    const SourceText& src = f.source;
    for (const auto& d : f.diagnostics) {
      Position b = src.position(d.span.begin);
      std::string loc = fmt::format("{}:{}:{}", src.path(), b.line, b.column);
      if (std::string where = locator_text(src, d.span, opts.lang); !where.empty()) loc += fmt::format(" ({})", where);
      out += fmt::format("{}: {}: {}\n", st.wrap(loc, "1"),
                         st.wrap(fmt::format("{}[{}]", severity_name(d.severity), d.rule), severity_color(d.severity)),
                         st.wrap(d.message, "1"));
      snippet(out, src, d.span, st, d.severity, "");
      for (const auto& r : d.related) {
        Position rb = src.position(r.span.begin);
        std::string where = locator_text(src, r.span, opts.lang);
        out += fmt::format("  = {} {}:{}:{}{}: {}\n", note, src.path(), rb.line, rb.column,
                           where.empty() ? std::string() : " (" + where + ")", r.message);
      }
      std::string fix = fix_advice(src, d, opts);
      if (!fix.empty()) out += fmt::format("  = {} {}\n", help, fix);
      for (const auto& n : d.notes) out += fmt::format("  = {} {}\n", help, n);
      out += "\n";
    }
    if (opts.coverage) {
      for (const auto& s : f.unchecked) {
        Position p = src.position(s.begin);
        out += fmt::format("{}:{}:{}: {}\n", src.path(), p.line, p.column,
                           opts.say(Message("coverage.unchecked", {{"figure", std::string(src.slice(s))}})));
      }
    }
  }
  if (!opts.summary) return out;
  Totals t = count(in.files);
  double pct = figures ? 100.0 * checked / figures : 0.0;
  auto n = [](auto v) { return std::to_string(v); };
  auto s = [](auto v) { return std::string(v == 1 ? "" : "s"); };
  out += opts.say(Message("summary.line", {{"files", n(in.files.size())}, {"files_s", s(in.files.size())},
                                           {"errors", n(t.errors)},         {"errors_s", s(t.errors)},
                                           {"warnings", n(t.warnings)},     {"warnings_s", s(t.warnings)},
                                           {"infos", n(t.infos)},           {"infos_s", s(t.infos)},
                                           {"figures", n(figures)},         {"checked", n(checked)},
                                           {"pct", fmt::format("{:.0f}", pct)}})) +
         "\n";
  if (in.baseline)
    out += opts.say(Message("summary.baseline", {{"matched", n(in.baseline->matched)},
                                                 {"matched_s", s(in.baseline->matched)},
                                                 {"stale", n(in.baseline->stale)}})) +
           "\n";
  return out;
}

}  // namespace tally
