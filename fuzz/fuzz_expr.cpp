// Bytes → an assertion: parse, then evaluate with two captured figures.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "rules/expr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string src(reinterpret_cast<const char*>(data), size);
  auto e = tally::parse_expr(src, {"a", "b"});
  if (!e) return 0;
  tally::ExprValue a, b;
  a.iv = tally::Interval{tally::Rational(1445, 1000), tally::Rational(1455, 1000)};
  a.printed = tally::Rational(145, 100);
  a.decimals = 2;
  b.iv = tally::Interval::exact(tally::Rational(0));
  b.printed = tally::Rational(0);
  auto v = tally::eval_expr(*e, {{"a", a}, {"b", b}});
  (void)v;
  return 0;
}
