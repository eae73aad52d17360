#include "aidstat/query.hpp"

#include <array>
#include <charconv>

#include "aidstat/error.hpp"

namespace aidstat {
namespace {

// provider@N and recipient@N are read apart: their keys name a pattern, not a name.
bool takes_depth(dimension_kind k) {
  return k == dimension_kind::provider_at || k == dimension_kind::recipient_at;
}

}  // namespace

dimension dimension::parse(std::string_view name) {
  if (const auto k = parse_enum<dimension_kind>(name); k && !takes_depth(*k))
    return dimension{*k, 0};
  const auto at = name.find('@');
  if (at != std::string_view::npos) {
    const std::string_view base = name.substr(0, at), depth = name.substr(at + 1);
    std::uint32_t n = 0;
    const auto [end, ec] = std::from_chars(depth.data(), depth.data() + depth.size(), n);
    if (ec != std::errc{} || end != depth.data() + depth.size() || depth.empty() || n > 1000)
      detail::throw_error<query_error>("'" + std::string(name) +
                                       "': the depth after '@' must be a whole number such as 0 "
                                       "(the roots of the unit tree) or 1");
    if (base == "provider") return dimension{dimension_kind::provider_at, n};
    if (base == "recipient") return dimension{dimension_kind::recipient_at, n};
  }
  detail::throw_error<query_error>("'" + std::string(name) + "' is not a dimension; use one of " +
                                   detail::accepted_keys<dimension_kind>());
}

std::string dimension::name() const {
  if (kind == dimension_kind::provider_at) return "provider@" + std::to_string(depth);
  if (kind == dimension_kind::recipient_at) return "recipient@" + std::to_string(depth);
  return std::string(key_of(kind));
}

condition condition::parse(std::string_view text) {
  const auto eq = text.find('=');
  if (eq == std::string_view::npos)
    detail::throw_error<query_error>("'" + std::string(text) +
                                     "' is not a condition; write DIM=VALUE, e.g. "
                                     "category=education or direction=support_military");
  condition c;
  c.on = dimension::parse(text.substr(0, eq));
  std::string_view rest = text.substr(eq + 1);
  for (;;) {
    const auto comma = rest.find(',');
    c.values.emplace_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return c;
}

month_day month_day::parse(std::string_view text) {
  const auto fail = [&] {
    detail::throw_error<query_error>("'" + std::string(text) +
                                     "' is not a day of the year; write MM-DD, e.g. 06-30");
  };
  if (text.size() != 5 || text[2] != '-') fail();
  int m = 0, d = 0;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (text[i] < '0' || text[i] > '9') fail();
  }
  m = (text[0] - '0') * 10 + (text[1] - '0');
  d = (text[3] - '0') * 10 + (text[4] - '0');
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(2024, m)) fail();
  return month_day{m, d};
}

std::string month_day::to_string() const {
  const auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return two(month) + "-" + two(day);
}

}  // namespace aidstat
