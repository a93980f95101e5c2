#include "cli/color.h"

#include <cstring>

namespace tally::cli {

bool color_wanted(const std::string& mode, bool stdout_is_terminal,
                  const std::function<const char*(const char*)>& getenv) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  auto set = [&](const char* name) {
    const char* v = getenv(name);
    return v != nullptr && *v != '\0';
  };
  if (set("NO_COLOR")) return false;  // no-color.org: any non-empty value
  // FORCE_COLOR (Node, many CLIs) and CLICOLOR_FORCE (BSD tools): on unless "0", even into a pipe.
  for (const char* name : {"FORCE_COLOR", "CLICOLOR_FORCE"})
    if (set(name) && std::strcmp(getenv(name), "0") != 0) return true;
  const char* term = getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return stdout_is_terminal;
}

}  // namespace tally::cli
