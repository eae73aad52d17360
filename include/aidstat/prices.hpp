// Constant prices: a deflator table (year -> price index) restates
// amounts of one year in the prices of another.
//
//   deflator d = deflator::load("deflator.csv");   // year,index
//   d.restate(parse_money("100万元"), 2022, 2023);  // 100万 x index(2023) / index(2022)
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>

#include "aidstat/csv_text.hpp"
#include "aidstat/interval.hpp"

namespace aidstat {

/// A price index per year, held exactly (up to 9 decimals, no floating point).
class deflator {
 public:
  /// Reads CSV `year,index` (index a positive decimal such as 102.3); throws
  /// validation_error listing every problem with its position.
  static deflator read(const csv_text& file);
  /// Reads the CSV file at `path`; throws io_error or validation_error.
  static deflator load(const std::filesystem::path& path);

  /// Sets the index of `year` to mantissa / 10^scale (e.g. 1023, 1 for 102.3).
  void set(int year, std::int64_t mantissa, int scale);
  /// True when `year` has an index.
  bool has(int year) const noexcept { return index_.contains(year); }
  /// `amount` of `year` in the prices of `prices_of`: each bound times
  /// index(prices_of) / index(year), rounded to the nearest fen, halves away from zero.
  /// Throws query_error when either year has no index.
  money_interval restate(money_interval amount, int year, int prices_of) const;

 private:
  struct index_value {
    std::int64_t mantissa;
    int scale;
  };
  std::map<int, index_value> index_;
};

/// Amounts restated in the prices of one year.
struct price_basis {
  deflator table;  ///< the price indexes
  int year = 0;    ///< the year whose prices amounts are shown in
};

}  // namespace aidstat
