// Writing a dataset back to CSV files (docs/file-formats.md) that load into an identical
// dataset: every entity, every approximate figure (as "[min, max]"), notes with
// commas, quotes and newlines, and each item's direction.
#pragma once

#include <filesystem>

#include "aidstat/dataset.hpp"

namespace aidstat {

/// Writes units.csv, beneficiaries.csv, categories.csv, commitments.csv,
/// stated_totals.csv and items.csv into `dir` (created if missing), as a whole: the
/// files are written into a new folder beside `dir`, which then takes its place in
/// one step, so that after any fault `dir` is wholly the old dataset or wholly the
/// new one, and a reader never sees a mix. An existing `dir` keeps its mode and owner
/// and may hold only those files; anything else in it is refused, naming it, before
/// anything is written. items.csv carries the optional `direction` column. Throws
/// io_error with the system's reason.
void export_csv(const dataset& d, const std::filesystem::path& dir);

}  // namespace aidstat
