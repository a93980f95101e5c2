// The bulletin relations a table states along one of its lines (a column read down its rows, or a row
// read across its columns): a 性别比 next to the 男 and 女 counts it is made of, the 贡献率 of every part
// of a complete partition, and a structure a:b:c in a cell named 结构. Which figure plays which part
// comes from the names of the cells' rows or columns; a name that fits two cells leaves it unclear,
// and nothing is proposed.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/text.h"
#include "relations/bulletin_util.h"
#include "relations/structures.h"

namespace tally {

namespace {

using namespace bulletin;

// One line of a table: its figures, each with the name of the row or column it sits in.
struct TableLine {
  std::string name;  // the column's header path, or the row's label
  std::vector<int> ids;
  std::vector<std::string> names;
  std::vector<int> parents;  // down a column: the row each figure's row breaks down (-1: none)
};

std::string column_name(const ColumnInfo& c) {
  std::string s;
  for (const auto& p : c.path) s += p;
  return s;
}

// The lines of every table: each value column down its figure rows, each figure row across its value
// columns. One pass over the quantities (cells are in text order).
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
    while (end < qs.size() && qs[end].table == t) ++end;
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
      down.name = column_name(col);
      down.ids.push_back(q.id);
      down.names.push_back(text::remove_spaces(tab.info[q.row].label));
      down.parents.push_back(tab.info[q.row].parent);
      TableLine& across = by_row[q.row];
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

// The one figure of the line (other than `except`) whose name has a word of `words` and none of
// `others`: -1 when none, -2 when two.
int named_once(const TableLine& l, const WordList& words, const WordList& others, int except = -1) {
  int found = -1;
  for (size_t k = 0; k < l.ids.size(); ++k) {
    if (l.ids[k] == except) continue;
    if (!text::contains_any(l.names[k], words) || text::contains_any(l.names[k], others)) continue;
    if (found != -1) return -2;
    found = l.ids[k];
  }
  return found;
}

// A count of people in a table: a level, exact, not a percentage.
bool head_count(const FactBase& fb, const Relations& rel, int id) {
  const Quantity& q = fb.q(id);
  return is_level(fb, rel, id) && q.approx == Approx::None && (q.dimension == "people" || q.unit.empty());
}

void sex_ratio_in(const FactBase& fb, const Relations& rel, const TableLine& l, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  const WordList& ratio_words = v.list("bulletin_sex_ratio");
  int ratio = named_once(l, ratio_words, WordList{});
  if (ratio < 0) return;
  const Quantity& r = fb.q(ratio);
  // x:100, or a plain x that can only be per 100 women (sex ratios of people lie far inside 50–200).
  if (r.approx != Approx::None || r.malformed) return;
  if (r.kind == QuantityKind::Ratio) {
    if (r.ratio_parts.size() != 2 || r.ratio_parts[1] != Rational(100)) return;
  } else if (r.kind != QuantityKind::Number || !r.unit.empty() || r.printed < Rational(50) || Rational(200) < r.printed) {
    return;
  }
  // "性别比（女=100）" names 女 too: it is not a count.
  int male = named_once(l, v.list("bulletin_male"), v.list("bulletin_female"), ratio);
  int female = named_once(l, v.list("bulletin_female"), v.list("bulletin_male"), ratio);
  if (male < 0 || female < 0) return;
  // 男 and 女 of one thing: "教师 / 其中：女" and "学生 / 其中：男" are not a pair.
  auto parent_of = [&](int id) { return l.parents[std::find(l.ids.begin(), l.ids.end(), id) - l.ids.begin()]; };
  if (parent_of(male) != parent_of(female)) return;
  if (!head_count(fb, rel, male) || !head_count(fb, rel, female)) return;
  const Quantity& m = fb.q(male);
  const Quantity& f = fb.q(female);
  if (m.unit != f.unit || m.multiplier != f.multiplier) return;
  BulletinRelation b;
  b.kind = BulletinKind::SexRatio;
  b.figure = ratio;
  b.whole = male;
  b.other = female;
  b.why = fmt::format("性别比 with the male and female counts of its table line ({})", l.name);
  out.push_back(std::move(b));
}

void contribution_in(const FactBase& fb, const TableLine& l, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  if (!text::contains_any(l.name, v.list("bulletin_contribution"))) return;
  std::map<const Partition*, std::map<size_t, std::vector<int>>> by;
  for (size_t k = 0; k < l.ids.size(); ++k) {
    const Quantity& q = fb.q(l.ids[k]);
    if (q.kind != QuantityKind::Percent || q.approx != Approx::None || q.malformed) continue;
    Named n = member_named(v, l.names[k]);
    if (n.p) by[n.p][n.member].push_back(q.id);
  }
  for (const auto& [p, members] : by) {
    if (members.size() != p->members.size()) continue;
    std::vector<int> g;
    for (const auto& [m, ids] : members)
      if (ids.size() == 1) g.push_back(ids[0]);
    if (g.size() != p->members.size()) continue;
    BulletinRelation b;
    b.kind = BulletinKind::Contribution;
    b.parts = g;
    b.why = fmt::format("贡献率 of every part of a complete partition, in one table line ({})", l.name);
    out.push_back(std::move(b));
  }
}

void structure_in(const FactBase& fb, const TableLine& l, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  for (size_t k = 0; k < l.ids.size(); ++k) {
    const Quantity& r = fb.q(l.ids[k]);
    if (r.kind != QuantityKind::Ratio || r.ratio_parts.size() < 3 || r.approx != Approx::None || r.malformed) continue;
    // Named a structure by its row or its column; the other line names it too, so take it from one.
    if (!text::contains_any(l.names[k], v.list("bulletin_structure"))) continue;
    Rational sum(0);
    for (const auto& p : r.ratio_parts) sum = sum + p;
    if (sum < Rational(90) || Rational(110) < sum) continue;
    BulletinRelation b;
    b.kind = BulletinKind::Structure;
    b.figure = r.id;
    b.why = fmt::format("structure of {} shares of 100, in a table cell named {}", r.ratio_parts.size(), l.names[k]);
    out.push_back(std::move(b));
  }
}

}  // namespace

void find_table_structures(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  std::vector<BulletinRelation> found;
  for (const TableLine& l : table_lines(fb)) {
    sex_ratio_in(fb, rel, l, found);
    contribution_in(fb, l, found);
    structure_in(fb, l, found);
  }
  // A cell named a structure by both its row and its column, or a ratio found along both lines, once.
  std::map<std::pair<int, int>, char> once;
  for (auto& b : found) {
    int key = b.figure >= 0 ? b.figure : b.parts.front();
    if (once.emplace(std::make_pair(static_cast<int>(b.kind), key), 1).second) out.push_back(std::move(b));
  }
}

}  // namespace tally
