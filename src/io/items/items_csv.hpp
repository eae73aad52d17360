// The columns of items.csv, written once for both readers and the exporter. Internal.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"

namespace aidstat::detail {

/// The columns of items.csv (docs/file-formats.md, then the optional `direction` extension); the
/// first three are required.
inline constexpr std::array<std::string_view, 11> item_column_names = {
    "date",   "category", "provider", "recipient", "beneficiary", "form",
    "amount", "quantity", "measure",  "note",      "direction"};
/// Positions in item_column_names.
enum item_column : int {
  c_date,
  c_category,
  c_provider,
  c_recipient,
  c_beneficiary,
  c_form,
  c_amount,
  c_quantity,
  c_measure,
  c_note,
  c_direction
};

/// The cells of one item as items.csv holds them, in item_column_names' order.
std::vector<std::string> item_cells(const aid_item& it);

}  // namespace aidstat::detail
