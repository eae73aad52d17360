#include "io/csv/dataset_inputs.hpp"

#include <limits>

#include "aidstat/error.hpp"

namespace aidstat::detail {
namespace {

std::optional<table_input> optional_input(const std::optional<csv_text>& file) {
  if (!file) return std::nullopt;
  return input_of(*file);
}

// The input of a table whose columns all have the same number of rows, which a line
// number can count; throws data_error for any other.
table_input checked_input(const column_table& t) {
  if (t.columns.size() != t.cells.size())
    throw_error<data_error>("the " + t.name + " table names " + std::to_string(t.columns.size()) +
                            " columns but has " + std::to_string(t.cells.size()));
  for (std::size_t c = 0; c < t.cells.size(); ++c)
    if (t.cells[c].size() != t.rows())
      throw_error<data_error>("in the " + t.name + " table, column '" + t.columns[c] + "' has " +
                              std::to_string(t.cells[c].size()) + " rows but '" + t.columns[0] +
                              "' has " + std::to_string(t.rows()));
  if (t.rows() >= std::numeric_limits<std::uint32_t>::max())
    throw_error<data_error>("the " + t.name + " table has " + std::to_string(t.rows()) +
                            " rows; a table holds fewer than 4294967295");
  return input_of(t);
}

std::optional<table_input> optional_input(const std::optional<column_table>& table) {
  if (!table) return std::nullopt;
  return checked_input(*table);
}

}  // namespace

dataset_inputs inputs_of(const dataset_texts& t) {
  return {input_of(t.items),
          optional_input(t.units),
          optional_input(t.beneficiaries),
          optional_input(t.categories),
          optional_input(t.commitments),
          optional_input(t.stated_totals)};
}

dataset_inputs inputs_of(const dataset_tables& t) {
  return {checked_input(t.items),          optional_input(t.units),
          optional_input(t.beneficiaries), optional_input(t.categories),
          optional_input(t.commitments),   optional_input(t.stated_totals)};
}

}  // namespace aidstat::detail
