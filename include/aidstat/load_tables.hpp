// Loading a dataset from tables given column by column, such as data frames: the
// same columns, checks and messages as the CSV files (load_csv.hpp), with no CSV text
// in between. Each cell is the text its CSV field would hold, unquoted.
//
//   column_table items{"items", {"date", "category", "provider", "amount"},
//                      {{"2023-01-15"}, {"condolence"}, {"city"}, {"5000.00"}}};
//   dataset d = read_dataset(dataset_tables{items});
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/load_csv.hpp"

namespace aidstat {

/// One table of a dataset as columns of cell texts. A problem in it is told by the
/// table's name, the 1-based row and the column's name (source_location::in_table).
struct column_table {
  std::string name;                  ///< what messages call it: "items", "units"...
  std::vector<std::string> columns;  ///< the header: the CSV file's column names
  /// cells[c][r]: the text of column c in row r ("" when empty). Every column has as
  /// many rows; the texts belong to the caller and must outlive the read.
  std::vector<std::vector<std::string_view>> cells;

  /// The number of rows (0 without columns).
  std::size_t rows() const noexcept { return cells.empty() ? 0 : cells.front().size(); }
};

/// The tables of a dataset, as dataset_texts has its files.
struct dataset_tables {
  column_table items;                         ///< the records (required)
  std::optional<column_table> units;          ///< without it, ids are their own names
  std::optional<column_table> beneficiaries;  ///< the people and households
  std::optional<column_table> categories;     ///< without it, the default taxonomy
  std::optional<column_table> commitments;    ///< the planned commitments (实事项目)
  std::optional<column_table> stated_totals;  ///< figures a report states
};

/// Builds a dataset from tables as read_dataset(dataset_texts) does from files: every
/// problem at once as a validation_error (the first max_problems), each at its table,
/// row and column. `sources` (when given) gets each record's 1-based row as its line.
/// Throws data_error when a table's columns have different numbers of rows.
dataset read_dataset(const dataset_tables& tables, dataset_sources* sources = nullptr,
                     unsigned threads = 0);

}  // namespace aidstat
