// The bulletin relations a table states along one of its lines (a column read down its rows, or a row
// read across its columns): a 性别比 next to the 男 and 女 counts it is made of, the 贡献率 and the 拉动
// points of every part of a complete partition, and a structure a:b:c in a cell named 结构. Which figure plays which part
// comes from the names of the cells' rows or columns; a name that fits two cells leaves it unclear,
// and nothing is proposed.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "relations/bulletin_util.h"
#include "relations/structures.h"
#include "relations/table_lines.h"

namespace tally {

namespace {

using namespace bulletin;

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
  b.why = Message("why.sex_ratio_table", {{"line", l.name}});
  out.push_back(std::move(b));
}

// The figures of the line that `keep` accepts and that name every member of a partition, each member
// once: one group per partition, in the partition's order.
template <typename Keep>
std::vector<std::vector<int>> complete_groups(const FactBase& fb, const TableLine& l, Keep keep) {
  const Vocabulary& v = *fb.vocab;
  std::map<const Partition*, std::map<size_t, std::vector<int>>> by;
  for (size_t k = 0; k < l.ids.size(); ++k) {
    if (!keep(fb.q(l.ids[k]))) continue;
    Named n = member_named(v, l.names[k]);
    if (n.p) by[n.p][n.member].push_back(l.ids[k]);
  }
  std::vector<std::vector<int>> out;
  for (const auto& [p, members] : by) {
    if (members.size() != p->members.size()) continue;
    std::vector<int> g;
    for (const auto& [m, ids] : members)
      if (ids.size() == 1) g.push_back(ids[0]);
    if (g.size() == p->members.size()) out.push_back(std::move(g));
  }
  return out;
}

void contribution_in(const FactBase& fb, const TableLine& l, std::vector<BulletinRelation>& out) {
  if (!text::contains_any(l.name, fb.vocab->list("bulletin_contribution"))) return;
  auto rate = [](const Quantity& q) {
    return q.kind == QuantityKind::Percent && q.approx == Approx::None && !q.malformed;
  };
  for (auto& g : complete_groups(fb, l, rate)) {
    BulletinRelation b;
    b.kind = BulletinKind::Contribution;
    b.parts = std::move(g);
    b.why = Message("why.contribution_table", {{"line", l.name}});
    out.push_back(std::move(b));
  }
}

// A figure that states a rise: exact, not a target, no minus sign before it.
bool rise(const FactBase& fb, const Relations& rel, int id) {
  const Statement& s = rel.st(id);
  const Quantity& q = fb.q(id);
  return s.sign > 0 && !s.target && q.approx == Approx::None && !q.malformed;
}

// The growth of the economy that a 拉动 line splits, from the same table: the growth-rate cell named
// 地区生产总值 along the parts' axis (its row, when the parts are rows of the 拉动 column; its column,
// when they are columns of a 拉动 row), of the same period; else the line's own 地区生产总值 cell (the
// whole pulls its own growth). −1 when neither, or when two disagree.
int pulled_growth(const FactBase& fb, const Relations& rel, const TableLine& l) {
  const Vocabulary& v = *fb.vocab;
  const Table& tab = fb.doc.tables[l.table];
  auto economy = [&](std::string_view name) {
    return text::contains_any(name, v.list("bulletin_economy")) && !text::contains_any(name, v.list("per_unit"));
  };
  int found = -1;
  for (int id : fb.by_table[l.table]) {  // the table's cells only: a walk over every figure was quadratic
    const Quantity& q = fb.q(id);
    if (rel.st(q.id).type != ValueType::Growth || !rise(fb, rel, q.id)) continue;
    if (q.row < 0 || q.row >= static_cast<int>(tab.info.size()) || q.col < 0 || q.col >= static_cast<int>(tab.cols.size()))
      continue;
    if (l.down ? !economy(text::remove_spaces(tab.info[q.row].label)) || tab.cols[q.col].period != tab.cols[l.index].period
               : !economy(column_name(tab.cols[q.col])))
      continue;
    if (found >= 0 && fb.q(found).value != q.value) return -1;
    if (found < 0) found = q.id;
  }
  if (found >= 0) return found;
  for (size_t k = 0; k < l.ids.size(); ++k)
    if (economy(l.names[k]) && member_named(v, l.names[k]).p == nullptr && rise(fb, rel, l.ids[k])) {
      if (found >= 0) return -1;
      found = l.ids[k];
    }
  return found;
}

// 拉动 … 百分点 of every member of a partition, in one line, and the growth they add up to. A part
// written "-0.2" pulled the growth down: the check subtracts it.
void pull_in(const FactBase& fb, const Relations& rel, const TableLine& l, std::vector<BulletinRelation>& out) {
  if (!text::contains_any(l.name, fb.vocab->list("bulletin_pull"))) return;
  auto points = [](const Quantity& q) { return q.dimension == "percentage-points"; };
  for (auto& g : complete_groups(fb, l, points)) {
    int growth = pulled_growth(fb, rel, l);
    if (growth < 0) continue;
    BulletinRelation b;
    b.kind = BulletinKind::Pull;
    b.parts = std::move(g);
    b.figure = growth;
    b.why = Message("why.pull_table", {{"line", l.name}});
    out.push_back(std::move(b));
  }
}

// The parts of a structure named in a column's row ("三次产业结构" over the rows 第一产业增加值 …): for
// each member of the partition the name carries, the one level of the column whose row names that
// member and no other. Empty when a member is missing or named twice, or the parts differ in kind.
std::vector<int> structure_parts(const FactBase& fb, const Relations& rel, const TableLine& l, std::string_view name,
                                 size_t members) {
  const Vocabulary& v = *fb.vocab;
  const Partition* p = partition_named(v, name, members);
  if (!p) return {};
  std::vector<int> parts(p->members.size(), -1);
  for (size_t k = 0; k < l.ids.size(); ++k) {
    Named n = member_named(v, l.names[k]);
    if (n.p != p || !is_level(fb, rel, l.ids[k]) || fb.q(l.ids[k]).approx != Approx::None) continue;
    if (parts[n.member] != -1) return {};  // a member named twice (增加值 and 从业人员): not clear
    parts[n.member] = l.ids[k];
  }
  for (int id : parts)
    if (id < 0 || fb.q(id).dimension != fb.q(parts[0]).dimension || fb.q(id).unit != fb.q(parts[0]).unit) return {};
  return parts;
}

void structure_in(const FactBase& fb, const Relations& rel, const TableLine& l, std::vector<BulletinRelation>& out) {
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
    b.why = Message("why.structure_table", {{"n", std::to_string(r.ratio_parts.size())}, {"cell", l.names[k]}});
    // Down a column, the rows of the parts it names give their values (same column: same year).
    if (l.down) {
      b.parts = structure_parts(fb, rel, l, l.names[k], r.ratio_parts.size());
      if (!b.parts.empty()) b.why += Message("why.structure_parts_rows");
    }
    out.push_back(std::move(b));
  }
}

}  // namespace

void find_table_structures(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                           std::vector<BulletinRelation>& out) {
  std::vector<BulletinRelation> found;
  for (const TableLine& l : lines) {
    sex_ratio_in(fb, rel, l, found);
    contribution_in(fb, l, found);
    pull_in(fb, rel, l, found);
    structure_in(fb, rel, l, found);
  }
  // A cell named a structure by both its row and its column, or a ratio found along both lines, once.
  std::map<std::pair<int, int>, char> once;
  for (auto& b : found) {
    int key = b.figure >= 0 && b.kind != BulletinKind::Pull ? b.figure : b.parts.front();
    if (once.emplace(std::make_pair(static_cast<int>(b.kind), key), 1).second) out.push_back(std::move(b));
  }
}

}  // namespace tally
