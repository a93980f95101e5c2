#include "base/decimal.h"

#include <cmath>
#include <string_view>

#include <fmt/format.h>
#include <gmp.h>

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

// The GMP form of a value that does not fit two 128-bit integers. The helpers move values between the
// two forms; a result goes back to the 128-bit form whenever it fits.
struct BigRational {
  mpq_t v;  // also a scratch value for one operation
  BigRational() { mpq_init(v); }
  ~BigRational() { mpq_clear(v); }
  BigRational(const BigRational&) = delete;
  BigRational& operator=(const BigRational&) = delete;

  static void set_int(mpz_ptr z, __int128 x) {
    unsigned __int128 m = x < 0 ? -static_cast<unsigned __int128>(x) : static_cast<unsigned __int128>(x);
    uint64_t words[2] = {static_cast<uint64_t>(m), static_cast<uint64_t>(m >> 64)};
    mpz_import(z, 2, -1, sizeof(uint64_t), 0, 0, words);
    if (x < 0) mpz_neg(z, z);
  }

  // Below 2^127 in magnitude, so the value and its negation both fit.
  static bool get_int(mpz_srcptr z, __int128* out) {
    if (mpz_sizeinbase(z, 2) > 127) return false;
    uint64_t words[2] = {0, 0};
    mpz_export(words, nullptr, -1, sizeof(uint64_t), 0, 0, z);
    __int128 m = static_cast<__int128>((static_cast<unsigned __int128>(words[1]) << 64) | words[0]);
    *out = mpz_sgn(z) < 0 ? -m : m;
    return true;
  }

  static void load(const Rational& r, mpq_ptr out) {
    if (r.big_) {
      mpq_set(out, r.big_->v);
      return;
    }
    set_int(mpq_numref(out), r.p_);
    set_int(mpq_denref(out), r.q_);  // already reduced, q > 0
  }

  // `v` must be canonical (reduced, positive denominator).
  static Rational make(mpq_ptr v) {
    Rational r;
    __int128 p, q;
    if (get_int(mpq_numref(v), &p) && get_int(mpq_denref(v), &q)) {
      r.p_ = p;
      r.q_ = q;
      return r;
    }
    auto big = std::make_shared<BigRational>();
    mpq_swap(big->v, v);
    r.big_ = std::move(big);
    return r;
  }

  template <class Op>
  static Rational apply(const Rational& a, const Rational& b, Op op) {
    BigRational x, y, out;
    load(a, x.v);
    load(b, y.v);
    op(out.v, x.v, y.v);
    return make(out.v);
  }

  static int compare(const Rational& a, const Rational& b) {
    BigRational x, y;
    load(a, x.v);
    load(b, y.v);
    return mpq_cmp(x.v, y.v);
  }
};

Rational::Rational(__int128 p, __int128 q) : p_(p), q_(q) {
  if (q_ == 0) return;
  // The most negative value has no positive counterpart: negating it overflows, so it takes the GMP form.
  if (p_ == kMin128 || q_ == kMin128) {
    BigRational v;
    BigRational::set_int(mpq_numref(v.v), p);
    BigRational::set_int(mpq_denref(v.v), q);
    mpq_canonicalize(v.v);
    *this = BigRational::make(v.v);
    return;
  }
  if (q_ == 1) return;  // most figures are whole numbers: nothing to reduce
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

int Rational::sign() const {
  if (big_) return mpq_sgn(big_->v);
  return p_ > 0 ? 1 : p_ < 0 ? -1 : 0;
}

bool Rational::is_integer() const {
  if (big_) return mpz_cmp_ui(mpq_denref(big_->v), 1) == 0;
  return q_ == 1;
}

std::optional<long long> Rational::to_int64() const {
  if (big_ || q_ != 1 || p_ > INT64_MAX || p_ < INT64_MIN) return std::nullopt;
  return static_cast<long long>(p_);
}

double Rational::to_double() const {
  if (!valid()) return std::nan("");
  if (big_) return mpq_get_d(big_->v);
  return static_cast<double>(static_cast<long double>(p_) / static_cast<long double>(q_));
}

std::string Rational::round_str(int decimals) const {
  if (!valid()) return "NaN";
  if (decimals < 0) decimals = 0;
  if (decimals > kMaxDigits) decimals = kMaxDigits;
  std::string digits;
  bool neg = sign() < 0;
  bool zero = false;
  // round half up on the magnitude (四舍五入): floor((2·|p|·10^d + q) / 2q)
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  __int128 num, twice_q;
  if (!big_ && mul_ok(neg ? -p_ : p_, scale, &num) && mul_ok(num, 2, &num) && add_ok(num, q_, &num) &&
      mul_ok(q_, 2, &twice_q)) {
    __int128 scaled = num / twice_q;
    digits = int128_str(scaled);
    zero = scaled == 0;
  } else {
    BigRational v;
    BigRational::load(*this, v.v);
    mpz_t n, d;
    mpz_init(n);
    mpz_init(d);
    mpz_ui_pow_ui(n, 10, static_cast<unsigned long>(decimals));
    mpz_mul(n, n, mpq_numref(v.v));
    mpz_abs(n, n);
    mpz_mul_2exp(n, n, 1);
    mpz_add(n, n, mpq_denref(v.v));
    mpz_mul_2exp(d, mpq_denref(v.v), 1);
    mpz_fdiv_q(n, n, d);
    digits.resize(mpz_sizeinbase(n, 10) + 2);
    mpz_get_str(digits.data(), 10, n);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
    zero = mpz_sgn(n) == 0;
    mpz_clear(n);
    mpz_clear(d);
  }
  if (decimals > 0) {
    while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - decimals, '.');
  }
  return neg && !zero ? "-" + digits : digits;
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
  if (!a.big_ && !b.big_ && mul_ok(a.p_, b.q_, &x) && mul_ok(b.p_, a.q_, &y) && add_ok(x, y, &n) &&
      mul_ok(a.q_, b.q_, &d))
    return Rational(n, d);
  return BigRational::apply(a, b, mpq_add);
}

Rational operator-(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return Rational::invalid();
  if (!b.big_) return a + Rational(-b.p_, b.q_);  // the 128-bit form never holds the most negative value
  return BigRational::apply(a, b, mpq_sub);
}

Rational operator*(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return Rational::invalid();
  if (!a.big_ && !b.big_) {
    __int128 g1 = gcd128(a.p_, b.q_), g2 = gcd128(b.p_, a.q_);
    if (g1 == 0) g1 = 1;
    if (g2 == 0) g2 = 1;
    __int128 n, d;
    if (mul_ok(a.p_ / g1, b.p_ / g2, &n) && mul_ok(a.q_ / g2, b.q_ / g1, &d)) return Rational(n, d);
  }
  return BigRational::apply(a, b, mpq_mul);
}

Rational operator/(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid() || b.sign() == 0) return Rational::invalid();
  if (!b.big_) return a * Rational(b.q_, b.p_);
  return BigRational::apply(a, b, mpq_div);
}

bool operator<(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return false;
  __int128 x, y;
  if (!a.big_ && !b.big_ && mul_ok(a.p_, b.q_, &x) && mul_ok(b.p_, a.q_, &y)) return x < y;
  return BigRational::compare(a, b) < 0;
}

bool operator==(const Rational& a, const Rational& b) {
  if (!a.valid() || !b.valid()) return false;
  // A value that fits is always in the 128-bit form, so the two forms never hold the same value.
  if (!a.big_ && !b.big_) return a.p_ == b.p_ && a.q_ == b.q_;
  return a.big_ && b.big_ && mpq_equal(a.big_->v, b.big_->v) != 0;
}

Rational pow10(int n) {
  int k = n < 0 ? -n : n;
  if (k > kMaxPow10) return Rational::invalid();
  if (k > 36) {  // 10^38 is the last power of ten below 2^127
    Rational r = Rational(10);
    Rational p(1);
    for (int e = k; e > 0; e >>= 1) {  // square and multiply: a dozen steps for the largest k
      if (e & 1) p = p * r;
      r = r * r;
    }
    return n >= 0 ? p : Rational(1) / p;
  }
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
  r.hi_inf = a.hi_inf || b.lo_inf || b.lo.sign() <= 0;
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
