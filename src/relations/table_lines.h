// The lines of a table: each value column read down its figure rows, each figure row read across its
// value columns. Relations stated in tables (sex ratios, contributions, 拉动, structures, budget
// balances) are found along one line, by the names of the line's cells; this is the matcher layer
// they share, built in one pass over a document's quantities.
#pragma once
#include <string>
#include <vector>

#include "relations/relations.h"

namespace tally {

struct TableLine {
  int table = -1;
  bool down = false;  // a column read down its rows (else a row read across its columns)
  int index = -1;     // the column (down) or the row (across)
  std::string name;   // the column's header path, or the row's label, spaces removed
  std::vector<int> ids;             // the first figure of each cell, in order
  std::vector<std::string> names;   // per figure: the name of its row (down) or column (across)
  std::vector<int> parents;         // down a column: the row each figure's row breaks down (−1: none)
};

// Every line of every table, skipping label, change and sample columns and rows that are not items,
// totals or sub-rows (headers, notes, group labels).
std::vector<TableLine> table_lines(const FactBase& fb);

// The one figure of the line (other than `except`) whose name has a word of `words` and none of
// `others`: −1 when none, −2 when two.
int named_once(const TableLine& l, const WordList& words, const WordList& others, int except = -1);

}  // namespace tally
