// Quantity: one figure of the report, with what it measures.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/source.h"

namespace tally {

enum class QuantityKind { Number, Percent, Ratio };
enum class Approx { None, AtLeast, AtMost, About };

struct Quantity {
  int id = 0;
  Span span;               // the figure as printed in the source: "10.93 万", "23. 19%", "2.79:7.21"
  std::string text;        // that text
  QuantityKind kind = QuantityKind::Number;
  Rational printed;        // the digits as printed (23.19 for "23.19%", 10.93 for "10.93 万")
  int decimals = 0;        // printed precision
  int64_t multiplier = 1;  // 万 = 10000
  Rational value;          // printed × multiplier
  std::vector<Rational> ratio_parts;  // a:b[:c]
  std::vector<int> ratio_decimals;
  Approx approx = Approx::None;
  bool malformed = false;    // "291.万": a dot with no fraction
  bool cn_numeral = false;   // written in Chinese numerals (三位)
  // A table cell printed with a minus sign ("-10.69", "－14.6", "−2.6": a loss, a deficit): the span
  // and text include the sign, printed and value keep the magnitude (prose states such figures as
  // 下降/亏损 + magnitude, and the checks that compare them expect one); sums read signed_value().
  bool negative = false;
  std::string unit;          // "人", "平方米" ("" for none; "%" for percentages)
  std::string dimension;     // "people", "area" …

  // What it measures.
  std::string label;   // 专任教师
  std::string metric;  // metric id from the packs' aliases, or ""
  std::string scope;   // "secondary", "vocational-all", "school:…", "" = the report's own scope
  std::string topic;   // the lead-in or heading a bare figure is said under ("城镇居民方面，", "中等职业教育。",
                       // "（三）国有资本经营预算"), when the figure's label does not name it; "" = none
  int year = 0;        // 0 if unknown

  // Where it sits.
  int line = 0;
  int paragraph = -1, sentence = -1, clause = -1;  // indices (sentence/clause are global counters)
  uint32_t para_begin = 0, para_end = 0;           // offsets in the paragraph's joined text
  uint32_t unit_end = 0;                           // paragraph offset after unit and approximate marker
  uint32_t clause_begin = 0;                       // paragraph offset where the figure's clause starts
  int table = -1, row = -1, col = -1;
  std::string row_label, col_label;
  bool in_case = false;

  // The interval of true values the printed figure stands for.
  Interval interval() const;
  Rational signed_value() const { return negative ? Rational(0) - value : value; }
  Interval signed_interval() const { return negative ? Interval::exact(Rational(0)) - interval() : interval(); }
  bool exact_count() const { return kind == QuantityKind::Number && decimals == 0 && multiplier == 1; }
};

// A year named in the text ("2023 年", "2022-2023 学年", "2023 届"), used to date nearby figures.
struct YearMention {
  uint32_t para_offset = 0;
  int paragraph = -1;
  int year = 0;
};

}  // namespace tally
