// Exact decimals, intervals and the rounding comparison every check relies on.
#include <doctest/doctest.h>

#include "base/decimal.h"

using namespace tally;

namespace {

Rational R(const char* s) {
  Rational r = Rational::parse(s);
  REQUIRE(r.valid());
  return r;
}

Interval I(const char* lo, const char* hi) { return Interval{R(lo), R(hi)}; }

}  // namespace

TEST_CASE("decimal: parsing keeps figures exact") {
  CHECK(R("1,234.5") == Rational(2469, 2));
  CHECK(R("-1.25") == Rational(-5, 4));
  CHECK(R("+7") == Rational(7));
  CHECK(R("0.1") + R("0.2") == R("0.3"));  // no binary floating point
  CHECK_FALSE(Rational::parse("").valid());
  CHECK_FALSE(Rational::parse("1.2.3").valid());
  CHECK_FALSE(Rational::parse("12a").valid());
  CHECK_FALSE(Rational::parse(".").valid());
}

TEST_CASE("decimal: fractions are kept reduced with a positive denominator") {
  Rational r(6, -4);
  CHECK(r == Rational(-3, 2));
  CHECK(r.sign() == -1);
  CHECK_FALSE(r.is_integer());
  CHECK(Rational(8, 4).is_integer());
  CHECK(Rational(8, 4).to_int64() == 2);
  CHECK_FALSE(Rational(1, 2).to_int64());
  CHECK(Rational(2, 4) == Rational(1, 2));
}

TEST_CASE("decimal: round_str rounds half up (四舍五入)") {
  CHECK(R("2.345").round_str(2) == "2.35");
  CHECK(R("2.3449").round_str(2) == "2.34");
  CHECK(R("0.005").round_str(2) == "0.01");
  CHECK(R("0.0049").round_str(2) == "0.00");
  CHECK(R("41.75").round_str(1) == "41.8");
  CHECK(R("-2.345").round_str(2) == "-2.35");  // on the magnitude
  CHECK(R("9.995").round_str(2) == "10.00");
  CHECK(R("3").round_str(2) == "3.00");
  CHECK((Rational(5371) / Rational(12856) * Rational(100)).round_str(2) == "41.78");
  CHECK(Rational(2, 3).round_str(0) == "1");
}

TEST_CASE("decimal: str drops trailing zeros") {
  CHECK(Rational(5, 2).str() == "2.5");
  CHECK(Rational(1, 3).str(4) == "0.3333");
  CHECK(Rational(2, 3).str(2) == "0.67");
  CHECK(R("13.00").str(2) == "13");
  CHECK(Rational(0).str() == "0");
}

TEST_CASE("decimal: arithmetic, comparisons, invalid results") {
  CHECK(R("1.5") * R("4") == Rational(6));
  CHECK(R("1") / R("8") == R("0.125"));
  CHECK(R("3") - R("5") == Rational(-2));
  CHECK(R("0.999") < R("1"));
  CHECK(R("1") >= R("1.000"));
  CHECK(R("2") != R("2.001"));
  CHECK_FALSE((R("1") / Rational(0)).valid());
  CHECK_FALSE((Rational::invalid() + R("1")).valid());
  CHECK(Rational::invalid().sign() == 0);
  CHECK(pow10(3) == Rational(1000));
  CHECK(pow10(-2) == Rational(1, 100));
}

TEST_CASE("decimal: values past 128 bits stay exact instead of going invalid") {
  // 2^100 squared is 2^200: far past __int128, so the GMP form holds it.
  __int128 two100 = __int128(1) << 100;
  Rational big = Rational(two100) * Rational(two100);
  REQUIRE(big.valid());
  CHECK(big.sign() == 1);
  CHECK(big.is_integer());
  CHECK_FALSE(big.to_int64());
  CHECK(big.str(0) == "1606938044258990275541962092341162602522202993782792835301376");
  CHECK(big > Rational(two100));
  CHECK(Rational(two100) < big);
  CHECK(big == Rational(two100) * Rational(two100));
  CHECK(big != big + Rational(1, 3));
  // Back below 128 bits, a result returns to the small form and equals the same value made small.
  CHECK(big / Rational(two100) == Rational(two100));
  CHECK(big - big == Rational(0));
  CHECK((big / big).to_int64() == 1);
  // Long money figures: 30-digit amounts multiplied and divided keep every digit.
  Rational amount = R("1234567890123456789012345678.25");
  Rational product = amount * amount;
  CHECK(product.round_str(4) == "1524157875323883675049535154648681621589696694271452523.0625");
  CHECK(product / amount == amount);
  CHECK((Rational(0) - product).round_str(1) == "-1524157875323883675049535154648681621589696694271452523.1");
  // A tiny denominator too: 1 / 10^40 is below 2^-127.
  Rational tiny = pow10(-40);
  REQUIRE(tiny.valid());
  CHECK(tiny > Rational(0));
  CHECK(tiny * pow10(40) == Rational(1));
  CHECK(tiny.round_str(2) == "0.00");
  CHECK(pow10(38) == Rational(10) * pow10(37));
  CHECK_FALSE(pow10(kMaxPow10 + 1).valid());
  // The most negative 128-bit value has no positive counterpart in 128 bits: it is held exactly too.
  __int128 most_negative = static_cast<__int128>(static_cast<unsigned __int128>(1) << 127);
  Rational m(most_negative);
  REQUIRE(m.valid());
  CHECK(m.sign() == -1);
  CHECK(Rational(0) - m == Rational(two100) * Rational(__int128(1) << 27));
  CHECK(Rational(most_negative, 2) == Rational(-(__int128(1) << 126)));
  CHECK(m.to_double() < -1e38);
}

TEST_CASE("interval: an overflowing product still decides") {
  // Before the GMP form, such a product was invalid and the interval intersected everything.
  Interval a = I("1000000000000000000000000000", "1000000000000000000000000001");
  Interval p = a * a;
  CHECK(p.lo.valid());
  CHECK(p.hi.valid());
  CHECK_FALSE(p.intersects(I("1", "2")));
  CHECK(compare_rounded(a * a / a, R("1000000000000000000000000000.5"), 1) == RoundingVerdict::Match);
  CHECK(compare_rounded(a * a / a, R("1000000000000000000000000003"), 0) == RoundingVerdict::Mismatch);
}

TEST_CASE("interval: contains and intersects, closed at both ends") {
  Interval a = I("1", "2");
  CHECK(a.contains(R("1")));
  CHECK(a.contains(R("2")));
  CHECK_FALSE(a.contains(R("2.0001")));
  CHECK(a.intersects(I("2", "3")));
  CHECK_FALSE(a.intersects(I("2.01", "3")));
  CHECK(Interval::exact(R("5")).is_exact());
  CHECK_FALSE(a.is_exact());
}

TEST_CASE("interval: one-sided intervals of approximate figures") {
  // "3000 余人": [3000, +inf)
  Interval at_least{R("3000"), R("3000"), false, true};
  CHECK(at_least.contains(R("1000000")));
  CHECK_FALSE(at_least.contains(R("2999")));
  CHECK(at_least.intersects(I("3500", "3600")));
  CHECK_FALSE(at_least.intersects(I("100", "200")));
  CHECK_FALSE(at_least.is_exact());
  // a sum with an open part stays open
  Interval s = at_least + Interval::exact(R("10"));
  CHECK(s.hi_inf);
  CHECK(s.lo == R("3010"));
}

TEST_CASE("interval: arithmetic over printed figures") {
  Interval sum = I("1.5", "2.5") + I("10", "10");
  CHECK(sum.lo == R("11.5"));
  CHECK(sum.hi == R("12.5"));
  Interval diff = I("20", "21") - I("8", "9");
  CHECK(diff.lo == R("11"));
  CHECK(diff.hi == R("13"));
  Interval prod = I("2", "3") * I("4", "5");
  CHECK(prod.lo == R("8"));
  CHECK(prod.hi == R("15"));
  Interval q = I("10", "20") / I("4", "5");
  CHECK(q.lo == R("2"));
  CHECK(q.hi == R("5"));
  // dividing by an interval that reaches zero has no upper bound
  Interval z = I("1", "2") / I("0", "3");
  CHECK(z.hi_inf);
  CHECK_FALSE(z.lo_inf);
}

TEST_CASE("compare_rounded: half-up boundaries") {
  // Printed 41.78 stands for [41.775, 41.785).
  CHECK(compare_rounded(Interval::exact(R("41.775")), R("41.78"), 2) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(R("41.7849")), R("41.78"), 2) == RoundingVerdict::Match);
  // exactly x.xx5 rounds up, so 41.785 is not 41.78 (but truncates to it)
  CHECK(compare_rounded(Interval::exact(R("41.785")), R("41.78"), 2) == RoundingVerdict::Truncated);
  CHECK(compare_rounded(Interval::exact(R("41.785")), R("41.79"), 2) == RoundingVerdict::Match);
  // 41.775 belongs to 41.78, not to 41.77 (whose truncation it is)
  CHECK(compare_rounded(Interval::exact(R("41.775")), R("41.77"), 2) == RoundingVerdict::Truncated);
  CHECK(compare_rounded(Interval::exact(R("41.7749")), R("41.77"), 2) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(R("0.5")), R("1"), 0) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(R("0.4999")), R("1"), 0) == RoundingVerdict::Mismatch);
}

TEST_CASE("compare_rounded: truncation and mismatches") {
  Rational share = Rational(5371) / Rational(12856) * Rational(100);  // 41.778…
  CHECK(compare_rounded(Interval::exact(share), R("41.8"), 1) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(share), R("41.7"), 1) == RoundingVerdict::Truncated);
  CHECK(compare_rounded(Interval::exact(share), R("41.6"), 1) == RoundingVerdict::Mismatch);
  CHECK(compare_rounded(Interval::exact(share), R("43.7"), 1) == RoundingVerdict::Mismatch);
  CHECK(compare_rounded(Interval::exact(share), R("42"), 0) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(share), R("41"), 0) == RoundingVerdict::Truncated);
}

TEST_CASE("compare_rounded: computed intervals") {
  // A computed range that reaches the printed value's rounding interval matches.
  CHECK(compare_rounded(I("41.70", "41.76"), R("41.8"), 1) == RoundingVerdict::Match);
  CHECK(compare_rounded(I("41.70", "41.74"), R("41.8"), 1) == RoundingVerdict::Mismatch);
  // ending exactly on the excluded upper end of 41.7's interval is not enough
  CHECK(compare_rounded(I("41.75", "41.76"), R("41.7"), 1) == RoundingVerdict::Truncated);
  Interval unbounded{R("50"), R("50"), false, true};
  CHECK(compare_rounded(unbounded, R("99.9"), 1) == RoundingVerdict::Match);
  CHECK(compare_rounded(unbounded, R("12"), 0) == RoundingVerdict::Mismatch);
}

TEST_CASE("decimal: figures beyond 128 bits are refused, never wrapped") {
  CHECK(Rational::parse(std::string(30, '9')).valid());
  CHECK_FALSE(Rational::parse(std::string(31, '9')).valid());
  CHECK_FALSE(Rational::parse(std::string(60, '9')).valid());
  CHECK(Rational::parse("0." + std::string(29, '0') + "1").valid());
  CHECK_FALSE(Rational::parse("1." + std::string(128, '0')).valid());  // SIGFPE before
  CHECK_FALSE(Rational::parse("0." + std::string(45, '0') + "1").valid());
  // 30 digits in all, wherever the point is (found by fuzzing: 30 before and 30 after overflowed).
  CHECK(Rational::parse(std::string(15, '8') + "." + std::string(15, '5')).valid());
  CHECK_FALSE(Rational::parse(std::string(30, '8') + "." + std::string(30, '5')).valid());
  CHECK_FALSE(Rational::parse("1." + std::string(30, '5')).valid());
  // Leading zeros are not significant.
  CHECK(Rational::parse(std::string(50, '0') + "12") == Rational(12));
}

TEST_CASE("decimal: powers of ten, division by zero") {
  CHECK(pow10(36).valid());
  CHECK(pow10(37) == pow10(36) * Rational(10));
  CHECK(pow10(-129) * pow10(129) == Rational(1));
  CHECK_FALSE(pow10(1 << 30).valid());  // past kMaxPow10: no printed precision asks for it
  CHECK_FALSE((Rational(1) / Rational(0)).valid());
  CHECK_FALSE(Rational(1, 0).valid());
}

TEST_CASE("decimal: overflowing 128 bits moves to the exact GMP form; invalid compares false") {
  Rational big = Rational::parse(std::string(30, '9'));
  Rational huge = big * big * big * big;  // about 10^120
  REQUIRE(huge.valid());
  CHECK(huge + Rational(1) > huge);
  CHECK((Rational(1) - huge).sign() == -1);
  CHECK(huge / Rational(3) * Rational(3) == huge);
  CHECK(huge / big / big / big == big);
  Rational tiny = Rational(1) / big / big / big / big;
  REQUIRE(tiny.valid());
  CHECK(tiny * huge == Rational(1));
  CHECK(tiny.sign() == 1);
  CHECK(tiny < Rational(1, 1000000));
  Rational bad = Rational::invalid();
  CHECK_FALSE(bad < Rational(1));
  CHECK_FALSE(Rational(1) < bad);
  CHECK_FALSE(bad == bad);
  CHECK(bad.round_str(2) == "NaN");
  // An interval with an invalid end intersects everything: a check over it stays silent.
  Interval unknown{bad, bad};
  CHECK(unknown.intersects(Interval::exact(Rational(5))));
  CHECK(compare_rounded(unknown, Rational(5), 0) == RoundingVerdict::Match);
  CHECK(compare_rounded(Interval::exact(Rational(5)), Rational(5), 200) == RoundingVerdict::Match);
}

TEST_CASE("decimal: rendering with more decimals than fit stays finite") {
  Rational third = Rational(1) / Rational(3);
  CHECK(third.round_str(1000).size() < 40);
  CHECK(third.round_str(-5) == "0");
  Rational big = Rational::parse(std::string(30, '9'));
  CHECK_FALSE(big.round_str(20).empty());  // p * 10^20 overflows: rendered from a long double instead
}
