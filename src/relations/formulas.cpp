#include "relations/formulas.h"

#include "base/text.h"

namespace tally {

namespace {

// A figure that can be a formula's term: an exact level (or a per-head level such as 人均可支配收入) of the
// period the report is about.
bool term_candidate(const Quantity& q, const Statement& s) {
  return q.kind == QuantityKind::Number && q.approx == Approx::None && !q.malformed && !s.previous && !s.target &&
         (s.type == ValueType::Level || s.type == ValueType::PerCapita);
}

const std::string* name_ending(std::string_view measure, const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (text::ends_with(measure, n)) return &n;
  return nullptr;
}

// The figure named by `names` (tried in order, most specific first) for the value at ids[at]: those in
// its sentence, else the nearest earlier ones of its paragraph. -1 when there is none, or when the figures
// under the first name found disagree. `not_named` are names the term must not end with (the
// numerator's, so that 城镇常住人口 is not read as the 常住人口 it divides by).
int term(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids, size_t at,
         const std::vector<std::string>& names, const std::vector<std::string>& not_named, int taken) {
  const Quantity& a = fb.q(ids[at]);
  size_t from = at > 30 ? at - 30 : 0, to = std::min(ids.size(), at + 31);
  for (const auto& name : names) {
    int found = -1;
    bool two = false;
    auto offer = [&](const Quantity& q) {
      if (q.id == a.id || q.id == taken || !term_candidate(q, st[q.id])) return;
      std::string_view m = st[q.id].measure;
      if (!text::ends_with(m, name) || (!not_named.empty() && name_ending(m, not_named))) return;
      if (found < 0) found = q.id;
      else if (!(fb.q(found).value == q.value && fb.q(found).unit == q.unit)) two = true;
    };
    for (size_t k = from; k < to; ++k)
      if (fb.q(ids[k]).sentence == a.sentence) offer(fb.q(ids[k]));
    if (found < 0)
      for (size_t k = at; k > from;) {
        const Quantity& q = fb.q(ids[--k]);
        if (q.sentence != a.sentence) offer(q);
      }
    if (two) return -1;
    if (found >= 0) return found;
  }
  return -1;
}

std::string measured(const Quantity& q) { return q.dimension.empty() ? q.unit : q.dimension; }

}  // namespace

std::vector<FormulaRelation> find_formulas(const FactBase& fb, const std::vector<Statement>& st) {
  std::vector<FormulaRelation> out;
  const Vocabulary& v = *fb.vocab;
  if (v.formulas.empty()) return out;
  for (const auto& ids : fb.by_paragraph) {
    for (size_t at = 0; at < ids.size(); ++at) {
      const Quantity& a = fb.q(ids[at]);
      const Statement& s = st[a.id];
      if (a.approx != Approx::None || a.malformed || s.previous || s.target) continue;
      if (s.type == ValueType::Change || s.type == ValueType::Growth || s.type == ValueType::PointChange ||
          s.type == ValueType::Rank)
        continue;
      const Formula* f = nullptr;
      const std::string* name = nullptr;
      for (const auto& x : v.formulas)
        if ((name = name_ending(s.measure, x.names))) {
          f = &x;
          break;
        }
      if (!f) continue;
      FormulaRelation r;
      r.value = a.id;
      r.name = *name;
      r.scale = f->scale;
      if (a.kind == QuantityKind::Ratio) {
        // "2.19:1" states of ÷ per; "1:15.7" states per ÷ of. Other ratios are no quotient of the two.
        if (a.ratio_parts.size() != 2) continue;
        if (a.ratio_parts[1] == Rational(1) && a.ratio_decimals[1] == 0) r.part = 0;
        else if (a.ratio_parts[0] == Rational(1) && a.ratio_decimals[0] == 0) r.part = 1, r.inverse = true;
        else continue;
      } else if (a.kind != QuantityKind::Percent && a.kind != QuantityKind::Number) {
        continue;
      }
      r.of = term(fb, st, ids, at, f->of, {}, -1);
      if (r.of < 0) continue;
      r.per = term(fb, st, ids, at, f->per, f->of, r.of);
      if (r.per < 0) continue;
      // "小学、初中平均班额分别为…": a value of one school level is of that level's figures, not of the
      // figures of every level stated before it.
      if (!a.scope.empty() && (fb.q(r.of).scope != a.scope || fb.q(r.per).scope != a.scope)) continue;
      // A percentage or a ratio compares like with like (two areas, two incomes).
      if (a.kind != QuantityKind::Number && measured(fb.q(r.of)) != measured(fb.q(r.per))) continue;
      r.why = Message("why.formula", {{"figure", a.text}, {"name", *name}, {"of", st[r.of].measure}, {"per", st[r.per].measure}});
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace tally
