// Table checks: a count promised by the sentence that introduces a table
// ("共有 11 个专业点入选…，名单见表 3-2") equals its data rows; a change column
// (增量) equals the difference of its two year columns.
#include <fmt/format.h>

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

}  // namespace

void check_table_rows(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  const Vocabulary& vocab = *fb.vocab;
  for (size_t pi = 0; pi < fb.doc.paragraphs.size(); ++pi) {
    int t = table_after(fb, static_cast<int>(pi));
    if (t < 0) continue;
    const Table& tab = fb.doc.tables[t];
    int rows = tab.data_rows();
    if (rows < 2) continue;
    std::string_view p = fb.para_text(static_cast<int>(pi));
    // The reference to the table: "见表", "如下表", "名单见".
    size_t ref = std::string_view::npos;
    for (const auto& cue : vocab.list("table_reference")) {
      size_t at = p.rfind(cue);
      if (at != std::string_view::npos && (ref == std::string_view::npos || at > ref)) ref = at;
    }
    if (ref == std::string_view::npos) continue;
    uint32_t s0 = fb.sentence_start(static_cast<int>(pi), static_cast<uint32_t>(ref));
    // The count: the last counting figure before the reference in its sentence.
    int count = -1;
    for (int id : fb.by_paragraph[pi]) {
      const Quantity& q = fb.q(id);
      if (q.para_begin < s0 || q.para_begin >= ref) continue;
      if (fb.part_of[id] >= 0) continue;  // "11 所（公办 8 所、民办 3 所）": the whole counts the rows
      const UnitDef* u = vocab.unit(q.unit);
      if (q.kind == QuantityKind::Number && q.exact_count() && u && u->counter) count = id;
      else if (q.kind == QuantityKind::Number) count = -1;  // another figure sits between
    }
    if (count < 0) continue;
    const Quantity& q = fb.q(count);
    if (q.approx != Approx::None || q.value.den() != 1) continue;
    ctx.mark(count);
    if (q.value == Rational(rows)) continue;
    Span first = tab.rows[tab.header_rows].empty() ? Span{} : tab.rows[tab.header_rows][0].span;
    Diagnostic d;
    ctx.report(count,
               fmt::format("the text promises {} {} but the table it introduces (line {}) has {} data rows", q.text,
                           q.unit, tab.first_line, rows),
               {}, std::to_string(rows));
    if (!first.empty()) ctx.out.back().related.push_back({first, fmt::format("first of the table's {} data rows", rows)});
  }
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
