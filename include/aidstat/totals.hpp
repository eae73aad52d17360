// Per-group totals: records, amount interval, quantity interval,
// people reached, and how much of each figure is estimated.
//
// A `totals` value is mergeable: the totals of two datasets (or of two halves
// of one) merged give exactly the totals of the union.
//
//   totals t = compute_totals(d, {.by = {dimension::parse("category")}});
//   for (const group_totals& g : t.groups)
//     std::cout << g.key[0] << " " << format_money(g.figures.amount, money_unit::wan);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/query.hpp"

namespace aidstat {

/// The measures of one group. Merging two aggregates of disjoint records gives the
/// aggregate of their union.
struct aggregate {
  std::int64_t records = 0;              ///< number of records
  std::int64_t amount_records = 0;       ///< records that state an amount
  std::int64_t approximate_records = 0;  ///< records whose amount is approximate
  money_interval amount;                 ///< sum of the stated amounts
  std::int64_t quantity_records = 0;     ///< records that state a quantity
  count_interval quantity;               ///< sum of the stated quantities
  /// The measure of those quantities; empty when none or when measures mix (then
  /// `quantity` adds unlike things and is not shown).
  std::optional<aidstat::measure> quantity_measure;
  bool mixed_measures = false;  ///< quantities of more than one measure
  /// Transfer records left out because their recipient lies inside the group's units
  /// (docs/transfers.md): counted neither in `records` nor in any other figure.
  std::int64_t transfers_excluded = 0;
  /// The distinct beneficiaries the records name, (id, headcount), sorted by id.
  std::vector<std::pair<std::string, std::int64_t>> beneficiaries;

  /// People reached: the sum of the headcounts of the distinct beneficiaries.
  std::int64_t headcount() const;
  /// Midpoint of the amount interval in yuan, for shares and statistics (never stored).
  double amount_midpoint_yuan() const noexcept {
    return (static_cast<double>(amount.min().fen()) + static_cast<double>(amount.max().fen())) /
           200.0;
  }
  /// True when the group has records and none of them states an amount: its amount
  /// is unknown, not zero (a group with no records has 0).
  bool amount_unstated() const noexcept { return records > 0 && amount_records == 0; }
  /// True when the group has a meaningful quantity (some, all of one measure).
  bool has_quantity() const noexcept { return quantity_records > 0 && !mixed_measures; }
  /// Adds another aggregate of other records into this one (exact).
  void merge(const aggregate& other);
  /// Equal when every field is.
  friend bool operator==(const aggregate&, const aggregate&) = default;
};

/// One group: its key cells (one per dimension, "" for no value) and its figures.
struct group_totals {
  std::vector<std::string> key;     ///< key values, in the order of the query's `by`
  std::vector<std::string> labels;  ///< display names of the keys (unit names, 中文 categories)
  aggregate figures;                ///< the group's measures
  /// Whether the group is published or suppressed (suppress_small_cells).
  suppression suppressed = suppression::none;
  /// Equal when every field is.
  friend bool operator==(const group_totals&, const group_totals&) = default;
};

/// The answer to a totals query.
struct totals {
  std::vector<dimension> by;         ///< the grouping dimensions
  std::vector<group_totals> groups;  ///< sorted by key (years numerically, text by bytes)
  /// All records together. With transfers and a provider key, its own transfer rule
  /// (every unit of the dataset) can leave out more than the groups do.
  aggregate grand;
  /// The dataset holds transfer records: outputs show `transfers_excluded`.
  bool holds_transfers = false;
  /// The minimum cell size it was protected with (suppress_small_cells), if any.
  std::optional<std::int64_t> min_cell;
  /// Whether the grand total is published or suppressed.
  suppression grand_suppressed = suppression::none;

  /// Share of the grand total amount taken by `g`: amount_share(g.figures, grand).
  std::optional<double> amount_share(const group_totals& g) const;
  /// Adds the totals of the same query over other records (exact).
  void merge(const totals& other);
  /// Equal when every field is.
  friend bool operator==(const totals&, const totals&) = default;
};

/// Computes totals over the records of `d` that pass the filter, each transfer record
/// counted in a group only when its recipient lies outside the group's units: with
/// provider in `by`, that one unit; with provider@N, the subtree; otherwise every
/// unit of the dataset (docs/transfers.md). Throws query_error
/// for an unknown filter value, when a date range cuts through a record's period, or
/// when `d` was loaded without a column group the query reads.
totals compute_totals(const dataset& d, const totals_query& q);

/// Whether a key of `by` (provider or provider@N) bounds the units a transfer must
/// leave to count in a group; without one, the bound is every unit of the dataset.
bool bounds_transfers(const std::vector<dimension>& by) noexcept;

/// The share of `whole`'s amount that `part` takes, on interval midpoints, 0..1. Empty
/// when either states no amount (a group without an amount has no share, never 0%) or
/// the whole's midpoint is 0. The one definition of a share, in totals, yoy and reports.
std::optional<double> amount_share(const aggregate& part, const aggregate& whole);

/// The totals of `q` over `d` without its keys, the year kept when it is one: each
/// year's total (or the grand total) with every unit as one group. Beside groups whose
/// keys bound transfers (bounds_transfers), these are the totals, which leave every
/// transfer out, where the groups count each one on both of its sides.
totals totals_without_keys(const dataset& d, const totals_query& q);

/// The query totals_without_keys answers: q without its keys, the year kept.
totals_query without_keys(const totals_query& q);

/// The item column groups `q` reads: amounts, quantities and beneficiaries (every
/// group's figures), the columns of its keys and conditions, and dates for a time
/// filter. load_archive(file, fields_for(q)) loads just enough to answer it.
item_fields fields_for(const totals_query& q);

}  // namespace aidstat
