// Table checks: a count promised by the sentence that introduces a table
// ("共有 11 个专业点入选…，名单见表 3-2") equals its data rows; a change column
// (增量) equals the difference of its two year columns.
#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "checks/check.h"

namespace tally {

namespace {

// The table a paragraph introduces: the first table starting within a few lines after it.
int table_after(const FactBase& fb, int paragraph) {
  int last = fb.doc.paragraphs[paragraph].last_line;
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    int start = tab.caption_line ? tab.caption_line : tab.first_line;
    if (start > last && start <= last + 4) return static_cast<int>(t);
  }
  return -1;
}

// A total cue right before the figure in the paragraph ("共计 6 项", "共培训 410 人").
bool total_cue_before(std::string_view p, const Quantity& q, const Vocabulary& vocab) {
  size_t from = q.para_begin >= 12 ? q.para_begin - 12 : 0;
  std::string_view before = p.substr(from, q.para_begin - from);
  for (const auto& w : vocab.list("total_cue"))
    if (before.find(w) != std::string_view::npos) return true;
  return before.find("共") != std::string_view::npos;
}

// Do two labels share a word of two or more characters?
bool share_word(std::string_view a, std::string_view b) {
  for (size_t i = 0; i + 6 <= a.size(); i += 3)
    if (b.find(a.substr(i, 6)) != std::string_view::npos) return true;
  return false;
}

// Calls f(paragraph, table) for each paragraph that introduces a table right after it.
template <typename F>
void each_introduced_table(const FactBase& fb, F f) {
  for (size_t pi = 0; pi < fb.doc.paragraphs.size(); ++pi) {
    int t = table_after(fb, static_cast<int>(pi));
    if (t >= 0) f(pi, t, fb.doc.tables[t]);
  }
}

std::string caption_text(const FactBase& fb, const Table& t) {
  return t.caption_line ? std::string(fb.source->line_text(t.caption_line)) : std::string();
}

}  // namespace

void check_table_rows(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  each_introduced_table(fb, [&](size_t pi, int, const Table& tab) {
    int rows = tab.data_rows();
    if (rows < 2) return;
    std::string_view p = fb.para_text(static_cast<int>(pi));
    // The reference to the table: "见表", "如下表", "名单见".
    size_t ref = std::string_view::npos;
    for (const auto& cue : vocab.list("table_reference")) {
      size_t at = p.rfind(cue);
      if (at != std::string_view::npos && (ref == std::string_view::npos || at > ref)) ref = at;
    }
    if (ref == std::string_view::npos) {
      // No reference: a total count of the table's subject ("…培训共计 6 项") in the paragraph.
      std::string caption = caption_text(fb, tab);
      if (caption.empty()) return;
      int found = -1;
      for (int id : fb.by_paragraph[pi]) {
        const Quantity& q = fb.q(id);
        const UnitDef* u = vocab.unit(q.unit);
        if (!u || !u->counter || !q.exact_count() || q.approx != Approx::None) continue;
        if (u->dimension == "people" || u->dimension == "person-times") continue;  // people are summed, not listed
        if (total_cue_before(p, q, vocab) && share_word(q.label, caption)) found = id;
      }
      if (found < 0) return;
      ref = fb.q(found).unit_end;
    }
    uint32_t s0 = fb.sentence_start(static_cast<int>(pi), static_cast<uint32_t>(ref));
    // The count: the last counting figure before the reference in its sentence.
    int count = -1;
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      if (q.para_begin < s0 || q.para_begin >= ref) continue;
      if (ctx.rel.part_of[id] >= 0) continue;  // "11 所（公办 8 所、民办 3 所）": the whole counts the rows
      const UnitDef* u = vocab.unit(q.unit);
      if (q.kind == QuantityKind::Number && q.exact_count() && u && u->counter) count = id;
      else if (q.kind == QuantityKind::Number) count = -1;  // another figure sits between
    }
    if (count < 0) return;
    const Quantity& q = fb.q(count);
    if (q.approx != Approx::None || q.value.den() != 1) return;
    ctx.mark(count);
    if (q.value == Rational(rows)) return;
    Span first = tab.rows[tab.header_rows].empty() ? Span{} : tab.rows[tab.header_rows][0].span;
    ctx.report(count,
               fmt::format("the text promises {} {} but the table it introduces (line {}) has {} data rows", q.text,
                           q.unit, tab.first_line, rows),
               {}, std::to_string(rows));
    if (!first.empty()) ctx.out.back().related.push_back({first, fmt::format("first of the table's {} data rows", rows)});
  });
}

void check_table_change(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    if (tab.header_rows == 0) continue;
    std::vector<int> years;
    int change_col = -1;
    for (const auto& c : tab.rows[0]) {
      if (tab.col_years[c.col]) years.push_back(c.col);
      std::string h = text::remove_spaces(fb.source->slice(c.span));
      if (text::contains_any(h, vocab.list("table_change"))) change_col = c.col;
    }
    if (years.size() != 2 || change_col < 0) continue;
    int old_col = tab.col_years[years[0]] < tab.col_years[years[1]] ? years[0] : years[1];
    int new_col = old_col == years[0] ? years[1] : years[0];
    for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
      int a = -1, b = -1, d = -1;
      for (const auto& q : fb.ex.quantities) {
        if (q.table != static_cast<int>(t) || q.row != static_cast<int>(r)) continue;
        if (q.col == old_col) a = q.id;
        if (q.col == new_col) b = q.id;
        if (q.col == change_col) d = q.id;
      }
      if (a < 0 || b < 0 || d < 0) continue;
      const Quantity& qa = fb.q(a);
      const Quantity& qb = fb.q(b);
      const Quantity& qd = fb.q(d);
      if (qd.kind != QuantityKind::Number || qa.kind != qb.kind) continue;
      ctx.mark(a);
      ctx.mark(b);
      ctx.mark(d);
      // A change cell may be written unsigned for a decrease: accept either sign.
      Interval diff = qb.interval() - qa.interval();
      Interval neg = qa.interval() - qb.interval();
      bool negative = text::starts_with(qd.text, "-") || text::starts_with(fb.source->slice({qd.span.begin > 0 ? qd.span.begin - 1 : 0, qd.span.begin}), "-");
      Interval stated = qd.interval();
      bool ok = negative ? neg.intersects(stated) : (diff.intersects(stated) || neg.intersects(stated));
      if (ok) continue;
      Rational exact = qb.value - qa.value;
      ctx.report(d, fmt::format("{} − {} = {}, but the change column says {}", qb.text, qa.text, exact.str(4), qd.text),
                 {{b, fmt::format("{}", tab.col_years[new_col])}, {a, fmt::format("{}", tab.col_years[old_col])}},
                 exact.str(4));
    }
  }
}

}  // namespace tally

namespace tally {

// table-column-sum: a total stated in the sentence that introduces a table
// ("共培训 410 人") equals the sum of the table's column of that measure.
void check_table_column_sum(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  each_introduced_table(fb, [&](size_t pi, int t, const Table& tab) {
    if (tab.data_rows() < 2 || tab.header_rows == 0) return;
    bool has_total = false;
    for (const auto& ri : tab.info) has_total |= ri.total;
    if (has_total) return;  // the 合计 row is checked by the sum rule
    std::string_view p = fb.para_text(static_cast<int>(pi));
    std::string caption = caption_text(fb, tab);
    for (size_t c = 0; c < tab.col_units.size(); ++c) {
      if (static_cast<int>(c) == tab.index_column || static_cast<int>(c) == tab.unit_column || tab.col_years[c]) continue;
      // The column's figures, one per data row, all exact counts.
      std::vector<int> cells;
      bool ok = true;
      for (size_t r = tab.header_rows; r < tab.rows.size() && ok; ++r) {
        if (tab.info[r].total || tab.info[r].parent >= 0) continue;
        int id = -1;
        for (const auto& q : fb.ex.quantities)
          if (q.table == t && q.row == static_cast<int>(r) && q.col == static_cast<int>(c)) id = q.id;
        if (id < 0 || !fb.q(id).exact_count()) ok = false;
        else cells.push_back(id);
      }
      if (!ok || cells.size() < 2) continue;
      std::string header = c < tab.rows[0].size() ? std::string(fb.source->slice(tab.rows[0][c].span)) : "";
      Rational sum(0);
      for (int id : cells) sum = sum + fb.q(id).value;
      for (int id : fb.by_paragraph[pi]) {
        const Quantity& q = fb.q(id);
        if (!q.exact_count() || q.approx != Approx::None || q.unit.empty()) continue;
        if (!total_cue_before(p, q, vocab)) continue;
        // The column measures what the figure counts: 人数 ↔ 人, or a header unit "（人）".
        bool same_measure = (!tab.col_units[c].empty() && tab.col_units[c] == q.unit) ||
                            (q.dimension == "people" && text::contains(header, "人数"));
        if (!same_measure || !(share_word(q.label, caption) || share_word(q.label, header))) continue;
        for (int id2 : cells) ctx.mark(id2);
        ctx.mark(q.id);
        if (q.value == sum) {
          ctx.held({q.id});
          ctx.held(cells);
          continue;
        }
        std::string expr;
        for (size_t i = 0; i < cells.size() && i < 12; ++i) expr += (i ? " + " : "") + fb.q(cells[i]).text;
        if (cells.size() > 12) expr += " + …";
        ctx.report(q.id,
                   fmt::format("the table's {} column adds up to {} = {}, but the text says {}", text::trim(header),
                               expr, sum.str(0), show(q)),
                   {{cells.front(), "first cell of the column"}, {cells.back(), "last cell of the column"}},
                   sum.str(0));
      }
    }
  });
}

}  // namespace tally

namespace tally {

// table-category-count: "民办 3 所" in the sentence that introduces a table
// equals the number of its rows whose category cell says 民办 (exactly).
void check_table_category_count(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  // Rows recovered from a PDF's layout can be split or merged; counting them is not reliable.
  for (const auto& loc : fb.source->line_locators)
    if (text::starts_with(loc, "page ")) return;
  const Vocabulary& vocab = *fb.vocab;
  each_introduced_table(fb, [&](size_t pi, int, const Table& tab) {
    if (tab.data_rows() < 2) return;
    size_t ncols = tab.col_units.size();
    // Category columns: text cells repeating a few distinct values.
    std::vector<std::map<std::string, int>> values(ncols);
    for (size_t r = tab.header_rows; r < tab.rows.size(); ++r) {
      if (tab.info[r].total || tab.info[r].parent >= 0) continue;
      for (const auto& c : tab.rows[r]) {
        if (c.col == tab.index_column || c.col == tab.unit_column) continue;
        std::string v = text::remove_spaces(fb.source->slice(c.span));
        if (v.empty() || (v[0] >= '0' && v[0] <= '9')) continue;
        values[c.col][v]++;
      }
    }
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      const UnitDef* u = vocab.unit(q.unit);
      if (!u || !u->counter || !q.exact_count() || q.approx != Approx::None || q.label.empty()) continue;
      for (size_t c = 0; c < ncols; ++c) {
        const auto& vals = values[c];
        if (vals.size() < 2 || vals.size() * 2 > static_cast<size_t>(tab.data_rows()) + 1) continue;  // not a category column
        auto hit = vals.find(q.label);
        if (hit == vals.end()) continue;
        ctx.mark(q.id);
        if (q.value == Rational(hit->second)) {
          ctx.held({q.id});
          continue;
        }
        ctx.report(q.id,
                   fmt::format("the text says {} {} {}, but the table it introduces (line {}) has {} rows of {}", q.label,
                               q.text, q.unit, tab.first_line, hit->second, hit->first),
                   {}, std::to_string(hit->second));
      }
    }
  });
}

}  // namespace tally
