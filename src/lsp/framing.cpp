#include "lsp/framing.h"

#include <cctype>
#include <algorithm>
#include <charconv>

namespace tally::lsp {

namespace {

// Largest body accepted. Documents beyond the input limit are not checked
// anyway; a bigger number is a corrupt header, not a request to allocate
// gigabytes — and nothing is allocated for it: bodies are read in chunks.
constexpr size_t kMaxBody = size_t{64} << 20;
// Longest header line kept; a longer line keeps its tail, where the next
// "Content-Length:" sits after the leftover of a too-short message.
constexpr size_t kMaxHeaderLine = 4096;
constexpr std::string_view kLengthName = "content-length";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Position of "content-length" in `line` (any case), or npos.
size_t find_length_header(std::string_view line) {
  for (size_t i = 0; i + kLengthName.size() <= line.size(); ++i) {
    size_t k = 0;
    while (k < kLengthName.size() &&
           std::tolower(static_cast<unsigned char>(line[i + k])) == kLengthName[k])
      ++k;
    if (k == kLengthName.size()) return i;
  }
  return std::string_view::npos;
}

// One line without its "\n" (and "\r"). False at end of input.
bool read_line(std::streambuf& in, std::string& line) {
  line.clear();
  for (;;) {
    int c = in.sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    if (c == '\n') break;
    line.push_back(static_cast<char>(c));
    if (line.size() > kMaxHeaderLine) line.erase(0, line.size() - kMaxHeaderLine / 2);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

}  // namespace

ReadStatus read_message(std::istream& in, std::string* body, std::string* error) {
  std::streambuf* sb = in.rdbuf();
  if (!sb) return ReadStatus::Eof;
  std::string line;
  bool any_header = false;
  bool have_length = false;
  std::string bad_length;
  size_t length = 0;
  for (;;) {
    if (!read_line(*sb, line)) {
      in.setstate(std::ios::eofbit);
      return ReadStatus::Eof;
    }
    if (line.empty()) {
      if (!any_header) continue;  // stray blank lines between messages
      break;
    }
    any_header = true;
    // Found anywhere on the line: after a message whose Content-Length was too
    // short, the rest of its body runs straight into the next header.
    size_t at = find_length_header(line);
    if (at == std::string::npos) continue;  // another header, or junk; reported below if no length follows
    std::string_view rest = std::string_view(line).substr(at + kLengthName.size());
    rest = trim(rest);
    if (rest.empty() || rest.front() != ':') continue;
    std::string_view v = trim(rest.substr(1));
    size_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size()) {
      bad_length = "invalid Content-Length header";
      have_length = false;
      continue;
    }
    if (n > kMaxBody) {
      bad_length = "Content-Length " + std::string(v) + " is over the " + std::to_string(kMaxBody >> 20) +
                   " MiB limit; skipping to the next message";
      have_length = false;
      continue;
    }
    bad_length.clear();
    length = n;
    have_length = true;
  }
  if (!have_length) {
    *error = !bad_length.empty() ? bad_length : "message header without Content-Length";
    return ReadStatus::BadHeader;
  }
  // In chunks: memory follows the bytes that arrive, not the number claimed.
  body->clear();
  char buf[1 << 16];
  while (body->size() < length) {
    std::streamsize want = static_cast<std::streamsize>(std::min(sizeof buf, length - body->size()));
    std::streamsize got = sb->sgetn(buf, want);
    if (got <= 0) {
      in.setstate(std::ios::eofbit);
      return ReadStatus::Eof;
    }
    body->append(buf, static_cast<size_t>(got));
  }
  return ReadStatus::Message;
}

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out += body;
  return out;
}

}  // namespace tally::lsp
