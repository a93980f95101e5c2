// JSON-RPC base protocol framing: "Content-Length: N\r\n\r\n" then N bytes.
#pragma once
#include <istream>
#include <string>
#include <string_view>

namespace tally::lsp {

enum class ReadStatus {
  Message,    // *body holds one message's content
  Eof,        // the stream ended (cleanly or in the middle of a message)
  BadHeader,  // a header block without a usable Content-Length; skipped, *error says why
};

// Reads one message. Accepts "\n" as well as "\r\n" after header lines, ignores
// headers other than Content-Length (compared case-insensitively).
ReadStatus read_message(std::istream& in, std::string* body, std::string* error);

// The framed form of one message body.
std::string frame(std::string_view body);

}  // namespace tally::lsp
