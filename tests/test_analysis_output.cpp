#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/check.hpp"
#include "aidstat/pivot.hpp"

using namespace aidstat;

namespace {

// Two categories over 2022 and 2023, by hand: the same figures in every format.
dataset two_categories_by_hand() {
  dataset d;
  d.add_unit(unit("city", "市", unit_kind::government, side::civilian));
  const auto add = [&](int year, const char* category, const char* amount) {
    aid_item it;
    it.date = date(year);
    it.category = category;
    it.provider = "city";
    it.amount = parse_money(amount);
    d.add_item(it);
  };
  add(2022, "education", "100万元");
  add(2023, "education", "150万元");
  add(2023, "medical", "20多万元");  // [20万, 30万]
  return d;
}

}  // namespace

TEST_CASE("yoy writes the same figures in every format", "[analysis_output]") {
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.by = {dimension::parse("category")};
  const yoy_result r = compute_yoy(two_categories_by_hand(), q);
  std::ostringstream csv, json_out, table;
  write_yoy(csv, r, output_format::csv);
  write_yoy(json_out, r, output_format::json);
  write_yoy(table, r, output_format::table, money_unit::wan);
  CHECK(
      csv.str() ==
      "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,status\n"
      "education,1000000.00,1000000.00,1500000.00,1500000.00,500000.00,500000.00,50.00,continuing\n"
      "medical,0.00,0.00,200000.00,300000.00,200000.00,300000.00,,new\n");
  const auto doc = nlohmann::json::parse(json_out.str());
  CHECK(doc["groups"][0]["pct_change"] == 50.0);
  CHECK(doc["groups"][1]["status"] == "new");
  CHECK(doc["current_total"]["max"] == "1800000.00");
  // Table total: 100万 -> [170万, 180万], +75% on midpoints (100 -> 175).
  CHECK(table.str().find("75.00") != std::string::npos);
}

TEST_CASE("pivot CSV gives min and max per cell and totals from the records", "[analysis_output]") {
  pivot_query q;
  q.rows = dimension::parse("category");
  q.cols = dimension::parse("year");
  std::ostringstream out;
  write_pivot(out, compute_pivot(two_categories_by_hand(), q), output_format::csv);
  CHECK(out.str() ==
        "category,2022_min,2022_max,2023_min,2023_max,total_min,total_max\n"
        "education,1000000.00,1000000.00,1500000.00,1500000.00,2500000.00,2500000.00\n"
        "medical,0.00,0.00,200000.00,300000.00,200000.00,300000.00\n"
        "total,1000000.00,1000000.00,1700000.00,1800000.00,2700000.00,2800000.00\n");
}

TEST_CASE("a percent change in hundredths reads as a report writes it", "[analysis_output]") {
  CHECK(pct_change_text(1234) == "12.34");
  CHECK(pct_change_text(-500) == "-5.00");
  CHECK(pct_change_text(7) == "0.07");
  CHECK(pct_change_text(std::nullopt).empty());
}

TEST_CASE("every result compares with ==", "[analysis_output]") {
  const dataset d = two_categories_by_hand();
  yoy_query y;
  y.base_year = 2022;
  y.current_year = 2023;
  y.by = {dimension::parse("category")};
  CHECK(compute_yoy(d, y) == compute_yoy(d, y));
  yoy_query other = y;
  other.by = {};
  CHECK_FALSE(compute_yoy(d, other) == compute_yoy(d, y));

  trend_query t;
  t.from_year = 2022;
  t.to_year = 2023;
  CHECK(compute_trend(d, t) == compute_trend(d, t));

  pivot_query p;
  p.rows = dimension::parse("category");
  p.cols = dimension::parse("year");
  CHECK(compute_pivot(d, p) == compute_pivot(d, p));
  pivot_query swapped = p;
  std::swap(swapped.rows, swapped.cols);
  CHECK_FALSE(compute_pivot(d, swapped) == compute_pivot(d, p));  // another shape

  CHECK(compute_progress(d, {}) == compute_progress(d, {}));
  CHECK(check_dataset(d) == check_dataset(d));
}
