#include "relations/averages.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "base/text.h"
#include "base/utf8.h"
#include "relations/bulletin_util.h"

namespace tally {

namespace {

// The dimension of one side of a compound unit ("元" → money), or "".
std::string dimension_of(std::string_view word, const Vocabulary& v) {
  const UnitDef* u = v.unit(word);
  return u ? u->dimension : "";
}

// The first of the words found in s, and where it ends.
std::string_view find_word(std::string_view s, const WordList& words, size_t* end) {
  size_t best = std::string_view::npos;
  std::string_view found;
  for (const auto& w : words) {
    size_t at = text::find(s, w);
    if (at < best) {
      best = at;
      found = w;
      *end = at + w.size();
    }
  }
  return found;
}

// "次均住院费用 12803 元", "件均收入 9.43 元", "笔均贷款 36.5 万元": a value per counted event, the
// word before 均 naming the count's unit (人次, 件, 笔); or per one of a count, 每 + its classifier. The counter character, and where the word ends;
// "" when the label names no such word (生均, 人均 and 户均 are read elsewhere, 日均 is per day).
std::string_view counted_by(std::string_view label, const Vocabulary& v, size_t& word_end) {
  for (std::string_view w : v.list("per_counted")) {
    size_t at = text::find(label, w);
    if (at == std::string_view::npos) continue;
    word_end = at + w.size();
    return w.substr(0, utf8::seq_len(w[0]));
  }
  // "平均每家实现营业收入 1.25 亿元", "平均每个网点年销量": per one of a count whose unit is the classifier
  // after 每 (家, 个, 所).
  size_t at = text::find(label, "每");
  if (at == std::string_view::npos) return {};
  std::string_view cls = v.list("per_each_classifier").prefix_of(label.substr(at + 3));
  if (!cls.empty()) word_end = at + 3 + cls.size();
  return cls;
}

// "平均每个家庭户的人口", "平均每个机构的床位": 每 + a classifier + the noun of the count, then 的 and what
// is averaged. The noun (家庭户, 机构), with word_end moved past 的 to the averaged measure; "" when the
// label says no noun before 的 (平均每家实现营业收入: the classifier alone names the count's unit).
std::string_view each_noun(std::string_view label, size_t& word_end) {
  std::string_view rest = label.substr(word_end);
  size_t de = text::find(rest, "的");
  if (de == std::string_view::npos || de == 0) return {};
  word_end += de + std::string_view("的").size();
  return rest.substr(0, de);
}

// "为 420 家企业发放…，户均 3.5 万元": 户均 over firms or farms counted by their own classifier (家) — a
// count of households all the same (vocabulary household_units).
bool household_like(const Quantity& q, std::string_view pop_dim, const Vocabulary& v) {
  return pop_dim == "households" && v.list("household_units").is_word(q.unit);
}

// The population scale written after 每 from byte i: one or two of 十/百/千/万, their product ("每十万人口"
// is per 100000, never per 10 followed by 万人口), with `end` set past them; 0 when there is none.
int per_scale(std::string_view label, size_t i, size_t& end) {
  int scale = 0;
  end = i;
  for (int n = 0; n < 2 && end < label.size(); ++n) {
    size_t k = end;
    char32_t c = utf8::next(label, k);
    int f = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : c == U'万' ? 10000 : 0;
    if (f == 0) break;
    scale = scale == 0 ? f : scale * f;
    end = k;
  }
  return scale;
}

}  // namespace

// (Declared in averages.h.)
bool flow_for_stock(std::string_view total_label, std::string_view value_label, const Vocabulary& v) {
  return text::contains_any(total_label, v.list("flow")) && !text::contains_any(value_label, v.list("flow"));
}

namespace {

bool flow_for_stock(const Quantity& total, const Quantity& average, const Vocabulary& v) {
  return flow_for_stock(total.label, average.label, v);
}

}  // namespace

bool is_per_head(std::string_view label, const Vocabulary& v) {
  int per = 1;
  size_t word_end = 0;
  return !per_head(label, v, per, word_end).empty();
}

std::string_view general_per_head_noun(std::string_view label, size_t word_end) {
  size_t at = text::find(label, "每");
  if (at == std::string_view::npos) return {};
  size_t from = 0;
  if (per_scale(label, at + 3, from) == 0 || from > word_end) return {};
  std::string_view who = label.substr(from, word_end - from);  // after 每 and 百/千/万/十万
  for (std::string_view w : {"拥有", "有"})
    if (text::ends_with(who, w)) who.remove_suffix(w.size());
  return who == "人口" || who == "人" ? who : std::string_view{};
}

// "生均" is left to the per-capita rule, which knows the report's student counts.
std::string per_head(std::string_view label, const Vocabulary& v, int& per, size_t& word_end) {
  per = 1;
  std::string_view w = find_word(label, v.list("per_head_people"), &word_end);
  if (!w.empty()) return "people";
  w = find_word(label, v.list("per_head_households"), &word_end);
  if (!w.empty()) return "households";
  // 每 + 十/百/千/万 + 名/位/个 (optional) + the population's noun.
  size_t at = text::find(label, "每");
  if (at == std::string_view::npos) return "";
  size_t i = at + 3;
  if (i >= label.size()) return "";
  size_t k = i;
  per = per_scale(label, i, k);
  if (per == 0) {
    char32_t c = utf8::next(label, k);
    // "劳动生产率为每人 96.4 万元", "每户年均收入": per one person or household (not 每人口, 每人次).
    if ((c == U'人' || c == U'户') && !text::starts_with(label.substr(k), "口") &&
        !text::starts_with(label.substr(k), "次")) {
      per = 1;
      word_end = k;
      return c == U'人' ? "people" : "households";
    }
  }
  if (per == 0) return "";
  i = k;
  std::string_view rest = label.substr(i);
  if (text::starts_with(rest, "户")) {
    word_end = i + 3;
    return "households";
  }
  if (text::starts_with(rest, "名") || text::starts_with(rest, "位") || text::starts_with(rest, "个")) i += 3;
  // "每千人口床位", "每万人口拥有…": the population is 人口 itself, the thing counted follows.
  if (text::starts_with(label.substr(i), "人口")) {
    word_end = i + 6;
    if (text::starts_with(label.substr(word_end), "拥有")) word_end += 6;
    return word_end < label.size() ? "people" : "";
  }
  // the noun: up to the first verb (拥有, 有) or the end
  size_t e = text::find(label, "拥有", i);
  if (e == std::string_view::npos) e = text::find(label, "有", i);
  if (e == std::string_view::npos || e == i) return "";
  word_end = e + (text::starts_with(label.substr(e), "拥有") ? 6 : 3);
  return "people";
}

namespace {

// The ；-clause of the figure's sentence that holds it, as paragraph offsets [lo, hi); [0, UINT32_MAX) when
// the sentence has no ；.
std::pair<uint32_t, uint32_t> semicolon_clause(const FactBase& fb, const Quantity& a) {
  if (a.paragraph < 0) return {0, UINT32_MAX};
  std::string_view p = fb.para_text(a.paragraph);
  uint32_t sb = fb.sentence_start(a.paragraph, a.para_begin), se = fb.sentence_end(a.paragraph, a.para_begin);
  std::string_view before = p.substr(sb, a.para_begin - sb);
  std::string_view after = p.substr(a.unit_end, se > a.unit_end ? se - a.unit_end : 0);
  size_t l = before.rfind("；"), r = text::find(after, "；");
  if (l == std::string_view::npos && r == std::string_view::npos) return {0, UINT32_MAX};
  uint32_t lo = l == std::string_view::npos ? sb : sb + static_cast<uint32_t>(l + std::string_view("；").size());
  uint32_t hi = r == std::string_view::npos ? se : a.unit_end + static_cast<uint32_t>(r);
  return {lo, hi};
}

// The one resident population (城区人口, 常住人口: vocabulary per_capita_population) among the figures of the
// paragraph's earlier sentences ids[from, at) — of people, exact, this period's; -1 when none or two.
int earlier_population(const FactBase& fb, const std::vector<Statement>& st, const std::vector<int>& ids,
                       size_t from, size_t at) {
  const Quantity& a = fb.q(ids[at]);
  int found = -1;
  for (size_t k = at; k > from;) {
    const Quantity& q = fb.q(ids[--k]);
    const Statement& s = st[q.id];
    if (q.sentence == a.sentence || q.kind != QuantityKind::Number || q.dimension != "people") continue;
    if (s.type != ValueType::Level || s.previous || s.target || q.approx != Approx::None) continue;
    if (text::ends_with_any(q.label, fb.vocab->list("per_capita_population")).empty()) continue;
    if (found >= 0) return -1;  // two populations: which one the value is per head of is open
    found = q.id;
  }
  return found;
}

// Per-head values: "按常住人口 32.0 万人计算，人均支出 12000 元", "全村 500 户共有耕地 1200 亩，户均耕地 2.4 亩",
// "在校生 4960 人，每百名学生拥有教学用计算机 25 台". The total is the figure of the value's dimension that
// its name repeats (人均公园绿地面积 → 公园绿地面积), else the only one in the sentence; the population
// the only figure of people (or households) there.
void find_per_head(const FactBase& fb, const std::vector<Statement>& st, std::vector<AverageRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  for (const auto& ids : fb.by_paragraph) {
    for (size_t at = 0; at < ids.size(); ++at) {
      const Quantity& a = fb.q(ids[at]);
      if (a.kind != QuantityKind::Number || a.approx != Approx::None || st[a.id].target || st[a.id].previous ||
          a.dimension.empty() || a.unit.find('/') != std::string::npos)
        continue;
      int per = 1;
      size_t word_end = 0;
      std::string pop_dim = per_head(a.label, v, per, word_end);
      std::string_view counter, noun;
      if (pop_dim.empty()) {
        counter = counted_by(a.label, v, word_end);
        if (counter.empty()) continue;
        per = 1;
        noun = each_noun(a.label, word_end);
      }
      // "人均每月 247.8 元", "户均每月": per head and per month, not the total ÷ heads.
      if (text::contains_any(a.label, v.list("per_period"))) continue;
      // "每万人拥有执业医师 26 人": people per people — the total is the figure the name repeats, the
      // population the other one.
      bool same = pop_dim == a.dimension;
      std::string_view stem = std::string_view(a.label).substr(word_end);
      // "每千人口", "每万人拥有": per residents, so the population is a figure that says it is one
      // ("常住人口 120 万人"), not any count of people in the sentence ("执业医师 3420 人").
      bool residents = per > 1 && pop_dim == "people" && !general_per_head_noun(a.label, word_end).empty();
      int total = -1, named = -1, totals = 0, pop = -1, pops = 0;
      const uint32_t own_hi = semicolon_clause(fb, a).second;  // where the value's ；-clause ends
      size_t from = at > 30 ? at - 30 : 0, to = std::min(ids.size(), at + 31);
      // The figures of the sentence, or of the value's own ；-clause only (lo..hi, paragraph offsets).
      auto count = [&](uint32_t lo, uint32_t hi) {
        total = named = pop = -1;
        totals = pops = 0;
        for (size_t k = from; k < to; ++k) {
          const Quantity& q = fb.q(ids[k]);
          if (q.sentence != a.sentence || q.id == a.id || q.kind != QuantityKind::Number) continue;
          if (q.para_begin < lo || q.para_begin >= hi) continue;
          const Statement& s = st[q.id];
          if (s.type != ValueType::Level || s.previous || s.target || q.approx != Approx::None) continue;
          if (is_per_head(q.label, v)) continue;  // another average
          if (flow_for_stock(q, a, v)) continue;  // the period's additions: the stock, or nothing
          // "户均 191.6 万元；注册资本 1000 万元以上的新设企业 68 户": a count after the value past its ；, or
          // one a figure's clause qualifies (its label opens with 的), is a group of the units, not their
          // number.
          // Nor is any figure past the value's ；its total: "个人创业担保贷款 A，扶持 N 人，人均贷款 v；小微企业
          // 创业担保贷款 B" divides A.
          if (q.para_begin > a.para_begin && q.para_begin >= own_hi) continue;
          if (q.para_begin > a.para_begin && text::starts_with(text::trim_left(q.label), "的") && q.dimension != a.dimension)
            continue;
          // "每千人拥有企业 30.89 户、拥有经营主体 129.43 户": the next item of the value's own list (after
          // 、, within its clause) is per head too.
          if (q.para_begin > a.para_begin && a.paragraph >= 0) {
            std::string_view gap = fb.para_text(a.paragraph).substr(a.unit_end, q.para_begin - a.unit_end);
            if (text::starts_with(text::trim_left(gap), "、") && !text::contains(gap, "，") && !text::contains(gap, "；") &&
                !text::contains(gap, "。"))
              continue;
          }
          bool names_it = utf8::count_code_points(stem) >= 2 && text::ends_with(q.label, stem);
          if (q.dimension == a.dimension && (!same || names_it)) {
            ++totals;
            total = q.id;
            if (names_it) named = named < 0 ? q.id : -2;
          } else if (counter.empty() ? (q.dimension == pop_dim || household_like(q, pop_dim, v)) &&
                                           (!residents || text::contains(q.label, "人口"))
                     : noun.empty() ? text::ends_with(q.unit, counter)
                                    : text::ends_with(q.label, noun) && !q.dimension.empty() && q.dimension != a.dimension) {
            ++pops;
            pop = q.id;
          }
        }
      };
      count(0, UINT32_MAX);
      // "为 3,862 名学生免除学费；发放国家助学金 1,286 人次、257.2 万元，人均 2,000 元": a total of the value's
      // own ；-clause is not divided by a count of another clause when its own clause counts something of
      // its own (1,286 人次) — whose heads those are is open. (With no count of its own, "住院 32.84 万人次，
      // …；发生住院费用 39.68 亿元，次均住院费用 …" reads on from the clause before.)
      if (totals == 1 && pops == 1) {
        // (Named, not a structured binding: clang lets no lambda capture one before C++20.)
        const std::pair<uint32_t, uint32_t> own = semicolon_clause(fb, a);
        const uint32_t lo = own.first, hi = own.second;
        auto inside = [&](int id) { return fb.q(id).para_begin >= lo && fb.q(id).para_begin < hi; };
        bool own_count = false;  // a count of the value's own clause, before it, of another kind than the total
        for (size_t k = from; k < at; ++k) {
          const Quantity& q = fb.q(ids[k]);
          own_count |= q.sentence == a.sentence && inside(q.id) && q.kind == QuantityKind::Number &&
                       q.dimension != a.dimension && !q.dimension.empty();
        }
        if ((lo > 0 || hi < UINT32_MAX) && inside(total) && !inside(pop) && own_count) pops = 2;
      }
      const int sentence_pops = pops;
      // "城市低保对象 1.28 万户、2.03 万人，户均 1.59 人；农村低保对象 4.36 万户、7.12 万人，户均 1.63 人":
      // parallel clauses parted by ；, each with its own figures and its own average — when the sentence
      // leaves the total or the population open, the value's own clause may name them alone.
      bool in_clause = false;
      if ((named < 0 && totals != 1) || pops != 1) {
        auto [lo, hi] = semicolon_clause(fb, a);
        if (lo > 0 || hi < UINT32_MAX) {
          count(lo, hi);
          in_clause = true;
          // "百岁老人 412 人，其中女性 318 人；每十万人口拥有百岁老人 10.66 人": a clause holding no figure
          // but the value is no parallel clause; the sentence's reading stands.
          if (totals == 0 && pops == 0) {
            count(0, UINT32_MAX);
            in_clause = false;
          }
        }
      }
      // "全市体育场地面积 1586.42 万平方米。按年末常住人口 612.35 万人计算，人均体育场地面积 2.69 平方米":
      // with no figure of its dimension in its own sentence, the total is the figure of an earlier
      // sentence of the paragraph that bears the value's name — one value of that name, or none.
      if (totals == 0 && !in_clause && utf8::count_code_points(stem) >= 2) {
        for (size_t k = at; k > from && named != -2;) {
          const Quantity& q = fb.q(ids[--k]);
          const Statement& s = st[q.id];
          if (q.sentence == a.sentence || q.kind != QuantityKind::Number || q.dimension != a.dimension) continue;
          if (s.type != ValueType::Level || s.previous || s.target || q.approx != Approx::None) continue;
          if (!text::ends_with(q.label, stem) || flow_for_stock(q, a, v)) continue;
          if (named < 0) named = q.id;
          else if (!fb.q(named).interval().intersects(q.interval())) named = -2;
        }
      }
      // "城区人口 186.4 万人。年末城市道路面积 3217 万平方米，人均城市道路面积 16.72 平方米": a 人均 whose
      // sentence states no people at all, with a total its name repeats, is per head of the resident
      // population said earlier in the paragraph — when that is one figure. So is a value per ten thousand
      // residents (每十万人口拥有百岁老人): a part of its total (其中女性) is never its population.
      // Only of the whole area's residents: "农村每千人口" is per another population.
      bool area_residents = residents && bulletin::after_area_scope(std::string_view(a.label).substr(0, text::find(a.label, "每")), v).empty();
      if (sentence_pops == 0 && named >= 0 && pop_dim == "people" && (per == 1 || area_residents) && counter.empty()) {
        pop = earlier_population(fb, st, ids, from, at);
        pops = pop >= 0 ? 1 : 0;
      }
      if (named >= 0) total = named;
      else if (totals != 1 || same) continue;
      if (pops != 1) continue;
      AverageRelation r;
      r.average = a.id;
      r.numerator = total;
      r.denominator = pop;
      r.per = per;
      r.loose = per == 1 && pop_dim == "people";
      r.why = Message(named >= 0 ? "why.per_head_named" : "why.per_head",
                      {{"figure", a.text}, {"per", std::to_string(per)}});
      out.push_back(std::move(r));
    }
  }
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
      // Figures carry their units' factors (销量 1.88 万吨 is held in 千克): per 吨 is 1000 per 千克.
      const UnitDef* num_unit = v.unit(a.unit.substr(0, slash));
      const UnitDef* den_unit = v.unit(a.unit.substr(slash + 1));
      if (num_unit->factor != 1) continue;
      AverageRelation r;
      r.average = id;
      r.numerator = num;
      r.denominator = den;
      r.scale = den_unit->factor;
      r.why = Message("why.compound_unit", {{"figure", a.text},
                                            {"numerator", a.unit.substr(0, slash)},
                                            {"denominator", a.unit.substr(slash + 1)}});
      out.push_back(std::move(r));
    }
  }
  find_per_head(fb, st, out);
  return out;
}

}  // namespace tally
