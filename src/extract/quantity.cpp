#include "extract/quantity.h"

namespace tally {

Interval Quantity::interval() const {
  Rational half = pow10(-decimals) / Rational(2) * Rational(multiplier);
  Interval iv{value - half, value + half};
  if (exact_count() || cn_numeral) iv = Interval::exact(value);
  switch (approx) {
    case Approx::None: break;
    case Approx::AtLeast: iv.hi_inf = true; break;
    case Approx::AtMost: iv.lo = Rational(0); break;
    case Approx::About:
      // 约: within a tenth either way
      iv.lo = value * Rational(9, 10);
      iv.hi = value * Rational(11, 10);
      break;
  }
  return iv;
}

}  // namespace tally
