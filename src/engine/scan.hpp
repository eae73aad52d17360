// A compiled query and its scan: which key columns and conditions, and how one
// thread's share of the rows goes into its partial sums. Internal to the engine.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "aidstat/totals.hpp"
#include "engine/key_plan.hpp"
#include "engine/partial_sums.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {

/// Everything a scan needs, compiled once per query (make_plan).
struct plan {
  const item_columns& c;
  std::vector<key_column> keys;
  std::vector<std::pair<key_column, std::vector<char>>> conditions;
  record_filter f;
  std::int32_t from_day = INT32_MIN, to_day = INT32_MAX;
  bool by_dates = false;
  bool filtered = false;
  bool year_only = false;  ///< the only filter is a calendar year
  /// The keys are a category or provider column, optionally then the calendar year:
  /// direct_key computes them.
  bool direct_keys = false;
  std::uint64_t key_space = 1;
  /// The dataset holds transfer records: each is left out of a group unless its
  /// recipient lies outside the group's units (docs/transfers.md).
  bool transfers = false;
  /// The key whose groups bound the units for that rule (provider, else the deepest
  /// provider@N); -1: every unit of the dataset, so every transfer is left out.
  int boundary = -1;

  /// Whether row r is a transfer the rule leaves out of its group.
  bool left_out(std::size_t r) const noexcept {
    if (c.form[r] != transfer_code) return false;
    if (boundary < 0) return true;
    const auto& table = keys[static_cast<std::size_t>(boundary)].table;
    return table[c.provider[r]] == table[c.recipient[r]];
  }

  /// Whether the filter keeps row r (a record it cannot place is counted in p, as a
  /// scan counts it, for require_all_placed).
  bool keeps(std::size_t r, partial& p) const { return !filtered || passes(r, p); }
  /// Scans rows [begin, end) into p with the fastest key functor that fits the query.
  void scan(std::size_t begin, std::size_t end, partial& p) const;
  /// Codes c's rows again for the keys and conditions coded by row (after c changed).
  void read_rows();

 private:
  std::int32_t through_day(int y) const;
  bool passes(std::size_t r, partial& p) const;
  void slots_of_batch(std::size_t b, std::size_t m, partial& p, std::uint32_t* slot) const;
  template <class KeyOf>
  void scan_batches(std::size_t begin, std::size_t end, partial& p, const KeyOf& key_of) const;
  template <class Key>
  void scan_columns(std::size_t begin, std::size_t end, partial& p, const Key& key) const;
  template <class Col, bool WithYear, bool OneYear>
  void scan_direct(const Col* col, std::size_t begin, std::size_t end, partial& p) const;
  template <bool WithYear, bool OneYear>
  bool scan_by_column(std::size_t begin, std::size_t end, partial& p) const;
};

/// Compiles query `q` on dataset `d` into a plan; throws query_error for a query
/// that cannot be answered (a bad fiscal start, an empty date range, too many keys).
plan make_plan(const dataset& d, const totals_query& q);

/// The same over columns `c` in place of d's items (d gives the units, beneficiaries
/// and categories), `transfers` telling whether they may hold transfer records. The
/// period keys span the (fiscal) years `years` when given, else those of c's rows;
/// the plan reads c's rows through read_rows whenever c is filled again.
plan make_plan(const dataset& d, const item_columns& c, const totals_query& q, bool transfers,
               std::optional<std::pair<int, int>> years = std::nullopt);

/// Whether a key or condition of q is a period (year, quarter, month).
bool dated_query(const totals_query& q) noexcept;

}  // namespace aidstat::detail
