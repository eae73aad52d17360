// Calendar dates with day, month or year precision, as records state them
// ("2023-07-29", "2023-07", "2023"). A month-precision date stands for the
// whole month; it has no day. Dates are value types, ordered by their first day.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace aidstat {

/// How precisely a date is known.
enum class date_precision : std::uint8_t { year, month, day };

/// A date known to the day, the month or the year.
class date {
 public:
  /// Year 1970, year precision (useful only as a placeholder).
  constexpr date() noexcept = default;
  /// The whole year `y` (1..9999); throws parse_error otherwise.
  explicit date(int y);
  /// The whole month `m` of year `y`; throws parse_error when invalid.
  date(int y, int m);
  /// The day y-m-d; throws parse_error when not a calendar day (2023-02-29).
  date(int y, int m, int d);
  /// Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; throws parse_error naming the text.
  static date parse(std::string_view text);
  /// Reads what parse() reads, or gives nothing for any other text (no exception).
  static std::optional<date> try_parse(std::string_view text) noexcept;

  /// The year.
  constexpr int year() const noexcept { return year_; }
  /// The month 1..12, or 0 at year precision.
  constexpr int month() const noexcept { return month_; }
  /// The day 1..31, or 0 unless day precision.
  constexpr int day() const noexcept { return day_; }
  /// The quarter 1..4, or 0 at year precision.
  constexpr int quarter() const noexcept { return month_ ? (month_ - 1) / 3 + 1 : 0; }
  /// Year, month or day precision.
  constexpr date_precision precision() const noexcept {
    return day_ ? date_precision::day : month_ ? date_precision::month : date_precision::year;
  }
  /// Days since 1970-01-01 of the first day this date covers.
  std::int32_t first_day() const noexcept;
  /// Days since 1970-01-01 of the last day this date covers.
  std::int32_t last_day() const noexcept;
  /// Back to "YYYY", "YYYY-MM" or "YYYY-MM-DD".
  std::string to_string() const;

  /// Equal when year, month and day (including precision) are equal.
  friend constexpr bool operator==(const date&, const date&) noexcept = default;
  /// Ordered by year, then month, then day (a coarser date first).
  friend constexpr auto operator<=>(const date&, const date&) noexcept = default;

 private:
  std::int16_t year_ = 1970;
  std::uint8_t month_ = 0;
  std::uint8_t day_ = 0;
};

/// The number of days in month m of year y.
int days_in_month(int y, int m) noexcept;

/// Writes the date as to_string does: "2023-07-01", "2023-07" or "2023".
inline std::ostream& operator<<(std::ostream& out, const date& d) { return out << d.to_string(); }

}  // namespace aidstat
