// Exact decimal numbers and intervals. Every printed figure stands for the
// interval it rounds from ("23.19" is [23.185, 23.195)); checks compare those
// intervals with exact rational arithmetic, so no binary floating-point
// rounding can turn a correct figure into a finding or hide a wrong one.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tally {

// A rational number p/q with q > 0, kept reduced. Values in reports are small
// (below 10^15 with a few decimals), so two 128-bit integers hold nearly every
// value a check meets and the arithmetic stays a few machine instructions. A
// result that does not fit (a product of long money figures, an assertion's
// chain of products) moves to an arbitrary-precision GMP rational instead of
// wrapping or giving up: a check never goes silent because a value grew. A value
// that fits is always kept in the 128-bit form, so equal values have one form.
// Only parse() failures and division by zero give invalid(). An invalid value is
// never <, > or == another (so <= and >= hold): an interval with an invalid end
// intersects everything, and a check over it stays silent.
struct BigRational;  // the GMP form, defined in decimal.cpp

class Rational {
 public:
  Rational() = default;
  Rational(__int128 p, __int128 q = 1);
  static Rational invalid();
  // Most significant digits parse() accepts (and most digits after the point).
  // A longer run of digits is an identifier or a code, not a statistic.
  static constexpr int kMaxDigits = 30;
  // Parses "123", "-1.25", "1,234.5". Returns invalid() on failure.
  static Rational parse(std::string_view text);

  bool valid() const { return q_ != 0; }
  // -1, 0 or 1; 0 for an invalid value.
  int sign() const;
  bool is_integer() const;
  // The value when it is an integer that fits 64 bits.
  std::optional<long long> to_int64() const;
  double to_double() const;
  // Shortest exact-ish decimal rendering with at most `max_decimals` decimals (rounded half up).
  std::string str(int max_decimals = 4) const;
  // Round half up to `decimals` places, as a decimal string with exactly that many decimals.
  std::string round_str(int decimals) const;

  friend Rational operator+(const Rational& a, const Rational& b);
  friend Rational operator-(const Rational& a, const Rational& b);
  friend Rational operator*(const Rational& a, const Rational& b);
  friend Rational operator/(const Rational& a, const Rational& b);
  friend bool operator<(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b);
  friend bool operator<=(const Rational& a, const Rational& b) { return !(b < a); }
  friend bool operator>(const Rational& a, const Rational& b) { return b < a; }
  friend bool operator>=(const Rational& a, const Rational& b) { return !(a < b); }
  friend bool operator!=(const Rational& a, const Rational& b) { return !(a == b); }

 private:
  friend struct BigRational;
  // The 128-bit form: p_/q_, q_ > 0 (q_ == 0 marks invalid()). When big_ is set
  // the value is big_'s and p_/q_ are 0/1. Shared and immutable, so copies stay cheap.
  __int128 p_ = 0, q_ = 1;
  std::shared_ptr<const BigRational> big_;
};

// 10^n; invalid() when |n| > kMaxPow10, far past any printed precision.
constexpr int kMaxPow10 = 4096;
Rational pow10(int n);

// A closed interval [lo, hi] of possible true values. `lo_inf`/`hi_inf` make it
// one-sided (an approximate "3000余人" is [3000, +inf)).
struct Interval {
  Rational lo, hi;
  bool lo_inf = false, hi_inf = false;

  static Interval exact(Rational v) { return {v, v}; }
  bool contains(const Rational& v) const;
  bool intersects(const Interval& o) const;
  bool is_exact() const { return !lo_inf && !hi_inf && lo == hi; }

  friend Interval operator+(const Interval& a, const Interval& b);
  friend Interval operator-(const Interval& a, const Interval& b);
  // Multiplication and division assume non-negative operands (counts, amounts);
  // division by an interval that contains zero gives an unbounded interval.
  friend Interval operator*(const Interval& a, const Interval& b);
  friend Interval operator/(const Interval& a, const Interval& b);
};

// How a computed value relates to a printed one with `decimals` decimals.
enum class RoundingVerdict {
  Match,      // some value in the interval rounds half up to the printed value
  Truncated,  // only truncating (not rounding) some value gives the printed value
  Mismatch,   // neither
};

// `stated` is the printed value (exact digits), `decimals` its printed precision.
RoundingVerdict compare_rounded(const Interval& computed, const Rational& stated, int decimals);

}  // namespace tally
