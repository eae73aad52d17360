#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/category_map.hpp"
#include "aidstat/error.hpp"
#include "aidstat/yoy.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
dataset with_publicity() {
  dataset d = test::city_and_army();
  test::add_gift(d, "2022", "publicity",
                 "10万元");  // 2022's "publicity" became culture + defense_education
  test::add_gift(d, "2022", "publicity", "[0.01, 0.03]元");
  test::add_gift(d, "2022", "pension_subsidy", "1万元");  // renamed to charity_relief in 2023
  test::add_gift(d, "2023", "culture", "8万元");
  test::add_gift(d, "2023", "defense_education", "2万元");
  test::add_gift(d, "2023", "charity_relief", "1.2万元");
  test::add_gift(d, "2023", "publicity", "5元");  // 2023 records are not mapped
  return d;
}
const char* const kMap =
    "year,from,to,share\n"
    "2022,publicity,culture,0.7\n"
    "2022,publicity,defense_education,0.3\n"
    "2022,pension_subsidy,charity_relief,\n";
}  // namespace

TEST_CASE("a split category is shared out exactly by its shares", "[category_map]") {
  const category_map m = category_map::read({"map.csv", kMap});
  const dataset mapped = m.apply(with_publicity());
  CHECK(mapped.item_count() == 9);  // the two split records became two each
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.by = {dimension::parse("category")};
  const yoy_result r = compute_yoy(mapped, q);
  const auto base = [&](const char* key) {
    for (const auto& g : r.groups)
      if (g.key[0] == key) return g.base.amount;
    FAIL("no group " << key);
    throw;
  };
  // 10万 x 0.7 and x 0.3; [1, 3] fen: 0.7 of 1 fen rounds to 1, the remainder 0 goes on.
  CHECK(base("culture") == money_interval(money{7'000'001}, money{7'000'002}));
  CHECK(base("defense_education") == money_interval(money{3'000'000}, money{3'000'001}));
  CHECK(base("charity_relief") == parse_money("1万元"));
  CHECK(base("publicity") == money_interval());  // nothing left under the old key in 2022
  // The whole is kept to the fen.
  CHECK(r.base_total.amount == money_interval(money{11'000'001}, money{11'000'003}));
}

TEST_CASE("category maps are validated with positions", "[category_map]") {
  try {
    category_map::read({"map.csv",
                        "year,from,to,share\n2022,publicity,culture,0.7\n"
                        "2022,publicity,defense_education,0.2\nx,a,b,1\n2022,a,b,1.5\n"});
    FAIL("expected problems");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].to_string() ==
          "map.csv:3:4: the shares of 'publicity' in 2022 add up to "
          "0.900000, not 1; a split must share out the whole "
          "category");
    CHECK(e.problems()[1].to_string() == "map.csv:4:1: 'x' is not a year");
    CHECK_THAT(e.problems()[2].to_string(), Catch::StartsWith("map.csv:5:4:"));
  }
  const category_map m = category_map::read({"map.csv", "year,from,to\n2022,publicity,cultur\n"});
  CHECK_THROWS_WITH(m.apply(with_publicity()),
                    Catch::Contains("map.csv:2:3") && Catch::Contains("did you mean 'culture'"));
}
