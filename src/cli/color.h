// Whether text output is coloured: --color, then the conventions other tools share
// (NO_COLOR, FORCE_COLOR / CLICOLOR_FORCE, TERM=dumb), then whether stdout is a terminal.
#pragma once
#include <functional>
#include <string>

namespace tally::cli {

// `mode` is --color (auto, always, never); `getenv` reads the environment (null when unset).
bool color_wanted(const std::string& mode, bool stdout_is_terminal,
                  const std::function<const char*(const char*)>& getenv);

}  // namespace tally::cli
