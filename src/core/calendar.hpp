// Day numbers of civil dates, for date and the engine's date filters. Internal.
#pragma once

#include <cstdint>
#include <string_view>

#include "aidstat/date.hpp"

namespace aidstat::detail {

/// Days since 1970-01-01 of the civil date y-m-d (proleptic Gregorian).
std::int32_t days_from_civil(int y, int m, int d) noexcept;

/// The fields of a date written as a day, "YYYY-MM-DD"; false for any other text or
/// a day the calendar lacks. Inline, so that a reader's loop keeps them in registers;
/// date::try_parse reads this form through it.
inline bool read_day_date(std::string_view text, int& y, int& m, int& d) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto digit = [&](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - unsigned{'0'};
  };
  const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3);
  const unsigned m0 = digit(5), m1 = digit(6), d0 = digit(8), d1 = digit(9);
  if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
    return false;
  y = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
  m = static_cast<int>(m0 * 10 + m1), d = static_cast<int>(d0 * 10 + d1);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= days_in_month(y, m));
}

}  // namespace aidstat::detail
