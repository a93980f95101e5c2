#include "base/decimal.h"

#include <cmath>
#include <string_view>

#include <fmt/format.h>

namespace tally {

namespace {

__int128 gcd128(__int128 a, __int128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    // A report's figures are small: once both fit in 64 bits, divide in 64 bits (a % of two __int128 is
    // a library call, ~2% of a folder's run). Same steps, same result.
    if (a >= 0 && b > 0 && a <= static_cast<__int128>(UINT64_MAX) && b <= static_cast<__int128>(UINT64_MAX)) {
      uint64_t x = static_cast<uint64_t>(a), y = static_cast<uint64_t>(b);
      while (y != 0) {
        uint64_t t = x % y;
        x = y;
        y = t;
      }
      return static_cast<__int128>(x);
    }
    __int128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

constexpr __int128 kMin128 = static_cast<__int128>(static_cast<unsigned __int128>(1) << 127);

bool mul_ok(__int128 a, __int128 b, __int128* out) { return !__builtin_mul_overflow(a, b, out); }
bool add_ok(__int128 a, __int128 b, __int128* out) { return !__builtin_add_overflow(a, b, out); }

std::string int128_str(__int128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  if (neg) v = -v;
  std::string s;
  while (v > 0) {
    s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  return neg ? "-" + s : s;
}

}  // namespace

Rational::Rational(__int128 p, __int128 q) : p_(p), q_(q) {
  if (q_ == 0) return;
  // The most negative value has no positive counterpart: negating it overflows.
  if (p_ == kMin128 || q_ == kMin128) {
    p_ = 0;
    q_ = 0;
    return;
  }
  if (q_ < 0) {
    p_ = -p_;
    q_ = -q_;
  }
  __int128 g = gcd128(p_, q_);
  if (g > 1) {
    p_ /= g;
    q_ /= g;
  }
}

Rational Rational::invalid() {
  Rational r;
  r.q_ = 0;
  return r;
}

Rational Rational::parse(std::string_view text) {
  __int128 p = 0, q = 1;
  bool neg = false, any = false, frac = false;
  int significant = 0, frac_digits = 0;  // digits from the first non-zero one on; digits after the point
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) neg = text[i++] == '-';
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      // A figure with more digits than 128 bits hold is refused (and left unchecked), never wrapped.
      // p holds every significant digit, before and after the point (found by fuzzing: 30 + 30 overflowed).
      if ((p != 0 || c != '0') && ++significant > kMaxDigits) return invalid();
      if (frac && ++frac_digits > kMaxDigits) return invalid();
      p = p * 10 + (c - '0');
      if (frac) q *= 10;
      any = true;
    } else if (c == '.' && !frac) {
      frac = true;
    } else if (c == ',' || c == ' ') {
      continue;
    } else {
      return invalid();
    }
  }
  if (!any) return invalid();
  return Rational(neg ? -p : p, q);
}

double Rational::to_double() const {
  if (!valid()) return std::nan("");
  return static_cast<double>(static_cast<long double>(p_) / static_cast<long double>(q_));
}

std::string Rational::round_str(int decimals) const {
  if (!valid()) return "NaN";
  if (decimals < 0) decimals = 0;
  if (decimals > kMaxDigits) decimals = kMaxDigits;
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  bool neg = p_ < 0;
  __int128 p = neg ? -p_ : p_;
  // round half up on the magnitude (四舍五入)
  __int128 num, twice_q;
  if (!mul_ok(p, scale, &num) || !mul_ok(num, 2, &num) || !add_ok(num, q_, &num) || !mul_ok(q_, 2, &twice_q))
    return fmt::format("{:.{}f}", static_cast<long double>(p_) / static_cast<long double>(q_), decimals);
  __int128 scaled = num / twice_q;
  std::string digits = int128_str(scaled);
  if (decimals > 0) {
    while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - decimals, '.');
  }
  return neg && scaled != 0 ? "-" + digits : digits;
}

std::string Rational::str(int max_decimals) const {
  std::string s = round_str(max_decimals);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s;
}

Rational operator+(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return Rational::invalid();
  __int128 x, y, n, d;
  if (!mul_ok(a.p_, b.q_, &x) || !mul_ok(b.p_, a.q_, &y) || !add_ok(x, y, &n) || !mul_ok(a.q_, b.q_, &d))
    return Rational::invalid();
  return Rational(n, d);
}

Rational operator-(const Rational& a, const Rational& b) {
  if (!b.valid()) return Rational::invalid();
  return a + Rational(-b.p_, b.q_);  // the constructor never keeps the most negative value, so -p fits
}

Rational operator*(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return Rational::invalid();
  __int128 g1 = gcd128(a.p_, b.q_), g2 = gcd128(b.p_, a.q_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  __int128 n, d;
  if (!mul_ok(a.p_ / g1, b.p_ / g2, &n) || !mul_ok(a.q_ / g2, b.q_ / g1, &d)) return Rational::invalid();
  return Rational(n, d);
}

Rational operator/(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid() || b.p_ == 0) return Rational::invalid();
  return a * Rational(b.q_, b.p_);
}

bool operator<(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return false;
  __int128 x, y;
  if (mul_ok(a.p_, b.q_, &x) && mul_ok(b.p_, a.q_, &y)) return x < y;
  return static_cast<long double>(a.p_) / a.q_ < static_cast<long double>(b.p_) / b.q_;
}

bool operator==(const Rational& a, const Rational& b) {
  return a.valid() && b.valid() && a.p_ == b.p_ && a.q_ == b.q_;
}

Rational pow10(int n) {
  int k = n < 0 ? -n : n;
  if (k > 36) return Rational::invalid();  // 10^38 is the last power of ten below 2^127
  __int128 v = 1;
  for (int i = 0; i < k; ++i) v *= 10;
  return n >= 0 ? Rational(v) : Rational(1, v);
}

bool Interval::contains(const Rational& v) const {
  return (lo_inf || lo <= v) && (hi_inf || v <= hi);
}

bool Interval::intersects(const Interval& o) const {
  bool below = !hi_inf && !o.lo_inf && hi < o.lo;
  bool above = !lo_inf && !o.hi_inf && o.hi < lo;
  return !below && !above;
}

Interval operator+(const Interval& a, const Interval& b) {
  Interval r{a.lo + b.lo, a.hi + b.hi};
  r.lo_inf = a.lo_inf || b.lo_inf;
  r.hi_inf = a.hi_inf || b.hi_inf;
  return r;
}

Interval operator-(const Interval& a, const Interval& b) {
  Interval r{a.lo - b.hi, a.hi - b.lo};
  r.lo_inf = a.lo_inf || b.hi_inf;
  r.hi_inf = a.hi_inf || b.lo_inf;
  return r;
}

Interval operator*(const Interval& a, const Interval& b) {
  Interval r{a.lo * b.lo, a.hi * b.hi};
  r.lo_inf = a.lo_inf || b.lo_inf;
  r.hi_inf = a.hi_inf || b.hi_inf;
  return r;
}

Interval operator/(const Interval& a, const Interval& b) {
  Interval r;
  r.lo_inf = a.lo_inf || b.hi_inf;
  r.hi_inf = a.hi_inf || b.lo_inf || b.lo.num() <= 0;
  if (!r.lo_inf) r.lo = a.lo / b.hi;
  if (!r.hi_inf) r.hi = a.hi / b.lo;
  if (r.lo_inf) r.lo = Rational(0);
  return r;
}

RoundingVerdict compare_rounded(const Interval& computed, const Rational& stated, int decimals) {
  Rational half = pow10(-decimals) / Rational(2);
  // Round half up: the printed value s stands for [s - h, s + h).
  Interval rounds{stated - half, stated + half};
  bool match = computed.intersects(rounds);
  // Exclude the open upper end: a value of exactly s + h rounds up to the next figure.
  if (match && !computed.lo_inf && computed.lo == rounds.hi) match = false;
  if (match) return RoundingVerdict::Match;
  // Truncation: the printed value s stands for [s, s + 2h).
  Interval trunc{stated, stated + half + half};
  bool t = computed.intersects(trunc) && !(!computed.lo_inf && computed.lo == trunc.hi);
  return t ? RoundingVerdict::Truncated : RoundingVerdict::Mismatch;
}

}  // namespace tally
