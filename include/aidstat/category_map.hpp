// Taxonomy changes across years: a category map sends the records of a
// year from an old category key to a new one, or splits one key by shares, so a
// comparison can span a renamed or split category.
//
//   category_map m = category_map::load("map.csv");  // year,from,to,share
//   dataset comparable = m.apply(d);
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "aidstat/csv_text.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat {

/// Records of `year` in category `from` count as `to` for `share_ppb` / 1e9 of them.
struct category_mapping {
  int year = 0;                ///< the year whose records are mapped
  std::string from;            ///< old category key
  std::string to;              ///< new category key
  std::int64_t share_ppb = 0;  ///< share in parts per billion (1e9 = all)
  source_location where;       ///< where the row came from, for messages
};

/// A set of mappings; the shares of each (year, from) add up to exactly 1.
class category_map {
 public:
  /// Reads CSV `year,from,to,share` (share a decimal with at most 9 places; the
  /// shares of one year and key must add up to exactly 1). Throws validation_error.
  static category_map read(const csv_text& file);
  /// Reads the CSV file at `path`; throws io_error or validation_error.
  static category_map load(const std::filesystem::path& path);

  /// The mappings, in file order.
  const std::vector<category_mapping>& mappings() const noexcept { return mappings_; }

  /// A copy of `d` with mapped records moved to their new keys. A split record
  /// becomes one record per part (each counts as a record of its category); amounts
  /// and quantities are divided by the shares, rounded to the fen (or unit) so that
  /// the parts add up exactly to the whole. Throws validation_error when a new key
  /// is not in the taxonomy.
  dataset apply(const dataset& d) const;

 private:
  std::vector<category_mapping> mappings_;
};

}  // namespace aidstat
