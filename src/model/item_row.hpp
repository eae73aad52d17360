// One aid item as the item columns hold it, and the one place that appends it: the
// schema both dataset::add_item and the parallel CSV reader write through. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "aidstat/dataset.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The code of an optional enum in an item column: 0 for none, else the value + 1.
template <class E>
std::uint8_t code_of(std::optional<E> v) {
  return v ? static_cast<std::uint8_t>(static_cast<std::uint8_t>(*v) + 1) : 0;
}

/// The optional enum of a code (code_of's inverse).
template <class E>
std::optional<E> enum_of(std::uint8_t code) {
  if (code == 0) return std::nullopt;
  return static_cast<E>(code - 1);
}

/// The form column's code of a transfer (code_of(aid_form::transfer)).
inline constexpr std::uint8_t transfer_code = static_cast<std::uint8_t>(aid_form::transfer) + 1;

/// The direction of an item that states none: from the provider's side towards the
/// recipient's, or the beneficiary's when the recipient's side is unknown.
inline std::optional<direction> direction_of(side provider, side recipient, side beneficiary) {
  return derive_direction(provider, recipient != side::unknown ? recipient : beneficiary);
}

/// One aid item resolved to the dataset's numbers; no_id and no_value for what it lacks.
struct item_row {
  std::int16_t year = 0;
  std::uint8_t month = 0, day = 0;  ///< 0 when the date is coarser
  std::uint16_t category = 0;
  std::uint32_t provider = no_id, recipient = no_id, beneficiary = no_id;
  std::uint8_t form = 0, direction = 0, measure = 0;  ///< code_of the enums
  std::int64_t amount_min = no_value, amount_max = no_value;
  std::int64_t quantity_min = no_value, quantity_max = no_value;
  std::string_view note;
};

/// Appends `r` to `c` as its row c.size(). The caller has checked it as
/// dataset::add_item does.
inline void append_item(item_columns& c, const item_row& r) {
  const auto row = static_cast<std::uint32_t>(c.size());
  c.year.push_back(r.year);
  c.month.push_back(r.month);
  c.day.push_back(r.day);
  c.category.push_back(r.category);
  c.provider.push_back(r.provider);
  c.recipient.push_back(r.recipient);
  if (r.beneficiary != no_id)
    c.beneficiary.rows.push_back(row), c.beneficiary.ids.push_back(r.beneficiary);
  c.form.push_back(r.form);
  c.direction.push_back(r.direction);
  c.amount_min.push_back(r.amount_min);
  if (r.amount_max != r.amount_min) c.amount_approx.push_back({row, r.amount_max});
  if (r.quantity_min != no_value) {
    c.quantity.rows.push_back(row);
    c.quantity.measures.push_back(r.measure);
    c.quantity.mins.push_back(r.quantity_min);
    if (r.quantity_max != r.quantity_min) c.quantity_approx.push_back({row, r.quantity_max});
  }
  if (!r.note.empty()) {
    c.notes.rows.push_back(row);
    c.notes.chars += r.note;
    c.notes.ends.push_back(c.notes.chars.size());
  }
  ++c.rows;
}

}  // namespace aidstat::detail
