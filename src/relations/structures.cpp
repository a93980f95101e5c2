#include "relations/structures.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "base/find.h"
#include "base/text.h"
#include "base/utf8.h"
#include "relations/averages.h"
#include "relations/breakdowns.h"
#include "relations/bulletin_util.h"

namespace tally {

namespace {

using namespace bulletin;

// ---------------------------------------------------------------- structures

// The one level of the paragraph before `before` whose label names `member` (and no other member).
int part_named(const FactBase& fb, const Relations& rel, int paragraph, uint32_t before, const Partition& p,
               size_t member) {
  int found = -1;
  for (int id : fb.by_paragraph[paragraph]) {
    const Quantity& q = fb.q(id);
    if (q.para_begin >= before) break;
    if (!is_level(fb, rel, id) || q.kind != QuantityKind::Number) continue;
    std::string_view l = q.label;
    if (!text::contains(l, p.members[member])) continue;
    bool other = false;
    for (size_t k = 0; k < p.members.size(); ++k)
      if (k != member && text::contains(l, p.members[k])) other = true;
    if (other) continue;
    if (found >= 0 && fb.q(found).value != q.value) return -2;  // two different values: ambiguous
    if (found < 0) found = id;
  }
  return found;
}

void find_structure(const FactBase& fb, const Relations& rel, const Quantity& r, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  if (r.kind != QuantityKind::Ratio || r.ratio_parts.size() < 2 || r.approx != Approx::None || r.paragraph < 0) return;
  std::string_view sentence = sentence_before(fb, r);
  if (!text::contains_any(sentence, v.list("bulletin_structure"))) return;
  Rational sum(0);
  for (const auto& p : r.ratio_parts) sum = sum + p;
  bool hundred = sum >= Rational(90) && sum <= Rational(110);
  if (!hundred) return;
  BulletinRelation b;
  b.kind = BulletinKind::Structure;
  b.figure = r.id;
  std::string_view near = near_before(fb, r);
  b.previous = text::contains(near, "上年") || !text::ends_with_any(text::trim(near), v.list("previous_level")).empty();
  b.why = Message("why.structure", {{"n", std::to_string(r.ratio_parts.size())}});
  // The parts' values, for the current structure: one level per member of the partition it names.
  if (!b.previous)
    if (const Partition* p = partition_named(v, sentence, r.ratio_parts.size())) {
      std::vector<int> parts;
      for (size_t m = 0; m < p->members.size(); ++m) {
        int id = part_named(fb, rel, r.paragraph, r.para_begin, *p, m);
        if (id < 0) break;
        parts.push_back(id);
      }
      bool same_dim = parts.size() == p->members.size();
      for (int id : parts) same_dim = same_dim && fb.q(id).dimension == fb.q(parts[0]).dimension;
      if (same_dim) {
        b.parts = parts;
        // Their whole: the sum they are the parts of, when the report states it.
        int bd = rel.part_of[parts[0]];
        if (bd >= 0 && rel.breakdowns[bd].kind == BreakdownKind::Sum) {
          std::set<int> ps(rel.breakdowns[bd].parts.begin(), rel.breakdowns[bd].parts.end());
          bool all = ps.size() == parts.size();
          for (int id : parts) all = all && ps.count(id);
          if (all) b.whole = rel.breakdowns[bd].whole;
        }
        b.why += Message("why.structure_parts_named", {{"name", p->name}});
      }
    }
  out.push_back(std::move(b));
}

// ---------------------------------------------------------------- sex ratio

// The one count of people of the paragraph before `before` whose label names a word of `words` and
// none of `others`.
int count_named(const FactBase& fb, const Relations& rel, int paragraph, uint32_t before, const WordList& words,
                const WordList& others) {
  int found = -1;
  for (int id : fb.by_paragraph[paragraph]) {
    const Quantity& q = fb.q(id);
    if (q.para_begin >= before) break;
    if (!is_level(fb, rel, id) || q.dimension != "people" || q.approx != Approx::None) continue;
    std::string_view l = label_tail(q.label);
    if (!text::contains_any(l, words) || text::contains_any(l, others)) continue;
    if (found >= 0 && fb.q(found).value != q.value) return -2;
    if (found < 0) found = id;
  }
  return found;
}

void find_sex_ratio(const FactBase& fb, const Relations& rel, const Quantity& r, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  if (r.paragraph < 0 || r.approx != Approx::None) return;
  std::string_view sentence = sentence_before(fb, r);
  if (!text::contains_any(near_before(fb, r), v.list("bulletin_sex_ratio")) &&
      !text::contains_any(r.label, v.list("bulletin_sex_ratio")))
    return;
  if (r.kind == QuantityKind::Ratio) {
    if (r.ratio_parts.size() != 2 || r.ratio_parts[1] != Rational(100)) return;
  } else if (r.kind == QuantityKind::Number && r.unit.empty()) {
    // "性别比为 105.7（女性=100）", "性别比（以女性为100）为 106.90", or a bare "性别比为 113.7": men per
    // 100 women is what a 性别比 is, and a value between 50 and 200 can be nothing else (1.06 could).
    std::string_view after = fb.para_text(r.paragraph).substr(r.unit_end);
    after = after.substr(0, std::min<size_t>(after.size(), 30));
    std::string around = text::remove_spaces(after) + "|" + text::remove_spaces(sentence);
    bool per_hundred = text::contains(around, "=100") || text::contains(around, "为100") ||
                       (r.value >= Rational(50) && r.value <= Rational(200));
    if (!per_hundred) return;
  } else {
    return;
  }
  int male = count_named(fb, rel, r.paragraph, r.para_begin, v.list("bulletin_male"), v.list("bulletin_female"));
  int female = count_named(fb, rel, r.paragraph, r.para_begin, v.list("bulletin_female"), v.list("bulletin_male"));
  if (male < 0 || female < 0) return;
  BulletinRelation b;
  b.kind = BulletinKind::SexRatio;
  b.figure = r.id;
  b.whole = male;
  b.other = female;
  b.why = Message("why.sex_ratio");
  out.push_back(std::move(b));
}

// ------------------------------------------------- contributions and 拉动

// Groups the figures of a paragraph that a cue (贡献率, 拉动) ties to the members of one partition; returns
// the groups that name every member exactly once.
std::vector<std::vector<int>> complete_groups(const FactBase& fb, const std::vector<int>& figures) {
  const Vocabulary& v = *fb.vocab;
  std::map<const Partition*, std::map<size_t, std::vector<int>>> by;
  // "第一、二、三产业…分别为 a、b、c": the abbreviation gives the members in order.
  std::map<int, std::vector<int>> by_sentence;
  for (int id : figures) by_sentence[fb.q(id).sentence].push_back(id);
  std::set<int> done;
  for (const auto& [s, ids] : by_sentence) {
    std::string_view sent = sentence_before(fb, fb.q(ids[0]));
    for (const auto& p : v.partitions)
      for (const auto& a : p.abbreviations)
        if (text::contains(sent, a) && ids.size() == p.members.size() && text::contains(sent, "分别")) {
          for (size_t m = 0; m < ids.size(); ++m) {
            by[&p][m].push_back(ids[m]);
            done.insert(ids[m]);
          }
          break;  // "第一、二、三产业" also contains "一、二、三产业": one abbreviation is enough
        }
  }
  for (int id : figures) {
    if (done.count(id)) continue;
    Named n = member_named(v, clause_before(fb, fb.q(id)));
    if (n.p) by[n.p][n.member].push_back(id);
  }
  std::vector<std::vector<int>> out;
  for (const auto& [p, members] : by) {
    if (members.size() != p->members.size()) continue;
    std::vector<int> g;
    for (const auto& [m, ids] : members) {
      if (ids.size() != 1) break;
      g.push_back(ids[0]);
    }
    if (g.size() == p->members.size()) out.push_back(g);
  }
  return out;
}

// The growth rates of the economy: rates of a level named 地区生产总值, found in one pass (asking
// per paragraph made a long document quadratic). `any` is the one value of the report (-2 when the
// report states several); `in_paragraph` the one of each paragraph that states any (-2: several).
struct EconomyGrowth {
  int any = -1;
  std::unordered_map<int, int> in_paragraph;

  // The rate a paragraph's pulls add up to: its own, else the report's; -1 when none is certain.
  int of(int paragraph) const {
    auto it = in_paragraph.find(paragraph);
    if (it != in_paragraph.end()) return it->second >= 0 ? it->second : -1;
    return any >= 0 ? any : -1;
  }
};

EconomyGrowth economy_growths(const FactBase& fb, const Relations& rel) {
  const Vocabulary& v = *fb.vocab;
  EconomyGrowth e;
  auto one = [&](int& slot, const Quantity& g) {
    if (slot == -1) slot = g.id;
    else if (slot >= 0 && fb.q(slot).value != g.value) slot = -2;
  };
  for (const auto& s : rel.statements) {
    if (s.type != ValueType::Growth || s.target || s.qualifies < 0) continue;
    const Quantity& l = fb.q(s.qualifies);
    if (!text::contains_any(l.label, v.list("bulletin_economy")) || text::contains_any(l.label, v.list("per_unit")))
      continue;
    if (!text::ends_with_any(label_tail(l.label), v.list("bulletin_economy")).size()) continue;
    const Quantity& g = fb.q(s.quantity);
    if (g.approx != Approx::None) continue;
    one(e.in_paragraph.try_emplace(g.paragraph, -1).first->second, g);
    one(e.any, g);
  }
  return e;
}

void find_contributions(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  const EconomyGrowth economy = economy_growths(fb, rel);
  for (size_t para = 0; para < fb.by_paragraph.size(); ++para) {
    std::vector<int> contrib, pull;
    int last = -1;  // the figure collected just before: "分别为 a、b、c" continues its run
    for (int id : fb.by_paragraph[para]) {
      const Quantity& q = fb.q(id);
      if (q.approx != Approx::None) {
        last = -1;
        continue;
      }
      std::string_view clause = clause_before(fb, q);
      std::string_view near = text::trim(near_before(fb, q));
      bool run = last >= 0 && fb.q(last).sentence == q.sentence && fb.q(last).kind == q.kind &&
                 (near == "、" || near == "和" || near == "，" || near == "," || near.empty());
      bool is_contrib = q.kind == QuantityKind::Percent && text::contains_any(clause, v.list("bulletin_contribution"));
      bool is_pull = q.dimension == "percentage-points" && text::contains_any(clause, v.list("bulletin_pull"));
      if (run && !is_contrib && !is_pull) {
        is_contrib = q.kind == QuantityKind::Percent && !contrib.empty() && contrib.back() == last;
        is_pull = q.dimension == "percentage-points" && !pull.empty() && pull.back() == last;
      }
      if (is_contrib) contrib.push_back(id);
      else if (is_pull) pull.push_back(id);
      last = is_contrib || is_pull ? id : -1;
    }
    for (auto& g : complete_groups(fb, contrib)) {
      BulletinRelation b;
      b.kind = BulletinKind::Contribution;
      b.parts = g;
      b.why = Message("why.contribution");
      out.push_back(std::move(b));
    }
    for (auto& g : complete_groups(fb, pull)) {
      int total = economy.of(static_cast<int>(para));
      if (total < 0) continue;
      BulletinRelation b;
      b.kind = BulletinKind::Pull;
      b.parts = g;
      b.figure = total;
      b.why = Message("why.pull");
      out.push_back(std::move(b));
    }
  }
}

// ------------------------------------------------- shares that cover one whole

// The words of a share's clause before the figure, split at its 占: the subject ("本科学历") and the whole
// it names after 占 ("地区生产总值的比重"; empty when unnamed). False when the clause has no 占 and no
// word of a share (比重, 占比, 构成).
bool share_subject(const FactBase& fb, const Quantity& q, std::string_view& subject, std::string_view& whole) {
  std::string_view clause = text::trim(clause_before(fb, q));
  size_t at = clause.rfind("占");
  if (at != std::string_view::npos) {
    subject = clause.substr(0, at);
    whole = clause.substr(at + std::string_view("占").size());
    return true;
  }
  subject = clause;
  whole = {};
  return text::contains_any(clause, fb.vocab->list("share_set_words"));
}

// Do the shares name every member of one partition once each — in their subjects (男生占…，女生占…), or
// as a list after 分别 under the partition's abbreviation (第一、二、三产业…分别为 a、b、c)?
bool covers_partition(const FactBase& fb, const std::vector<int>& run, const std::vector<std::string_view>& subjects) {
  const Vocabulary& v = *fb.vocab;
  std::string_view sent = sentence_before(fb, fb.q(run[0]));
  for (const auto& p : v.partitions) {
    if (p.members.size() != run.size()) continue;
    for (const auto& a : p.abbreviations)
      if (text::contains(sent, a) && text::contains(sent, "分别")) return true;
    std::vector<int> seen(p.members.size(), 0);
    bool each = true;
    for (std::string_view subject : subjects) {
      int hits = 0;
      for (size_t m = 0; m < p.members.size(); ++m)
        if (text::contains(subject, p.members[m])) {
          ++seen[m];
          ++hits;
        }
      each = each && hits == 1;
    }
    if (each && std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; })) return true;
  }
  return false;
}

// The bound a class of a scale names: "专科及以下" → 以下, "50 岁及以上" → 以上, else "".
std::string_view bound_of(std::string_view subject, const Vocabulary& v) {
  for (const auto& w : v.list("share_set_bounds"))
    if (text::contains(subject, w)) return w;
  return {};
}

// "从学历结构看，研究生占 12.4%，本科占 80.2%，专科及以下占 7.4%"; "男生占 54.2%，女生占 45.8%";
// "第一、二、三产业增加值占地区生产总值的比重分别为 a、b、c": the shares of one sentence, each of the same
// whole (unnamed, or named alike after 占), whose subjects name every member of a partition, or end with
// the rest (其他, 其余) or the open end of a scale (专科及以下, no other class of the list bounded alike), cover
// their whole: they add up to 100%. A 其中 among them, a rate (…率), a 贡献率 or a change leaves them alone.
void find_share_sets(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  for (size_t para = 0; para < fb.by_paragraph.size(); ++para) {
    const auto& ids = fb.by_paragraph[para];
    std::string_view p = fb.para_text(static_cast<int>(para));
    for (size_t k = 0; k < ids.size();) {
      // One sentence's figures.
      size_t e = k;
      while (e < ids.size() && fb.q(ids[e]).sentence == fb.q(ids[k]).sentence) ++e;
      std::vector<int> run;
      std::vector<std::string_view> subjects;
      std::string_view whole;
      bool ok = true;
      int last = -1;
      for (size_t j = k; j < e && ok; ++j) {
        const Quantity& q = fb.q(ids[j]);
        const Statement& s = rel.st(q.id);
        if (q.kind != QuantityKind::Percent) continue;
        std::string_view subject, named;
        bool share = s.type == ValueType::Share && share_subject(fb, q, subject, named);
        // "分别为 a%、b%、c%": a figure right after the run's last one continues it.
        if (!share && last >= 0 && fb.q(last).unit_end <= q.para_begin &&
            list_joint(p.substr(fb.q(last).unit_end, q.para_begin - fb.q(last).unit_end))) {
          share = true;
          subject = {};
          named = whole;
        }
        if (!share) {
          // A percentage of another kind inside the run (a growth rate after each share) is allowed; a share
          // word that is a rate or a contribution is no share of a whole.
          continue;
        }
        if (s.previous || s.target) continue;  // "由上年的 54.6% 降至 52.8%": last year's share is no class
        if (q.approx != Approx::None || s.negative ||
            text::contains_any(clause_before(fb, q), v.list("bulletin_contribution")) ||
            text::contains(subject, "率")) {
          ok = false;
          break;
        }
        named = text::trim(named);
        if (run.empty()) whole = named;
        else if (!named.empty() && named != whole) ok = false;
        run.push_back(q.id);
        subjects.push_back(text::trim(subject));
        last = q.id;
      }
      size_t next = e;
      if (!ok || run.size() < 2) {
        k = next;
        continue;
      }
      // A 其中 among the shares makes some of them parts of others.
      const Quantity& first = fb.q(run.front());
      const Quantity& back = fb.q(run.back());
      std::string_view span = p.substr(first.unit_end, back.para_begin - first.unit_end);
      if (text::contains_any(span, v.list("breakdown"))) {
        k = next;
        continue;
      }
      Message why;
      if (covers_partition(fb, run, subjects)) {
        why = Message("why.share_set_partition");
      } else {
        std::string_view rest = subjects.back();
        std::string_view bound = bound_of(rest, v);
        bool other_bound = false;
        for (size_t i = 0; i + 1 < subjects.size(); ++i) other_bound |= !bound.empty() && text::contains(subjects[i], bound);
        // The rest, or a last class joined to it (一次电力及其他能源, 住宿餐饮和其他行业).
        if (names_the_rest(rest, v)) why = Message("why.share_set_rest");
        else if (!bound.empty() && !other_bound && subjects.size() >= 3) why = Message("why.share_set_scale");
        else {
          k = next;
          continue;
        }
      }
      BulletinRelation b;
      b.kind = BulletinKind::ShareSet;
      b.parts = run;
      b.why = why;
      out.push_back(std::move(b));
      k = next;
    }
  }
}

// ------------------------------------------------- growth of a total and of its parts

// The one growth rate that qualifies each level (-1: none, or more than one), found in one pass over
// the statements: asking per breakdown made a long document quadratic.
std::vector<int> growth_rates_by_level(const FactBase& fb, const Relations& rel) {
  std::vector<int> rate(fb.ex.quantities.size(), -1);
  std::vector<char> seen(fb.ex.quantities.size(), 0);
  for (const auto& s : rel.statements) {
    if (s.type != ValueType::Growth || s.qualifies < 0 || s.qualifies >= static_cast<int>(rate.size())) continue;
    rate[s.qualifies] = seen[s.qualifies] ? -1 : s.quantity;
    seen[s.qualifies] = 1;
  }
  return rate;
}

// That rate when it is not a target and not approximate, or -1.
int rate_of(const FactBase& fb, const Relations& rel, const std::vector<int>& rates, int level) {
  int found = rates[level];
  if (found < 0) return -1;
  const Statement& s = rel.st(found);
  if (s.target || s.sign == 0 || fb.q(found).approx != Approx::None) return -1;
  return found;
}

void find_growth_spread(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const std::vector<int> growth_of = growth_rates_by_level(fb, rel);
  for (const auto& bd : rel.breakdowns) {
    if (bd.parts.size() < 2) continue;
    const Quantity& w = fb.q(bd.whole);
    if (!is_level(fb, rel, bd.whole) || w.approx != Approx::None) continue;
    // A 其中 list that is not said to add up counts as complete when its parts add up to the whole.
    // The breakdown's own evidence follows this relation's.
    Evidence evidence = Message("why.growth_spread");
    evidence += bd.why;
    // Classes that never overlap (AtMost) are complete on the same condition.
    if (bd.kind == BreakdownKind::Subset || bd.kind == BreakdownKind::AtMost) {
      evidence += Message("why.parts_add_up");
      Interval sum = Interval::exact(Rational(0));
      for (int p : bd.parts) sum = sum + fb.q(p).interval();
      if (!sum.intersects(w.interval())) continue;
    }
    int total = rate_of(fb, rel, growth_of, bd.whole);
    if (total < 0) continue;
    std::vector<int> rates;
    bool ok = true;
    for (int p : bd.parts) {
      int r = is_level(fb, rel, p) && fb.q(p).approx == Approx::None ? rate_of(fb, rel, growth_of, p) : -1;
      if (r < 0) ok = false;
      rates.push_back(r);
    }
    if (!ok) continue;
    Basis basis = rel.st(total).basis;
    for (int r : rates)
      if (rel.st(r).basis != basis) ok = false;
    if (!ok) continue;
    BulletinRelation b;
    b.kind = BulletinKind::GrowthSpread;
    b.figure = total;
    b.whole = bd.whole;
    b.parts = rates;
    b.why = std::move(evidence);
    out.push_back(std::move(b));
  }
}

// ------------------------------------------------- nominal and real growth

void find_real_growth(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  // The price indices the report states: the rise of 居民消费价格 (lowest and highest).
  int lo = -1, hi = -1;
  for (const auto& s : rel.statements) {
    if (s.type != ValueType::Growth || s.target || s.sign == 0) continue;
    const Quantity& q = fb.q(s.quantity);
    if (q.approx != Approx::None) continue;
    // "居民消费价格比上年上涨 1.5%", or a table row 居民消费价格 in a growth column.
    if (!text::contains_any(q.table >= 0 ? std::string_view(q.row_label) : clause_before(fb, q),
                            v.list("bulletin_price_index")))
      continue;
    auto val = [&](int id) { return rel.st(id).sign < 0 ? Rational(0) - fb.q(id).value : fb.q(id).value; };
    Rational x = s.sign < 0 ? Rational(0) - q.value : q.value;
    if (lo < 0 || x < val(lo)) lo = q.id;
    if (hi < 0 || val(hi) < x) hi = q.id;
  }
  if (lo < 0) return;
  // The growth rates of each level, found once: looking them up by walking every statement for every
  // real rate made a long document quadratic.
  std::unordered_map<int, std::vector<const Statement*>> growth_of;
  for (const auto& t : rel.statements)
    if (t.type == ValueType::Growth && t.qualifies >= 0) growth_of[t.qualifies].push_back(&t);
  for (const auto& s : rel.statements) {
    if (s.type != ValueType::Growth || s.basis != Basis::Real || s.target || s.sign == 0 || s.qualifies < 0) continue;
    const Quantity& r = fb.q(s.quantity);
    if (r.approx != Approx::None) continue;
    const Quantity& level = fb.q(s.qualifies);
    if (!text::contains_any(level.label, v.list("bulletin_real_measures"))) continue;
    // The nominal rate: the one other rate of the same level in the sentence (the table row), before
    // the real one.
    auto together = [&](const Quantity& n) {
      return r.table >= 0 ? n.table == r.table && n.row == r.row : n.sentence == r.sentence;
    };
    int nominal = -1, count = 0;
    for (const Statement* t : growth_of[s.qualifies]) {
      if (t->quantity == s.quantity) continue;
      ++count;
      if (t->basis != Basis::Real && together(fb.q(t->quantity)) && t->quantity < s.quantity) nominal = t->quantity;
    }
    if (count != 1 || nominal < 0) continue;
    if (rel.st(nominal).sign == 0 || rel.st(nominal).target || fb.q(nominal).approx != Approx::None) continue;
    BulletinRelation b;
    b.kind = BulletinKind::RealGrowth;
    b.figure = r.id;
    b.whole = nominal;
    b.other = lo;
    b.other2 = hi;
    b.why = Message("why.real_growth");
    out.push_back(std::move(b));
  }
}

// ------------------------------------------------- shares of GDP and per-capita GDP

// The one value of the economy's total (地区生产总值) the report states, or −1.
int economy_total(const FactBase& fb, const Relations& rel) {
  const Vocabulary& v = *fb.vocab;
  int found = -1;
  for (const auto& q : fb.ex.quantities) {
    if (!is_level(fb, rel, q.id) || q.dimension != "money" || q.approx != Approx::None) continue;
    std::string_view tail = label_tail(q.label);
    if (text::ends_with_any(tail, v.list("bulletin_economy")).empty()) continue;
    if (text::contains_any(q.label, v.list("per_unit"))) continue;
    if (rel.part_of[q.id] >= 0) continue;
    if (found >= 0 && fb.q(found).value != q.value) return -1;
    if (found < 0) found = q.id;
  }
  return found;
}

int population_total(const FactBase& fb, const Relations& rel) {
  const Vocabulary& v = *fb.vocab;
  int found = -1;
  for (const auto& q : fb.ex.quantities) {
    if (!is_level(fb, rel, q.id) || q.dimension != "people" || q.approx != Approx::None) continue;
    if (text::ends_with_any(label_tail(q.label), v.list("bulletin_population")).empty()) continue;
    if (rel.part_of[q.id] >= 0) continue;  // 其中城镇常住人口
    if (found >= 0 && fb.q(found).value != q.value) return -1;
    if (found < 0) found = q.id;
  }
  return found;
}

BulletinRelation share_of_gdp(int share, int part, int gdp, Message why) {
  BulletinRelation b;
  b.kind = BulletinKind::ShareOfWhole;
  b.figure = share;
  b.whole = gdp;
  b.parts = {part};
  b.why = std::move(why);
  return b;
}

// Does the table state one period only (no two columns of different years)?
bool single_period(const Table& t) {
  int period = 0;
  for (const auto& c : t.cols) {
    if (c.period == 0) continue;
    if (period != 0 && c.period != period) return false;
    period = c.period;
  }
  return true;
}

// A cell of a column headed 占地区生产总值比重（%）: the one amount of money of its row, over the report's
// 地区生产总值.
void share_of_gdp_cell(const FactBase& fb, const Relations& rel, const Quantity& q, int gdp,
                       std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  const Table& t = fb.doc.tables[q.table];
  if (q.col < 0 || q.col >= static_cast<int>(t.cols.size())) return;
  std::string name = column_name(t.cols[q.col]);
  size_t at = text::find(name, "占");
  if (at == std::string::npos) return;
  std::string_view whole = std::string_view(name).substr(at);
  if (!text::contains_any(whole, v.list("bulletin_economy")) || text::contains_any(whole, v.list("per_unit"))) return;
  if (text::contains_any(q.row_label, v.list("bulletin_economy"))) return;  // the whole's own 100%
  // The row's cells are consecutive quantities (text order).
  const auto& qs = fb.ex.quantities;
  int first = q.id, last = q.id;
  while (first > 0 && qs[first - 1].table == q.table && qs[first - 1].row == q.row) --first;
  while (last + 1 < static_cast<int>(qs.size()) && qs[last + 1].table == q.table && qs[last + 1].row == q.row) ++last;
  int part = -1;
  for (int id = first; id <= last; ++id) {
    const Quantity& c = fb.q(id);
    if (id == q.id || !is_level(fb, rel, id) || c.dimension != "money" || c.approx != Approx::None) continue;
    if (part >= 0) return;  // two amounts: which one is meant is not clear
    part = id;
  }
  if (part < 0 || part == gdp) return;
  out.push_back(share_of_gdp(q.id, part, gdp, Message("why.share_of_gdp_column")));
}

void find_shares_of_gdp(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  int gdp = economy_total(fb, rel);
  if (gdp < 0) return;
  int pop = -2;
  std::vector<char> one_year;
  for (const auto& t : fb.doc.tables) one_year.push_back(single_period(t));
  for (const auto& s : rel.statements) {
    const Quantity& q = fb.q(s.quantity);
    if (q.approx != Approx::None || s.target) continue;
    // A table of several years: the report's one GDP is of one year.
    if (q.table >= 0 && !one_year[q.table]) continue;
    if (q.table >= 0 && s.type == ValueType::Share && q.kind == QuantityKind::Percent) {
      share_of_gdp_cell(fb, rel, q, gdp, out);
    } else if ((s.type == ValueType::Share || s.type == ValueType::Level) && q.kind == QuantityKind::Percent &&
               !s.previous) {
      // "占地区生产总值的 2.20%", "相当于地区生产总值的 2.20%", "与地区生产总值之比为 2.50%" (vocabulary
      // share_of_economy_cue): the last such word of the clause opens the whole.
      std::string_view clause = clause_before(fb, q);
      size_t at = std::string_view::npos;  // (the last cue followed by a word of the economy)
      for (const auto& cue : v.list("share_of_economy_cue"))
        for (size_t c = text::find(clause, cue); c != std::string_view::npos; c = text::find(clause, cue, c + cue.size()))
          if ((at == std::string_view::npos || c > at) && text::contains_any(clause.substr(c), v.list("bulletin_economy")))
            at = c;
      if (at == std::string_view::npos) continue;
      if (s.type == ValueType::Level && text::starts_with(clause.substr(at), "占")) continue;  // typed as a level: not this
      std::string_view whole = clause.substr(at);
      if (!text::contains_any(whole, v.list("bulletin_economy")) || text::contains_any(whole, v.list("per_unit")))
        continue;
      // The part: the nearest level of the sentence before the share, an amount of money.
      int part = -1;
      const auto& ids = fb.by_paragraph[q.paragraph];
      for (size_t k = std::find(ids.begin(), ids.end(), q.id) - ids.begin(); k-- > 0;) {
        const Quantity& c = fb.q(ids[k]);
        if (c.sentence != q.sentence) break;
        if (is_level(fb, rel, c.id)) {
          part = c.id;
          break;
        }
      }
      if (part < 0 || part == gdp || fb.q(part).dimension != "money" || fb.q(part).approx != Approx::None) continue;
      out.push_back(share_of_gdp(q.id, part, gdp, Message("why.share_of_gdp")));
    } else if (s.type == ValueType::PerCapita || text::contains_any(q.label, v.list("per_unit"))) {
      if (q.dimension != "money" || q.kind != QuantityKind::Number) continue;
      if (s.type != ValueType::Level && s.type != ValueType::PerCapita) continue;
      if (text::ends_with_any(label_tail(q.label), v.list("bulletin_per_capita_economy")).empty()) continue;
      if (pop == -2) pop = population_total(fb, rel);
      if (pop < 0) continue;
      BulletinRelation b;
      b.kind = BulletinKind::PerCapitaOf;
      b.figure = q.id;
      b.whole = gdp;
      b.other = pop;
      b.why = Message(q.table >= 0 ? "why.per_capita_gdp_table" : "why.per_capita_gdp");
      out.push_back(std::move(b));
    }
  }
}

// ------------------------------------------- values per 100, 1000 or 10000 residents

// A label's last clause ("年末全市共有卫生技术人员 10200 人，其中执业医师" → "其中执业医师").
std::string_view last_clause(std::string_view label) {
  for (std::string_view sep : {"，", "；", "：", "、"}) {
    size_t at = text::rfind(label, sep);
    if (at != std::string_view::npos) label.remove_prefix(at + sep.size());
  }
  return label;
}

// What a per-resident value counts, and per how many residents: "每千人口床位 6.2 张" → 床位, 1000;
// "移动电话普及率 125.5 部/百人" → 移动电话, 100. Empty when the value is per another population
// ("农村每千人口…", "每百名学生…", "每百户…") or per one (人均, left to per-capita-gdp and average).
std::string_view per_resident_stem(const Quantity& q, const Vocabulary& v, int& per) {
  std::string_view label = last_clause(q.label), stem;
  std::string_view unit = q.unit;
  size_t slash = unit.find('/');
  if (slash != std::string_view::npos) {
    std::string_view den = unit.substr(slash + 1);
    per = den == "百人" ? 100 : den == "千人" ? 1000 : den == "万人" ? 10000 : 0;
    std::string_view word = text::ends_with_any(label, v.list("bulletin_penetration"));
    if (per == 0 || word.empty()) return {};
    stem = label.substr(0, label.size() - word.size());
  } else {
    size_t end = 0;
    if (per_head(label, v, per, end) != "people" || per < 100 || general_per_head_noun(label, end).empty()) return {};
    // Only scope words of the whole area may stand before 每 ("年末全市每千人口…", not "农村每千人口…").
    if (!after_area_scope(label.substr(0, text::find(label, "每")), v).empty()) return {};
    stem = label.substr(end);
  }
  stem = after_area_scope(stem, v);
  return utf8::count_code_points(stem) >= 2 ? stem : std::string_view{};
}

// "125.5 部/百人": a 普及率 written with a per-hundred unit.
bool penetration_unit(const Quantity& q) { return q.unit.find('/') != std::string::npos; }

// Whether the figure's sentence states a population of its own ("按常住人口 36.00 万人计算，…"): a
// figure of people whose label says 人口 and that is not itself per head.
bool sentence_states_population(const FactBase& fb, const Quantity& q) {
  const auto& ids = fb.by_paragraph[q.paragraph];
  auto it = std::lower_bound(ids.begin(), ids.end(), q.id);
  while (it != ids.begin() && fb.q(*(it - 1)).sentence == q.sentence) --it;
  for (; it != ids.end() && fb.q(*it).sentence == q.sentence; ++it) {
    const Quantity& c = fb.q(*it);
    if (c.id != q.id && c.dimension == "people" && text::contains(c.label, "人口") && !is_per_head(c.label, *fb.vocab))
      return true;
  }
  return false;
}

BulletinRelation per_resident_relation(int value, int total, int population, int per, Message why) {
  BulletinRelation b;
  b.kind = BulletinKind::PerResident;
  b.figure = value;
  b.whole = total;
  b.other = population;
  b.per = per;
  b.why = std::move(why);
  return b;
}

// Can `c` be the total a value per resident counts: an exact level of this period, not itself a value
// per head or per 100 (部/百人)?
bool total_candidate(const FactBase& fb, const Relations& rel, const Quantity& c) {
  return is_level(fb, rel, c.id) && c.approx == Approx::None && c.unit.find('/') == std::string::npos &&
         !is_per_head(c.label, *fb.vocab);
}

// The thing a count of subscribers subscribes to: "年末移动电话用户" → "移动电话" ("" when the label does
// not end with a subscriber word).
std::string_view subscribed_stem(std::string_view label, const Vocabulary& v) {
  std::string_view own = after_area_scope(last_clause(label), v);
  std::string_view word = text::ends_with_any(own, v.list("bulletin_subscribers"));
  if (word.empty() || word.size() == own.size()) return {};
  return own.substr(0, own.size() - word.size());
}

// Does `c` name the total a per-resident value of `stem` counts: a level whose label ends with the stem
// (床位 → 医疗卫生机构床位) in the value's unit, or for a 普及率 the stem and a subscriber word
// (移动电话 → 年末移动电话用户)?
bool names_total(const FactBase& fb, const Relations& rel, const Quantity& c, const Quantity& x, std::string_view stem) {
  if (c.id == x.id || !total_candidate(fb, rel, c) || flow_for_stock(c.label, x.label, *fb.vocab)) return false;
  if (!penetration_unit(x)) return c.unit == x.unit && text::ends_with(c.label, stem);
  return subscribed_stem(c.label, *fb.vocab) == stem;
}

// A table that states, column by column (2023年, 2024年, 2025年), the population, the totals and the
// values per resident: each value is paired with the population and the total of its own column — the
// report's other years do not make it ambiguous. Returns the values it paired.
std::set<int> find_per_resident_by_column(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  std::set<int> paired;
  std::map<std::pair<int, int>, std::vector<int>> columns;  // (table, column) → its figures
  for (const auto& q : fb.ex.quantities)
    if (q.table >= 0 && q.col >= 0) columns[{q.table, q.col}].push_back(q.id);
  for (const auto& [key, ids] : columns) {
    int pop = -1;
    bool two = false;
    for (int id : ids) {
      const Quantity& q = fb.q(id);
      if (!is_level(fb, rel, id) || q.dimension != "people" || q.approx != Approx::None) continue;
      if (text::ends_with_any(label_tail(q.label), v.list("bulletin_population")).empty()) continue;
      two |= pop >= 0;
      pop = id;
    }
    if (pop < 0 || two) continue;
    for (int id : ids) {
      const Quantity& x = fb.q(id);
      if (!is_level(fb, rel, id) || x.approx != Approx::None) continue;
      int per = 1;
      std::string_view stem = per_resident_stem(x, v, per);
      if (stem.empty()) continue;
      int total = -1;
      bool clash = false;
      for (int c : ids)
        if (names_total(fb, rel, fb.q(c), x, stem)) {
          clash |= total >= 0;
          total = c;
        }
      if (total < 0 || clash) continue;
      out.push_back(per_resident_relation(
          id, total, pop, per,
          Message("why.per_resident_column", {{"figure", x.text}, {"per", std::to_string(per)}, {"total", fb.q(total).label}})));
      paired.insert(id);
    }
  }
  return paired;
}

// "每千人口床位 6.2 张" with no population in its sentence: the total is the report's one figure the
// name repeats (医疗卫生机构床位 7440 张; two different values, or none, and nothing is said), the
// population the report's one 常住人口. Totals are looked up by the stems of their labels, so the
// search stays linear in the report.
void find_per_resident(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  struct Value {
    int id, per;
    bool penetration;
    int total = -1;
    bool clash = false;
    int part = -1;  // a total named by the stem that is a 其中 part of another ("其中乡镇卫生院床位")
    bool part_clash = false;
  };
  std::vector<Value> values;
  std::unordered_map<std::string_view, std::vector<size_t>> by_stem, by_subscribed;
  const std::set<int> by_column = find_per_resident_by_column(fb, rel, out);
  for (const auto& q : fb.ex.quantities) {
    if (!is_level(fb, rel, q.id) || q.approx != Approx::None || by_column.count(q.id)) continue;
    int per = 1;
    std::string_view stem = per_resident_stem(q, v, per);
    if (stem.empty()) continue;
    // A population in the sentence itself is the sentence's business (relations/averages.cpp); a table
    // cell ("每千人口床位 | 张 | 6.2") has no sentence around it.
    if (q.paragraph >= 0 && sentence_states_population(fb, q)) continue;
    (penetration_unit(q) ? by_subscribed : by_stem)[stem].push_back(values.size());
    values.push_back({q.id, per, penetration_unit(q)});
  }
  if (values.empty()) return;
  int pop = population_total(fb, rel);
  if (pop < 0) return;
  auto offer = [&](size_t k, const Quantity& c) {
    Value& x = values[k];
    if (c.id == x.id || (!x.penetration && c.unit != fb.q(x.id).unit)) return;
    if (flow_for_stock(c.label, fb.q(x.id).label, v)) return;  // what the year added: never the stock counted
    int& total = rel.part_of[c.id] >= 0 ? x.part : x.total;
    bool& clash = rel.part_of[c.id] >= 0 ? x.part_clash : x.clash;
    if (total >= 0 && fb.q(total).value != c.value) clash = true;
    if (total < 0) total = c.id;
  };
  // The totals: a level whose label ends with the stem (床位 → 医疗卫生机构床位) in the value's own
  // unit, or for a 普及率 is the stem and a subscriber word (移动电话 → 年末移动电话用户).
  for (const auto& c : fb.ex.quantities) {
    if (!total_candidate(fb, rel, c)) continue;
    std::string_view label = c.label;
    int steps = 0;
    for (size_t at = label.size(); at-- > 0 && steps < 40;) {
      if ((static_cast<unsigned char>(label[at]) & 0xC0) == 0x80) continue;
      ++steps;
      auto it = by_stem.find(label.substr(at));
      if (it != by_stem.end())
        for (size_t k : it->second) offer(k, c);
    }
    if (by_subscribed.empty()) continue;
    std::string_view subscribed = subscribed_stem(label, v);
    if (subscribed.empty()) continue;
    auto it = by_subscribed.find(subscribed);
    if (it != by_subscribed.end())
      for (size_t k : it->second) offer(k, c);
  }
  // Is `whole` what `part` is a part of, directly or through parts of parts?
  auto within = [&](int part, int whole) {
    for (int b = rel.part_of[part], n = 0; b >= 0 && n < 8; b = rel.part_of[rel.breakdowns[b].whole], ++n)
      if (rel.breakdowns[b].whole == whole) return true;
    return false;
  };
  for (auto& x : values) {
    // The parts of a breakdown give way to its whole (床位 over 其中乡镇卫生院床位); with no whole named,
    // one part value will do. A total that is not the part's whole is another group of the stem
    // (中医类别执业医师 beside 执业医师 of 卫生技术人员): which one the value counts is left open.
    if (x.total >= 0 && x.part >= 0 && (x.part_clash || !within(x.part, x.total))) continue;
    if (x.total < 0 && !x.part_clash) x.total = x.part;
    if (x.total < 0 || x.clash) continue;
    out.push_back(per_resident_relation(
        x.id, x.total, pop, x.per,
        Message("why.per_resident", {{"figure", fb.q(x.id).text}, {"per", std::to_string(x.per)}, {"total", fb.q(x.total).label}})));
  }
}

}  // namespace

void find_structures(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                     std::vector<BulletinRelation>& out) {
  for (const auto& q : fb.ex.quantities) {
    find_structure(fb, rel, q, out);
    find_sex_ratio(fb, rel, q, out);
  }
  find_contributions(fb, rel, out);
  find_share_sets(fb, rel, out);
  find_table_structures(fb, rel, lines, out);
  find_growth_spread(fb, rel, out);
  find_real_growth(fb, rel, out);
  find_shares_of_gdp(fb, rel, out);
  find_per_resident(fb, rel, out);
}

}  // namespace tally
