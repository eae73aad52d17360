// The order of result rows: every result (totals, yoy, trend, progress) sorts its
// groups by key this way. Internal.
#pragma once

#include <string>
#include <vector>

#include "aidstat/query.hpp"

namespace aidstat::detail {

/// Orders key rows: empty first, years numerically, everything else by bytes.
bool key_less(const std::vector<dimension>& by, const std::vector<std::string>& a,
              const std::vector<std::string>& b);

}  // namespace aidstat::detail
