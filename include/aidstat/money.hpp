// Money and counts as strong integer types.
//
// `money` is an integer number of fen (1 yuan = 100 fen), never floating point.
// `count` is a whole number of persons, sessions, copies... Both check every
// addition, subtraction and multiplication for overflow and throw
// aidstat::overflow_error instead of wrapping. Money and counts never mix:
//
//   money m = money::from_yuan(319'0000);   // 319万元
//   m + money{50};                           // ok: 3190000.50 yuan
//   m + count{3};                            // does not compile
#pragma once

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>

namespace aidstat {

/// An amount of money in integer fen, with overflow-checked arithmetic.
class money {
 public:
  /// Zero.
  constexpr money() noexcept = default;
  /// `fen` fen (explicit: a raw integer is not money until you say so).
  constexpr explicit money(std::int64_t fen) noexcept : fen_(fen) {}
  /// `yuan` whole yuan; throws overflow_error when it does not fit.
  static money from_yuan(std::int64_t yuan);

  /// The amount in fen.
  constexpr std::int64_t fen() const noexcept { return fen_; }
  /// The amount in its smallest unit (fen): the accessor money and count share, for
  /// code written once for both.
  constexpr std::int64_t units() const noexcept { return fen_; }

  /// Checked sum; throws overflow_error.
  friend money operator+(money a, money b);
  /// Checked difference; throws overflow_error.
  friend money operator-(money a, money b);
  /// Checked scaling by a whole number; throws overflow_error.
  friend money operator*(money a, std::int64_t k);
  /// Checked scaling by a whole number; throws overflow_error.
  friend money operator*(std::int64_t k, money a) { return a * k; }
  /// No scaling by a fraction: money * 2.5 would truncate; scale exact decimals
  /// with integers (fen * 25 / 10) where it is meant.
  template <std::floating_point F>
  friend money operator*(money, F) = delete;
  /// No scaling by a fraction (see above).
  template <std::floating_point F>
  friend money operator*(F, money) = delete;
  /// Adds in place (checked).
  money& operator+=(money b) { return *this = *this + b; }
  /// Subtracts in place (checked).
  money& operator-=(money b) { return *this = *this - b; }

  /// Ordered by value.
  friend constexpr auto operator<=>(money, money) noexcept = default;

 private:
  std::int64_t fen_ = 0;
};

/// A whole number of things (persons, person-times, sessions...), overflow-checked.
class count {
 public:
  /// Zero.
  constexpr count() noexcept = default;
  /// `n` things.
  constexpr explicit count(std::int64_t n) noexcept : n_(n) {}

  /// The number.
  constexpr std::int64_t value() const noexcept { return n_; }
  /// The number: the accessor money and count share (see money::units).
  constexpr std::int64_t units() const noexcept { return n_; }

  /// Checked sum; throws overflow_error.
  friend count operator+(count a, count b);
  /// Checked difference; throws overflow_error.
  friend count operator-(count a, count b);
  /// Checked scaling; throws overflow_error.
  friend count operator*(count a, std::int64_t k);
  /// No scaling by a fraction: it would truncate.
  template <std::floating_point F>
  friend count operator*(count, F) = delete;
  /// Adds in place (checked).
  count& operator+=(count b) { return *this = *this + b; }

  /// Ordered by value.
  friend constexpr auto operator<=>(count, count) noexcept = default;

 private:
  std::int64_t n_ = 0;
};

/// Writes the amount in yuan with two decimals and the unit: "3190000.00元", "-0.05元".
std::ostream& operator<<(std::ostream& out, money m);
/// Writes the number: "94".
std::ostream& operator<<(std::ostream& out, count c);

namespace detail {
/// a + b, throwing overflow_error naming `what` when it does not fit.
std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what);
/// a - b, throwing overflow_error naming `what` when it does not fit.
std::int64_t checked_sub(std::int64_t a, std::int64_t b, const char* what);
/// a * b, throwing overflow_error naming `what` when it does not fit.
std::int64_t checked_mul(std::int64_t a, std::int64_t b, const char* what);
}  // namespace detail

}  // namespace aidstat
