// The tables of a dataset as the readers take them, from files or from columns. Internal.
#pragma once

#include <optional>

#include "aidstat/load_csv.hpp"
#include "aidstat/load_tables.hpp"
#include "io/csv/table_reader.hpp"

namespace aidstat::detail {

/// A dataset's tables, each a CSV text or a table given as columns; views of the
/// texts or tables they were made from.
struct dataset_inputs {
  table_input items;                         ///< the records
  std::optional<table_input> units;          ///< units.csv, if given
  std::optional<table_input> beneficiaries;  ///< beneficiaries.csv, if given
  std::optional<table_input> categories;     ///< categories.csv, if given
  std::optional<table_input> commitments;    ///< commitments.csv, if given
  std::optional<table_input> stated_totals;  ///< stated_totals.csv, if given
};

/// The inputs of files read into memory (items from `texts.items`).
dataset_inputs inputs_of(const dataset_texts& texts);

/// The inputs of tables given as columns.
dataset_inputs inputs_of(const dataset_tables& tables);

}  // namespace aidstat::detail
