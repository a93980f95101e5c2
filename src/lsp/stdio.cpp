#include "lsp/stdio.h"

#include <thread>

#include "lsp/framing.h"
#include "lsp/inbox.h"

namespace tally::lsp {

namespace {

// Messages read but not handled, at most: a few of the largest documents an
// editor sends, far beyond what a well-behaved client has in flight.
constexpr size_t kInboxBytes = size_t{256} << 20;

// Reads until `exit` or end of input; `exit` is the last message passed on.
void read_all(std::istream& in, Server& server, Inbox& inbox) {
  std::string body, error;
  for (;;) {
    ReadStatus st = read_message(in, &body, &error);
    if (st == ReadStatus::Eof) break;
    if (st == ReadStatus::BadHeader) {
      Inbox::Item skipped;
      skipped.skipped = "skipping a malformed message: " + error;
      skipped.bytes = skipped.skipped.size();
      inbox.push(std::move(skipped));
      continue;
    }
    Inbox::Item item;
    item.msg = nlohmann::json::parse(body, nullptr, false);
    item.bytes = body.size();
    if (!server.preview(item.msg)) continue;
    // Nothing after exit matters, and the reader must not block on more input.
    // (An `exit` the server finds malformed still ends the stream.)
    item.last = item.msg.is_object() && !item.msg.contains("id") && item.msg.value("method", nlohmann::json()) == "exit";
    bool last = item.last;
    inbox.push(std::move(item));
    if (last) return;
  }
  Inbox::Item end;
  end.end = true;
  inbox.push(std::move(end));
}

}  // namespace

int run_stream(const ServerOptions& opts, std::istream& in, const std::function<void(std::string_view)>& write,
               const std::function<void(int)>& on_exit) {
  Server server(opts, [&write](const std::string& body) { write(frame(body)); });
  Inbox inbox(kInboxBytes);
  std::thread reader([&] { read_all(in, server, inbox); });
  for (;;) {
    Inbox::Item item = inbox.pop();
    if (item.end) break;
    if (!item.skipped.empty()) {
      server.log(1, item.skipped);
      continue;
    }
    server.handle_message(item.msg);
    if (item.last) break;  // also when the server found that `exit` malformed: the reader has stopped
  }
  // The reader has stopped: it passed on `exit` or the end of input, and
  // every message before either has been popped, so it is not waiting on us.
  reader.join();
  if (on_exit) on_exit(server.exit_code());
  return server.exit_code();
}

}  // namespace tally::lsp
