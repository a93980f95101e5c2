#include "relations/table_lines.h"

#include <map>
#include <unordered_map>

#include "base/text.h"

namespace tally {

std::vector<TableLine> table_lines(const FactBase& fb) {
  std::vector<TableLine> lines;
  const auto& qs = fb.ex.quantities;
  for (size_t i = 0; i < qs.size();) {
    if (qs[i].table < 0) {
      ++i;
      continue;
    }
    const int t = qs[i].table;
    const Table& tab = fb.doc.tables[t];
    size_t end = i;
    while (end < qs.size() && qs[end].table == t) ++end;  // a table's cells are consecutive, in text order
    std::map<int, TableLine> by_col, by_row;
    std::unordered_map<uint64_t, char> seen;  // the first figure of a cell only
    for (size_t k = i; k < end; ++k) {
      const Quantity& q = qs[k];
      if (q.row < tab.header_rows || q.row >= static_cast<int>(tab.info.size()) || q.col < 0 ||
          q.col >= static_cast<int>(tab.cols.size()))
        continue;
      const ColumnInfo& col = tab.cols[q.col];
      if (col.label || col.change || col.sample) continue;
      RowRole role = tab.info[q.row].role;
      if (role != RowRole::Data && role != RowRole::SubRow && role != RowRole::Total && role != RowRole::Subtotal) continue;
      if (!seen.emplace((static_cast<uint64_t>(q.row) << 32) | static_cast<uint32_t>(q.col), 1).second) continue;
      TableLine& down = by_col[q.col];
      down.table = t;
      down.down = true;
      down.index = q.col;
      down.name = column_name(col);
      down.ids.push_back(q.id);
      down.names.push_back(text::remove_spaces(tab.info[q.row].label));
      down.parents.push_back(tab.info[q.row].parent);
      TableLine& across = by_row[q.row];
      across.table = t;
      across.index = q.row;
      across.name = text::remove_spaces(tab.info[q.row].label);
      across.ids.push_back(q.id);
      across.names.push_back(column_name(col));
      across.parents.push_back(-1);
    }
    for (auto& [c, l] : by_col) lines.push_back(std::move(l));
    for (auto& [r, l] : by_row) lines.push_back(std::move(l));
    i = end;
  }
  return lines;
}

int named_once(const TableLine& l, const WordList& words, const WordList& others, int except) {
  int found = -1;
  for (size_t k = 0; k < l.ids.size(); ++k) {
    if (l.ids[k] == except) continue;
    if (!text::contains_any(l.names[k], words) || text::contains_any(l.names[k], others)) continue;
    if (found != -1) return -2;
    found = l.ids[k];
  }
  return found;
}

}  // namespace tally
