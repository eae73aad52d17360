#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/error.hpp"
#include "aidstat/pivot.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
dataset grid() {
  dataset d = test::city_and_army();
  test::add_gift(d, "2022", "education", "100", "kids");
  test::add_gift(d, "2023", "education", "200", "kids");
  test::add_gift(d, "2023", "medical", "10余", "");
  return d;
}
}  // namespace

TEST_CASE("pivot holds cells in Eigen matrices with exact totals", "[pivot]") {
  pivot_query q;
  q.rows = dimension::parse("category");
  q.cols = dimension::parse("year");
  const pivot_result p = compute_pivot(grid(), q);
  CHECK(p.row_keys == std::vector<std::string>{"education", "medical"});
  CHECK(p.col_keys == std::vector<std::string>{"2022", "2023"});
  CHECK(p.min.rows() == 2);
  CHECK(p.min.cols() == 2);
  CHECK(p.min(0, 0) == 10'000);
  CHECK(p.min(0, 1) == 20'000);
  CHECK(p.min(1, 0) == 0);
  CHECK(p.min(1, 1) == 1'000);
  CHECK(p.max(1, 1) == 2'000);
  CHECK(p.row_totals[0].amount == money_interval::exact(money::from_yuan(300)));
  CHECK(p.col_totals[1].amount == money_interval(money::from_yuan(210), money::from_yuan(220)));
  CHECK(p.grand.amount == money_interval(money::from_yuan(310), money::from_yuan(320)));
  // The matrix sums agree with the totals for amounts.
  CHECK(p.min.sum() == p.grand.amount.min().fen());
}

TEST_CASE("pivot headcount totals count a person once", "[pivot]") {
  pivot_query q;
  q.rows = dimension::parse("category");
  q.cols = dimension::parse("year");
  q.measure = pivot_measure::headcount;
  const pivot_result p = compute_pivot(grid(), q);
  CHECK(p.min(0, 0) == 10);
  CHECK(p.min(0, 1) == 10);
  CHECK(pivot_value(p.row_totals[0], q.measure).first == 10);  // not 20
  std::ostringstream out;
  write_pivot(out, p, output_format::csv);
  CHECK(out.str() ==
        "category,2022,2023,total\n"
        "education,10,10,10\n"
        "medical,0,0,0\n"
        "total,10,10,10\n");
  q.cols = q.rows;
  CHECK_THROWS_AS(compute_pivot(grid(), q), query_error);
}

TEST_CASE("pivot CSV of amounts has min and max columns", "[pivot]") {
  pivot_query q;
  q.rows = dimension::parse("year");
  q.cols = dimension::parse("category");
  std::ostringstream out;
  write_pivot(out, compute_pivot(grid(), q), output_format::csv);
  CHECK(out.str() ==
        "year,education_min,education_max,medical_min,medical_max,total_min,total_max\n"
        "2022,100.00,100.00,0.00,0.00,100.00,100.00\n"
        "2023,200.00,200.00,10.00,20.00,210.00,220.00\n"
        "total,300.00,300.00,10.00,20.00,310.00,320.00\n");
}
