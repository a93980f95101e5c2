// Markdown pipe tables ("| 指标 | 单位 | 绝对数 |", then "| --- | --- | ---: |"): reports written or
// converted to Markdown carry their tables this way. A row is read like a tab-separated one; the
// delimiter row under the header is not a row of the table.
#pragma once
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace tally::markdown_table {

// A line (trimmed) that starts with '|' and has at least one more: "| a | b |".
inline bool is_row(std::string_view t) {
  if (t.size() < 2 || t.front() != '|') return false;
  return t.find('|', 1) != std::string_view::npos;
}

// The delimiter row: pipes, dashes, colons and spaces only, with at least one dash ("|:---|---:|").
inline bool is_delimiter(std::string_view t) {
  if (!is_row(t)) return false;
  bool dash = false;
  for (char c : t) {
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash;
}

// The cells of a row as [begin, end) byte ranges of the line, between unescaped pipes; the empty
// ranges before the first and after the last pipe are left out.
inline std::vector<std::pair<size_t, size_t>> cells(std::string_view line) {
  std::vector<size_t> pipes;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) pipes.push_back(i);
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k + 1 < pipes.size(); ++k) out.push_back({pipes[k] + 1, pipes[k + 1]});
  // A row may leave out its closing pipe: "| a | b".
  if (!pipes.empty() && pipes.back() + 1 < line.size()) {
    std::string_view rest = line.substr(pipes.back() + 1);
    if (rest.find_first_not_of(" \t\r") != std::string_view::npos) out.push_back({pipes.back() + 1, line.size()});
  }
  return out;
}

}  // namespace tally::markdown_table
