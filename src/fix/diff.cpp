// A unified diff for --diff. Fixes replace figures inside lines and never add or remove one, so the
// two versions pair up line by line: hunks are the changed lines with three lines of context.
#include <fmt/format.h>

#include "fix/fix.h"

namespace tally {

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

void put(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  auto a = split_lines(before), b = split_lines(after);
  if (a.size() != b.size()) return "";  // not an edit of figures within lines
  constexpr size_t kContext = 3;
  std::vector<size_t> changed;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) changed.push_back(i);
  if (changed.empty()) return "";
  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  size_t k = 0;
  while (k < changed.size()) {
    // One hunk: changed lines whose contexts touch.
    size_t first = changed[k], last = changed[k];
    while (k + 1 < changed.size() && changed[k + 1] <= last + 2 * kContext + 1) last = changed[++k];
    ++k;
    size_t from = first >= kContext ? first - kContext : 0;
    size_t to = std::min(a.size(), last + kContext + 1);
    out += fmt::format("@@ -{},{} +{},{} @@\n", from + 1, to - from, from + 1, to - from);
    for (size_t i = from; i < to; ++i) {
      if (a[i] == b[i]) {
        put(out, ' ', a[i]);
      } else {
        put(out, '-', a[i]);
        put(out, '+', b[i]);
      }
    }
  }
  return out;
}

}  // namespace tally
