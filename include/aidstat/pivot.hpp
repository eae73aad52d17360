// A pivot matrix: one dimension down, one across, a measure in each
// cell, with row and column totals. Cells are held in Eigen matrices.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// What a pivot cell holds.
enum class pivot_measure : std::uint8_t {
  amount,     ///< amount interval, in fen
  records,    ///< number of records
  headcount,  ///< people reached (distinct beneficiaries' headcounts)
};

/// The vocabulary of pivot_measure (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<pivot_measure> {
  static constexpr std::string_view what = "pivot measure";
  static constexpr auto entries = std::to_array<enum_entry<pivot_measure>>({
      {pivot_measure::amount, "amount", "金额"},
      {pivot_measure::records, "records", "记录数"},
      {pivot_measure::headcount, "headcount", "人数"},
  });
};

/// A pivot: rows, columns, measure and a filter.
struct pivot_query {
  dimension rows;                                 ///< the dimension down the side
  dimension cols;                                 ///< the dimension across the top
  pivot_measure measure = pivot_measure::amount;  ///< what each cell holds
  record_filter filter;                           ///< which records count
  unsigned threads = 0;  ///< threads to scan with; 0 for the hardware's concurrency
  /// Equal when every field is.
  friend bool operator==(const pivot_query&, const pivot_query&) = default;
};

/// A matrix of integers (fen for amounts, counts otherwise).
using count_matrix = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic>;

/// The pivot. For `records` and `headcount`, `min == max`.
struct pivot_result {
  pivot_query query;                    ///< what was asked
  std::vector<std::string> row_keys;    ///< row keys, sorted
  std::vector<std::string> row_labels;  ///< display names of the rows
  std::vector<std::string> col_keys;    ///< column keys, sorted
  std::vector<std::string> col_labels;  ///< display names of the columns
  count_matrix min;                     ///< lower bounds (rows x cols); 0 where no record
  count_matrix max;                     ///< upper bounds
  std::vector<aggregate> row_totals;    ///< each row over all columns
  std::vector<aggregate> col_totals;    ///< each column over all rows
  aggregate grand;                      ///< everything
  bool holds_transfers = false;         ///< the dataset holds transfer records (docs/transfers.md)
  count_matrix people;                  ///< headcount of every cell (people reached)
  count_matrix records;                 ///< records of every cell
  /// The minimum cell size it was protected with (suppress_small_cells), if any.
  std::optional<std::int64_t> min_cell;
  /// Each cell's state, row-major; empty when nothing is suppressed.
  std::vector<suppression> cell_suppressed;
  std::vector<suppression> row_suppressed;           ///< each row total's state, or empty
  std::vector<suppression> col_suppressed;           ///< each column total's state, or empty
  suppression grand_suppressed = suppression::none;  ///< the grand total's state
  /// The state of cell (i, j).
  suppression suppressed(Eigen::Index i, Eigen::Index j) const {
    return cell_suppressed.empty() ? suppression::none
                                   : cell_suppressed[static_cast<std::size_t>(i * min.cols() + j)];
  }
  /// Equal when every field is (matrices of the same shape and cells).
  friend bool operator==(const pivot_result& a, const pivot_result& b);
};

/// Builds the pivot. Totals are computed from the records, not by adding cells, so
/// headcounts of people who appear in several cells are not double counted.
pivot_result compute_pivot(const dataset& d, const pivot_query& q);

/// The three totals a pivot is made from: by its rows and columns (the cells), by its
/// rows, and by its columns, each with its filter.
std::vector<totals_query> pivot_totals_queries(const pivot_query& q);

/// The pivot from the totals of pivot_totals_queries(q), in that order, computed
/// already (from a stream, say): compute_pivot(d, q) is pivot_of_totals over d's
/// totals. Throws query_error for a bad query or totals of other queries.
pivot_result pivot_of_totals(const totals& cells, const totals& rows, const totals& cols,
                             const pivot_query& q);

/// The item columns compute_pivot reads (the two dimensions and what the filter reads): what to
/// load of an archive for it.
item_fields fields_for(const pivot_query& q);

/// The value of `a` for `m`, as [min, max] integers.
std::pair<std::int64_t, std::int64_t> pivot_value(const aggregate& a, pivot_measure m);

}  // namespace aidstat
