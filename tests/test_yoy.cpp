#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/error.hpp"
#include "aidstat/yoy.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// Both years by hand: a group of each status, intervals, a zero base.
dataset every_status_by_hand() {
  dataset d = test::city_and_army(50);
  test::add_gift(d, "2022", "condolence", "100万元", "");
  test::add_gift(d, "2023", "condolence", "1100余万元", "");
  test::add_gift(d, "2023-05", "medical", "5万元", "");        // new: nothing in 2022
  test::add_gift(d, "2022-03", "legal_aid", "近3万元", "");    // discontinued
  test::add_gift(d, "2022", "education", "10万余元", "kids");  // intervals in both years
  test::add_gift(d, "2023", "education", "20多万元", "kids");
  test::add_gift(d, "2022", "culture", "", "");  // a record, but a zero base
  test::add_gift(d, "2023", "culture", "1万元", "");
  return d;
}

yoy_result by_category(const dataset& d) {
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.by = {dimension::parse("category")};
  return compute_yoy(d, q);
}

const yoy_group& find(const yoy_result& r, const std::string& key) {
  for (const auto& g : r.groups)
    if (g.key[0] == key) return g;
  FAIL("no group " << key);
  throw;
}

}  // namespace

TEST_CASE("yoy CSV follows the CSV contract of docs/cli.md to the byte, with hand-computed figures",
          "[yoy]") {
  std::ostringstream out;
  write_yoy(out, by_category(every_status_by_hand()), output_format::csv);
  // condolence: mid 100万 -> 1150万 = +1050%; education: mid 10.5万 -> 25万 = +138.095...%.
  CHECK(out.str() ==
        "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,status\n"
        "condolence,1000000.00,1000000.00,11000000.00,12000000.00,10000000.00,11000000.00,1050.00,"
        "continuing\n"
        // culture's 2022 record states no amount: that year, the change and the % are empty.
        "culture,,,10000.00,10000.00,,,,continuing\n"
        "education,100000.00,110000.00,200000.00,300000.00,90000.00,200000.00,138.10,continuing\n"
        "legal_aid,27000.00,30000.00,0.00,0.00,-30000.00,-27000.00,-100.00,discontinued\n"
        "medical,0.00,0.00,50000.00,50000.00,50000.00,50000.00,,new\n");
}

TEST_CASE("yoy statuses, crosswise deltas, shares and per-head change", "[yoy]") {
  const yoy_result r = by_category(every_status_by_hand());
  const yoy_group& edu = find(r, "education");
  CHECK(edu.delta == money_interval(money::from_yuan(90'000), money::from_yuan(200'000)));
  CHECK(edu.status == yoy_status::continuing);
  CHECK(find(r, "medical").status == yoy_status::new_);
  CHECK_FALSE(find(r, "medical").pct_change_hundredths.has_value());  // zero base
  CHECK(find(r, "legal_aid").status == yoy_status::discontinued);
  CHECK_FALSE(find(r, "culture").pct_change_hundredths.has_value());  // records, but no amount
  // Base total [112.7万, 114万] (mid 113.35万); current [1126万, 1236万] (mid 1181万).
  const yoy_group& cond = find(r, "condolence");
  CHECK(*cond.base_share == Approx(1'000'000.0 / 1'133'500.0));
  CHECK(*cond.current_share == Approx(11'500'000.0 / 11'810'000.0));
  CHECK(*cond.share_change_pp ==
        Approx((11'500'000.0 / 11'810'000.0 - 1'000'000.0 / 1'133'500.0) * 100.0));
  // 50 children both years: 2100 -> 5000 yuan per head.
  CHECK(*edu.base_per_head == Approx(2100.0));
  CHECK(*edu.current_per_head == Approx(5000.0));
  CHECK(*edu.per_head_change == Approx(2900.0));
  CHECK_FALSE(cond.per_head_change.has_value());  // no headcount known
  CHECK(r.base_total.amount ==
        money_interval(money::from_yuan(1'127'000), money::from_yuan(1'140'000)));
}

TEST_CASE("percent change rounds half away from zero on exact fen midpoints", "[yoy]") {
  const auto pct = [](std::int64_t base, std::int64_t current) {
    return pct_change_hundredths(money_interval::exact(money{base}),
                                 money_interval::exact(money{current}));
  };
  CHECK(pct(20'000, 20'001) == 1);   // +0.005% -> 0.01
  CHECK(pct(20'000, 19'999) == -1);  // -0.005% -> -0.01
  CHECK(pct(80'000, 80'001) == 0);   // +0.00125% -> 0.00
  CHECK(pct(3, 4) == 3333);          // 33.333...%
  CHECK(pct(3, 5) == 6667);          // 66.666...%
  CHECK_FALSE(pct(0, 5).has_value());
  yoy_group g;
  g.pct_change_hundredths = -5;
  CHECK(g.pct_change_text() == "-0.05");
  g.pct_change_hundredths = 123456;
  CHECK(g.pct_change_text() == "1234.56");
}

TEST_CASE("yoy refuses questions that make no sense", "[yoy]") {
  const dataset d = every_status_by_hand();
  yoy_query q;
  q.base_year = q.current_year = 2023;
  CHECK_THROWS_AS(compute_yoy(d, q), query_error);
  q.base_year = 2022;
  q.by = {dimension::parse("year")};
  CHECK_THROWS_AS(compute_yoy(d, q), query_error);
  q.by = {};
  q.filter.year = 2023;
  CHECK_THROWS_AS(compute_yoy(d, q), query_error);
}

TEST_CASE("constant prices restate both years in one year's prices", "[yoy][prices]") {
  deflator table = deflator::read({"deflator.csv", "year,index\n2022,100\n2023,102.5\n"});
  CHECK(table.restate(parse_money("100万元"), 2022, 2023) == parse_money("102.5万元"));
  // Fen rounding: halves away from zero.
  const auto one = [&](std::int64_t fen) {
    return table.restate(money_interval::exact(money{fen}), 2022, 2023).min().fen();
  };
  CHECK(one(1) == 1);    // 1.025
  CHECK(one(20) == 21);  // 20.5
  CHECK(one(-20) == -21);
  CHECK(one(19) == 19);  // 19.475
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.by = {dimension::parse("category")};
  q.prices = price_basis{table, 2023};
  const yoy_result r = compute_yoy(every_status_by_hand(), q);
  CHECK(find(r, "condolence").base.amount == parse_money("102.5万元"));
  CHECK(find(r, "condolence").current.amount == parse_money("1100余万元"));  // already 2023 prices
  CHECK(r.prices_of == 2023);
  q.prices = price_basis{table, 2021};
  CHECK_THROWS_WITH(compute_yoy(every_status_by_hand(), q), Catch::Contains("no index for 2021"));
  CHECK_THROWS_AS(deflator::read({"d.csv", "year,index\n2022,0\n"}), validation_error);
  CHECK_THROWS_WITH(deflator::read({"d.csv", "year,index\n2022,abc\n"}),
                    Catch::Contains("d.csv:2:2"));
}
