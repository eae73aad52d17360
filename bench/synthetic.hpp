// Realistic synthetic datasets for the bench: skewed categories, Zipf-like
// providers, years 2019-2024, a share of amounts in report notation. Fully
// deterministic from the seed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "aidstat/dataset.hpp"

namespace aidstat::bench {

/// What to generate.
struct synthetic_spec {
  std::uint64_t records = 1'000'000;  ///< number of aid items
  std::uint32_t providers = 2000;     ///< providing units (Zipf-like popularity)
  std::uint32_t recipients = 200;     ///< receiving (military) units
  double notation_share = 0.0;        ///< share of amounts written like "1100余万元"
  /// CSV only: every column of items.csv (dates to the day, beneficiary, note), with a short
  /// note on a third of the rows; about 60 bytes a row instead of 50.
  bool full_rows = false;
  std::uint64_t seed = 42;  ///< everything follows from it
};

/// Writes units.csv and items.csv (docs/file-formats.md) of the spec into `dir`; returns the size
/// of items.csv in bytes.
std::uint64_t write_synthetic_csv(const synthetic_spec& spec, const std::filesystem::path& dir);

/// Builds the same dataset directly in memory (no CSV).
dataset make_synthetic(const synthetic_spec& spec);

}  // namespace aidstat::bench
