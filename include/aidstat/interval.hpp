// Closed intervals [min, max] of money or counts: how aidstat holds figures that
// reports state approximately ("1100余万元" is [1100万, 1200万] yuan).
//
// An exact figure has min == max. Sums add the bounds; differences subtract
// crosswise ([a,b] - [c,d] = [a-d, b-c]), so the result always contains every
// value the true figures could have. All arithmetic is overflow-checked.
//
//   money_interval a{money::from_yuan(11'000'000), money::from_yuan(12'000'000)};
//   money_interval b = money_interval::exact(money::from_yuan(3'190'000));
//   (a + b).min();  // 14'190'000 yuan
#pragma once

#include <concepts>
#include <ostream>

#include "aidstat/error.hpp"
#include "aidstat/money.hpp"

namespace aidstat {

/// A closed interval [min, max] of T (money or count); min <= max always holds.
template <class T>
class interval {
 public:
  /// [0, 0].
  constexpr interval() noexcept = default;
  /// [lo, hi]; throws aidstat::error when lo > hi.
  constexpr interval(T lo, T hi) : lo_(lo), hi_(hi) {
    if (hi < lo)
      detail::throw_error<data_error>("an interval's lower bound is above its upper bound");
  }
  /// The exact value v, i.e. [v, v].
  static constexpr interval exact(T v) noexcept { return interval(v, v, unchecked{}); }

  /// Lower bound.
  constexpr T min() const noexcept { return lo_; }
  /// Upper bound.
  constexpr T max() const noexcept { return hi_; }
  /// True when min == max.
  constexpr bool is_exact() const noexcept { return lo_ == hi_; }
  /// max - min (checked).
  T width() const { return hi_ - lo_; }
  /// True when v lies in [min, max].
  constexpr bool contains(T v) const noexcept { return lo_ <= v && v <= hi_; }
  /// True when the two intervals share at least one value.
  constexpr bool overlaps(const interval& o) const noexcept { return lo_ <= o.hi_ && o.lo_ <= hi_; }

  /// [a+c, b+d] (checked).
  friend interval operator+(const interval& x, const interval& y) {
    return interval(x.lo_ + y.lo_, x.hi_ + y.hi_, unchecked{});
  }
  /// [a-d, b-c]: every difference the true values could have (checked).
  friend interval operator-(const interval& x, const interval& y) {
    return interval(x.lo_ - y.hi_, x.hi_ - y.lo_, unchecked{});
  }
  /// Adds in place.
  interval& operator+=(const interval& y) { return *this = *this + y; }
  /// Equal when both bounds are equal.
  friend constexpr bool operator==(const interval&, const interval&) noexcept = default;

 private:
  struct unchecked {};
  constexpr interval(T lo, T hi, unchecked) noexcept : lo_(lo), hi_(hi) {}
  T lo_{};
  T hi_{};
};

/// An amount of money, exact or approximate.
using money_interval = interval<money>;
/// A quantity, exact or approximate.
using count_interval = interval<count>;

/// Writes an interval: its one value when exact ("94", "3190000.00元"), else
/// "[min, max]" ("[11000000.00元, 12000000.00元]").
template <class T>
std::ostream& operator<<(std::ostream& out, const interval<T>& x) {
  if (x.is_exact()) return out << x.min();
  return out << '[' << x.min() << ", " << x.max() << ']';
}

}  // namespace aidstat
