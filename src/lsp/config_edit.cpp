#include "lsp/config_edit.h"

#include <vector>

#include "base/utf8.h"

namespace tally::lsp {

namespace {

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') out += "\\t";
    else out += c;
  }
  return out + "\"";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return lines;
}

std::string_view strip_cr(std::string_view l) { return !l.empty() && l.back() == '\r' ? l.substr(0, l.size() - 1) : l; }

bool blank_or_comment(std::string_view l) {
  size_t i = l.find_first_not_of(" \t");
  return i == std::string_view::npos || l[i] == '#';
}

}  // namespace

std::string line_contains_for(std::string_view line, size_t fig_begin, size_t fig_end, int context) {
  fig_end = std::min(fig_end, line.size());
  fig_begin = std::min(fig_begin, fig_end);
  size_t b = fig_begin;
  for (int k = 0; k < context && b > 0; ++k) utf8::prev(line, b);
  std::string_view piece = line.substr(b, fig_end - b);
  // Leading blanks make the entry fragile against re-indentation.
  size_t first = piece.find_first_not_of(" \t");
  return std::string(first == std::string_view::npos ? piece : piece.substr(first));
}

std::optional<ConfigInsert> suppress_entry_insert(const std::string& config_text, const std::string& rule,
                                                  const std::string& line_contains, const std::string& rel_path) {
  auto lines = split_lines(config_text);
  int key_line = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = strip_cr(lines[i]);
    if (l.substr(0, 9) != "suppress:") continue;
    std::string_view rest = l.substr(9);
    if (!blank_or_comment(rest)) return std::nullopt;  // `suppress: []` or similar
    key_line = static_cast<int>(i);
    break;
  }
  std::string indent = "  ";
  if (key_line >= 0) {
    // Follow the indentation of the existing entries, if any.
    for (size_t i = key_line + 1; i < lines.size(); ++i) {
      std::string_view l = strip_cr(lines[i]);
      if (blank_or_comment(l)) continue;
      size_t dash = l.find_first_not_of(' ');
      if (dash != std::string_view::npos && l[dash] == '-') indent = std::string(dash, ' ');
      break;
    }
  }
  std::string entry = indent + "- rule: " + rule + "\n" + indent + "  line-contains: " + yaml_quote(line_contains) + "\n";
  // Globs have no escapes: a path with glob characters would not match itself, so leave it out.
  if (!rel_path.empty() && rel_path.find_first_of("*?[") == std::string::npos)
    entry += indent + "  path: " + yaml_quote(rel_path) + "\n";
  if (key_line >= 0 && key_line + 1 < static_cast<int>(lines.size())) return ConfigInsert{{key_line + 1, 0}, entry};
  if (key_line >= 0) {  // `suppress:` is the last line, without a line break
    std::string_view l = lines[key_line];
    return ConfigInsert{{key_line, static_cast<int>(utf8::count_utf16_units(l))}, "\n" + entry};
  }
  // Append a new top-level key at the end of the file.
  int last = static_cast<int>(lines.size()) - 1;
  LspPosition end{last, static_cast<int>(utf8::count_utf16_units(lines[last]))};
  std::string prefix = config_text.empty() || config_text.back() == '\n' ? "" : "\n";
  return ConfigInsert{end, prefix + "suppress:\n" + entry};
}

}  // namespace tally::lsp
