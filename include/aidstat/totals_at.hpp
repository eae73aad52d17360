// Totals straight from where a dataset is kept, as a one-shot query meets it.
//
//   totals t = totals_at(dir, {.by = {dimension::parse("category")}});  // a CSV directory
//   t == compute_totals(load_dataset(dir), {.by = {dimension::parse("category")}});  // true
//
// The answer is compute_totals(open_dataset(path, fields_for(q)), q), always. The
// way there differs. From a CSV directory, every query is answered while items.csv
// is read, a block at a time, without building the dataset's item columns: memory
// stays a few megabytes per thread however large the file. Keys and conditions on
// units need the directory's units.csv for that (streams_from_csv). From a binary
// archive (format 3 on), the sparse columns the query reads are loaded and the dense
// ones read 65,536 rows at a time, every section's checksum checked first. A record
// dated before 1901 or after 2155 under a period key, any file with a problem, and
// any other archive are loaded in full, so the problems are reported exactly as
// load_dataset and load_archive report them.
#pragma once

#include <filesystem>
#include <vector>

#include "aidstat/totals.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// Whether totals_at answers `q` from any CSV directory while reading items.csv: it
/// has no key or condition on a unit. Those stream too from a directory with units.csv.
bool streams_from_csv(const totals_query& q) noexcept;

/// The totals of query `q` over the dataset at `path` (a CSV directory or an archive
/// file); `meter`, when given, counts the bytes read. Throws as open_dataset and
/// compute_totals throw.
totals totals_at(const std::filesystem::path& path, const totals_query& q,
                 work_meter* meter = nullptr);

/// The totals of every query of `qs`, in their order, from one reading of the dataset:
/// element i is totals_at(path, qs[i]). What the analyses that need several totals
/// (yoy, trend, pivot; analysis_at.hpp) read a CSV directory through.
std::vector<totals> totals_at(const std::filesystem::path& path,
                              const std::vector<totals_query>& qs, work_meter* meter = nullptr);

}  // namespace aidstat
