// The column store behind aidstat::dataset: one contiguous array per field of
// an aid item, with dense integer ids, so that a group-by is a loop over arrays.
// Internal: no stability promise.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace aidstat::detail {

/// Id value meaning "none" in the recipient and beneficiary columns.
inline constexpr std::uint32_t no_id = std::numeric_limits<std::uint32_t>::max();
/// Value meaning "absent" in the amount_min and quantity_min columns.
inline constexpr std::int64_t no_value = std::numeric_limits<std::int64_t>::min();

/// The upper bound of an approximate value, for the rare rows whose max != min.
struct approx_entry {
  std::uint32_t row;  ///< item row
  std::int64_t max;   ///< upper bound (the lower bound is in the main column)

  /// Equal when row and bound are equal.
  friend bool operator==(const approx_entry&, const approx_entry&) = default;
};

/// A sparse text column: (row, text) for the rows that have text, by row.
struct sparse_text {
  std::vector<std::uint32_t> rows;  ///< rows with text, ascending
  std::vector<std::uint64_t> ends;  ///< end offset of each text in `chars`
  std::string chars;                ///< all texts, concatenated

  /// Equal when every column is equal.
  friend bool operator==(const sparse_text&, const sparse_text&) = default;
};

/// The items of a dataset, column by column. Enum columns hold enumerator + 1,
/// with 0 meaning "not stated".
struct item_columns {
  std::vector<std::int16_t> year;             ///< calendar year
  std::vector<std::uint8_t> month;            ///< 1..12, or 0 at year precision
  std::vector<std::uint8_t> day;              ///< 1..31, or 0 unless day precision
  std::vector<std::uint16_t> category;        ///< taxonomy index
  std::vector<std::uint32_t> provider;        ///< unit index
  std::vector<std::uint32_t> recipient;       ///< unit index or no_id
  std::vector<std::uint32_t> beneficiary;     ///< beneficiary index or no_id
  std::vector<std::uint8_t> form;             ///< aid_form + 1, or 0
  std::vector<std::uint8_t> measure;          ///< measure + 1, or 0
  std::vector<std::uint8_t> direction;        ///< direction + 1, or 0
  std::vector<std::int64_t> amount_min;       ///< fen, or no_value
  std::vector<approx_entry> amount_approx;    ///< rows with an approximate amount
  std::vector<std::int64_t> quantity_min;     ///< count, or no_value
  std::vector<approx_entry> quantity_approx;  ///< rows with an approximate quantity
  sparse_text notes;                          ///< item notes

  /// Number of items.
  std::size_t size() const noexcept { return year.size(); }
  /// Equal when every column is equal.
  friend bool operator==(const item_columns&, const item_columns&) = default;
};

}  // namespace aidstat::detail
