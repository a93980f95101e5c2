#include "config/glob.h"

#include <vector>

#include "base/utf8.h"

namespace tally {

namespace {

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '/') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// Matches a bracket set starting at pat[p] == '['. Sets p past the ']' and
// returns whether c is in the set; returns false with ok=false if malformed.
bool match_set(std::string_view pat, size_t& p, char32_t c, bool& ok) {
  size_t i = p + 1;
  bool negate = i < pat.size() && (pat[i] == '!' || pat[i] == '^');
  if (negate) ++i;
  bool hit = false;
  bool first = true;
  while (i < pat.size() && (pat[i] != ']' || first)) {
    first = false;
    char32_t lo = utf8::next(pat, i);
    char32_t hi = lo;
    if (i + 1 < pat.size() && pat[i] == '-' && pat[i + 1] != ']') {
      ++i;
      hi = utf8::next(pat, i);
    }
    if (lo <= c && c <= hi) hit = true;
  }
  if (i >= pat.size()) {
    ok = false;
    return false;
  }
  p = i + 1;
  return hit != negate;
}

// One segment against one pattern segment (no '/').
bool match_segment(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0;
  size_t star_p = std::string_view::npos, star_i = 0;
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star_p = ++p;
      star_i = i;
      continue;
    }
    if (p < pat.size()) {
      size_t np = p, ni = i;
      bool matched = false;
      if (pat[p] == '?') {
        utf8::next(s, ni);
        ++np;
        matched = true;
      } else if (pat[p] == '[') {
        bool ok = true;
        char32_t c = utf8::next(s, ni);
        matched = match_set(pat, np, c, ok) && ok;
      } else {
        size_t len = utf8::seq_len(static_cast<unsigned char>(pat[p]));
        if (s.substr(i, len) == pat.substr(p, len)) {
          np += len;
          ni += len;
          matched = true;
        }
      }
      if (matched) {
        p = np;
        i = ni;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    // Let the last '*' swallow one more character and retry.
    utf8::next(s, star_i);
    i = star_i;
    p = star_p;
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

bool match_parts(const std::vector<std::string_view>& pat, size_t pi, const std::vector<std::string_view>& path,
                 size_t si) {
  while (pi < pat.size()) {
    if (pat[pi] == "**") {
      for (size_t k = si; k <= path.size(); ++k)
        if (match_parts(pat, pi + 1, path, k)) return true;
      return false;
    }
    if (si >= path.size() || !match_segment(pat[pi], path[si])) return false;
    ++pi;
    ++si;
  }
  return si == path.size();
}

}  // namespace

std::string glob_problem(std::string_view pattern) {
  if (pattern.empty()) return "empty glob pattern";
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '[') continue;
    bool ok = true;
    size_t p = i;
    match_set(pattern, p, U'a', ok);
    if (!ok) return "unclosed '[' in glob pattern";
    i = p - 1;
  }
  return "";
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  auto parts = split(pattern);
  if (parts.size() > 1 && parts.back().empty()) parts.back() = "**";  // "drafts/" means everything in it
  return match_parts(parts, 0, split(path), 0);
}

}  // namespace tally
