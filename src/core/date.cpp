#include "aidstat/date.hpp"

#include "aidstat/error.hpp"
#include "core/calendar.hpp"
#include "core/printable.hpp"

namespace aidstat {

std::int32_t detail::days_from_civil(int y, int m, int d) noexcept {
  // Howard Hinnant's algorithm (public domain), date.h days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

int days_in_month(int y, int m) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

namespace {
[[noreturn]] void bad_date(const std::string& why) { detail::throw_error<parse_error>(why); }
[[noreturn]] void not_a_date(std::string_view text) {
  bad_date(detail::quoted(text) +
           " is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-07-29)");
}
}  // namespace

date::date(int y) {
  if (y < 1 || y > 9999) bad_date("year " + std::to_string(y) + " is outside 1..9999");
  year_ = static_cast<std::int16_t>(y);
}

date::date(int y, int m) : date(y) {
  if (m < 1 || m > 12) bad_date("month " + std::to_string(m) + " is outside 1..12");
  month_ = static_cast<std::uint8_t>(m);
}

date::date(int y, int m, int d) : date(y, m) {
  if (d < 1 || d > days_in_month(y, m))
    bad_date(std::to_string(y) + "-" + std::to_string(m) + " has no day " + std::to_string(d));
  day_ = static_cast<std::uint8_t>(d);
}

date date::parse(std::string_view text) {
  if (const auto d = try_parse(text)) return *d;
  not_a_date(text);
}

std::optional<date> date::try_parse(std::string_view text) noexcept {
  // Reads len digits at pos into v; false when one is not a digit.
  const auto number = [&](std::size_t pos, std::size_t len, int& v) {
    v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      const unsigned digit = static_cast<unsigned char>(text[i]) - unsigned{'0'};
      if (digit > 9) return false;
      v = v * 10 + static_cast<int>(digit);
    }
    return true;
  };
  const std::size_t n = text.size();
  int y = 0, m = 0, d = 0;
  if (n == 10) {
    if (!detail::read_day_date(text, y, m, d)) return std::nullopt;
  } else {
    if (n != 4 && !(n == 7 && text[4] == '-')) return std::nullopt;
    if (!number(0, 4, y) || y < 1) return std::nullopt;
    if (n == 7 && (!number(5, 2, m) || m < 1 || m > 12)) return std::nullopt;
  }
  date out;  // checked above, as the constructors check
  out.year_ = static_cast<std::int16_t>(y);
  out.month_ = static_cast<std::uint8_t>(m);
  out.day_ = static_cast<std::uint8_t>(d);
  return out;
}

std::int32_t date::first_day() const noexcept {
  return detail::days_from_civil(year_, month_ ? month_ : 1, day_ ? day_ : 1);
}

std::int32_t date::last_day() const noexcept {
  const int m = month_ ? month_ : 12;
  return detail::days_from_civil(year_, m, day_ ? day_ : days_in_month(year_, m));
}

std::string date::to_string() const {
  char buf[16];
  auto put = [&](char* p, int v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
  };
  put(buf, year_, 4);
  std::size_t n = 4;
  if (month_) {
    buf[4] = '-';
    put(buf + 5, month_, 2);
    n = 7;
  }
  if (day_) {
    buf[7] = '-';
    put(buf + 8, day_, 2);
    n = 10;
  }
  return std::string(buf, n);
}

}  // namespace aidstat
