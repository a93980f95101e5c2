#include "relations/budget.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

#include "base/text.h"
#include "base/utf8.h"
#include "relations/bulletin_util.h"
#include "relations/table_lines.h"

namespace tally {

namespace {

using namespace bulletin;

bool money_level(const FactBase& fb, const Relations& rel, int id) {
  const Quantity& q = fb.q(id);
  return is_level(fb, rel, id) && q.dimension == "money" && q.approx == Approx::None;
}

// The words that introduce a figure: "预算数 A", "为预算 A 的", "完成目标任务（A）的" (the plan in
// brackets after its name, which the bracket's clause leaves out).
std::string_view figure_cue(const FactBase& fb, const Quantity& c) {
  std::string_view cue = text::trim(near_before(fb, c));
  if (cue.empty() && c.paragraph >= 0) {
    std::string_view head = text::trim_right(fb.para_text(c.paragraph).substr(0, c.para_begin));
    for (std::string_view open : {"（", "("})
      if (text::ends_with(head, open)) cue = label_tail(text::trim_right(head.substr(0, head.size() - open.size())));
  }
  for (std::string_view f : {"为", "是"})
    if (text::ends_with(cue, f) && cue.size() > f.size()) cue = text::trim(cue.substr(0, cue.size() - f.size()));
  return cue;
}

// Is the figure introduced as a plan completed ("完成目标任务 7500 人的")? A plan is a number set, not a
// rounded amount. The plan word may name what the plan is of after it ("完成年度计划投资 172.5 亿元的",
// "为年度计划任务 600 张的"): the plan all the same.
// What the plan is of, when its cue names it after the plan word ("年度计划投资" → 投资); empty otherwise.
std::string_view plan_object(const FactBase& fb, const Quantity& c, const Vocabulary& v) {
  std::string_view cue = figure_cue(fb, c);
  std::string_view object = text::ends_with_any(cue, v.list("plan_object"));
  if (object.empty() || object.size() == cue.size()) return {};
  if (text::ends_with_any(cue.substr(0, cue.size() - object.size()), v.list("plan_figure")).empty()) return {};
  return object;
}

bool plan_cue(const FactBase& fb, const Quantity& c, const Vocabulary& v) {
  return !text::ends_with_any(figure_cue(fb, c), v.list("plan_figure")).empty() || !plan_object(fb, c, v).empty();
}

// "完成投资 A，为年度计划投资 B 的 x%": a plan that names what it is of is completed by the amount so named
// — the actual's label says the object's first two characters (投资 for 投资额); another amount nearer
// the rate ("完成投资 A、融资 C，为年度计划投资 B 的") is not its actual.
bool names_plan_object(const Quantity& actual, std::string_view object) {
  if (object.empty()) return true;
  size_t two = 0;
  for (int n = 0; n < 2 && two < object.size(); ++n) utf8::next(object, two);
  return text::contains(actual.label, object.substr(0, two));
}

// Is the figure introduced as a budget ("预算数 A", "为预算 A 的") or a plan?
bool budget_cue(const FactBase& fb, const Quantity& c, const Vocabulary& v) {
  return !text::ends_with_any(figure_cue(fb, c), v.list("budget_figure")).empty() || plan_cue(fb, c, v);
}

// A level of any unit, exact: what a plan of things counted is completed in ("新增就业 8652 人").
bool exact_level(const FactBase& fb, const Relations& rel, int id) {
  const Quantity& q = fb.q(id);
  return is_level(fb, rel, id) && !q.dimension.empty() && q.approx == Approx::None;
}

// The plan itself, a target by its words ("完成目标任务 7500 人的"): a level of this period otherwise.
bool plan_level(const FactBase& fb, const Relations& rel, int id) {
  const Quantity& q = fb.q(id);
  return is_level(fb, rel, id, /*or_target=*/true) && !q.dimension.empty() && q.approx == Approx::None;
}

// A money level of an earlier sentence of the actual's paragraph named as the actual's measure's budget
// (its label holds the measure, then 预算: "社保基金收入预算"); `count` is how many there are.
int budget_named_before(const FactBase& fb, const Relations& rel, const Quantity& actual, int& count) {
  const std::string& measure = rel.st(actual.id).measure;
  count = 0;
  if (utf8::count_code_points(measure) < 3) return -1;
  int found = -1;
  // Its paragraph, and the one right above it with only blank lines between (a report's lines are
  // often its paragraphs).
  std::vector<int> ids;
  const int pi = actual.paragraph;
  if (pi > 0) {
    bool blank_only = true;
    for (int line = fb.doc.paragraphs[pi - 1].last_line + 1; line < fb.doc.paragraphs[pi].first_line; ++line)
      blank_only &= fb.doc.lines[line - 1].kind == LineKind::Blank;
    if (blank_only) ids = fb.by_paragraph[pi - 1];
  }
  ids.insert(ids.end(), fb.by_paragraph[pi].begin(), fb.by_paragraph[pi].end());
  for (int id : ids) {
    const Quantity& c = fb.q(id);
    if (c.sentence >= actual.sentence) break;
    if (!money_level(fb, rel, id)) continue;
    std::string label = text::remove_spaces(c.label);
    size_t at = text::find(label, measure);
    if (at == std::string::npos || !text::starts_with(std::string_view(label).substr(at + measure.size()), "预算")) continue;
    ++count;
    found = id;
  }
  return found;
}

// 完成预算的 x%: the actual is the nearest amount before it in its sentence, the budget the one amount of
// the sentence introduced as a budget (预算数 A) — before the rate, or after it ("完成预算的 97.8%，预算数为
// 8.40 亿元"). "为预算 A 的 x%" names the budget inside the phrase.
void find_completion(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  for (const auto& q : fb.ex.quantities) {
    if (q.paragraph < 0 || q.kind != QuantityKind::Percent || q.approx != Approx::None) continue;
    std::string_view near = text::trim(near_before(fb, q));
    for (std::string_view close : {"）", ")"})
      if (text::starts_with(near, close)) near = text::trim(near.substr(close.size()));
    for (std::string_view f : {"为", "达", "达到"})
      if (text::ends_with(near, f) && near.size() > f.size()) near = text::trim(near.substr(0, near.size() - f.size()));
    const auto& ids = fb.by_paragraph[q.paragraph];
    size_t at = std::lower_bound(ids.begin(), ids.end(), q.id) - ids.begin();
    // "为预算 A 的 x%", "完成目标任务 A 的 x%": the plan inside the phrase, of money or of things counted
    // (then the actual is an amount of the same unit).
    bool inside = near == "的" && at > 0 && fb.q(ids[at - 1]).sentence == q.sentence &&
                  plan_level(fb, rel, ids[at - 1]) && budget_cue(fb, fb.q(ids[at - 1]), v);
    if (!inside && text::ends_with_any(near, v.list("budget_completion")).empty()) continue;
    const std::string& dimension = inside ? fb.q(ids[at - 1]).dimension : std::string("money");
    auto amount = [&](int id) {
      if (!inside) return money_level(fb, rel, id);
      bool plan = id == ids[at - 1];
      return (plan ? plan_level(fb, rel, id) : exact_level(fb, rel, id)) && fb.q(id).dimension == dimension;
    };
    int actual = -1, budget = -1, budgets = 0;
    for (size_t k = at; k-- > 0;) {
      const Quantity& c = fb.q(ids[k]);
      if (c.sentence != q.sentence) break;
      if (!amount(c.id)) {
        // Another rate between them ("增长 3.1%，完成预算的 …") is fine; another completion rate is not.
        if (c.kind == QuantityKind::Percent &&
            !text::ends_with_any(text::trim(near_before(fb, c)), v.list("budget_completion")).empty())
          break;
        continue;
      }
      if (budget_cue(fb, c, v)) {
        ++budgets;
        budget = c.id;
      } else if (actual < 0 && (budget < 0 || inside)) {
        actual = c.id;
        if (inside) break;  // the clause's own amount; earlier clauses are other items
      }
    }
    // The budget stated after the rate, in the same clause group: the next money figure, if it is one.
    if (budgets == 0 && !inside) {
      for (size_t k = at + 1; k < ids.size(); ++k) {
        const Quantity& c = fb.q(ids[k]);
        if (c.sentence != q.sentence) break;
        if (!money_level(fb, rel, c.id)) continue;
        if (budget_cue(fb, c, v)) {
          ++budgets;
          budget = c.id;
        }
        break;
      }
    }
    // "社保基金收入预算 B。…社保基金收入 A，为预算的 x%": the budget named as the actual's own measure's, in
    // an earlier sentence of the paragraph — when just one figure is so named.
    if (budgets == 0 && !inside && actual >= 0) budget = budget_named_before(fb, rel, fb.q(actual), budgets);
    if (actual < 0 || budget < 0 || budgets != 1) continue;
    if (fb.q(actual).dimension != fb.q(budget).dimension) continue;
    if (!names_plan_object(fb.q(actual), plan_object(fb, fb.q(budget), v))) continue;
    BulletinRelation b;
    b.kind = BulletinKind::Completion;
    b.figure = q.id;
    b.whole = actual;
    b.other = budget;
    b.exact_other = inside && (rel.st(budget).target || plan_cue(fb, fb.q(budget), v));
    b.why = Message("why.completion_sentence");
    out.push_back(std::move(b));
  }
}

// A table with one budget column (预算数), one actual column (执行数) and one completion column (完成预算 %):
// on each row, the completion is the actual over the budget.
void find_table_completion(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  const Vocabulary& v = *fb.vocab;
  std::map<int, std::vector<int>> by_table;
  for (const auto& q : fb.ex.quantities)
    if (q.table >= 0 && q.approx == Approx::None && !q.malformed) by_table[q.table].push_back(q.id);
  for (const auto& [table, ids] : by_table) {
    // The column of each role, by header: exactly one column each.
    std::map<int, int> role_of_col;  // col → 1 budget, 2 actual, 3 completion
    for (int id : ids) {
      const Quantity& q = fb.q(id);
      int role = 0;
      // 上年执行数, 上年决算数: last year's actual, the base of a growth column, not this year's.
      if (text::contains_any(q.col_label, v.list("previous_period"))) continue;
      if (text::contains_any(q.col_label, v.list("budget_completion_column"))) role = 3;
      else if (text::contains_any(q.col_label, v.list("budget_actual_column"))) role = 2;
      else if (text::contains_any(q.col_label, v.list("budget_figure")) ||
               text::contains_any(q.col_label, v.list("plan_column")))
        role = 1;
      if (role) role_of_col[q.col] = role;
    }
    int cols[4] = {0, 0, 0, 0};
    for (const auto& [c, r] : role_of_col) ++cols[r];
    if (cols[1] != 1 || cols[2] != 1 || cols[3] != 1) continue;
    std::map<int, std::array<int, 4>> rows;
    for (int id : ids) {
      const Quantity& q = fb.q(id);
      auto it = role_of_col.find(q.col);
      if (it == role_of_col.end()) continue;
      auto& row = rows.try_emplace(q.row, std::array<int, 4>{-1, -1, -1, -1}).first->second;
      row[it->second] = id;
    }
    for (const auto& [r, row] : rows) {
      if (row[1] < 0 || row[2] < 0 || row[3] < 0) continue;
      if (fb.q(row[1]).kind != QuantityKind::Number || fb.q(row[2]).kind != QuantityKind::Number) continue;
      if (rel.st(row[1]).type != ValueType::Level || rel.st(row[2]).type != ValueType::Level) continue;
      BulletinRelation b;
      b.kind = BulletinKind::Completion;
      b.figure = row[3];
      b.whole = row[2];
      b.other = row[1];
      b.why = Message("why.completion_row");
      out.push_back(std::move(b));
    }
  }
}

// A money figure and the words that name its role in a balance: in prose the words just before it and
// the end of its label, in a table the row's name (both).
struct BalanceItem {
  int id = -1;
  std::string_view cue, tail;
};

// 收入 − 支出 = 结余 among the items (in their order), each role named once; `why` is the evidence.
// `zero_at`: where the paragraph says in words that nothing is left (年终无结余, 收支平衡), or npos.
// `zero_of_totals`: the words (收支平衡) say so only of 收入总计 and 支出总计, not of a bare 收入 and 支出.
void balance_among(const FactBase& fb, const std::vector<BalanceItem>& items, const Evidence& why,
                   std::vector<BulletinRelation>& out, size_t zero_at = std::string_view::npos,
                   bool zero_of_totals = false) {
  const Vocabulary& v = *fb.vocab;
  int income = -1, spend = -1, result = -1, n_in = 0, n_sp = 0, n_res = 0;
  // Without 收入总计/支出总计: the one figure named …收入 and the one named …支出 ("基金收入 9.62 亿元，
  // 支出 9.18 亿元，收支结余 0.64 亿元"). Two of either (税收收入 and 非税收入) and nothing is read.
  int bare_in = -1, bare_sp = -1, n_bare_in = 0, n_bare_sp = 0;
  int stock = -1, n_stock = 0;
  bool brought_in = false;       // a balance brought in from last year is stated
  bool only_brought_in = true;   // … and no other transfer
  std::vector<int> adj, signs;
  // Whether the items are the general budget's own (its income named so): then 调入一般公共预算 comes in.
  const bool general = std::any_of(items.begin(), items.end(), [&](const BalanceItem& it) {
    return text::contains_any(it.cue, v.list("general_budget")) || text::contains_any(it.tail, v.list("general_budget"));
  });
  for (const BalanceItem& it : items) {
    const int id = it.id;
    std::string_view cue = it.cue, tail = it.tail;
    auto is = [&](ListKey list) {
      return !text::ends_with_any(cue, v.list(list)).empty() || !text::ends_with_any(tail, v.list(list)).empty();
    };
    // "按 30% 的比例调入一般公共预算 T" in a fund's paragraph: out of the fund.
    if (!general && is("balance_to_general")) {
      adj.push_back(id);
      signs.push_back(-1);
      continue;
    }
    // Transfers first: "上年结余" is brought in, not the balance.
    if (is("balance_plus")) {
      adj.push_back(id);
      signs.push_back(+1);
      bool balance = text::ends_with(tail, "结余") || text::ends_with(tail, "结转") || text::ends_with(cue, "结余") ||
                     text::ends_with(cue, "结转");
      brought_in |= balance;
      only_brought_in &= balance;
    } else if (is("balance_stock")) {
      ++n_stock;
      stock = id;
    } else if (is("balance_minus")) {
      adj.push_back(id);
      signs.push_back(-1);
    } else if (is("balance_result")) {
      ++n_res;
      result = id;
    } else if (is("balance_income")) {
      ++n_in;
      income = id;
    } else if (is("balance_expenditure")) {
      ++n_sp;
      spend = id;
    } else if (text::ends_with(tail, "收入")) {
      ++n_bare_in;
      bare_in = id;
    } else if (text::ends_with(tail, "支出")) {
      ++n_bare_sp;
      bare_sp = id;
    }
  }
  // A balance brought in is no other income: "基金收入 x，加上年滚存结余 y，支出 z，年末滚存结余 w".
  bool bare = false;
  if (n_in == 0 && n_sp == 0 && (adj.empty() || only_brought_in) && n_bare_in == 1 && n_bare_sp == 1) {
    bare = true;
    n_in = n_sp = 1;
    income = bare_in;
    spend = bare_sp;
  }
  // "当年收支结余 2.54 亿元，年末滚存结余 16.38 亿元": the year's balance is the result; the balance
  // carried over the years is, only when what was brought in is stated beside it.
  if (n_res == 0 && n_stock == 1 && brought_in) {
    n_res = 1;
    result = stock;
  }
  // "…当年支出 2.20 亿元，年终无结余": a balance of zero, said in words after the income and expenditure.
  bool zero = false;
  if (n_res == 0 && n_stock == 0 && zero_at != std::string_view::npos && n_in == 1 && n_sp == 1 &&
      !(zero_of_totals && bare) && fb.q(income).para_begin < zero_at && fb.q(spend).para_begin < zero_at) {
    zero = true;
    n_res = 1;
    result = -1;
  }
  if (n_in != 1 || n_sp != 1 || n_res != 1 || adj.size() > 4) return;
  if (!zero && !(income < result && spend < result)) return;  // the balance follows its income and expenditure
  BulletinRelation b;
  b.kind = BulletinKind::Balance;
  b.figure = result;  // −1: a zero balance said in words
  b.whole = income;
  b.other = spend;
  b.parts = adj;
  b.signs = signs;
  b.why = why;
  out.push_back(std::move(b));
}

// Where a paragraph first says in words that nothing is left (年终无结余, 收支平衡), npos when it does not;
// `even`: said by a word that holds of named totals only (balance_even). A sentence that says the balance
// is not exact ("基本实现收支平衡", "收支平衡、略有结余") says no zero.
struct ZeroSaid {
  size_t at = std::string_view::npos;
  bool even = false;
};

// The words at `at`, from the start of their clause ("基本实现收支平衡") to the sentence's end ("收支平衡、略有
// 结余"), hold a word that says the balance is not exact. Not the clauses before: "基本支出 A 亿元" there is
// an item of the budget.
bool inexact_around(std::string_view text, size_t at, size_t len, const Vocabulary& v) {
  size_t b = 0, e = text.size();
  for (std::string_view stop : {"，", "、", "。", "；"}) {
    size_t k = at > 0 ? text.rfind(stop, at - 1) : std::string_view::npos;
    if (k != std::string_view::npos) b = std::max(b, k + stop.size());
  }
  for (std::string_view stop : {"。", "；"}) e = std::min(e, text::find(text, stop, at + len));
  return text::contains_any(text.substr(b, e - b), v.list("balance_inexact"));
}

ZeroSaid zero_said(std::string_view text, const Vocabulary& v) {
  ZeroSaid z;
  auto first = [&](const WordList& words, bool even) {
    for (const auto& w : words)
      for (size_t at = text::find(text, w); at != std::string_view::npos && at < z.at; at = text::find(text, w, at + w.size()))
        if (!inexact_around(text, at, w.size(), v)) {
          z = {at, even};
          break;
        }
  };
  first(v.list("balance_zero"), false);
  first(v.list("balance_even"), true);
  return z;
}

// 收入 − 支出 = 结余 in one paragraph.
void find_balance(const FactBase& fb, const Relations& rel, std::vector<BulletinRelation>& out) {
  std::vector<BalanceItem> items;
  for (size_t para = 0; para < fb.by_paragraph.size(); ++para) {
    items.clear();
    for (int id : fb.by_paragraph[para]) {
      if (!money_level(fb, rel, id)) continue;
      const Quantity& q = fb.q(id);
      std::string_view cue = text::trim(near_before(fb, q));
      for (std::string_view f : {"为", "是", "共计", "合计"})
        if (text::ends_with(cue, f) && cue.size() > f.size() && f != "合计")
          cue = text::trim(cue.substr(0, cue.size() - f.size()));
      items.push_back({id, cue, label_tail(q.label)});
    }
    if (items.size() < 2) continue;  // most paragraphs: no need to look for 收支平衡
    std::string_view text = fb.para_text(static_cast<int>(para));
    ZeroSaid zero = zero_said(text, *fb.vocab);
    if (items.size() >= 3 || zero.at != std::string_view::npos)
      balance_among(fb, items, Message("why.balance_paragraph"), out, zero.at, zero.even);
  }
}

// 收入 − 支出 = 结余 down one money column of a table, the roles named by the rows: "收入合计 | 支出合计 |
// 年终结余", with 上年结余 and 调入资金 rows as transfers. A table that sets 支出 items beside 收入 items
// (项目 | 金额 | 项目 | 金额) names its right-hand amounts by the left-hand rows, so it is not read: any
// column without a figure after the first value column stops the table.
void find_table_balance(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                        std::vector<BulletinRelation>& out) {
  std::map<int, std::vector<char>> used;  // per table: the columns that hold a figure
  for (const auto& q : fb.ex.quantities)
    if (q.table >= 0 && q.col >= 0) {
      auto& u = used[q.table];
      if (u.size() <= static_cast<size_t>(q.col)) u.resize(q.col + 1, 0);
      u[q.col] = 1;
    }
  // Two-sided: a column without a figure (and no label column) after the first column with one.
  std::map<int, bool> two_sided;
  for (const auto& [t, u] : used) {
    const Table& tab = fb.doc.tables[t];
    bool seen_value = false;
    for (size_t c = 0; c < tab.cols.size() && !two_sided[t]; ++c) {
      bool has = c < u.size() && u[c];
      if (has) seen_value = true;
      else if (seen_value && !tab.cols[c].label) two_sided[t] = true;
    }
  }
  std::vector<BalanceItem> items;
  for (const TableLine& l : lines) {
    if (!l.down) continue;
    const Table& tab = fb.doc.tables[l.table];
    if (two_sided[l.table] || tab.cols[l.index].not_summed) continue;
    items.clear();
    for (size_t k = 0; k < l.ids.size(); ++k)
      if (money_level(fb, rel, l.ids[k])) items.push_back({l.ids[k], l.names[k], l.names[k]});
    if (items.size() >= 3)
      balance_among(fb, items, Message("why.balance_column", {{"column", l.name}}), out);
  }
}

}  // namespace

void find_budget(const FactBase& fb, const Relations& rel, const std::vector<TableLine>& lines,
                 std::vector<BulletinRelation>& out) {
  find_completion(fb, rel, out);
  find_table_completion(fb, rel, out);
  find_balance(fb, rel, out);
  find_table_balance(fb, rel, lines, out);
}

}  // namespace tally
