// Writing a dataset back to CSV files (docs/file-formats.md) that load into an identical
// dataset: every entity, every approximate figure (as "[min, max]"), notes with
// commas, quotes and newlines, and each item's direction.
#pragma once

#include <filesystem>

#include "aidstat/dataset.hpp"

namespace aidstat {

/// Writes units.csv, beneficiaries.csv, categories.csv, commitments.csv,
/// stated_totals.csv and items.csv into `dir` (created if missing), each file
/// atomically. items.csv carries the optional `direction` column. Throws io_error.
void export_csv(const dataset& d, const std::filesystem::path& dir);

}  // namespace aidstat
