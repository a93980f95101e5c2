// Runs a Server over a byte stream pair: reads framed messages from `in`
// until exit or end of input, writes framed replies with `write`.
//
// One thread reads and parses messages and shows each to Server::preview at
// once (so $/cancelRequest and `exit` take effect while a request runs); the
// calling thread handles them in order.
#pragma once
#include <functional>
#include <istream>
#include <string_view>

#include "lsp/server.h"

namespace tally::lsp {

// Returns the process exit code: 0 after shutdown, 1 otherwise.
// `on_exit`, when given, is called with that code as soon as `exit` has been
// handled or the input has ended, before the server is destroyed: a process
// that must end at once (the CLI; the client may kill it a second later) ends
// it there, abandoning any check still running.
int run_stream(const ServerOptions& opts, std::istream& in, const std::function<void(std::string_view)>& write,
               const std::function<void(int)>& on_exit = {});

}  // namespace tally::lsp
