#include "aidstat/money.hpp"

#include <ostream>
#include <string>

#include "aidstat/error.hpp"

namespace aidstat {
namespace detail {

namespace {
[[noreturn]] void overflow(const char* what) {
  throw_error<overflow_error>(std::string("the ") + what +
                              " is too large to hold (over 9.2e18); split the data or check for a "
                              "mistyped figure");
}
}  // namespace

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) overflow(what);
  return r;
}
std::int64_t checked_sub(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) overflow(what);
  return r;
}
std::int64_t checked_mul(std::int64_t a, std::int64_t b, const char* what) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) overflow(what);
  return r;
}
}  // namespace detail

money money::from_yuan(std::int64_t yuan) {
  return money{detail::checked_mul(yuan, 100, "amount in fen")};
}
money operator+(money a, money b) {
  return money{detail::checked_add(a.fen_, b.fen_, "sum of amounts")};
}
money operator-(money a, money b) {
  return money{detail::checked_sub(a.fen_, b.fen_, "difference of amounts")};
}
money operator*(money a, std::int64_t k) {
  return money{detail::checked_mul(a.fen_, k, "product of an amount")};
}
count operator+(count a, count b) {
  return count{detail::checked_add(a.n_, b.n_, "sum of quantities")};
}
count operator-(count a, count b) {
  return count{detail::checked_sub(a.n_, b.n_, "difference of quantities")};
}
count operator*(count a, std::int64_t k) {
  return count{detail::checked_mul(a.n_, k, "product of a quantity")};
}

std::ostream& operator<<(std::ostream& out, money m) {
  const std::int64_t fen = m.fen();
  const std::uint64_t mag =
      fen < 0 ? 0ULL - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  const std::uint64_t cents = mag % 100;
  return out << (fen < 0 ? "-" : "") << mag / 100 << '.' << (cents < 10 ? "0" : "") << cents
             << "元";
}

std::ostream& operator<<(std::ostream& out, count c) { return out << c.value(); }

}  // namespace aidstat
