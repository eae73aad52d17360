// Totals straight from where a dataset is kept, as a one-shot query meets it.
//
//   totals t = totals_at(dir, {.by = {dimension::parse("category")}});  // a CSV directory
//   t == compute_totals(load_dataset(dir), {.by = {dimension::parse("category")}});  // true
//
// The answer is compute_totals(open_dataset(path, fields_for(q)), q), always. The
// way there differs: from a CSV directory, a query that groups and filters only by
// category (or its parent), form, direction and dates is answered while items.csv
// is read, a block at a time, without building the dataset's item columns: memory
// stays a few megabytes per thread however large the file. Any file with a problem
// is then loaded in full, so the problems are reported exactly as load_dataset
// reports them, each with its file, line and column.
#pragma once

#include <filesystem>

#include "aidstat/totals.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// Whether totals_at answers `q` from a CSV directory while reading items.csv.
bool streams_from_csv(const totals_query& q) noexcept;

/// The totals of query `q` over the dataset at `path` (a CSV directory or an archive
/// file); `meter`, when given, counts the bytes read. Throws as open_dataset and
/// compute_totals throw.
totals totals_at(const std::filesystem::path& path, const totals_query& q,
                 work_meter* meter = nullptr);

}  // namespace aidstat
