#include <catch2/catch.hpp>

#include "aidstat/interval.hpp"

using namespace aidstat;

namespace {
money_interval yuan(std::int64_t lo, std::int64_t hi) {
  return money_interval(money::from_yuan(lo), money::from_yuan(hi));
}
}  // namespace

TEST_CASE("intervals add bound by bound", "[interval]") {
  const auto sum =
      yuan(11'000'000, 12'000'000) + money_interval::exact(money::from_yuan(3'190'000));
  CHECK(sum == yuan(14'190'000, 15'190'000));
  CHECK_FALSE(sum.is_exact());
  CHECK(money_interval::exact(money{5}).is_exact());
  CHECK(sum.width() == money::from_yuan(1'000'000));
}

TEST_CASE("intervals subtract crosswise", "[interval]") {
  // [a,b] - [c,d] = [a-d, b-c]: 1100余万 less 319万 is [781万, 881万].
  CHECK(yuan(11'000'000, 12'000'000) - yuan(3'190'000, 3'190'000) == yuan(7'810'000, 8'810'000));
  CHECK(yuan(10, 20) - yuan(5, 30) == yuan(-20, 15));
}

TEST_CASE("an interval's bounds must be ordered", "[interval]") {
  CHECK_THROWS_AS(yuan(2, 1), aidstat::error);
  CHECK(yuan(1, 3).contains(money::from_yuan(2)));
  CHECK(yuan(1, 3).overlaps(yuan(3, 5)));
  CHECK_FALSE(yuan(1, 3).overlaps(yuan(4, 5)));
}

TEST_CASE("interval sums check overflow", "[interval]") {
  const money_interval big(money{0}, money{std::numeric_limits<std::int64_t>::max()});
  CHECK_THROWS_AS(big + big, aidstat::overflow_error);
}
