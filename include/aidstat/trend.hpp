// Several years: per group, the series of amounts, the compound annual
// growth rate, a least-squares trend (fitted with Eigen) and a projection for
// the next year with its residual standard error. Years without records count
// as zero and are shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/prices.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// Which years, groups and records to follow.
struct trend_query {
  int from_year = 0;                  ///< first year of the series
  int to_year = 0;                    ///< last year of the series (inclusive)
  std::vector<dimension> by;          ///< group keys (not `year`)
  record_filter filter;               ///< which records count; `filter.year` must be empty
  std::optional<price_basis> prices;  ///< restate every year in one year's prices
  unsigned threads = 0;               ///< threads to scan with; 0 for the hardware's concurrency
};

/// A least-squares line through (year, amount midpoint in yuan).
struct trend_fit {
  double slope = 0;       ///< yuan per year
  double intercept = 0;   ///< fitted yuan in the first year
  double projection = 0;  ///< fitted yuan in the year after the last
  /// Residual standard error, sqrt(RSS / (n - 2)); empty with fewer than 3 years.
  std::optional<double> residual_se;
  /// Equal when every field is.
  friend bool operator==(const trend_fit&, const trend_fit&) = default;
};

/// One group followed over the years.
struct trend_group {
  std::vector<std::string> key;     ///< key values
  std::vector<std::string> labels;  ///< display names of the keys
  std::vector<aggregate> years;     ///< one per year, from_year first; empty years are zero
  /// Compound annual growth rate of the midpoints, first to last year (0.05 = 5%);
  /// empty when the first year's amount is zero, either end's records state no amount
  /// (aggregate::amount_unstated), or there is only one year.
  std::optional<double> cagr;
  trend_fit fit;  ///< least-squares trend of the midpoints
  /// Equal when every field is.
  friend bool operator==(const trend_group&, const trend_group&) = default;
};

/// Every group's series.
struct trend_result {
  std::vector<dimension> by;        ///< the grouping dimensions
  int from_year = 0;                ///< first year
  int to_year = 0;                  ///< last year
  std::vector<trend_group> groups;  ///< sorted by key
  trend_group total;                ///< all records together
  std::optional<int> prices_of;     ///< the year whose prices amounts are in, if restated
  bool holds_transfers = false;     ///< the dataset holds transfer records (docs/transfers.md)
  /// Equal when every field is.
  friend bool operator==(const trend_result&, const trend_result&) = default;
};

/// Follows every group from `from_year` to `to_year`. Throws query_error for a bad
/// range (more than 200 years, or reversed) or a missing price index.
trend_result compute_trend(const dataset& d, const trend_query& q);

/// The totals a trend is followed from: by the year and then the query's keys, over
/// its years, with its filter. Totals of this query over shards, merged, give the trend
/// of the whole through trend_of_totals.
totals_query trend_totals_query(const trend_query& q);

/// The trend from totals already computed: `by_year_and_keys` answers
/// trend_totals_query(q); `by_year`, when given, answers without_keys of it, and gives
/// each year's total (needed, as for compare_years, when the totals hold transfers and
/// a key bounds them). compute_trend(d, q) is trend_of_totals over d's totals. Throws
/// query_error for a bad query, totals of another query, or a missing `by_year`.
trend_result trend_of_totals(const totals& by_year_and_keys, const totals* by_year,
                             const trend_query& q);

/// The item columns compute_trend reads (the keys, the year and what the filter reads): what to
/// load of an archive for it.
item_fields fields_for(const trend_query& q);

/// Fits a least-squares line to `values` at x = 0, 1, 2, ... (Eigen QR).
trend_fit fit_trend(const std::vector<double>& values);

}  // namespace aidstat
