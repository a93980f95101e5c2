#include "base/source.h"

#include <algorithm>

#include "base/utf8.h"

namespace tally {

SourceText::SourceText(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  // Both counts add up over any split of the bytes, so a block may end inside a character.
  std::string_view all(text_);
  uint32_t cps = 0, units = 0;
  for (size_t b = 0; b <= all.size(); b += kBlock) {
    block_code_points_.push_back(cps);
    block_utf16_units_.push_back(units);
    std::string_view block = all.substr(b, kBlock);
    cps += static_cast<uint32_t>(utf8::count_code_points(block));
    units += static_cast<uint32_t>(utf8::count_utf16_units(block));
  }
}

uint32_t SourceText::code_points_before(uint32_t i) const {
  uint32_t b = i / kBlock * kBlock;
  return block_code_points_[i / kBlock] +
         static_cast<uint32_t>(utf8::count_code_points(std::string_view(text_).substr(b, i - b)));
}

uint32_t SourceText::utf16_units_before(uint32_t i) const {
  uint32_t b = i / kBlock * kBlock;
  return block_utf16_units_[i / kBlock] +
         static_cast<uint32_t>(utf8::count_utf16_units(std::string_view(text_).substr(b, i - b)));
}

std::string_view SourceText::line_text(int line) const {
  uint32_t b = line_start(line);
  uint32_t e = line < line_count() ? line_starts_[line] - 1 : static_cast<uint32_t>(text_.size());
  return std::string_view(text_).substr(b, e - b);
}

Position SourceText::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(it - line_starts_.begin());
  uint32_t b = line_starts_[line - 1];
  return {line, 1 + static_cast<int>(code_points_before(offset) - code_points_before(b))};
}

int SourceText::line_of(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin());
}

int SourceText::utf16_column(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t b = *(it - 1);
  return 1 + static_cast<int>(utf16_units_before(offset) - utf16_units_before(b));
}

uint32_t SourceText::offset(Position p) const {
  if (p.line < 1) return 0;
  if (p.line > line_count()) return text_.size();
  std::string_view lt = line_text(p.line);
  size_t i = 0;
  for (int c = 1; c < p.column && i < lt.size(); ++c) utf8::next(lt, i);
  return line_start(p.line) + i;
}

uint32_t SourceText::offset_utf16(int line, int utf16_col) const {
  if (line < 1) return 0;
  if (line > line_count()) return text_.size();
  std::string_view lt = line_text(line);
  size_t i = 0;
  int units = 1;
  while (units < utf16_col && i < lt.size()) {
    char32_t cp = utf8::next(lt, i);
    units += cp >= 0x10000 ? 2 : 1;
  }
  return line_start(line) + i;
}

}  // namespace tally
