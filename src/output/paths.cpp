#include "output/paths.h"

#include <algorithm>
#include <filesystem>

#include "output/locator.h"

namespace tally {

namespace fs = std::filesystem;

namespace {

// Relative form of an absolute path under the current directory, or "" if outside.
std::string inside_cwd(const fs::path& abs) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return "";
  fs::path rel = abs.lexically_normal().lexically_relative(cwd.lexically_normal());
  if (rel.empty() || *rel.begin() == "..") return "";
  return rel.generic_string();
}

}  // namespace

std::string report_path(const std::string& path) {
  if (path == "-" || path.empty()) return path;
  fs::path p(path);
  if (p.is_absolute()) {
    std::string rel = inside_cwd(p);
    return rel.empty() ? p.lexically_normal().generic_string() : rel;
  }
  return p.lexically_normal().generic_string();
}

std::string percent_encode_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string artifact_uri(const std::string& path, bool* is_relative) {
  std::string p = report_path(path);
  bool rel = !fs::path(p).is_absolute();
  if (is_relative) *is_relative = rel;
  std::string uri = rel ? "" : "file://";
  uri += percent_encode_path(p);
  return uri;
}

std::string working_directory_uri() {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  std::string dir = ec ? std::string() : cwd.generic_string();
  if (dir.empty() || dir.back() != '/') dir.push_back('/');
  std::string uri = "file://";
  uri += percent_encode_path(dir);
  return uri;
}

Span clamp_span(const SourceText& src, Span s) {
  uint32_t size = static_cast<uint32_t>(src.text().size());
  s.begin = std::min(s.begin, size);
  s.end = std::clamp(s.end, s.begin, size);
  return s;
}

std::string line_locator(const SourceText& src, int line) {
  if (line < 1 || line > static_cast<int>(src.line_locators.size())) return "";
  return src.line_locators[line - 1];
}

std::string with_locator(const SourceText& src, Span span, const std::string& message, Lang lang) {
  std::string loc = locator_text(src, span, lang);
  return loc.empty() ? message : message + " (" + loc + ")";
}

int byte_column(const SourceText& src, uint32_t offset) {
  offset = std::min<uint32_t>(offset, src.text().size());
  int line = src.position(offset).line;
  return 1 + static_cast<int>(offset - src.line_start(line));
}

}  // namespace tally
