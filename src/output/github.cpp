// GitHub Actions workflow commands: one `::error file=…::message` line per
// diagnostic, which the runner turns into annotations on the pull request.
#include <fmt/format.h>

#include "output/paths.h"
#include "output/render.h"

namespace tally {

namespace {

const char* command_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "warning";
}

// The runner decodes these escapes; unescaped newlines would end the command.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

std::string render_github(const RenderInput& in, const RenderOptions& opts) {
  const std::string help = opts.say("text.help"), related = opts.say("github.related");
  std::string out;
  for (const auto& f : in.files) {
    const SourceText& src = f.source;
    std::string path = report_path(src.path());
    for (const auto& d : f.diagnostics) {
      Span s = clamp_span(src, d.span);
      Position b = src.position(s.begin), e = src.position(s.end);
      std::string text = with_locator(src, s, d.message, opts.lang);
      for (const auto& r : d.related) {
        Position rb = src.position(clamp_span(src, r.span).begin);
        text += fmt::format("\n{} {}:{}:{}: {}", related, path, rb.line, rb.column, r.message);
      }
      if (d.fix) text += "\n" + help + " " + opts.say(Message("fix.replace", {{"replacement", d.fix->replacement}}));
      for (const auto& n : d.notes) text += "\n" + help + " " + n;
      out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                         command_name(d.severity), escape_property(path), b.line, b.column, e.line, e.column,
                         escape_property("tally " + d.rule), escape_data(text));
    }
  }
  return out;
}

}  // namespace tally
