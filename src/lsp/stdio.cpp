#include "lsp/stdio.h"

#include "lsp/framing.h"

namespace tally::lsp {

int run_stream(const ServerOptions& opts, std::istream& in, const std::function<void(std::string_view)>& write,
               const std::function<void(int)>& on_exit) {
  Server server(opts, [&write](const std::string& body) { write(frame(body)); });
  std::string body, error;
  for (;;) {
    ReadStatus st = read_message(in, &body, &error);
    if (st == ReadStatus::Eof) break;
    if (st == ReadStatus::BadHeader) {
      server.log(1, "skipping a malformed message: " + error);
      continue;
    }
    server.handle(body);
    if (server.exited()) {
      if (on_exit) on_exit(server.exit_code());
      break;
    }
  }
  return server.exit_code();
}

}  // namespace tally::lsp
