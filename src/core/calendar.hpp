// Day numbers of civil dates, for date and the engine's date filters. Internal.
#pragma once

#include <cstdint>

namespace aidstat::detail {

/// Days since 1970-01-01 of the civil date y-m-d (proleptic Gregorian).
std::int32_t days_from_civil(int y, int m, int d) noexcept;

}  // namespace aidstat::detail
