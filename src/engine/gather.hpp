// From the partial sums of a scan to the totals a query returns: what every way of
// scanning (a dataset in memory, items.csv as it is read) ends with. Internal.
#pragma once

#include <vector>

#include "aidstat/totals.hpp"
#include "engine/partial_sums.hpp"
#include "engine/scan.hpp"

namespace aidstat::detail {

/// Throws for what the scans could not count: an overflow, records dated only to a
/// year under a fiscal year, records whose dates the range cuts through.
void require_all_placed(const std::vector<partial>& parts, const record_filter& f);

/// The totals of the partials of plan `pl`'s scans over `d`'s items: each key decoded
/// into its texts and labels, groups in key order, and the grand total of the groups.
totals gather(const std::vector<partial>& parts, const plan& pl, const dataset& d,
              const std::vector<dimension>& by);

}  // namespace aidstat::detail
