#include "io/xlsx/excel_dates.hpp"

#include <cmath>

#include "core/calendar.hpp"

namespace aidstat::detail {
namespace {

// The civil day `days` after 1970-01-01 (days_from_civil's inverse; H. Hinnant's method).
civil_day civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<civil_day> within_calendar(civil_day day, std::string& why) {
  if (day.year <= 9999) return day;
  why = "is after the year 9999";
  return std::nullopt;
}

}  // namespace

std::optional<civil_day> day_of_serial(double serial, bool date1904, std::string& why) {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) {
    why = "is not a date serial number Excel uses";
    return std::nullopt;
  }
  const auto whole = static_cast<std::int64_t>(std::floor(serial));
  if (date1904) return within_calendar(civil_from_days(days_from_civil(1904, 1, 1) + whole), why);
  if (whole == 0) {
    why = "is day 0 of Excel's 1900 date system, which is no day (\"1900-01-00\")";
    return std::nullopt;
  }
  if (whole == 60) {
    why =
        "is 29 February 1900, a day Excel's 1900 date system counts but the calendar "
        "lacks; write the intended day";
    return std::nullopt;
  }
  // Days 1..59 count from 1899-12-31; from day 61 on, the phantom day shifts them by one.
  const std::int64_t base = days_from_civil(1899, 12, whole < 60 ? 31 : 30);
  return within_calendar(civil_from_days(base + whole), why);
}

std::optional<double> serial_of(const date& d) {
  const int month = d.month() ? d.month() : 1, day = d.day() ? d.day() : 1;
  const std::int64_t days = days_from_civil(d.year(), month, day);
  if (days < days_from_civil(1900, 3, 1)) return std::nullopt;
  return static_cast<double>(days - days_from_civil(1899, 12, 30));
}

}  // namespace aidstat::detail
