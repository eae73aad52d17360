// Appending blocks of item columns that were already checked row by row (the
// parallel CSV reader builds one block per thread). Internal.
#pragma once

#include "aidstat/dataset.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// Friend of dataset: appends item blocks.
struct item_appender {
  /// Appends `block`, whose rows count from 0, after the dataset's items (taking
  /// its columns whole when the dataset has none yet), and leaves it empty. Every
  /// row must satisfy what dataset::add_item checks; throws when the dataset would
  /// exceed the most items it can hold.
  static void append(dataset& d, item_columns&& block);
};

}  // namespace aidstat::detail
