#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "aidstat/date.hpp"
#include "aidstat/error.hpp"
#include "core/calendar.hpp"  // src/

using aidstat::date;
using aidstat::date_precision;

TEST_CASE("dates parse at three precisions", "[date]") {
  const date d = date::parse("2023-07-29");
  CHECK(d.year() == 2023);
  CHECK(d.month() == 7);
  CHECK(d.day() == 29);
  CHECK(d.quarter() == 3);
  CHECK(d.precision() == date_precision::day);
  CHECK(date::parse("2023-07").precision() == date_precision::month);
  CHECK(date::parse("2023-07").day() == 0);
  CHECK(date::parse("2023").precision() == date_precision::year);
  CHECK(date::parse("2023").quarter() == 0);
  CHECK(date::parse("2023-12-31").to_string() == "2023-12-31");
  CHECK(date::parse("2023-02").to_string() == "2023-02");
}

TEST_CASE("invalid dates are errors naming the text", "[date]") {
  for (const char* bad : {"2023-02-29", "2023-13", "2023-00-10", "23-01-01", "2023/01/01",
                          "2023-1-1", "", "0000", "2023-07-32", "２０２３"}) {
    INFO(bad);
    CHECK_THROWS_AS(date::parse(bad), aidstat::parse_error);
  }
  CHECK_THROWS_WITH(date::parse("2023-02-29"), Catch::Contains("'2023-02-29' is not a date"));
  CHECK(date::parse("2024-02-29").day() == 29);  // leap year
}

TEST_CASE("try_parse reads exactly what parse reads, without exceptions", "[date]") {
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  for (int y : {1, 999, 1900, 2000, 2023, 2024, 9999}) {
    const std::string year =
        y < 1000 ? std::string(4 - std::to_string(y).size(), '0') + std::to_string(y)
                 : std::to_string(y);
    for (int m = 0; m <= 13; ++m) {
      for (int d = -1; d <= 32; ++d) {
        const std::string text =
            d < 0 ? (m == 0 ? year : year + "-" + two(m)) : year + "-" + two(m) + "-" + two(d);
        INFO(text);
        std::optional<date> thrown;
        try {
          thrown = date::parse(text);
        } catch (const aidstat::parse_error&) {
        }
        const std::optional<date> tried = date::try_parse(text);
        CHECK(tried == thrown);
        if (tried) CHECK(tried->to_string() == text);
      }
    }
  }
  for (const char* bad : {"2023-02-29", "2023-13", "23-01-01", "2023/01/01", "2023-1-1", "", "0000",
                          "２０２３", "2023-07-3x", "+023", "2023-07-1\n"})
    CHECK_FALSE(date::try_parse(bad));
}

TEST_CASE("a date covers its first to last day", "[date]") {
  CHECK(date::parse("1970-01-01").first_day() == 0);
  CHECK(date::parse("2023").first_day() == aidstat::detail::days_from_civil(2023, 1, 1));
  CHECK(date::parse("2023").last_day() == aidstat::detail::days_from_civil(2023, 12, 31));
  CHECK(date::parse("2024-02").last_day() == aidstat::detail::days_from_civil(2024, 2, 29));
  CHECK(date::parse("2023-02").last_day() - date::parse("2023-02").first_day() == 27);
  CHECK(date::parse("2023-12-31").last_day() + 1 == date::parse("2024-01-01").first_day());
}

TEST_CASE("dates order by year, then month, then day", "[date]") {
  CHECK(date::parse("2023") < date::parse("2023-01"));
  CHECK(date::parse("2023-01-31") < date::parse("2023-02"));
  CHECK(date::parse("2022-12-31") < date::parse("2023"));
}
