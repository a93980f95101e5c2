// The table reader (internal to the document stage): which lines belong to a table, its header
// rows and columns, and the role of each row. document.cpp calls these in order:
//   absorb_table_lines  — after lines are classified, before paragraphs: lines without tabs that sit
//                         between rows of one table (----, 重点专业：, 注：…, a caption repeated after a
//                         page break) become table rows;
//   read_tables         — after paragraphs: cells, header rows, columns, row roles.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace tally::table_reader {

void absorb_table_lines(Document& doc, const SourceText& src, const Vocabulary& vocab);
void read_tables(Document& doc, const SourceText& src, const Vocabulary& vocab);

// Header rows and columns of one table whose rows are split into cells (table_header.cpp).
void read_header(Table& tab, const SourceText& src, const Vocabulary& vocab);

// The rows after a 其中 row that continue its list, told by their sums (table_lists.cpp): made
// sub-rows of its parent, or, when no run of them closes the list, the table's rows left unclear.
void close_open_lists(Table& tab, const SourceText& src, const Vocabulary& vocab);

// Rows numbered as an outline ("一、税收收入", "二、非税收入"): the unnumbered rows after one are its
// parts (table_lists.cpp).
void nest_under_outline(Table& tab, const SourceText& src);

// Rows named by budget subject codes (in a 科目编码 column or before the name: 213, 21301, 2130101):
// a row whose code extends the code of a row above is a part of it (table_lists.cpp).
void nest_by_code(Table& tab, const SourceText& src);

// Shared helpers.
bool is_separator(std::string_view cell);    // "----", "———", "==="
bool is_ditto(std::string_view cell);        // "同上", "〃"
bool starts_with_figure(std::string_view cell);  // "3100", "-12", "12.5%", not a year, not "----"
bool is_note(std::string_view text);         // "注：…", "数据来源：…"
std::string unit_in_parentheses(const std::string& header, const Vocabulary& vocab);  // "在校生（人）" → "人"
std::string strip_parentheses(const std::string& header);                             // "在校生（人）" → "在校生"
std::string declared_unit(std::string_view line, const Vocabulary& vocab);  // "（单位：亿元）" → "亿元"
bool declares_percent(std::string_view line);  // "单位：亿元，%" → true
// The first non-empty cell of row r that is not its 序号 or 单位 (nullptr if none): where a row's
// name and its 其中 / 合计 cues are.
const Cell* first_text_cell(const Table& tab, const SourceText& src, size_t r);
std::string_view first_text(const Table& tab, const SourceText& src, size_t r);  // trimmed text of it

}  // namespace tally::table_reader
