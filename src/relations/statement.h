// Statement: a figure typed the way a careful reader types it. The same
// number "1274 人" is a level in "户籍人口 1274 人" and a change in "比上年末减少
// 1274 人"; a percentage is a share, a growth rate or a target. Relations are
// proposed between statements, never between bare numbers, so a 其中 list
// cannot take a change as its whole and a growth rate knows the level it
// qualifies.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact_base.h"

namespace tally {

enum class ValueType {
  Level,        // a stock or flow: 386512 人, 31.62 亿元
  Change,       // an amount of change against another period: 比上年减少 1274 人
  Growth,       // a rate of change in percent: 增长 6.3%
  PointChange,  // a difference of two rates: 提高 1.8 个百分点
  Share,        // a share or rate of a whole: 占 23.19%, 就业率 96.5%
  Ratio,        // a:b, 生师比
  PerCapita,    // 生均, 人均, 均价
  Rank,         // 排名第 3, 位居全省第 2
};

enum class Basis { Unstated, Nominal, Real };  // 名义 / 实际, 可比价, 不变价

struct Statement {
  int quantity = -1;  // the figure (index into the extraction's quantities)
  ValueType type = ValueType::Level;
  int sign = 0;               // for changes and growth: +1 增加/增长, −1 减少/下降, 0 unknown
  bool previous = false;      // the level of the comparison period: "比上年的 1724 人", "从 A 增加到 B" (A)
  bool target = false;        // a goal, not a result: 目标, 预期, 力争, "增长 6% 左右"
  bool compared = false;      // the clause names the comparison: 比上年, 同比, 较上年
  bool negative = false;      // written with a minus sign ("利润总额-0.36 亿元", a table cell "-0.36")
  Basis basis = Basis::Unstated;
  std::string measure;        // the head noun with its qualifiers, scope and time words set aside
  std::string cue;            // the words that decided the type ("比上年减少")
  int qualifies = -1;         // for a change, growth or point change: the statement it is about
  bool respective = false;    // one of a run after 分别 ("分别增长 x%、y%"): its level is the part of its place
  bool distributed = false;   // one of a run after 分别, whether or not the levels before line up with it: each
                              // figure is of one level, so none is the change between two of them
};

// One statement per quantity, in quantity order (statements[i].quantity == i).
std::vector<Statement> type_statements(const FactBase& fb);

const char* to_string(ValueType t);
const char* to_string(Basis b);

// Are two figures of one kind of measure — of one dimension (money, people), or both a bare number
// with no unit ("万车死亡率为 1.67，较上年的 1.96 下降 0.39"; "生师比 18.6:1，较上年的 19.4:1")?
bool same_kind_of_measure(const Quantity& a, const Quantity& b);

}  // namespace tally
