// Exact decimals for shares and price indexes: no floating point. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace aidstat::detail {

/// mantissa / 10^scale.
struct exact_decimal {
  std::int64_t mantissa = 0;
  int scale = 0;
};

/// Reads a non-negative decimal with at most 9 fraction digits ("0.25", "102.3",
/// "1"); empty when the text is anything else.
inline std::optional<exact_decimal> parse_exact_decimal(std::string_view s) {
  exact_decimal d;
  bool digits = false, point = false;
  for (char ch : s) {
    if (ch == '.' && !point) {
      point = true;
      continue;
    }
    if (ch < '0' || ch > '9') return std::nullopt;
    if (d.mantissa > (INT64_MAX - 9) / 10) return std::nullopt;
    d.mantissa = d.mantissa * 10 + (ch - '0');
    digits = true;
    if (point && ++d.scale > 9) return std::nullopt;
  }
  if (!digits || (point && d.scale == 0)) return std::nullopt;
  return d;
}

}  // namespace aidstat::detail
