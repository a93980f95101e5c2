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
  bool ditto = false;  // "同上" / "〃": the value of the cell above
};

// What a table row is (src/document/table.cpp decides).
enum class RowRole {
  Header,      // a header row (also a header repeated after a page break)
  Data,        // an item of the table
  Total,       // 合计 / 总计 (also written "合 计"): the sum of the table's items
  Subtotal,    // 小计: the sum of the items of its group
  SubRow,      // a part of another row (其中：, 含, indentation): see RowInfo::parent
  GroupLabel,  // a label over the rows below it ("重点专业：")
  Note,        // 注：…, 数据来源：…
  Separator,   // ----
  Caption,     // a caption repeated inside the table ("表 7 …（续）")
};
const char* row_role_name(RowRole r);

struct RowInfo {
  std::string label;   // first text cell (其中：, cue words stripped)
  bool total = false;  // a 合计 / 总计 / 小计 row (role Total or Subtotal)
  int parent = -1;     // for a 其中 or indented sub-row: the row it breaks down
  std::string unit;    // from a 单位 column, if any
  RowRole role = RowRole::Data;
  std::string group;   // the group the row is in: a group-label row above, or a first-column label
                       // written once for several rows ("市直" over its schools)
};

// One column, its header cells resolved (an empty header cell continues the one to its left when a
// lower header row splits it): "2023年 › 人数", "增量 › 比例", "样本数".
struct ColumnInfo {
  std::vector<std::string> path;  // header texts from top to bottom, spaces removed
  int period = 0;        // the year the headers name, or 0
  std::string measure;   // what the column measures, without period or unit ("人数", "就业率", "" for a
                         // year column of an indicator table: its rows name the measure)
  std::string unit;      // "人", "%" … from "（人）" / "（%）" in a header, or "人次" for a sample column
  bool label = false;    // a label column (序号, 指标, 单位, or before the first value column)
  bool change = false;   // under 增量 / 增减 / 比上年增长: the change between two period columns
  bool growth_rate = false;  // a change column that states a growth rate (增长率, 增幅 …, in %)
  bool sample = false;   // 样本数 / 调查人次 / 样本量: a count of people whatever the row's 单位 says
  bool total = false;    // a 合计 / 小计 / 总计 column
  bool part = false;     // a 其中 column (a part of the column before it, not a sibling)
  bool per_unit = false;    // its unit is per something (公斤/亩): an intensity, never summed
  bool not_summed = false;  // rates, ratios, averages (性别比, 人均, 完成预算): not amounts of the table's
                            // unit, and its 合计 cell is not a sum (vocabulary table_not_summed)
};

// A column's header path as one name: "2024年" over "拉动（百分点）" → "2024年拉动（百分点）".
std::string column_name(const ColumnInfo& c);

struct Table {
  int first_line = 0, last_line = 0;
  int caption_line = 0;  // 0 if none
  std::vector<std::vector<Cell>> rows;
  std::vector<RowInfo> info;           // one per row
  std::vector<std::string> col_units;  // per column: a unit from the header "学校数（所）", or ""
  std::vector<int> col_years;          // per column: the year a header names, or 0
  std::vector<ColumnInfo> cols;        // per column: period, measure, unit from all header rows
  int header_rows = 0;   // leading rows without figures
  int index_column = -1; // a 序号 column, if any
  int unit_column = -1;  // a 单位 column, if any
  std::string unit;      // the whole table's unit: "单位：万元" above it or "（单位：亿元）" in its caption
  bool percent_declared = false;  // the unit line names % as well ("单位：亿元，%"): the unit of its change
                                 // and rate columns whose headers name none
  bool unclear_rows = false;  // a 其中 list whose end is not known: what its 合计 rows add is not either
  bool partial_rows = false;  // lists only some of what its 合计 totals, as its caption (部分乡镇…) or a note
                              // (注：仅列出主要…，分项之和不等于合计) says: the rows add up to at most it
  bool subtotals_lead = false;  // each 小计 row heads its group: it totals the items below it, up to the
                                // next 小计 or 合计 (the items above it belong to the 小计 before them)
  int data_rows() const;  // rows below the header that are neither totals nor sub-rows
  // The row whose cell (r, c) holds the value: r itself, or the row a "同上" cell repeats.
  int value_row(int r, int c) const;
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
// A budget subject code (科目编码) of 3, 5 or 7 digits — 类, 款, 项, each the one above it with two
// digits more — leading a name cell ("213 农林水支出", "20502　普通教育"); its digits, or "" when
// the cell does not start with one. A figure with its unit ("120 万元", "3100 人次") is not one: the
// name after the code has four or more characters and no digits.
std::string_view leading_subject_code(std::string_view cell);
// A cell that is only such a code ("21301"), as in a 科目编码 column.
bool subject_code_cell(std::string_view cell);
// A header whose unit is per something ("单产（公斤/亩）", "人口密度（人/平方公里）"): an intensity,
// not an amount — its cells never add up.
bool per_unit_header(std::string_view header);

}  // namespace tally
