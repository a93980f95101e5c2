// Document: the structure of a report — lines classified (heading, table of
// contents, caption, table row, prose), the section tree, paragraphs joined
// across page breaks, and tables split into cells.
//
// Paragraph text is a joined copy of its lines (a sentence split by a page
// break becomes whole again); `Paragraph::to_source` maps offsets in it back
// to the original file.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source.h"
#include "vocab/vocabulary.h"

namespace tally {

enum class LineKind { Blank, Toc, Heading, Caption, TableRow, Text };

struct Line {
  int number = 0;  // 1-based
  Span span;       // without "\n"
  LineKind kind = LineKind::Blank;
  Span section_number;  // the numbering prefix ("1.1", "（一）"), empty if none
  int section = -1;     // index into Document::sections of the section this line is in
  int table = -1;       // index into Document::tables for TableRow lines
};

struct Section {
  std::string number;  // as printed, spaces removed: "1.1", "一、", "（二）", "案例1"
  std::string title;
  int level = 1;       // 1 = top
  int line = 0;
  int parent = -1;
  bool is_case = false;  // a 案例 about one school: its figures have that school's scope
};

struct Cell {
  Span span;  // trimmed
  int row = 0, col = 0;
};

struct RowInfo {
  std::string label;   // first text cell (其中：, cue words stripped)
  bool total = false;  // a 合计 / 总计 row
  int parent = -1;     // for a 其中 or indented sub-row: the row it breaks down
  std::string unit;    // from a 单位 column, if any
};

struct Table {
  int first_line = 0, last_line = 0;
  int caption_line = 0;  // 0 if none
  std::vector<std::vector<Cell>> rows;
  std::vector<RowInfo> info;           // one per row
  std::vector<std::string> col_units;  // per column: a unit from the header "学校数（所）", or ""
  std::vector<int> col_years;          // per column: the year a header names, or 0
  int header_rows = 0;   // leading rows without figures
  int index_column = -1; // a 序号 column, if any
  int unit_column = -1;  // a 单位 column, if any
  int data_rows() const;  // rows below the header that are neither totals nor sub-rows
};

struct Paragraph {
  std::string text;                   // the lines joined (without line ends)
  std::vector<std::pair<uint32_t, uint32_t>> pieces;  // (offset in text, offset in source) per joined line
  int first_line = 0, last_line = 0;
  int section = -1;
  uint32_t to_source(uint32_t offset) const;
  Span to_source(uint32_t b, uint32_t e) const { return {to_source(b), to_source(e)}; }
};

struct Document {
  const SourceText* source = nullptr;
  std::vector<Line> lines;  // lines[i].number == i + 1
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;

  bool in_case(int line) const;
};

Document build_document(const SourceText& src, const Vocabulary& vocab);

// Recognises a section number at the start of s (after leading spaces);
// returns its length in bytes (0 if none) and its level.
size_t match_section_number(std::string_view s, int* level);
// A year used as a label: "2024", "2023 年", "2023年度", "2022-2023 学年" (0 if not).
int year_label(std::string_view cell);

}  // namespace tally
