// The assertion language of `pattern` rules: parsing, precedence, interval
// evaluation, approx(), comparisons, logic and errors.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "rules/expr.h"

using namespace tally;

namespace {

Rational R(const char* s) { return Rational::parse(s); }

// A captured figure as printed: "1.5" with one decimal stands for [1.45, 1.55];
// a whole number is an exact count.
ExprValue figure(const char* printed, int decimals) {
  ExprValue v;
  Rational p = R(printed);
  Rational half = pow10(-decimals) / Rational(2);
  v.iv = decimals == 0 ? Interval::exact(p) : Interval{p - half, p + half};
  v.printed = p;
  v.decimals = decimals;
  return v;
}

Result<ExprValue> eval(const std::string& src, const std::map<std::string, ExprValue>& vars = {}) {
  std::vector<std::string> names;
  for (const auto& [k, v] : vars) names.push_back(k);
  auto e = parse_expr(src, names);
  REQUIRE_MESSAGE(e.ok(), (src + ": " + (e.ok() ? std::string() : e.error())));
  return eval_expr(*e, vars);
}

Rational number(const std::string& src, const std::map<std::string, ExprValue>& vars = {}) {
  auto v = eval(src, vars);
  REQUIRE_MESSAGE(v.ok(), src);
  REQUIRE_FALSE(v->is_bool);
  REQUIRE(v->iv.is_exact());
  return v->iv.lo;
}

bool truth(const std::string& src, const std::map<std::string, ExprValue>& vars = {}) {
  auto v = eval(src, vars);
  REQUIRE_MESSAGE(v.ok(), src);
  REQUIRE(v->is_bool);
  return v->truth;
}

std::string parse_error(const std::string& src, const std::vector<std::string>& known = {}) {
  auto e = parse_expr(src, known);
  REQUIRE_FALSE(e.ok());
  return e.error();
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("expr: precedence and associativity") {
  CHECK(number("1 + 2 * 3") == Rational(7));
  CHECK(number("(1 + 2) * 3") == Rational(9));
  CHECK(number("10 - 4 - 3") == Rational(3));
  CHECK(number("24 / 4 / 2") == Rational(3));
  CHECK(number("2 + 12 / 4 * 2") == Rational(8));
  CHECK(number("1.5 * 4") == Rational(6));
}

TEST_CASE("expr: × ÷ and the minus sign − are operators too") {
  CHECK(number("8 ÷ 2 × 3") == Rational(12));
  CHECK(number("10 − 4") == Rational(6));
  CHECK(number("1302÷1200×100") == R("108.5"));
}

TEST_CASE("expr: comparisons on exact values") {
  CHECK(truth("3 > 2"));
  CHECK_FALSE(truth("2 > 3"));
  CHECK(truth("2 >= 2"));
  CHECK(truth("2 <= 2"));
  CHECK_FALSE(truth("2 < 2"));
  CHECK(truth("2 == 2.0"));
  CHECK_FALSE(truth("2 == 3"));
  CHECK(truth("2 != 3"));
  CHECK_FALSE(truth("2 != 2"));
  CHECK(truth("1 + 1 == 2"));  // arithmetic binds tighter than comparison
}

TEST_CASE("expr: and, or, not") {
  CHECK(truth("not 1 > 2"));
  CHECK_FALSE(truth("not (2 > 1)"));
  CHECK_FALSE(truth("1 < 2 and 2 < 1"));
  CHECK(truth("1 > 2 or 2 > 1"));
  // and binds tighter than or
  CHECK(truth("1 > 2 and 1 > 2 or 3 > 2"));
  CHECK_FALSE(truth("1 > 2 and (1 > 2 or 3 > 2)"));
  CHECK(truth("not not 3 > 2"));
}

TEST_CASE("expr: captured figures stand for the interval they round from") {
  // a = 2.5 is [2.45, 2.55], b = 2.54 is [2.535, 2.545], c = 2.7 is [2.65, 2.75], n = 3 is exact
  std::map<std::string, ExprValue> v = {
      {"a", figure("2.5", 1)}, {"b", figure("2.54", 2)}, {"c", figure("2.7", 1)}, {"n", figure("3", 0)}};
  CHECK(truth("a == b", v));
  CHECK_FALSE(truth("a == c", v));
  CHECK(truth("a != b", v));  // not provably equal, so may differ
  CHECK_FALSE(truth("n != 3", v));
  CHECK(truth("a < c", v));
  CHECK_FALSE(truth("c < a", v));
  CHECK(truth("b <= a", v));
  CHECK(truth("a >= b", v));
  auto doubled = eval("a * 2", v);
  REQUIRE(doubled.ok());
  CHECK(doubled->iv.lo == R("4.9"));
  CHECK(doubled->iv.hi == R("5.1"));
  auto diff = eval("c - a", v);
  REQUIRE(diff.ok());
  CHECK(diff->iv.lo == R("0.1"));
  CHECK(diff->iv.hi == R("0.3"));
}

TEST_CASE("expr: approx(computed, stated) rounds half up to the stated precision") {
  std::map<std::string, ExprValue> v = {
      {"plan", figure("1200", 0)}, {"actual", figure("1302", 0)}, {"rate", figure("108.5", 1)}};
  CHECK(truth("approx(actual / plan * 100, rate)", v));
  v["rate"] = figure("110", 0);
  CHECK_FALSE(truth("approx(actual / plan * 100, rate)", v));
  v["rate"] = figure("108.6", 1);
  CHECK_FALSE(truth("approx(actual / plan * 100, rate)", v));
  CHECK(truth("approx(5371 / 12856 * 100, 41.8)"));
  CHECK(truth("approx(5371 / 12856 * 100, 41.78)"));
  CHECK_FALSE(truth("approx(5371 / 12856 * 100, 41.6)"));
  // an inexact part widens what the stated value may be: 4.5 ÷ 10 is 44.5%–45.5%
  std::map<std::string, ExprValue> w = {{"part", figure("4.5", 1)}, {"whole", figure("10", 0)},
                                        {"p45", figure("45", 0)}, {"p47", figure("47", 0)}};
  CHECK(truth("approx(part / whole * 100, p45)", w));
  CHECK_FALSE(truth("approx(part / whole * 100, p47)", w));
}

TEST_CASE("expr: functions abs, min, max, sum") {
  CHECK(number("abs(3 - 5)") == Rational(2));
  CHECK(number("abs(5 - 3)") == Rational(2));
  CHECK(number("min(3, 5, 4)") == Rational(3));
  CHECK(number("max(3, 5, 4)") == Rational(5));
  CHECK(number("sum(1, 2, 3.5)") == R("6.5"));
  CHECK(truth("sum(345, 1080, 3924) == 5349"));
  CHECK_FALSE(truth("sum(345, 1080, 3924) == 5342"));
}

TEST_CASE("expr: division by zero and missing values are errors, not findings") {
  auto z = eval("1 / 0 > 1");
  REQUIRE_FALSE(z.ok());
  CHECK(has(z.error(), "division by zero"));
  auto zv = eval("a / (b - b) > 1", {{"a", figure("3", 0)}, {"b", figure("7", 0)}});
  REQUIRE_FALSE(zv.ok());
  CHECK(has(zv.error(), "division by zero"));
  // and / or stop early, so the division is never evaluated
  CHECK(truth("2 > 1 or 1 / 0 > 1"));
  CHECK_FALSE(truth("1 > 2 and 1 / 0 > 1"));
  auto e = parse_expr("a + 1 > 2", {"a"});
  REQUIRE(e.ok());
  auto missing = eval_expr(*e, {});
  REQUIRE_FALSE(missing.ok());
  CHECK(has(missing.error(), "no value for 'a'"));
}

TEST_CASE("expr: names must be captures of the pattern") {
  CHECK(has(parse_error("a + b > 1", {"a"}), "unknown name 'b'"));
  CHECK(has(parse_error("total > 1"), "unknown name 'total'"));
  CHECK(parse_expr("a + b > 1", {"a", "b"}).ok());
  // keywords only match whole words: captures named notes, order, andy are names
  std::map<std::string, ExprValue> v = {{"notes", figure("2", 0)}, {"order", figure("3", 0)}, {"andy", figure("1", 0)}};
  CHECK(truth("notes < order", v));
  CHECK(truth("andy + notes == order", v));
}

TEST_CASE("expr: syntax errors name what went wrong and where") {
  CHECK(has(parse_error("sqrt(4) > 1"), "unknown function 'sqrt'"));
  CHECK(has(parse_error("approx(1)"), "wrong number of arguments to approx"));
  CHECK(has(parse_error("abs(1, 2)"), "wrong number of arguments to abs"));
  CHECK(has(parse_error("min()"), "wrong number of arguments to min"));
  CHECK(has(parse_error("(1 + 2"), "expected ')'"));
  CHECK(has(parse_error("1 2"), "unexpected '2'"));
  CHECK(has(parse_error(""), "unexpected end"));
  CHECK(has(parse_error("1 +"), "unexpected end"));
  CHECK(has(parse_error("1 $ 2"), "unexpected '$'"));
  std::string err = parse_error("1 + ?");
  CHECK(has(err, "at offset 4"));
  CHECK(has(err, "`1 + ?`"));
}

TEST_CASE("expr: nesting is capped at load time, with a clear error") {
  std::string parens = std::string(10000, '(') + "1" + std::string(10000, ')');
  CHECK(has(parse_error(parens + " == 1"), "nested too deeply"));
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "not ";
  CHECK(has(parse_error(nots + "1 > 0"), "nested too deeply"));
  std::string sum = "1";
  for (int i = 0; i < 10000; ++i) sum += " + 1";
  CHECK(has(parse_error(sum + " > 0"), "nested too deeply"));
  std::string calls;
  for (int i = 0; i < 5000; ++i) calls += "abs(";
  CHECK(has(parse_error(calls + "1" + std::string(5000, ')')), "nested too deeply"));
  // Modest nesting still works: 50 parentheses and a sum of 50 terms.
  CHECK(truth(std::string(50, '(') + "1" + std::string(50, ')') + " == 1"));
  std::string fifty = "1";
  for (int i = 1; i < 50; ++i) fifty += " + 1";
  CHECK(number(fifty) == Rational(50));
  CHECK(truth("not not not 1 > 2"));
}

TEST_CASE("expr: numbers with more digits than fit are refused") {
  CHECK(has(parse_error("1" + std::string(100, '0') + " > 1"), "bad number"));
  CHECK(has(parse_error("1." + std::string(128, '0') + " > 1"), "bad number"));
  // Found by fuzz_expr: 30 digits before the point and 30 after overflowed 128 bits.
  CHECK(has(parse_error("a / b/" + std::string(30, '8') + "." + std::string(30, '5') + " > 1", {"a", "b"}), "bad number"));
}
