#include "load/text_builder.h"

#include "base/utf8.h"

namespace tally {

namespace {

// Invalid UTF-8 bytes become U+FFFD. Done per piece, before its offset in the
// line is known, so marks point at the repaired text.
void append_repaired(std::string& out, std::string_view s) {
  while (!s.empty()) {
    size_t ok_len = 0;
    if (utf8::valid(s, &ok_len)) ok_len = s.size();
    // Line ends inside extracted text would shift every later line number.
    for (char c : s.substr(0, ok_len)) out += c == '\r' || c == '\n' ? ' ' : c;
    if (ok_len == s.size()) break;
    out += "\xEF\xBF\xBD";
    s.remove_prefix(ok_len + 1);
  }
}

}  // namespace

void TextBuilder::add_line(const std::vector<Piece>& pieces) {
  locators_.push_back(pieces.empty() ? std::string() : pieces.front().locator);
  if (pieces.empty()) marks_.push_back({static_cast<uint32_t>(text_.size()), "", false});
  for (const Piece& p : pieces) {
    marks_.push_back({static_cast<uint32_t>(text_.size()), p.locator, p.quotable});
    append_repaired(text_, p.text);
  }
  text_ += '\n';
}

void TextBuilder::add(std::string_view text, const std::string& locator) {
  for (;;) {
    size_t nl = text.find('\n');
    add_line({{text.substr(0, nl), locator, false}});
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

void TextBuilder::add_quoted(std::string_view prefix, std::string_view text, const std::string& locator) {
  // A line break (w:br) inside the prefix is not worth a case of its own.
  if (prefix.find('\n') != std::string_view::npos) return add(std::string(prefix) + std::string(text), locator);
  bool first = true;
  for (;;) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (first && !prefix.empty()) add_line({{prefix, locator, false}, {line, locator, true}});
    else add_line({{line, locator, true}});
    first = false;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
}

bool TextBuilder::blank() const {
  for (char c : text_)
    if (c != ' ' && c != '\t' && c != '\n') return false;
  return true;
}

SourceText TextBuilder::finish(const std::string& path) && {
  SourceText src(path, std::move(text_));
  // The text ends with "\n", so the SourceText has one more (empty) line.
  locators_.resize(src.line_count());
  src.line_locators = std::move(locators_);
  src.marks = std::move(marks_);
  return src;
}

}  // namespace tally
