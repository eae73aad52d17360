// The streaming way of totals_at, on its own so that tests can tell which way a
// directory took. Internal.
#pragma once

#include <filesystem>
#include <optional>

#include "aidstat/totals.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat::detail {

/// The totals of q (streams_from_csv(q) holds) over directory `dir`, with items.csv
/// read a block at a time; empty when the directory needs the full load: a problem
/// in any file, a query the engine refuses before reading, or more rows than one
/// thread's sums can count.
std::optional<totals> stream_totals(const std::filesystem::path& dir, const totals_query& q,
                                    work_meter* meter);

}  // namespace aidstat::detail
