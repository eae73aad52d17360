// A compiled query and its scan: which key columns and conditions, and how one
// thread's share of the rows goes into its partial sums. Internal to the engine.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "aidstat/totals.hpp"
#include "engine/key_plan.hpp"
#include "engine/partial_sums.hpp"

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

  /// Scans rows [begin, end) into p with the fastest key functor that fits the query.
  void scan(std::size_t begin, std::size_t end, partial& p) const;

 private:
  std::int32_t through_day(int y) const;
  bool passes(std::size_t r, partial& p) const;
  void slots_of_batch(std::size_t b, std::size_t m, partial& p, std::uint32_t* slot) const;
  template <class KeyOf>
  void scan_batches(std::size_t begin, std::size_t end, partial& p, const KeyOf& key_of) const;
  template <class Col, bool WithYear, bool OneYear>
  void scan_direct(const std::vector<Col>& col, std::size_t begin, std::size_t end,
                   partial& p) const;
  template <bool WithYear, bool OneYear>
  void scan_by_column(std::size_t begin, std::size_t end, partial& p) const;
};

/// Compiles query `q` on dataset `d` into a plan; throws query_error for a query
/// that cannot be answered (a bad fiscal start, an empty date range, too many keys).
plan make_plan(const dataset& d, const totals_query& q);

}  // namespace aidstat::detail
