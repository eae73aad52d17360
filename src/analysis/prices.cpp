#include "aidstat/prices.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "aidstat/error.hpp"
#include "core/decimal_text.hpp"
#include "core/int128.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/table_reader.hpp"

namespace aidstat {

using detail::i128;

void deflator::set(int year, std::int64_t mantissa, int scale) {
  if (mantissa <= 0) detail::throw_error<data_error>("a price index must be positive");
  index_[year] = {mantissa, scale};
}

money_interval deflator::restate(money_interval amount, int year, int prices_of) const {
  const auto find = [&](int y) {
    const auto it = index_.find(y);
    if (it == index_.end())
      detail::throw_error<query_error>("the deflator table has no index for " + std::to_string(y) +
                                       "; add a row " + std::to_string(y) + ",INDEX");
    return it->second;
  };
  const index_value from = find(year), to = find(prices_of);
  // v * (to.m / 10^to.s) / (from.m / 10^from.s) = v * to.m * 10^from.s / (from.m * 10^to.s)
  i128 num = to.mantissa, den = from.mantissa;
  for (int i = 0; i < from.scale; ++i) num *= 10;
  for (int i = 0; i < to.scale; ++i) den *= 10;
  const auto scale = [&](money v) {
    const i128 x = static_cast<i128>(v.fen()) * num;
    const i128 q = x / den, r = x % den;
    i128 rounded = q;
    if (2 * (r < 0 ? -r : r) >= den) rounded += x < 0 ? -1 : 1;  // halves away from zero
    if (rounded > INT64_MAX || rounded < INT64_MIN)
      detail::throw_error<overflow_error>("an amount restated in constant prices is too large");
    return money{static_cast<std::int64_t>(rounded)};
  };
  return money_interval(scale(amount.min()), scale(amount.max()));
}

deflator deflator::read(const csv_text& file) {
  std::vector<problem> problems;
  deflator out;
  detail::table_reader t(file, problems);
  static constexpr std::array<std::string_view, 2> cols = {"year", "index"};
  t.read(cols, 2, [&](const detail::table_row& r) {
    const std::string& y = r.get(0);
    const auto parsed = detail::parse_year(y);
    if (!parsed) return t.report(r, 0, "'" + y + "' is not a year");
    const int year = *parsed;
    const auto idx = detail::parse_exact_decimal(r.get(1));
    if (!idx || idx->mantissa == 0)
      return t.report(r, 1, "'" + r.get(1) + "' is not a positive index such as 102.3");
    if (out.has(year)) return t.report(r, 0, "year " + y + " has two indexes");
    out.set(year, idx->mantissa, idx->scale);
  });
  detail::sort_problems(problems);
  if (!problems.empty()) detail::throw_error<validation_error>(std::move(problems));
  return out;
}

deflator deflator::load(const std::filesystem::path& path) {
  return read(detail::read_csv_file(path));
}

}  // namespace aidstat
