#include "lsp/framing.h"

#include <cctype>
#include <charconv>

namespace tally::lsp {

namespace {

// Largest body accepted: a client never sends anything near this; a bigger
// number is a corrupt header, not a request to allocate gigabytes.
constexpr size_t kMaxBody = size_t{1} << 30;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

ReadStatus read_message(std::istream& in, std::string* body, std::string* error) {
  std::string line;
  bool any_header = false;
  bool have_length = false;
  bool bad_length = false;
  size_t length = 0;
  for (;;) {
    if (!std::getline(in, line)) return ReadStatus::Eof;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // not a header; reported below if no length follows
    if (!iequals(trim(std::string_view(line).substr(0, colon)), "Content-Length")) continue;
    std::string_view v = trim(std::string_view(line).substr(colon + 1));
    size_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size() || n > kMaxBody) {
      bad_length = true;
      continue;
    }
    length = n;
    have_length = true;
  }
  if (!have_length) {
    *error = bad_length ? "invalid Content-Length header" : "message header without Content-Length";
    return ReadStatus::BadHeader;
  }
  body->resize(length);
  in.read(body->data(), static_cast<std::streamsize>(length));
  if (static_cast<size_t>(in.gcount()) != length) return ReadStatus::Eof;
  return ReadStatus::Message;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace tally::lsp
