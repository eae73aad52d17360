#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/fmt.hpp"

using namespace aidstat;

namespace {
template <class T>
std::string streamed(const T& v) {
  std::ostringstream out;
  out << v;
  return out.str();
}
}  // namespace

TEST_CASE("value types print with operator<< and fmt alike", "[fmt]") {
  CHECK(streamed(money{319000000}) == "3190000.00元");
  CHECK(streamed(money{-5}) == "-0.05元");
  CHECK(streamed(count{94}) == "94");
  CHECK(streamed(parse_money("1100余万元")) == "[11000000.00元, 12000000.00元]");
  CHECK(streamed(parse_money("78.8万元")) == "788000.00元");
  CHECK(streamed(parse_quantity("3000余人次").value) == "[3000, 4000]");
  CHECK(streamed(date(2023, 7, 29)) == "2023-07-29");
  CHECK(fmt::format("{} on {}", parse_money("1100余万元"), date(2023, 1)) ==
        "[11000000.00元, 12000000.00元] on 2023-01");
  CHECK(fmt::format("{}|{}", money{1}, count{2}) == "0.01元|2");
}
