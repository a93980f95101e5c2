// Runs a Server over a byte stream pair: reads framed messages from `in`
// until exit or end of input, writes framed replies with `write`.
#pragma once
#include <functional>
#include <istream>
#include <string_view>

#include "lsp/server.h"

namespace tally::lsp {

// Returns the process exit code: 0 after shutdown, 1 otherwise.
int run_stream(const ServerOptions& opts, std::istream& in, const std::function<void(std::string_view)>& write);

}  // namespace tally::lsp
