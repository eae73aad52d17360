#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/error.hpp"
#include "aidstat/trend.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
dataset series() {
  dataset d = test::city_and_army();
  test::add_gift(d, "2020", "condolence", "100");  // 2021 has no records: it counts as zero
  test::add_gift(d, "2022", "condolence", "300");
  test::add_gift(d, "2023", "condolence", "400");
  test::add_gift(d, "2023", "medical", "50");
  return d;
}
}  // namespace

TEST_CASE("trend: CAGR, least-squares slope, projection and residual error by hand", "[trend]") {
  trend_query q;
  q.from_year = 2020;
  q.to_year = 2023;
  q.by = {dimension::parse("category")};
  const trend_result r = compute_trend(series(), q);
  REQUIRE(r.groups.size() == 2);
  const trend_group& c = r.groups[0];
  REQUIRE(c.years.size() == 4);
  CHECK(c.years[1].records == 0);
  CHECK(c.years[1].amount == money_interval());
  // y = 100, 0, 300, 400 at x = 0..3: slope 600/5 = 120, intercept 200 - 120*1.5 = 20,
  // projection 20 + 120*4 = 500, residuals 80, -140, 40, 20: se = sqrt(28000 / 2).
  CHECK(c.fit.slope == Approx(120.0));
  CHECK(c.fit.intercept == Approx(20.0));
  CHECK(c.fit.projection == Approx(500.0));
  CHECK(*c.fit.residual_se == Approx(std::sqrt(14000.0)));
  CHECK(*c.cagr == Approx(std::pow(4.0, 1.0 / 3.0) - 1.0));
  const trend_group& m = r.groups[1];
  CHECK_FALSE(m.cagr.has_value());     // zero in the first year
  CHECK(m.fit.slope == Approx(15.0));  // 0, 0, 0, 50
  CHECK(r.total.years[3].amount == money_interval::exact(money::from_yuan(450)));
}

TEST_CASE("trend of two points has no residual error", "[trend]") {
  const trend_fit f = fit_trend({10.0, 30.0});
  CHECK(f.slope == Approx(20.0));
  CHECK(f.projection == Approx(50.0));
  CHECK_FALSE(f.residual_se.has_value());
  CHECK(fit_trend({7.0}).projection == Approx(7.0));
}

TEST_CASE("trend CSV lists every year, empty ones as zero", "[trend]") {
  trend_query q;
  q.from_year = 2021;
  q.to_year = 2023;
  q.by = {dimension::parse("category")};
  std::ostringstream out;
  write_trend(out, compute_trend(series(), q), output_format::csv);
  // condolence: 0, 300, 400: slope 200, intercept 33.33, projection 633.33, residuals
  // -33.33, 66.67, -33.33: se = sqrt(6666.67 / 1) = 81.65.
  CHECK(out.str() ==
        "category,2021_min,2021_max,2022_min,2022_max,2023_min,2023_max,cagr_pct,slope_per_year,"
        "projection_2024,residual_se\n"
        "condolence,0.00,0.00,300.00,300.00,400.00,400.00,,200.00,633.33,81.65\n"
        "medical,0.00,0.00,0.00,0.00,50.00,50.00,,25.00,66.67,20.41\n");
}

TEST_CASE("trend refuses bad ranges", "[trend]") {
  trend_query q;
  q.from_year = 2023;
  q.to_year = 2020;
  CHECK_THROWS_AS(compute_trend(series(), q), query_error);
  q.from_year = 1800;
  q.to_year = 2023;
  CHECK_THROWS_AS(compute_trend(series(), q), query_error);
}
