// A small, safe expression language for `pattern` rules' assertions:
//   numbers, capture names, + - * / (also × ÷), comparisons < <= > >= == !=,
//   and / or / not, parentheses, and the functions abs, min, max, sum and
//   approx(computed, stated).
// Values are intervals (a printed figure stands for the values it rounds
// from); comparisons hold when some values in the intervals satisfy them, so
// an assertion fails only when the figures cannot be right.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/decimal.h"
#include "base/result.h"

namespace tally {

struct ExprValue {
  Interval iv;
  Rational printed;    // for approx(): the stated figure as printed
  int decimals = 0;
  bool is_bool = false;
  bool truth = false;
};

struct ExprNode;
using Expr = std::shared_ptr<const ExprNode>;

// Parses an expression; names must be in `known` (the pattern's captures).
Result<Expr> parse_expr(const std::string& src, const std::vector<std::string>& known);
// The error eval_expr gives when a figure or an intermediate value is too large for exact arithmetic.
inline constexpr std::string_view kExprOverflow = "a value too large for exact arithmetic";
// Evaluates; a missing variable, a division by zero or an overflow (kExprOverflow) yields an error.
Result<ExprValue> eval_expr(const Expr& e, const std::map<std::string, ExprValue>& vars);

}  // namespace tally
