// Excel's date serial numbers, both date systems: the 1900 system (day 1 is
// 1900-01-01, and day 60 the 29 February 1900 that never was, kept from Lotus 1-2-3)
// and the 1904 system (day 0 is 1904-01-01). Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "aidstat/date.hpp"

namespace aidstat::detail {

/// A civil day.
struct civil_day {
  int year = 0, month = 0, day = 0;
};

/// The day of serial `serial` (its whole days; a time of day is dropped); nothing when
/// it names no day (before the system's first day, 29 February 1900, after 9999),
/// with `why` saying which.
std::optional<civil_day> day_of_serial(double serial, bool date1904, std::string& why);

/// The 1900-system serial of the first day of `d` (its day, month or year); nothing
/// before 1900-03-01, where the phantom day makes serials ambiguous to readers.
std::optional<double> serial_of(const date& d);

}  // namespace aidstat::detail
