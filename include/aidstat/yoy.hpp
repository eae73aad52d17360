// Year over year: for every group, the base and current amounts, their
// difference, the percent change, whether the group is new, discontinued or
// continuing, its share of each year's total and the change of that share, and
// the change per head where headcount is known.
//
//   yoy_query q;
//   q.base_year = 2022;
//   q.current_year = 2023;
//   q.by = {dimension::parse("category")};
//   yoy_result r = compute_yoy(d, q);
//   r.groups[0].pct_change_text();   // "12.34", or "" when the base is zero
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/prices.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// What to compare: two years, group keys, a filter, optionally constant prices.
struct yoy_query {
  int base_year = 0;                  ///< the year compared against
  int current_year = 0;               ///< the year reported on
  std::vector<dimension> by;          ///< group keys (not `year`)
  record_filter filter;               ///< which records count; `filter.year` must be empty
  std::optional<price_basis> prices;  ///< restate both years in one year's prices
  unsigned threads = 0;               ///< threads to scan with; 0 for the hardware's concurrency
};

/// Whether a group has records in the base year, the current year or both.
enum class yoy_status : std::uint8_t { continuing, new_, discontinued };

/// The vocabulary of yoy_status (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<yoy_status> {
  static constexpr std::string_view what = "year-over-year status";
  static constexpr auto entries = std::to_array<enum_entry<yoy_status>>({
      {yoy_status::continuing, "continuing", "延续"},
      {yoy_status::new_, "new", "新增"},
      {yoy_status::discontinued, "discontinued", "停止"},
  });
};

/// A percent change in hundredths (pct_change_hundredths) as "12.34" / "-5.00", or ""
/// when absent.
std::string pct_change_text(std::optional<std::int64_t> hundredths);

/// One group compared across the two years.
struct yoy_group {
  std::vector<std::string> key;     ///< key values, in the order of the query's `by`
  std::vector<std::string> labels;  ///< display names of the keys
  aggregate base;                   ///< the base year's figures (amounts in the chosen prices)
  aggregate current;                ///< the current year's figures
  money_interval delta;             ///< current - base, crosswise
  /// Percent change of the amount midpoints in hundredths of a percent (1234 = 12.34%),
  /// rounded half away from zero; empty when the base midpoint is zero or either
  /// year's records state no amount (aggregate::amount_unstated).
  std::optional<std::int64_t> pct_change_hundredths;
  yoy_status status = yoy_status::continuing;  ///< new, discontinued or continuing
  std::optional<double> base_share;            ///< share of the base year's total (midpoints), 0..1
  std::optional<double> current_share;         ///< share of the current year's total
  /// Change of the share in percentage points; empty unless both shares are known.
  std::optional<double> share_change_pp;
  std::optional<double> base_per_head;     ///< base amount midpoint per person, in yuan
  std::optional<double> current_per_head;  ///< current amount midpoint per person, in yuan
  std::optional<double> per_head_change;   ///< current - base per person, in yuan

  /// The percent change as "12.34" / "-5.00", or "" when absent.
  std::string pct_change_text() const;
  /// Equal when every field is.
  friend bool operator==(const yoy_group&, const yoy_group&) = default;
};

/// The comparison of every group.
struct yoy_result {
  std::vector<dimension> by;      ///< the grouping dimensions
  int base_year = 0;              ///< the base year
  int current_year = 0;           ///< the current year
  std::vector<yoy_group> groups;  ///< sorted by key
  aggregate base_total;           ///< all base-year records
  aggregate current_total;        ///< all current-year records
  std::optional<int> prices_of;   ///< the year whose prices amounts are in, if restated
  bool holds_transfers = false;   ///< the dataset holds transfer records (docs/transfers.md)
  /// Equal when every field is.
  friend bool operator==(const yoy_result&, const yoy_result&) = default;
};

/// Compares the two years. Throws query_error for a bad query (same year twice, a
/// `year` key, a year filter) or a missing price index.
yoy_result compute_yoy(const dataset& d, const yoy_query& q);

/// The totals a comparison is computed from: the query's keys and then `year`, with
/// its filter. Totals of this query over shards of a dataset, merged, give the
/// comparison of the whole through compare_years.
totals_query yoy_totals_query(const yoy_query& q);

/// The comparison from totals already computed (and perhaps merged over shards):
/// `by_keys_and_year` answers yoy_totals_query(q). `by_year`, when given, answers it
/// with no keys, and each year's total is taken from it: a dataset holding transfers
/// needs it when a key bounds them (bounds_transfers), because a year's total leaves
/// out transfers its groups count. compute_yoy(d, q) is compare_years over d's
/// totals. Throws query_error for a bad query, totals of another query, or a missing
/// `by_year` that the transfers need.
yoy_result compare_years(const totals& by_keys_and_year, const totals* by_year, const yoy_query& q);

/// The item columns compute_yoy reads (the keys, the year and what the filter reads): what to load
/// of an archive for it.
item_fields fields_for(const yoy_query& q);

/// Percent change from `base` to `current` on midpoints, in hundredths of a percent,
/// rounded half away from zero; empty when the base midpoint is zero.
std::optional<std::int64_t> pct_change_hundredths(money_interval base, money_interval current);

}  // namespace aidstat
