// The check that every total can be computed: sums of amounts and quantities that
// no 64-bit total can hold, named by category and measure. Internal to check.
#pragma once

#include <vector>

#include "aidstat/check.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat::detail {

/// An error finding for each category whose amounts, and each measure whose
/// quantities, add up (upper bounds) to more than a total can hold; one for all
/// records when only their sum overflows. Empty when every total fits.
std::vector<finding> sum_overflow_findings(const dataset& d);

}  // namespace aidstat::detail
