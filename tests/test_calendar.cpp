// Fiscal years and year-to-date cuts: the boundaries that decide year-over-year figures.
#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/yoy.hpp"

using namespace aidstat;

namespace {
dataset dated(std::vector<std::pair<const char*, const char*>> rows) {
  dataset d;
  d.add_unit(unit("city", "", unit_kind::government, side::civilian));
  d.add_unit(unit("army", "", unit_kind::military_unit, side::military));
  for (const auto& [when, amount] : rows) {
    aid_item it;
    it.date = date::parse(when);
    it.category = "condolence";
    it.provider = "city";
    it.recipient = "army";
    it.amount = parse_money(amount);
    d.add_item(it);
  }
  return d;
}
std::vector<std::pair<std::string, std::int64_t>> yuan_by(const dataset& d, const char* dim,
                                                          record_filter f) {
  totals_query q;
  q.by = {dimension::parse(dim)};
  q.filter = std::move(f);
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& g : compute_totals(d, q).groups)
    out.emplace_back(g.key[0], g.figures.amount.min().fen() / 100);
  return out;
}
using rows = std::vector<std::pair<std::string, std::int64_t>>;
}  // namespace

TEST_CASE("fiscal years starting in April, records on both sides of the boundary", "[calendar]") {
  const dataset d = dated({{"2022-12", "1"},
                           {"2023-03-31", "2"},
                           {"2023-04-01", "4"},
                           {"2024-03", "8"},
                           {"2024-04-02", "16"}});
  record_filter f;
  f.fiscal_year_start = 4;
  CHECK(yuan_by(d, "year", f) == rows{{"2022", 3}, {"2023", 12}, {"2024", 16}});
  CHECK(yuan_by(d, "quarter", f) ==
        rows{{"2022-Q3", 1}, {"2022-Q4", 2}, {"2023-Q1", 4}, {"2023-Q4", 8}, {"2024-Q1", 16}});
  CHECK(yuan_by(d, "month", f) ==
        rows{{"2022-12", 1}, {"2023-03", 2}, {"2023-04", 4}, {"2024-03", 8}, {"2024-04", 16}});
  f.year = 2023;
  CHECK(yuan_by(d, "year", f) == rows{{"2023", 12}});
  // Calendar years for comparison.
  CHECK(yuan_by(d, "year", {}) == rows{{"2022", 1}, {"2023", 6}, {"2024", 24}});
}

TEST_CASE("a fiscal year cannot place a record dated only to a year", "[calendar]") {
  const dataset d = dated({{"2023", "1"}, {"2023-05", "2"}});
  record_filter f;
  f.fiscal_year_start = 4;
  CHECK_THROWS_WITH(yuan_by(d, "year", f),
                    Catch::StartsWith("1 record(s) are dated only to a year") &&
                        Catch::Contains("fiscal year starting in month 4"));
  f.fiscal_year_start = 13;
  CHECK_THROWS_AS(yuan_by(d, "year", f), query_error);
}

TEST_CASE("year to date keeps January to the cut day of each year", "[calendar]") {
  const dataset d = dated({{"2022-05-01", "1"},
                           {"2022-07-01", "2"},
                           {"2023-06", "4"},
                           {"2023-06-15", "8"},
                           {"2023-07", "16"}});
  record_filter f;
  f.through = month_day::parse("06-30");
  CHECK(yuan_by(d, "year", f) == rows{{"2022", 1}, {"2023", 12}});
  f.through = month_day::parse("06-15");  // cuts through the 2023-06 record
  CHECK_THROWS_WITH(yuan_by(d, "year", f), Catch::Contains("year-to-date cut at 06-15"));

  // The same cut compares both years.
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.filter.through = month_day::parse("06-30");
  const yoy_result r = compute_yoy(d, q);
  CHECK(r.base_total.amount == money_interval::exact(money::from_yuan(1)));
  CHECK(r.current_total.amount == money_interval::exact(money::from_yuan(12)));
  REQUIRE(r.groups.size() == 1);
  CHECK(r.groups[0].pct_change_text() == "1100.00");
}

TEST_CASE("year to date in a fiscal year, and 29 February", "[calendar]") {
  const dataset d =
      dated({{"2023-04-10", "1"}, {"2024-02-29", "2"}, {"2024-03-01", "4"}, {"2023-02-28", "8"}});
  record_filter f;
  f.fiscal_year_start = 4;
  f.through = month_day::parse("02-29");  // FY2023 runs to 2024-02-29; FY2022 to 2023-02-28
  CHECK(yuan_by(d, "year", f) == rows{{"2022", 8}, {"2023", 3}});
  CHECK_THROWS_AS(month_day::parse("02-30"), query_error);
  CHECK_THROWS_AS(month_day::parse("6-30"), query_error);
  CHECK(month_day::parse("06-30").to_string() == "06-30");
}
