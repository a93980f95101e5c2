// Exact decimal numbers and intervals. Every printed figure stands for the
// interval it rounds from ("23.19" is [23.185, 23.195)); checks compare those
// intervals with exact rational arithmetic, so no binary floating-point
// rounding can turn a correct figure into a finding or hide a wrong one.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace tally {

// A rational number p/q with q > 0, kept reduced. Values in reports are small
// (below 10^15 with a few decimals), so 128-bit integers hold the few
// operations a check needs. Anything larger is refused rather than wrapped:
// parse() takes at most kMaxDigits significant digits, at most kMaxDigits of
// them after the point, and every
// operation that would overflow (or divide by zero) gives invalid(). An invalid
// value is never <, > or == another (so <= and >= hold): an interval with an
// invalid end intersects everything, and a check over it stays silent.
class Rational {
 public:
  Rational() = default;
  Rational(__int128 p, __int128 q = 1);
  static Rational invalid();
  // Most significant digits parse() accepts (and most digits after the point);
  // 10^30 is well inside the 1.7 * 10^38 a signed 128-bit integer holds.
  static constexpr int kMaxDigits = 30;
  // Parses "123", "-1.25", "1,234.5". Returns invalid() on failure.
  static Rational parse(std::string_view text);

  bool valid() const { return q_ != 0; }
  __int128 num() const { return p_; }
  __int128 den() const { return q_; }
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
  __int128 p_ = 0, q_ = 1;
};

// 10^n; invalid() when |n| is too large for 128 bits.
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
