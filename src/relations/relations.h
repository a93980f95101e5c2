// Relations: what the report says about how its figures relate — sums and
// subsets (其中, parentheses, partitions, 合计 rows), a level with its change
// and growth rate — proposed from the structure of the text, each with the
// cues that support it and the readings it beat. Checks do arithmetic on
// relations only; `tally relations FILE` shows them.
#pragma once
#include <string>
#include <vector>

#include "facts/fact_base.h"
#include "facts/facts_view.h"
#include "relations/bulletin_types.h"
#include "relations/evidence.h"
#include "relations/statement.h"

namespace tally {

enum class BreakdownKind {
  Sum,     // the parts add up to the whole
  Subset,  // each part is at most the whole
  AtMost,  // disjoint parts of the whole that need not cover it: their sum is at most the whole
           // ("96 名选手参赛，评出一等奖 24 人、二等奖 38 人、三等奖 31 人")
};

struct Breakdown {
  int whole = -1;          // quantity id
  std::vector<int> parts;  // quantity ids
  BreakdownKind kind = BreakdownKind::Subset;
  Evidence why;            // "parenthesised breakdown", "其中 … 分别为", "categories 公办/民办"
  std::vector<Message> rivals;  // readings that lost: "1274 人 as the whole: change"
};

// A level with what the text says about its change: "V，比上年增加 C，增长 r%",
// "比上年的 A 增加 C", "从 A 增加到 V".
struct ChangeRelation {
  int level = -1;     // V, the current level
  int previous = -1;  // A, the comparison period's level, when stated
  int change = -1;    // C
  int rate = -1;      // r
  bool plan = false;  // a plan (预算安排, 计划) set against last year's actual: the level is exact though a target
  int years = 1;      // a 年均 rate compounds over the years between A and V: V = A × (1 + r)^years
  int years_alt = 0;  // a span said in words (过去五年) may count one year fewer: either reading holds
  std::vector<int> rivals;  // other levels the change may be about: checked only if every reading fails
  Evidence why;
};

// An average with a compound unit and the totals it divides: 均价 元/平方米 = 销售额 ÷ 销售面积.
struct AverageRelation {
  int average = -1, numerator = -1, denominator = -1;
  int per = 1;          // 每百名学生 …: the average is numerator ÷ denominator × per
  int64_t scale = 1;    // 元/吨 of a total in 千克: the unit's own conversion, not shown in the message
  bool loose = false;   // 人均 of a population that may be a year's average: only a gap past 1% is an error
  Evidence why;
};

// A value the vocabulary's formulas define (森林覆盖率 = 森林面积 ÷ 国土面积) with the two figures its
// text states for them: value = of ÷ per, × 100 for a percentage; of a ratio "a:1" the part a is of ÷ per,
// of "1:a" the part a is per ÷ of.
struct FormulaRelation {
  int value = -1, of = -1, per = -1;
  int part = -1;         // of a ratio: the index of the part stated (0 in "a:1", 1 in "1:a"); -1 for a number
  bool inverse = false;  // the stated figure is per ÷ of ("1:a")
  int64_t scale = 1;     // per 10000 of the denominator (万车死亡率)
  std::string name;      // the formula's name the value's label ends with
  Evidence why;
};

// Statements of one measure, entity, period and basis made in different places.
struct RepeatGroup {
  std::string measure;       // what they state ("校内实训基地", or a metric id)
  std::vector<int> members;  // quantity ids, in text order
};

struct Relations {
  std::vector<Statement> statements;  // one per quantity
  std::vector<Breakdown> breakdowns;
  std::vector<int> part_of;           // per quantity: index of a breakdown it is a part of, or -1
  std::vector<ChangeRelation> changes;
  std::vector<RepeatGroup> repeats;
  std::vector<AverageRelation> averages;
  std::vector<FormulaRelation> formulas;
  std::vector<BulletinRelation> bulletin;  // structures, contributions, budgets (relations/structures.h, budget.h)

  const Statement& st(int quantity) const { return statements[quantity]; }
};

Relations build_relations(const FactBase& fb);

// The views: text for people (the evidence in `say`'s language), JSON for tools (the evidence in
// `say`'s words too: pass English for a stable form).
std::string relations_to_text(const FactBase& fb, const Relations& rel, const Say& say);
std::string relations_to_json(const FactBase& fb, const Relations& rel, const Say& say);
// Each statement's type, measure, period and basis, for `tally facts`.
FactsExtras relations_extras(const FactBase& fb, const Relations& rel, const Say& say);

}  // namespace tally
