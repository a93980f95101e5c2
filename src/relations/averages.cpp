#include "relations/averages.h"

#include <fmt/format.h>

#include <algorithm>

namespace tally {

namespace {

// The dimension of one side of a compound unit ("元" → money), or "".
std::string dimension_of(std::string_view word, const Vocabulary& v) {
  const UnitDef* u = v.unit(word);
  return u ? u->dimension : "";
}

}  // namespace

std::vector<AverageRelation> find_averages(const FactBase& fb, const std::vector<Statement>& st) {
  std::vector<AverageRelation> out;
  const Vocabulary& v = *fb.vocab;
  for (const auto& ids : fb.by_paragraph) {
    for (size_t at = 0; at < ids.size(); ++at) {
      int id = ids[at];
      const Quantity& a = fb.q(id);
      size_t slash = a.unit.find('/');
      if (slash == std::string::npos || a.approx != Approx::None || st[id].target) continue;
      std::string num_dim = dimension_of(a.unit.substr(0, slash), v);
      std::string den_dim = dimension_of(a.unit.substr(slash + 1), v);
      if (num_dim.empty() || den_dim.empty() || num_dim == den_dim) continue;
      int num = -1, den = -1, nums = 0, dens = 0;
      // The figures of its sentence, within a bounded window (linear on long lines).
      size_t from = at > 30 ? at - 30 : 0, to = std::min(ids.size(), at + 31);
      for (size_t k = from; k < to; ++k) {
        int other = ids[k];
        const Quantity& q = fb.q(other);
        if (q.sentence != a.sentence || other == id || q.kind != QuantityKind::Number) continue;
        if (st[other].type != ValueType::Level || st[other].previous) continue;
        if (q.dimension == num_dim) {
          num = other;
          ++nums;
        } else if (q.dimension == den_dim) {
          den = other;
          ++dens;
        }
      }
      if (nums != 1 || dens != 1) continue;
      AverageRelation r;
      r.average = id;
      r.numerator = num;
      r.denominator = den;
      r.why = fmt::format("{} is {} per {}; the sentence states one figure of each", a.text, a.unit.substr(0, slash),
                          a.unit.substr(slash + 1));
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace tally
