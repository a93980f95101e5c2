// Making the edits in the file's own bytes. Loading keeps every character of a line, but a file may
// start with a byte-order mark and end its lines with CRLF; any other difference (GB18030, UTF-16)
// means the bytes are not the checked text, and nothing is changed.
#include <fmt/format.h>

#include "fix/fix.h"

namespace tally {

Result<std::string> apply_edits(std::string_view raw, const SourceText& text, const std::vector<Edit>& edits) {
  size_t bom = raw.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // Where each line of the checked text starts in the raw bytes, verified line by line.
  std::vector<size_t> raw_line_start;
  size_t at = bom;
  for (int line = 1; line <= text.line_count(); ++line) {
    std::string_view want = text.line_text(line);
    if (raw.substr(at, want.size()) != want)
      return Error{"", fmt::format("line {} of the file is not the text that was checked (not UTF-8?)", line),
                   {"error.fix.line_changed", {{"line", std::to_string(line)}}}};
    raw_line_start.push_back(at);
    at += want.size();
    if (at < raw.size() && raw[at] == '\r') ++at;
    if (at < raw.size() && raw[at] == '\n') ++at;
  }
  std::string out;
  size_t copied = 0;
  for (const auto& e : edits) {
    int line = text.position(e.span.begin).line;
    size_t begin = raw_line_start[line - 1] + (e.span.begin - text.line_start(line));
    size_t len = e.span.end - e.span.begin;
    if (begin < copied || raw.substr(begin, len) != e.before)
      return Error{"", fmt::format("line {}: the figure '{}' is not where it was found", line, e.before),
                   {"error.fix.figure_moved", {{"line", std::to_string(line)}, {"figure", e.before}}}};
    out.append(raw.substr(copied, begin - copied));
    out += e.after;
    copied = begin + len;
  }
  out.append(raw.substr(copied));
  return out;
}

}  // namespace tally
