// The column store behind aidstat::dataset: one contiguous array per field of
// an aid item, with dense integer ids, so that a group-by is a loop over arrays.
// Internal: no stability promise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "aidstat/date.hpp"
#include "model/compact_amounts.hpp"
#include "model/compact_column.hpp"

namespace aidstat::detail {

/// Id value meaning "none" in the recipient and beneficiary columns.
inline constexpr std::uint32_t no_id = std::numeric_limits<std::uint32_t>::max();
/// Value meaning "absent" in the amount_min and quantity_min columns.
inline constexpr std::int64_t no_value = compact_amounts::none;

/// The upper bound of an approximate value, for the rare rows whose max != min.
struct approx_entry {
  std::uint32_t row;  ///< item row
  std::int64_t max;   ///< upper bound (the lower bound is in the main column)

  /// Equal when row and bound are equal.
  friend bool operator==(const approx_entry&, const approx_entry&) = default;
};

/// The quantities of the rows that state one (a quarter of the records or fewer in
/// practice), by row: a scan that needs them reads 13 bytes per such row instead of
/// 9 bytes on every row.
struct sparse_quantities {
  std::vector<std::uint32_t> rows;     ///< rows with a quantity, ascending
  std::vector<std::uint8_t> measures;  ///< measure + 1 (never 0)
  std::vector<std::int64_t> mins;      ///< lower bound (the upper one is in quantity_approx)

  /// Equal when every column is equal.
  friend bool operator==(const sparse_quantities&, const sparse_quantities&) = default;
};

/// An id column that most rows leave empty: (row, id) for the rows that have one.
struct sparse_ids {
  std::vector<std::uint32_t> rows;  ///< rows with an id, ascending
  compact_ids<std::uint32_t> ids;   ///< the id of each, at 1, 2 or 4 bytes

  /// Equal when every column is equal.
  friend bool operator==(const sparse_ids&, const sparse_ids&) = default;
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
/// with 0 meaning "not stated". The year, category and unit columns are compact
/// (compact_column.hpp): 1 or 2 bytes a value where that holds them; the amounts 4
/// bytes while they fit (compact_amounts.hpp).
/// Its own cache lines (alignas 64): the threads of a CSV read each append to a block
/// of their own, and blocks that shared a line made every append wait for the other
/// thread's (per-provider totals of 10 million rows from CSV took 1.07 s, not 0.60).
struct alignas(64) item_columns {
  compact_years year;                         ///< calendar year
  std::vector<std::uint8_t> month;            ///< 1..12, or 0 at year precision
  std::vector<std::uint8_t> day;              ///< 1..31, or 0 unless day precision
  compact_ids<std::uint16_t> category;        ///< taxonomy index
  compact_ids<std::uint32_t> provider;        ///< unit index
  compact_ids<std::uint32_t> recipient;       ///< unit index or no_id
  sparse_ids beneficiary;                     ///< rows naming a beneficiary (index)
  std::vector<std::uint8_t> form;             ///< aid_form + 1, or 0
  std::vector<std::uint8_t> direction;        ///< direction + 1, or 0
  compact_amounts amount_min;                 ///< fen (never negative), or no_value
  std::vector<approx_entry> amount_approx;    ///< rows with an approximate amount
  sparse_quantities quantity;                 ///< rows with a quantity
  std::vector<approx_entry> quantity_approx;  ///< rows with an approximate quantity
  sparse_text notes;                          ///< item notes

  std::size_t rows = 0;  ///< number of items: the length of every dense column loaded

  /// Number of items.
  std::size_t size() const noexcept { return rows; }
  /// Equal when every column is equal.
  friend bool operator==(const item_columns&, const item_columns&) = default;
};

/// The beneficiary of every row (no_id where none), for the rare queries that key on it.
std::vector<std::uint32_t> beneficiary_by_row(const item_columns& c);
/// The measure code of every row (0 where no quantity).
std::vector<std::uint8_t> measure_by_row(const item_columns& c);
/// The quantity bounds of every row (no_value where none): (min, max).
std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> quantity_by_row(
    const item_columns& c);
/// The position of `row` in a sparse column's ascending `rows`, if it is there.
std::optional<std::size_t> find_row(const std::vector<std::uint32_t>& rows, std::uint32_t row);

/// The date of item `row`, at its precision, rebuilt from the date columns.
inline date date_of(const item_columns& c, std::size_t row) {
  return c.day[row]     ? date(c.year[row], c.month[row], c.day[row])
         : c.month[row] ? date(c.year[row], c.month[row])
                        : date(c.year[row]);
}

}  // namespace aidstat::detail
