// table-rate: rates, ratios and per-student values in table cells equal the figures of their table
// that they divide —
//   a rate or share  (就业率 = 就业人数 ÷ 毕业生人数, “双师型”教师占专任教师比例 = 双师型 ÷ 专任教师),
//   a ratio          (生师比 = 在校生 ÷ 专任教师),
//   a per-unit value (生均仪器设备值 = 仪器设备总值 ÷ 在校生),
// whether the table lays its measures out as columns (年份 · 毕业生人数 · 就业人数 · 就业率) or as rows
// (指标 · 2023 年 · 2024 年). The numerator and the base are found by name; when the name leaves a
// choice, the reading under which the relation holds elsewhere in the table (the other year) is
// taken, and a relation that holds nowhere is not reported. Truncation is a warning.
#include <fmt/format.h>

#include <map>

#include "base/text.h"
#include "base/utf8.h"
#include "checks/check.h"
#include "checks/table_cells.h"
#include "relations/averages.h"

namespace tally {

namespace {

// A measure of the table: a column (its cells down the item rows) or a row (its cells across the
// period columns).
struct Series {
  std::string name;      // bare label or column measure
  int index = -1;        // the row or the column
  std::vector<int> q;    // per position: quantity id or -1
};

enum class Op { Share, Ratio, PerUnit };

struct Target {
  int series = -1;
  Op op = Op::Share;
  std::vector<int> nums, dens;  // candidate series
  bool named = false;           // both the numerator and the base are named by the target's label
};

std::string strip_suffixes(std::string s, std::initializer_list<std::string_view> sufs) {
  bool again = true;
  while (again) {
    again = false;
    for (auto w : sufs)
      if (text::ends_with(s, w) && s.size() > w.size()) {
        s.resize(s.size() - w.size());
        again = true;
      }
  }
  return s;
}

bool is_count(const FactBase& fb, const Series& s) {
  int n = 0;
  for (int id : s.q)
    if (id >= 0) {
      if (!plain_number(fb.q(id)) || percent_cell(fb, fb.q(id))) return false;
      ++n;
    }
  return n > 0;
}

// A ratio column or row (生师比): plain figures ("17.5") or figures per one ("17.5:1", "17.5∶1").
bool is_ratio(const FactBase& fb, const Series& s) {
  int n = 0;
  for (int id : s.q)
    if (id >= 0) {
      if (!plain_number(fb.q(id)) && !per_one(fb.q(id))) return false;
      ++n;
    }
  return n > 0;
}

bool is_percent(const FactBase& fb, const Series& s) {
  int n = 0;
  for (int id : s.q)
    if (id >= 0) {
      if (!percent_cell(fb, fb.q(id))) return false;
      ++n;
    }
  return n > 0;
}

// Does a column name the expected count of a rate's stem — the stem right after a base marker
// (应毕业人数, 应届毕业生数 for 毕业率; 应参保人数 for 参保率)?
bool names_base_of(const std::string& name, const std::string& stem, const std::vector<std::string>& markers) {
  for (const auto& m : markers)
    if (text::contains(name, m + stem)) return true;
  return false;
}

// Is a base column at least its part at every row both fill? A share's base is never below its part.
bool never_below(const FactBase& fb, const Series& base, const Series& part) {
  int n = 0;
  for (size_t p = 0; p < base.q.size() && p < part.q.size(); ++p) {
    if (base.q[p] < 0 || part.q[p] < 0) continue;
    if (fb.q(base.q[p]).value < fb.q(part.q[p]).value) return false;
    ++n;
  }
  return n > 0;
}

// The targets among a set of series of one table (one period group of columns, or the rows).
// Do the series' cells make up 100 — one of them 100 (the 合计) and the others adding up to it, or the
// others alone adding up to 100 within rounding?
bool composition(const FactBase& fb, const Series& s) {
  Rational sum(0), hundred(100);
  int n = 0;
  bool total = false;
  for (int id : s.q) {
    if (id < 0) continue;
    const Quantity& q = fb.q(id);
    if (q.value == hundred && !total) {
      total = true;
      continue;
    }
    sum = sum + q.value;
    ++n;
  }
  if (n < 2) return false;
  Rational gap = sum - hundred;
  if (gap.sign() < 0) gap = Rational(0) - gap;
  return !(gap > Rational(1, 2) * Rational(n));  // each item rounded by at most half a unit
}

// The one dimension of a series' cells (人 → people, 户 → households), or "" when they differ or have none.
std::string dimension_of(const FactBase& fb, const Series& s) {
  std::string dim;
  for (int id : s.q) {
    if (id < 0) continue;
    const std::string& d = fb.q(id).dimension;
    if (d.empty() || (!dim.empty() && d != dim)) return "";
    dim = d;
  }
  return dim;
}

// The one series of `cands` whose name says one of `words` (总人口 among 男, 女 and 总人口), when there
// are several to choose from; -1 when none or several do.
int narrowed(const std::vector<Series>& ss, const std::vector<int>& cands, const std::vector<std::string>& words) {
  if (cands.size() == 1) return cands[0];
  int found = -1;
  for (int k : cands)
    if (text::contains_any(ss[k].name, words)) {
      if (found >= 0) return -1;
      found = k;
    }
  return found;
}

// A value per head or per household (户均人口, 人均住房面积, 平均每户耕地), or per unit of a compound unit
// (单产 in 公斤/亩, 均价 in 元/平方米): the amount its name repeats after the per-head word (or the one
// amount of the unit's first dimension) ÷ the one count of its population (or of the unit's second
// dimension) — the same reading the text's averages take (relations/averages.cpp per_head). Both must
// be the only candidates, else the table is silent. Values per head of an average population (人均地区
// 生产总值, vocabulary bulletin_per_capita_economy) are the bulletin's and not this quotient.
bool per_head_target(const FactBase& fb, const std::vector<Series>& ss, size_t i, const CheckContext& ctx, Target* tg) {
  const Vocabulary& v = *fb.vocab;
  const Series& s = ss[i];
  if (!is_count(fb, s) || text::contains_any(s.name, v.list("bulletin_per_capita_economy"))) return false;
  if (text::contains_any(s.name, v.list("per_period"))) return false;  // 人均每月: per head and per month
  std::string dim = dimension_of(fb, s);
  int per = 1;
  size_t word_end = 0;
  std::string pop_dim = per_head(s.name, v, per, word_end);
  std::string total_dim = dim, stem;
  if (!pop_dim.empty()) {
    if (per != 1) return false;  // 每百户: per hundred, another check's
    stem = s.name.substr(word_end);
  } else {
    // A compound unit: the dimensions of its two sides.
    const std::string& unit = fb.q(*std::find_if(s.q.begin(), s.q.end(), [](int id) { return id >= 0; })).unit;
    size_t slash = unit.find('/');
    if (slash == std::string::npos) return false;
    const UnitDef* top = v.unit(unit.substr(0, slash));
    const UnitDef* bottom = v.unit(unit.substr(slash + 1));
    if (!top || !bottom || top->dimension == bottom->dimension) return false;
    total_dim = top->dimension;
    pop_dim = bottom->dimension;
  }
  if (total_dim.empty()) return false;
  auto averaged = [&](const Series& o) { return is_per_head(o.name, v) || text::contains(o.name, "均"); };
  std::vector<int> nums, dens;
  for (size_t k = 0; k < ss.size(); ++k) {
    if (k == i || !is_count(fb, ss[k]) || averaged(ss[k])) continue;
    std::string d = dimension_of(fb, ss[k]);
    bool households = pop_dim == "households" && !ss[k].q.empty() &&
                      std::all_of(ss[k].q.begin(), ss[k].q.end(),
                                  [&](int id) { return id < 0 || v.list("household_units").is_word(fb.q(id).unit); });
    if (d == pop_dim || (households && d != total_dim)) dens.push_back(static_cast<int>(k));
    else if (d == total_dim && (stem.empty() || (utf8::count_code_points(stem) >= 2 && text::contains(ss[k].name, stem))))
      nums.push_back(static_cast<int>(k));
  }
  int num = stem.empty() ? (nums.size() == 1 ? nums[0] : -1) : narrowed(ss, nums, {stem});
  int den = narrowed(ss, dens, ctx.strings("population_words"));
  if (num < 0 || den < 0) return false;
  tg->op = Op::PerUnit;
  tg->nums = {num};
  tg->dens = {den};
  tg->named = true;
  return true;
}

// The one series whose name ends with the first of `names` (most specific first) that any series ends
// with, none ending with one of `not_named` (已整改问题金额 is no 问题金额); -1 when none or two.
int term_series(const std::vector<Series>& ss, size_t self, const std::vector<std::string>& names,
                const std::vector<std::string>& not_named, const FactBase& fb) {
  for (const auto& name : names) {
    int found = -1;
    for (size_t k = 0; k < ss.size(); ++k) {
      if (k == self || !is_count(fb, ss[k]) || !text::ends_with(ss[k].name, name)) continue;
      if (!text::ends_with_any(ss[k].name, not_named).empty()) continue;
      if (found >= 0) return -1;
      found = static_cast<int>(k);
    }
    if (found >= 0) return found;
  }
  return -1;
}

// A rate or ratio the vocabulary defines by a formula (整改率 = 已整改金额 ÷ 问题金额, 资产负债率 = 负债 ÷
// 资产, 通过率; vocabulary formulas, as relations/formulas.cpp reads them in the text): the one column (row)
// named by its numerator's names ÷ the one named by its denominator's. A percentage column is a share;
// a rate printed as plain figures (整改率	80.00) is one too, but only once a row of the table confirms it;
// a ratio (城乡居民收入比 2.1 or 2.1:1) is the plain quotient. Formulas per 10000 (万车死亡率) or written
// 1:a are left to the text.
bool formula_target(const FactBase& fb, const std::vector<Series>& ss, size_t i, const std::vector<std::string>& rate_words,
                    Target* tg) {
  const Series& s = ss[i];
  const Formula* f = nullptr;
  for (const auto& x : fb.vocab->formulas)
    if (!text::ends_with_any(s.name, x.names).empty()) {
      f = &x;
      break;
    }
  if (!f || f->scale != 1) return false;
  int num = term_series(ss, i, f->of, {}, fb);
  if (num < 0) return false;
  int den = term_series(ss, i, f->per, f->of, fb);
  if (den < 0 || den == num) return false;
  bool rate = !text::ends_with_any(s.name, rate_words).empty();
  if (is_percent(fb, s)) {
    tg->op = Op::Share;
    tg->named = true;
  } else if (is_count(fb, s) && rate) {
    tg->op = Op::Share;  // a percentage without its sign: confirmed by the table, not taken on its name
  } else if (is_ratio(fb, s) && !rate) {
    tg->op = Op::Ratio;
    tg->named = true;
  } else {
    return false;
  }
  tg->nums = {num};
  tg->dens = {den};
  return true;
}

std::vector<Target> find_targets(const FactBase& fb, const std::vector<Series>& ss, const CheckContext& ctx) {
  std::vector<std::string> rate_words = ctx.strings("rate_words");
  std::vector<std::string> ratio_words = ctx.strings("ratio_words");
  std::vector<std::string> ratio_num = ctx.strings("ratio_numerator");
  std::vector<std::string> ratio_den = ctx.strings("ratio_denominator");
  std::vector<std::string> per_unit = ctx.strings("per_unit");
  std::vector<std::string> students = ctx.strings("per_unit_base");
  std::vector<std::string> not_rates = ctx.strings("not_rates");
  std::vector<std::string> satisfied = ctx.strings("satisfied_words");
  std::vector<std::string> samples = fb.vocab->list("sample_column");
  std::vector<std::string> base_markers = ctx.strings("base_markers");
  std::vector<Target> out;
  for (size_t i = 0; i < ss.size(); ++i) {
    const std::string& name = ss[i].name;
    if (name.empty()) continue;
    Target tg;
    tg.series = static_cast<int>(i);
    auto others = [&](auto pred) {
      std::vector<int> v;
      for (size_t k = 0; k < ss.size(); ++k)
        if (k != i && is_count(fb, ss[k]) && pred(ss[k].name)) v.push_back(static_cast<int>(k));
      return v;
    };
    // A 满意度 is a survey result, usually with nothing in the table to divide; but when the table
    // gives the satisfied count (满意人次) beside the sample (调查人次), it is that quotient.
    if (text::contains_any(name, satisfied)) {
      if (!is_percent(fb, ss[i])) continue;
      tg.op = Op::Share;
      tg.nums = others([&](const std::string& n) { return text::contains(n, "满意") && !text::contains_any(n, satisfied); });
      tg.dens = others([&](const std::string& n) { return text::contains_any(n, samples) || text::contains(n, "调查"); });
      if (tg.nums.size() != 1 || tg.dens.size() != 1) continue;
      tg.named = true;
      out.push_back(tg);
      continue;
    }
    bool skip = false;
    for (const auto& w : not_rates) skip |= text::contains(name, w);
    if (skip) continue;
    if (formula_target(fb, ss, i, rate_words, &tg)) {
      out.push_back(tg);
      continue;
    }
    if (text::contains_any(name, ratio_words)) {
      if (!is_ratio(fb, ss[i])) continue;
      tg.op = Op::Ratio;
      tg.nums = others([&](const std::string& n) { return text::contains_any(n, ratio_num) && !text::contains_any(n, ratio_words); });
      tg.dens = others([&](const std::string& n) { return text::contains_any(n, ratio_den) && !text::contains_any(n, ratio_words); });
    } else if (!text::starts_with_any(name, per_unit).empty()) {
      if (!is_count(fb, ss[i])) continue;
      tg.op = Op::PerUnit;
      std::string core = name.substr(text::starts_with_any(name, per_unit).size());
      core = strip_suffixes(core, {"值", "额", "数", "面积"});
      if (utf8::count_code_points(core) < 2) continue;
      tg.nums = others([&](const std::string& n) { return text::contains(n, core) && text::starts_with_any(n, per_unit).empty(); });
      tg.dens = others([&](const std::string& n) { return text::contains_any(n, students) && text::starts_with_any(n, per_unit).empty(); });
      // 人均 in a table with no students: per head of its population (人均住房面积 over 人口).
      if (tg.dens.empty() && !per_head_target(fb, ss, i, ctx, &tg)) continue;
    } else if (!text::ends_with_any(name, rate_words).empty() || text::contains(name, "占")) {
      if (!is_percent(fb, ss[i])) continue;
      tg.op = Op::Share;
      size_t zhan = text::find(name, "占");
      std::string part, base;
      if (zhan != std::string::npos && zhan > 0) {
        part = name.substr(0, zhan);
        base = strip_suffixes(name.substr(zhan + 3), {"比例", "比重", "百分比", "的", "之比", "比"});
        base = strip_suffixes(base, {"总数", "人数", "的"});
      }
      if (utf8::count_code_points(part) >= 2 && utf8::count_code_points(base) >= 2) {
        tg.named = true;
        tg.nums = others([&](const std::string& n) { return n == part || (text::starts_with(n, part) && utf8::count_code_points(n) <= utf8::count_code_points(part) + 3); });
        tg.dens = others([&](const std::string& n) { return n == base || (text::starts_with(n, base) && utf8::count_code_points(n) <= utf8::count_code_points(base) + 3); });
      } else {
        // "床位占比", "在校生比重" with no base named, whose cells make up 100% (a 合计 of 100, or items
        // adding up to it): a composition, each row's share of the column's own 合计 (table-share's),
        // not one column over another ("床位数 ÷ 机构数").
        if (composition(fb, ss[i])) continue;
        std::string stem = strip_suffixes(name.substr(0, name.size() - text::ends_with_any(name, rate_words).size()), {"的"});
        if (utf8::count_code_points(stem) < 2) continue;
        tg.nums = others([&](const std::string& n) { return text::starts_with(n, stem); });
        // "毕业率" beside "应届毕业生数": the rate's own base is the stem's expected count (应…, 应届…),
        // and only it — not a count of something else that happens to stand beside the rate.
        tg.dens = others([&](const std::string& n) { return names_base_of(n, stem, base_markers); });
        bool base_named = !tg.dens.empty();
        if (!base_named) tg.dens = others([&](const std::string& n) { return !text::contains(n, stem); });
        // "毕业去向落实率" beside "毕业去向落实人数" and one other count: the label names its count, and
        // the only other count is its base (with more counts to choose from, the table must confirm).
        // An other count never below the rate's count at any row is a base; one below it (结业人数
        // beside 毕业人数) is a count of something else, and its quotient no reading of the rate.
        if (tg.nums.size() == 1 && tg.dens.size() == 1) {
          const std::string& n = ss[tg.nums[0]].name;
          for (std::string_view w : {"人数", "数", "人次"})
            if (n == stem + std::string(w)) tg.named = base_named || never_below(fb, ss[tg.dens[0]], ss[tg.nums[0]]);
        }
      }
    } else if (!per_head_target(fb, ss, i, ctx, &tg)) {
      continue;
    }
    if (tg.nums.empty() || tg.dens.empty()) continue;
    out.push_back(tg);
  }
  return out;
}

struct Eval {
  RoundingVerdict v = RoundingVerdict::Mismatch;
  Rational exact;
};

bool evaluable(const FactBase& fb, int t, int n, int d) {
  if (t < 0 || n < 0 || d < 0) return false;
  const Quantity& qd = fb.q(d);
  const Quantity& qt = fb.q(t);
  if (qd.value == Rational(0) || qt.approx != Approx::None || qt.malformed) return false;
  // Values are magnitudes: the quotient of two signed cells is that of their magnitudes when the
  // signs agree ("−2.6 ÷ 52 = −5.0%"); otherwise the rate is not this quotient.
  return qt.negative == (fb.q(n).negative != qd.negative);
}

// The stated value of a cell as printed: "18.5:1" states 18.5 to one decimal.
Rational stated(const Quantity& q) { return per_one(q) ? q.ratio_parts[0] : q.printed; }
int stated_decimals(const Quantity& q) { return per_one(q) ? q.ratio_decimals[0] : q.decimals; }

Eval evaluate(const FactBase& fb, Op op, int t, int n, int d) {
  const Quantity& qt = fb.q(t);
  const Quantity& qn = fb.q(n);
  const Quantity& qd = fb.q(d);
  Interval v = qn.interval() / qd.interval();
  Eval e;
  e.exact = qn.value / qd.value;
  if (op == Op::Share) {
    v = v * Interval::exact(Rational(100));
    e.exact = e.exact * Rational(100);
  }
  Rational scale(qt.multiplier);
  if (qt.multiplier != 1 && !per_one(qt)) {
    v = v / Interval::exact(scale);
    e.exact = e.exact / scale;
  }
  e.v = compare_rounded(v, stated(qt), stated_decimals(qt));
  return e;
}

void check_series(CheckContext& ctx, const std::vector<Series>& ss, const char* layout) {
  const FactBase& fb = ctx.fb;
  for (const Target& tg : find_targets(fb, ss, ctx)) {
    const Series& s = ss[tg.series];
    // The reading that holds at the most positions; a tie between readings that both hold is a
    // choice the table does not settle.
    int best_n = -1, best_d = -1, best_holds = -1, best_fails = 0, ties = 0;
    for (int n : tg.nums)
      for (int d : tg.dens) {
        if (n == d) continue;
        int holds = 0, fails = 0;
        for (size_t p = 0; p < s.q.size(); ++p) {
          int t = s.q[p], qn = ss[n].q[p], qd = ss[d].q[p];
          if (!evaluable(fb, t, qn, qd)) continue;
          Eval e = evaluate(fb, tg.op, t, qn, qd);
          if (e.v == RoundingVerdict::Mismatch) ++fails;
          else ++holds;
        }
        if (holds + fails == 0) continue;
        if (holds > best_holds || (holds == best_holds && fails < best_fails)) {
          best_n = n;
          best_d = d;
          best_holds = holds;
          best_fails = fails;
          ties = 0;
        } else if (holds == best_holds && fails == best_fails) {
          ++ties;
        }
      }
    if (best_n < 0 || ties > 0) continue;
    bool unique = tg.nums.size() == 1 && tg.dens.size() == 1;
    // Report only a relation the table confirms elsewhere, or one its label names outright. A reading
    // picked among several candidates must be confirmed by a figure precise enough not to hold by
    // chance (a whole-number percentage fits many pairs).
    if (best_holds == 0 && !(tg.named && unique)) continue;
    if (!unique && !tg.named) {
      int precise = 0;
      for (size_t p = 0; p < s.q.size(); ++p)
        if (s.q[p] >= 0 && stated_decimals(fb.q(s.q[p])) >= 1) ++precise;
      if (precise == 0 && best_holds < 2) continue;
    }
    for (size_t p = 0; p < s.q.size(); ++p) {
      int t = s.q[p], n = ss[best_n].q[p], d = ss[best_d].q[p];
      if (!evaluable(fb, t, n, d)) continue;
      Eval e = evaluate(fb, tg.op, t, n, d);
      const Quantity& qt = fb.q(t);
      ctx.mark(t);
      ctx.mark(n);
      ctx.mark(d);
      if (e.v == RoundingVerdict::Match) {
        ctx.held({t, n, d});
        continue;
      }
      ctx.held({n, d});
      std::string pct = tg.op == Op::Share ? "%" : "";
      int dec = stated_decimals(qt);
      bool sign = text::ends_with(qt.text, "%") || text::ends_with(qt.text, "％");  // not under a （%） header
      std::string fix = e.exact.round_str(dec) + (sign ? "%" : "");
      if (per_one(qt)) fix += qt.text.substr(qt.text.size() - (text::ends_with(qt.text, "∶1") ? 4 : 2));  // ":1" as printed
      std::string shown = e.exact.round_str(std::max(2, dec + 1)) + pct;
      std::vector<CheckContext::Role> roles = {{n, tg.op == Op::Share ? "role.part" : "role.numerator"},
                                               {d, tg.op == Op::Share ? "role.whole" : "role.denominator"}};
      std::string base = fmt::format("{} ÷ {} = {}", fb.q(n).text, fb.q(d).text, shown);
      std::vector<std::pair<std::string, std::string>> args = {
          {"where", ctx.say(Message(std::string("table_rate.") + layout, {{"name", s.name}}))},
          {"num", ss[best_n].name}, {"den", ss[best_d].name}, {"arith", base}, {"fix", fix}, {"stated", qt.text}};
      if (e.v == RoundingVerdict::Truncated && !ctx.truncation_is_error) {
        ctx.report(t, Message("table_rate.truncated", args), roles, fix, Severity::Warning, true);
      } else {
        ctx.report(t, Message("table_rate.mismatch", args), roles, fix);
      }
    }
  }
}

}  // namespace


void check_table_rate(CheckContext& ctx) {
  const FactBase& fb = ctx.fb;
  TableCells cells(fb);
  for (size_t t = 0; t < fb.doc.tables.size(); ++t) {
    const Table& tab = fb.doc.tables[t];
    const int T = static_cast<int>(t);
    const int ncols = static_cast<int>(tab.cols.size());
    std::vector<int> item_rows = figure_rows(tab), value_cols = value_columns(tab);
    // Sample columns (调查人次) are the base of a 满意度 beside a 满意人次 column.
    std::vector<int> measure_cols = value_cols;
    for (int c = 0; c < ncols; ++c)
      if (tab.cols[c].sample && !tab.cols[c].label) measure_cols.push_back(c);
    if (item_rows.empty() || value_cols.empty()) continue;
    // Measures as columns, grouped by period.
    std::map<int, std::vector<Series>> by_period;
    for (int c : measure_cols) {
      if (tab.cols[c].measure.empty()) continue;
      Series s;
      s.name = bare_label(tab.cols[c].measure);
      s.index = c;
      for (int r : item_rows) s.q.push_back(cells.at(T, r, c));
      by_period[tab.cols[c].period].push_back(std::move(s));
    }
    for (const auto& [period, ss] : by_period)
      if (ss.size() >= 3) check_series(ctx, ss, "column");
    // Measures as rows, across the period (or unnamed value) columns.
    std::vector<int> period_cols;
    for (int c : value_cols)
      if (tab.cols[c].period || tab.cols[c].measure.empty() || text::contains(tab.cols[c].measure, "数值")) period_cols.push_back(c);
    if (period_cols.empty() || item_rows.size() < 3) continue;
    std::vector<Series> rows;
    for (int r : item_rows) {
      if (tab.info[r].label.empty()) continue;
      Series s;
      s.name = bare_label(tab.info[r].label);
      s.index = r;
      for (int c : period_cols) s.q.push_back(cells.at(T, r, c));
      rows.push_back(std::move(s));
    }
    check_series(ctx, rows, "row");
  }
  check_table_shares(ctx, cells);
}

}  // namespace tally
