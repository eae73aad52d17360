#include <catch2/catch.hpp>
#include <concepts>
#include <limits>

#include "aidstat/error.hpp"
#include "aidstat/money.hpp"

using aidstat::count;
using aidstat::money;

template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
  a* b;
};

// Money and counts never mix; money times money means nothing; raw integers are not money.
static_assert(addable<money, money>);
static_assert(!addable<money, count>);
static_assert(!addable<count, money>);
static_assert(!addable<money, long>);
static_assert(multipliable<money, long>);
static_assert(!multipliable<money, money>);
static_assert(!std::is_convertible_v<long, money>);
static_assert(!std::is_convertible_v<money, long>);

// Scaling by a fraction would truncate, so it does not compile.
static_assert(multipliable<long, money> && multipliable<money, int>);
static_assert(!multipliable<money, double> && !multipliable<double, money>);
static_assert(!multipliable<money, float> && !multipliable<count, double>);

TEST_CASE("money is integer fen", "[money]") {
  CHECK(money::from_yuan(3'190'000).fen() == 319'000'000);
  CHECK((money{150} + money{50}).fen() == 200);
  CHECK((money{150} - money{200}).fen() == -50);
  CHECK((money{150} * 3).fen() == 450);
  CHECK(money{1} < money{2});
}

TEST_CASE("money and count arithmetic is overflow-checked", "[money]") {
  const money big{std::numeric_limits<std::int64_t>::max()};
  CHECK_THROWS_AS(big + money{1}, aidstat::overflow_error);
  CHECK_THROWS_AS(money{std::numeric_limits<std::int64_t>::min()} - money{1},
                  aidstat::overflow_error);
  CHECK_THROWS_AS(big * 2, aidstat::overflow_error);
  CHECK_THROWS_AS(money::from_yuan(std::numeric_limits<std::int64_t>::max() / 10),
                  aidstat::overflow_error);
  CHECK_THROWS_AS(count{std::numeric_limits<std::int64_t>::max()} + count{1},
                  aidstat::overflow_error);
  // The error is part of the one family.
  CHECK_THROWS_AS(big + money{1}, aidstat::error);
}
