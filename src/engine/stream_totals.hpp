// The streaming way of totals_at, on its own so that tests can tell which way a
// directory took. Internal.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "aidstat/totals.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat::detail {

/// The (fiscal) years a stream's period keys span: a record outside them sends the
/// directory to the full load, which spans the years its records hold.
constexpr int kStreamFirstYear = 1900;
constexpr int kStreamLastYear = 2155;

/// The totals of every query of `qs` over directory `dir`, in one reading of items.csv a
/// block at a time, each as compute_totals gives it; empty when the directory needs the full
/// load: a problem in any file, a query the engine refuses before reading, a unit key
/// without units.csv, a record outside the stream's years, or more rows than one
/// thread's sums can count.
std::optional<std::vector<totals>> stream_totals(const std::filesystem::path& dir,
                                                 std::span<const totals_query> qs,
                                                 work_meter* meter);

/// The same for one query.
std::optional<totals> stream_totals(const std::filesystem::path& dir, const totals_query& q,
                                    work_meter* meter);

}  // namespace aidstat::detail
