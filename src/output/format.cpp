#include "output/format.h"

#include <fmt/format.h>

namespace tally {

namespace {
struct Entry {
  const char* name;
  std::string (*fn)(const RenderInput&, const RenderOptions&);
};
const Entry kFormats[] = {
    {"text", render_text},
    {"json", render_json},
    {"sarif", render_sarif},
    {"rdjson", render_rdjson},
    {"github", render_github},
    {"html", render_html},
};
}  // namespace

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kFormats) v.push_back(e.name);
    return v;
  }();
  return names;
}

Result<std::string> render(std::string_view format, const RenderInput& in, const RenderOptions& opts) {
  for (const auto& e : kFormats)
    if (format == e.name) return e.fn(in, opts);
  std::string names = fmt::format("{}", fmt::join(format_names(), ", "));
  return Error{"", fmt::format("unknown format '{}' (expected one of: {})", format, names),
               {"error.cli.unknown_format", {{"format", std::string(format)}, {"list", names}}}};
}

}  // namespace tally
