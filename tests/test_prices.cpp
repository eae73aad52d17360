#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "aidstat/prices.hpp"
#include "test_support.hpp"

using namespace aidstat;

TEST_CASE("a deflator restates amounts exactly, rounding halves away from zero", "[prices]") {
  deflator d = deflator::read({"deflator.csv", "year,index\n2021,98.5\n2022,100\n2023,105\n"});
  REQUIRE(d.has(2021));
  CHECK_FALSE(d.has(2020));
  // 100万 of 2022 in 2023 prices: x 105/100 = 1050000 yuan.
  CHECK(d.restate(parse_money("100万元"), 2022, 2023) == parse_money("105万元"));
  // 1 fen of 2021 in 2023 prices: 105/98.5 = 1.0660... fen, rounded to 1 fen.
  CHECK(d.restate(money_interval::exact(money{1}), 2021, 2023) == money_interval::exact(money{1}));
  // 3 fen x 105/100 = 3.15 fen -> 3; 10 fen -> 10.5 fen -> 11 (half away from zero).
  CHECK(d.restate(money_interval::exact(money{3}), 2022, 2023).min() == money{3});
  CHECK(d.restate(money_interval::exact(money{10}), 2022, 2023).min() == money{11});
  // Both bounds of an interval: [1100万, 1200万] x 100/105 = [10476190.476.., 11428571.428..].
  const money_interval back = d.restate(parse_money("1100余万元"), 2023, 2022);
  CHECK(back.min() == money{1047619048});
  CHECK(back.max() == money{1142857143});
  CHECK_THROWS_AS(d.restate(parse_money("1元"), 2020, 2023), query_error);
}

TEST_CASE("a deflator file's problems are reported with their positions", "[prices]") {
  try {
    deflator::read({"deflator.csv", "year,index\n2022,abc\n20x3,100\n2024,-5\n"});
    FAIL("no error");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].where.line == 2);
    CHECK(e.problems()[0].where.column == 2);
    CHECK(e.problems()[1].where.line == 3);
    CHECK(e.problems()[1].where.column == 1);
    CHECK(e.problems()[2].where.line == 4);
  }
}

TEST_CASE("a deflator loads from a file, and a missing file is an io_error", "[prices]") {
  test::temp_dir dir;
  dir.write("d.csv", "year,index\n2022,100\n2023,102.5\n");
  const deflator d = deflator::load(dir.path() / "d.csv");
  // 200 yuan of 2022 x 1.025 = 205 yuan.
  CHECK(d.restate(parse_money("200元"), 2022, 2023) == parse_money("205元"));
  CHECK_THROWS_AS(deflator::load(dir.path() / "missing.csv"), io_error);
}
