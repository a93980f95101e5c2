// LSP building blocks: message framing, UTF-16 positions, edits, URIs.
#include <doctest/doctest.h>

#include <sstream>
#include <streambuf>

#include "lsp/document.h"
#include "lsp/framing.h"
#include "lsp/position.h"
#include "lsp/uri.h"

using namespace tally::lsp;

namespace {

// Hands out its data one byte per underflow, like a pipe that delivers slowly.
class TrickleBuf : public std::streambuf {
 public:
  explicit TrickleBuf(std::string data) : data_(std::move(data)) {}

 protected:
  int_type underflow() override {
    if (pos_ >= data_.size()) return traits_type::eof();
    ch_ = data_[pos_++];
    setg(&ch_, &ch_, &ch_ + 1);
    return traits_type::to_int_type(ch_);
  }

 private:
  std::string data_;
  size_t pos_ = 0;
  char ch_ = 0;
};

}  // namespace

TEST_CASE("framing reads consecutive messages and tolerates header variants") {
  std::string in = frame("{\"a\":1}") + "content-length:  3\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n[1]" +
                   frame("\xe4\xb8\xad");  // length counts bytes, not characters
  std::istringstream s(in);
  std::string body, err;
  CHECK(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"a\":1}");
  CHECK(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "[1]");
  CHECK(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "\xe4\xb8\xad");
  CHECK(read_message(s, &body, &err) == ReadStatus::Eof);
}

TEST_CASE("framing works when bytes arrive one at a time") {
  TrickleBuf buf(frame("{\"x\":\"\xf0\x9f\x8e\x89\"}") + frame("{}"));
  std::istream s(&buf);
  std::string body, err;
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"x\":\"\xf0\x9f\x8e\x89\"}");
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{}");
}

TEST_CASE("framing skips garbage headers and resynchronises") {
  std::istringstream s("garbage line\r\nmore: stuff\r\n\r\nContent-Length: abc\r\n\r\n" + frame("{\"ok\":true}") +
                       "Content-Length: 99999999999999999999\r\n\r\n");
  std::string body, err;
  CHECK(read_message(s, &body, &err) == ReadStatus::BadHeader);
  CHECK(err.find("Content-Length") != std::string::npos);
  CHECK(read_message(s, &body, &err) == ReadStatus::BadHeader);
  CHECK(err == "invalid Content-Length header");
  CHECK(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"ok\":true}");
  CHECK(read_message(s, &body, &err) == ReadStatus::BadHeader);  // absurd length
  CHECK(read_message(s, &body, &err) == ReadStatus::Eof);
}

TEST_CASE("framing reports end of input inside a truncated body") {
  std::istringstream s("Content-Length: 10\r\n\r\n{\"a\"");
  std::string body, err;
  CHECK(read_message(s, &body, &err) == ReadStatus::Eof);
}

TEST_CASE("UTF-16 positions over CJK and emoji") {
  // "统计🎉: 95%" — 统 and 计 are one UTF-16 unit each, 🎉 is a surrogate pair.
  std::string text = "\xe7\xbb\x9f\xe8\xae\xa1\xf0\x9f\x8e\x89: 95%\nab";
  LineIndex idx(text);
  size_t pct = text.find("95%");
  CHECK(idx.position(pct) == LspPosition{0, 6});  // 1 + 1 + 2 + ':' + ' '
  CHECK(idx.position(3) == LspPosition{0, 1});
  CHECK(idx.position(6) == LspPosition{0, 2});
  CHECK(idx.position(10) == LspPosition{0, 4});
  CHECK(idx.offset({0, 6}) == pct);
  CHECK(offset_of(text, {0, 6}) == pct);
  CHECK(offset_of(text, {0, 3}) == 6);  // inside the surrogate pair: snaps to the emoji's start
  CHECK(offset_of(text, {0, 4}) == 10);
  CHECK(offset_of(text, {0, 99}) == text.find('\n'));  // clamps to the line end
  CHECK(offset_of(text, {1, 1}) == text.size() - 1);
  CHECK(offset_of(text, {7, 0}) == text.size());  // past the last line
  CHECK(idx.position(text.size()) == LspPosition{1, 2});
  CHECK(idx.position(text.size() + 50) == LspPosition{1, 2});
}

TEST_CASE("LSP line breaks: CRLF and lone CR") {
  std::string text = "a\r\nb\rc\n";
  LineIndex idx(text);
  CHECK(idx.line_count() == 4);
  CHECK(idx.position(3) == LspPosition{1, 0});
  CHECK(idx.position(5) == LspPosition{2, 0});
  CHECK(idx.position(1) == LspPosition{0, 1});
  CHECK(idx.position(2) == LspPosition{0, 1});  // between CR and LF: still the end of line 0
  CHECK(offset_of(text, {0, 5}) == 1);
  CHECK(offset_of(text, {2, 0}) == 5);
  CHECK(offset_of(text, {3, 0}) == text.size());
}

TEST_CASE("incremental edits with UTF-16 ranges") {
  std::string text = "\xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87 95%\n\xf0\x9f\x98\x80 x";  // 就业率 95%\n😀 x
  apply_edit(text, {{0, 4}, {0, 6}}, "90");
  CHECK(text == "\xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87 90%\n\xf0\x9f\x98\x80 x");
  apply_edit(text, {{1, 2}, {1, 3}}, "\xe4\xb8\xad");  // replace the space after the emoji
  CHECK(text == "\xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87 90%\n\xf0\x9f\x98\x80\xe4\xb8\xadx");
  apply_edit(text, {{0, 7}, {1, 0}}, "");  // join the lines
  CHECK(text == "\xe5\xb0\xb1\xe4\xb8\x9a\xe7\x8e\x87 90%\xf0\x9f\x98\x80\xe4\xb8\xadx");
  apply_edit(text, {{5, 0}, {5, 0}}, "!");  // past the end appends
  CHECK(text.back() == '!');
  apply_edit(text, {{0, 3}, {0, 0}}, "#");  // reversed range: insert at its start
  CHECK(text.substr(9, 1) == "#");
}

TEST_CASE("file URIs and checkable documents") {
  CHECK(uri_to_path("file:///tmp/a%20b/%E4%B8%AD.md") == "/tmp/a b/\xe4\xb8\xad.md");
  CHECK(uri_to_path("file://localhost/x.txt") == "/x.txt");
  CHECK(uri_to_path("untitled:Untitled-1") == "untitled:Untitled-1");
  CHECK(path_to_uri("/tmp/a b.md") == "file:///tmp/a%20b.md");
  CHECK(uri_to_path(path_to_uri("/tmp/\xe4\xb8\xad #1.md")) == "/tmp/\xe4\xb8\xad #1.md");
  CHECK(is_checkable("file:///r/report.MD", ""));
  CHECK(is_checkable("untitled:1", "plaintext"));
  CHECK_FALSE(is_checkable("file:///r/main.cpp", "cpp"));
}

TEST_CASE("framing: a huge Content-Length is refused without allocating it, and the next message is read") {
  std::istringstream s("Content-Length: 1073741824\r\n\r\n" + frame("{\"next\":1}"));
  std::string body, err;
  CHECK(read_message(s, &body, &err) == ReadStatus::BadHeader);
  CHECK(err.find("over the 64 MiB limit") != std::string::npos);
  CHECK(body.capacity() < (size_t{1} << 20));
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"next\":1}");
}

TEST_CASE("framing: after a too-short Content-Length the next header is found on the leftover line") {
  std::istringstream s("Content-Length: 5\r\n\r\n{\"id\":1,\"method\":\"x\"}" + frame("{\"next\":2}") + frame("{}"));
  std::string body, err;
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"id\"");
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"next\":2}");
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{}");
}

TEST_CASE("framing: a claimed length longer than the stream costs only what arrives") {
  std::istringstream s("Content-Length: 60000000\r\n\r\n{\"a\":1}");
  std::string body, err;
  CHECK(read_message(s, &body, &err) == ReadStatus::Eof);
  CHECK(body.size() < 100);
}

TEST_CASE("framing: a megabyte of junk without newlines, then a message") {
  std::istringstream s(std::string(1 << 20, 'x') + frame("{\"ok\":1}"));
  std::string body, err;
  REQUIRE(read_message(s, &body, &err) == ReadStatus::Message);
  CHECK(body == "{\"ok\":1}");
}
