#include "diag/error_text.h"

namespace tally {

std::string render_error_line(const ErrorLine& line, Lang l, const Catalogue& c) {
  Message m = line.what;
  for (const auto& [name, part] : line.parts) m.args.emplace_back(name, c.render(part, l));
  std::string text = c.render(m, l);
  return line.where.empty() ? text : line.where + ": " + text;
}

std::string render_error(const Error& e, Lang l, const Catalogue& c) {
  // English is the text the library wrote, so it stays byte for byte what it always was.
  if (l == Lang::En || e.lines.empty()) return e.message;
  std::string out;
  for (const auto& line : e.lines) {
    if (!out.empty()) out += '\n';
    out += render_error_line(line, l, c);
  }
  return out;
}

}  // namespace tally
