// Table checks about rows: a count promised by the sentence that introduces a table
// ("共有 11 个专业点入选…，名单见表 3-2") equals its data rows (table-rows); a count by category in
// that sentence ("民办 3 所") equals the rows of that category (table-category-count).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"
#include "checks/table_cells.h"

namespace tally {

namespace {

// "全市有 4 所学校入选省级高水平学校建设单位。" right above a list of schools: the one count of the
// paragraph's last sentence, when the noun it counts (学校) heads the table's name column and the
// table lists names only (no figures besides a 序号). Returns the count's id or -1.
int counted_noun_names_rows(const FactBase& fb, size_t pi, const Table& tab) {
  const Vocabulary& vocab = *fb.vocab;
  if (tab.header_rows != 1) return -1;
  for (const auto& col : tab.cols)
    if (!col.label) return -1;  // a table of figures, not a list
  std::string_view p = fb.para_text(static_cast<int>(pi));
  std::string_view body = text::trim_right(p);
  if (body.empty()) return -1;
  uint32_t s0 = fb.sentence_start(static_cast<int>(pi), static_cast<uint32_t>(body.size() - 1));
  int found = -1;
  for (int id : fb.by_paragraph[pi]) {
    const Quantity& q = fb.q(id);
    if (q.para_begin < s0) continue;
    if (q.kind != QuantityKind::Number) continue;
    const UnitDef* u = vocab.unit(q.unit);
    if (!u || !u->counter || !q.exact_count() || q.approx != Approx::None) return -1;
    if (u->dimension == "people" || u->dimension == "person-times") return -1;
    if (found >= 0) return -1;  // two counts: which one the table lists is not clear
    found = id;
  }
  if (found < 0) return -1;
  // The noun after the count's unit: its first two characters.
  std::string_view after = text::trim_left(p.substr(fb.q(found).unit_end));
  if (after.size() < 6) return -1;
  std::string noun(after.substr(0, 6));
  for (size_t c = 0; c < tab.cols.size(); ++c) {
    if (static_cast<int>(c) == tab.index_column || tab.cols[c].path.empty()) continue;
    if (text::contains(tab.cols[c].path.front(), noun)) return found;
  }
  return -1;
}

// The longest run of code points two texts share (captions and sentences are short).
size_t common_run(std::string_view a, std::string_view b) {
  std::vector<char32_t> x, y;
  for (size_t i = 0; i < a.size(); i += utf8::seq_len(a[i])) x.push_back(utf8::at(a, i));
  for (size_t i = 0; i < b.size(); i += utf8::seq_len(b[i])) y.push_back(utf8::at(b, i));
  std::vector<size_t> prev(y.size() + 1, 0), cur(y.size() + 1, 0);
  size_t best = 0;
  for (size_t i = 1; i <= x.size(); ++i) {
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = x[i - 1] == y[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

std::string without(std::string s, const std::vector<std::string>& words) {
  for (const auto& w : words)
    for (size_t at; !w.empty() && (at = text::find(s, w)) != std::string::npos;) s.erase(at, w.size());
  return s;
}

// A 等 that ends a list ("甲校、乙校等"), not one inside a word (中等, 高等, 同等, 等级, 一等奖).
bool etc_in(std::string_view s) {
  static constexpr std::u32string_view kWordBefore = U"中高初平同相均对特次上下优一二三头超";
  static constexpr std::u32string_view kWordAfter = U"级于同待候奖次";
  for (size_t at = text::find(s, "等"); at != std::string_view::npos; at = text::find(s, "等", at + 3)) {
    size_t b = at, e = at + 3;
    char32_t before = b > 0 ? utf8::prev(s, b) : 0;
    char32_t after = e < s.size() ? utf8::next(s, e) : 0;
    if (kWordBefore.find(before) == std::u32string_view::npos && kWordAfter.find(after) == std::u32string_view::npos)
      return true;
  }
  return false;
}

// A count that is not one table's rows: a total over years (累计, 先后, 截至), the end of a list with
// 等 ("甲校等 4 所"), or a sentence that names what it counts (分别是 …, the list-count rule's).
bool not_a_row_count(const FactBase& fb, size_t pi, const Quantity& q, const std::vector<std::string>& over_years) {
  std::string_view p = fb.para_text(static_cast<int>(pi));
  uint32_t s0 = fb.sentence_start(static_cast<int>(pi), q.para_begin);
  size_t s1 = std::min(text::find(p, "。", q.unit_end), p.size());
  if (q.unit_end >= s1) return true;
  if (text::contains_any(p.substr(s0, s1 - s0), over_years)) return true;
  return etc_in(p.substr(s0, q.para_begin - s0));
}

// "6 项重点任务中，": a count whose clause (the counted noun and no figure) ends with 中 is the whole of the
// counts after it in its sentence (完成 4 项，推进 2 项) — they split it, none of them is another total.
bool whole_of_counts_after(std::string_view p, const Quantity& q, const Vocabulary& vocab) {
  size_t end = std::min({text::find(p, "，", q.unit_end), text::find(p, "。", q.unit_end), text::find(p, "；", q.unit_end)});
  if (end == std::string_view::npos) return false;
  std::string_view clause = text::trim(p.substr(q.unit_end, end - q.unit_end));
  if (clause.empty() || utf8::count_code_points(clause) > 20) return false;
  for (char c : clause)
    if (c >= '0' && c <= '9') return false;
  return !text::ends_with_any(clause, vocab.list("among")).empty();
}

// A table that lists names only (no figures besides a 序号), under one header row.
bool list_table(const Table& tab) {
  if (tab.header_rows != 1) return false;
  for (const auto& col : tab.cols)
    if (!col.label) return false;
  return true;
}

// The list tables a far count may name, indexed so that each count looks only at the tables whose
// name column contains its noun: walking every table for every count made a long document (a
// collection of reports, each with its annex of lists) quadratic. Tables that share a caption are
// one group, so a caption is compared with a sentence once, however many copies of it there are.
struct FarLists {
  struct Group {
    std::string caption;      // without spaces and generic nouns
    std::vector<int> tables;  // in document order
  };
  // Every 6-byte window of a name column's header that starts a character (the counted noun is the
  // 6 bytes after the unit, which start one too, so the old "header contains noun" test stays exact).
  std::unordered_map<std::string_view, std::vector<Group>> by_noun;
};

FarLists index_far_lists(const FactBase& fb, const WordList& generic) {
  FarLists index;
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    if (!list_table(tab) || !tab.caption_line || tab.data_rows() < 2) continue;
    // One name per row (not "甲校 乙校" in one cell).
    bool one_name = true;
    for (int r = tab.header_rows; r < static_cast<int>(tab.rows.size()) && one_name; ++r)
      for (const auto& c : tab.rows[r])
        if (c.col != tab.index_column && text::contains(fb.source->slice(c.span), " ")) one_name = false;
    if (!one_name) continue;
    std::string caption = without(text::remove_spaces(caption_text(fb, tab)), generic);
    std::vector<std::string_view> windows;
    for (size_t c = 0; c < tab.cols.size(); ++c) {
      if (static_cast<int>(c) == tab.index_column || tab.cols[c].path.empty()) continue;
      std::string_view h = tab.cols[c].path.front();
      for (size_t i = 0; i + 6 <= h.size(); ++i)
        if ((static_cast<unsigned char>(h[i]) & 0xC0) != 0x80) windows.push_back(h.substr(i, 6));
    }
    std::sort(windows.begin(), windows.end());
    windows.erase(std::unique(windows.begin(), windows.end()), windows.end());
    for (std::string_view w : windows) {
      std::vector<FarLists::Group>& groups = index.by_noun[w];
      auto g = std::find_if(groups.begin(), groups.end(), [&](const FarLists::Group& x) { return x.caption == caption; });
      if (g == groups.end()) g = groups.insert(groups.end(), FarLists::Group{caption, {}});
      g->tables.push_back(static_cast<int>(t));
    }
  }
  return index;
}

// "全市有 4 所学校入选省级高水平学校建设单位。" anywhere in the report, and far below (an annex) a list
// of schools captioned 省级高水平学校建设单位名单: the count is the table's rows. The table is the one
// list whose name column is headed by the counted noun and whose caption shares a long run of words
// with the sentence; several such tables, or none, and nothing is said. A count that is a total over
// years (累计, 先后, 截至) or ends a list with 等 counts more than one year's table.
void check_far_tables(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  const WordList& generic = vocab.list("generic_nouns");
  FarLists lists = index_far_lists(fb, generic);
  if (lists.by_noun.empty()) return;
  const std::vector<std::string>& over_years = ctx.strings("over_years");
  for (size_t pi = 0; pi < fb.doc.paragraphs.size(); ++pi) {
    if (fb.doc.in_case(fb.doc.paragraphs[pi].first_line)) continue;
    int introduced = table_after(fb, static_cast<int>(pi));
    std::string_view p = fb.para_text(static_cast<int>(pi));
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      const UnitDef* u = vocab.unit(q.unit);
      if (q.kind != QuantityKind::Number || !u || !u->counter || !q.exact_count() || q.approx != Approx::None) continue;
      if (u->dimension == "people" || u->dimension == "person-times") continue;
      size_t s1 = std::min(text::find(p, "。", q.unit_end), p.size());
      if (not_a_row_count(fb, pi, q, over_years)) continue;
      std::string_view after = text::trim_left(p.substr(q.unit_end, s1 - q.unit_end));
      if (after.size() < 6) continue;
      std::string_view noun = after.substr(0, 6);
      auto named = lists.by_noun.find(noun);
      if (named == lists.by_noun.end()) continue;
      // The caption and the sentence share a run of words beyond the generic nouns (学校, 中等职业学校).
      // The sentence is cut to its first 80 characters so that a long line stays linear.
      std::string sentence = without(text::remove_spaces(utf8::prefix(after, 80)), generic);
      int match = -1, matches = 0;
      for (const FarLists::Group& g : named->second) {
        size_t others = g.tables.size() - std::count(g.tables.begin(), g.tables.end(), introduced);
        if (others == 0) continue;  // the sentence right above its table: check_table_rows
        if (common_run(sentence, g.caption) < 5) continue;
        matches += static_cast<int>(others);
        for (int t : g.tables)
          if (t != introduced) match = t;
        if (matches > 1) break;
      }
      if (matches != 1) continue;
      const Table& tab = fb.doc.tables[match];
      int rows = tab.data_rows();
      ctx.mark(id);
      if (q.value == Rational(rows)) {
        ctx.held({id});
        continue;
      }
      ctx.report(id,
                 Message("table_rows.far_count", {{"count", q.text}, {"unit", q.unit}, {"noun", std::string(noun)},
                                                  {"line", std::to_string(tab.first_line)}, {"rows", std::to_string(rows)}}),
                 {}, std::to_string(rows));
      Span first = tab.rows[tab.header_rows].empty() ? Span{} : tab.rows[tab.header_rows][0].span;
      if (!first.empty())
        ctx.out.back().related.push_back({first, ctx.say(Message("table_rows.first_row", {{"rows", std::to_string(rows)}}))});
    }
  }
}

}  // namespace

void check_table_rows(CheckContext& ctx) {
  check_far_tables(ctx);
  const std::vector<std::string>& over_years = ctx.strings("over_years");
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  each_introduced_table(fb, [&](size_t pi, int, const Table& tab) {
    int rows = tab.data_rows();
    if (rows < 2) return;
    std::string_view p = fb.para_text(static_cast<int>(pi));
    // The reference to the table: "见表", "如下表", "名单见".
    size_t ref = std::string_view::npos;
    for (const auto& cue : vocab.list("table_reference")) {
      size_t at = text::rfind(p, cue);
      if (at != std::string_view::npos && (ref == std::string_view::npos || at > ref)) ref = at;
    }
    if (ref == std::string_view::npos) {
      // No reference: a total count of the table's subject ("…培训共计 6 项") in the paragraph.
      std::string caption = caption_text(fb, tab);
      int found = -1;
      for (int id : fb.by_paragraph[pi]) {
        const Quantity& q = fb.q(id);
        const UnitDef* u = vocab.unit(q.unit);
        if (!u || !u->counter || !q.exact_count() || q.approx != Approx::None) continue;
        if (u->dimension == "people" || u->dimension == "person-times") continue;  // people are summed, not listed
        if (total_cue_before(p, q, vocab) && share_word(q.label, caption)) found = id;
      }
      if (found < 0) found = counted_noun_names_rows(fb, pi, tab);
      if (found < 0 || not_a_row_count(fb, pi, fb.q(found), over_years)) return;
      ref = fb.q(found).unit_end;
    }
    uint32_t s0 = fb.sentence_start(static_cast<int>(pi), static_cast<uint32_t>(ref));
    // The count: the last counting figure before the reference in its sentence — or the whole its
    // sub-counts are of ("6 项任务中，完成 4 项，推进 2 项（见表 2）": the table lists the 6).
    int count = -1, whole = -1;
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      if (q.para_begin < s0 || q.para_begin >= ref) continue;
      if (ctx.rel.part_of[id] >= 0) continue;  // "11 所（公办 8 所、民办 3 所）": the whole counts the rows
      const UnitDef* u = vocab.unit(q.unit);
      bool counting = q.kind == QuantityKind::Number && q.exact_count() && u && u->counter;
      if (counting && whole >= 0 && fb.q(whole).unit == q.unit) continue;  // a sub-count of the whole
      whole = -1;
      if (counting) {
        count = id;
        if (whole_of_counts_after(p, q, vocab)) whole = id;
      } else if (q.kind == QuantityKind::Number) {
        count = -1;  // another figure sits between
      }
    }
    if (count < 0) return;
    const Quantity& q = fb.q(count);
    if (q.approx != Approx::None || !q.value.is_integer()) return;
    // "A、B 等 5 项，部分项目如下表": an open list, or a table of some of them — said before the table
    // ("主要园区情况见下表") or in its caption ("表 2 部分民生实事完成情况").
    const WordList& partial = vocab.list("partial_list");
    if (etc_in(p.substr(s0, q.para_begin - s0)) ||
        text::contains_any(p.substr(q.unit_end, ref - std::min<size_t>(ref, q.unit_end)), partial) ||
        (tab.caption_line && text::contains_any(caption_text(fb, tab), partial)))
      return;
    // "断面共 16 个" before a table of 断面数（个） by 水质类别: the table counts them in its cells, by
    // category; its rows are the categories.
    for (const auto& unit : tab.col_units)
      if (unit == q.unit) return;
    ctx.mark(count);
    if (q.value == Rational(rows)) return;
    Span first = tab.rows[tab.header_rows].empty() ? Span{} : tab.rows[tab.header_rows][0].span;
    ctx.report(count,
               Message("table_rows.count", {{"count", q.text}, {"unit", q.unit}, {"line", std::to_string(tab.first_line)},
                                            {"rows", std::to_string(rows)}}),
               {}, std::to_string(rows));
    if (!first.empty())
      ctx.out.back().related.push_back({first, ctx.say(Message("table_rows.first_row", {{"rows", std::to_string(rows)}}))});
  });
}

// table-category-count: "民办 3 所" in the sentence that introduces a table
// equals the number of its rows whose category cell says 民办 (exactly).
void check_table_category_count(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  // Rows recovered from a PDF's layout can be split or merged; counting them is not reliable.
  for (const auto& loc : fb.source->line_locators)
    if (text::starts_with(loc, "page ")) return;
  const Vocabulary& vocab = *fb.vocab;
  const WordList& generic_nouns = vocab.list("generic_nouns");
  std::vector<std::string> county_prefix = ctx.strings("county_prefix");
  std::vector<std::string> city_prefix = ctx.strings("city_prefix");
  each_introduced_table(fb, [&](size_t pi, int, const Table& tab) {
    if (tab.data_rows() < 2) return;
    size_t ncols = tab.col_units.size();
    // Category columns: text cells repeating a few distinct values.
    std::vector<std::map<std::string, int>> values(ncols);
    std::vector<std::map<std::string, std::vector<int>>> rows_of(ncols);  // value → its rows
    for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
      if (tab.info[r].role != RowRole::Data || tab.info[r].total || tab.info[r].parent >= 0) continue;
      for (const auto& c : tab.rows[r]) {
        if (c.col == tab.index_column || c.col == tab.unit_column) continue;
        std::string v = text::remove_spaces(fb.source->slice(c.span));
        if (v.empty() || (v[0] >= '0' && v[0] <= '9')) continue;
        values[c.col][v]++;
        rows_of[c.col][v].push_back(static_cast<int>(r));
      }
    }
    // "民办中等职业学校 12 所" counts the 民办 rows; "县属公办中等职业学校 15 所" the 公办 rows outside the
    // city's own group (市直) of a table whose first column names groups once.
    auto count_by_label = [&](size_t c, const std::string& label, std::string* value) -> int {
      std::string best;
      for (const auto& [v, n] : values[c])
        if (text::contains(label, v) && v.size() > best.size()) best = v;
      if (best.empty() || best == label) return -1;
      size_t at = text::find(label, best);
      std::string prefix = label.substr(0, at), suffix = label.substr(at + best.size());
      bool generic = suffix.empty();
      for (const auto& w : generic_nouns) generic |= suffix == w;
      if (!generic) return -1;
      bool county = false, city = false;
      if (!prefix.empty()) {
        for (const auto& w : county_prefix) county |= prefix == w;
        for (const auto& w : city_prefix) city |= prefix == w;
        if (!county && !city) return -1;
      }
      int n = 0;
      for (int r : rows_of[c][best]) {
        const std::string& g = tab.info[r].group;
        bool in_city = false;
        for (const auto& w : city_prefix) in_city |= g == w;
        if ((county || city) && g.empty()) return -1;  // groups are not named: cannot tell
        if ((county && in_city) || (city && !in_city)) continue;
        ++n;
      }
      *value = prefix + best;
      return n;
    };
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      const UnitDef* u = vocab.unit(q.unit);
      if (!u || !u->counter || !q.exact_count() || q.approx != Approx::None || q.label.empty()) continue;
      for (size_t c = 0; c < ncols; ++c) {
        const auto& vals = values[c];
        if (vals.size() < 2 || vals.size() * 2 > static_cast<size_t>(tab.data_rows()) + 1) continue;  // not a category column
        auto hit = vals.find(q.label);
        std::string value;
        int rows = -1;
        if (hit != vals.end()) {
          rows = hit->second;
          value = hit->first;
        } else if (u->dimension != "people" && u->dimension != "person-times") {
          // People are summed in a column, not listed one per row.
          rows = count_by_label(c, q.label, &value);
        }
        if (rows < 0) continue;
        ctx.mark(q.id);
        if (q.value == Rational(rows)) {
          ctx.held({q.id});
          continue;
        }
        ctx.report(q.id,
                   Message("table_rows.category", {{"label", q.label}, {"count", q.text}, {"unit", q.unit},
                                                   {"line", std::to_string(tab.first_line)},
                                                   {"rows", std::to_string(rows)}, {"value", value}}),
                   {}, std::to_string(rows));
      }
    }
  });
}

}  // namespace tally
