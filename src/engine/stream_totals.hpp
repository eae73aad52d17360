// The streaming way of totals_at, on its own so that tests can tell which way a
// directory took. Internal.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "aidstat/totals.hpp"
#include "aidstat/work_meter.hpp"
#include "engine/block_scan.hpp"

namespace aidstat::detail {

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

/// The same from a binary archive file of format 3 or later, a block of rows at a time,
/// with the sparse columns the queries read in memory and never a dense column whole;
/// empty for any other archive, a damaged one, a record outside the stream's years, or
/// a file changed while read: the full load then reads it, or says what is wrong.
std::optional<std::vector<totals>> stream_archive_totals(const std::filesystem::path& file,
                                                         std::span<const totals_query> qs,
                                                         work_meter* meter);

}  // namespace aidstat::detail
