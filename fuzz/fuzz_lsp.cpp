// Bytes → the language server's framing and message handler, as a stream.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/stdio.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tally::lsp::ServerOptions opts;
  opts.debounce = std::chrono::milliseconds(0);
  opts.workers = 1;
  opts.log_to_stderr = false;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  tally::lsp::run_stream(opts, in, [](std::string_view) {});
  return 0;
}
