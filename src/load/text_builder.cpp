#include "load/text_builder.h"

#include "base/utf8.h"

namespace tally {

namespace {

std::string repair_utf8(std::string s) {
  size_t bad = 0;
  if (utf8::valid(s, &bad)) return s;
  std::string out = s.substr(0, bad);
  std::string_view rest = std::string_view(s).substr(bad);
  while (!rest.empty()) {
    size_t ok_len = 0;
    if (utf8::valid(rest, &ok_len)) {
      out += rest;
      break;
    }
    out += rest.substr(0, ok_len);
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(ok_len + 1);
  }
  return out;
}

}  // namespace

void TextBuilder::add(std::string_view text, const std::string& locator) {
  for (;;) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    // Line ends inside extracted text would shift every later line number.
    for (char c : line) text_ += c == '\r' ? ' ' : c;
    text_ += '\n';
    locators_.push_back(locator);
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
  SourceText src(path, repair_utf8(std::move(text_)));
  // The text ends with "\n", so the SourceText has one more (empty) line.
  locators_.resize(src.line_count());
  src.line_locators = std::move(locators_);
  return src;
}

}  // namespace tally
