// The two readers of items.csv: the checking one, which reports every problem,
// and the parallel one, for the common case of a file without problems. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/load_csv.hpp"
#include "table_reader.hpp"

namespace aidstat::detail {

/// The columns of items.csv (SPEC 6, then the optional `direction` extension); the
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

/// Reads the items of `file` into `d` row by row, checking every field and adding
/// every valid row; reports each problem into `problems` with its line and column.
/// Without `units_defined`, unknown unit ids become units named by their ids.
void read_items_checked(const csv_view& file, dataset& d, bool units_defined,
                        bool have_beneficiaries, std::vector<problem>& problems,
                        std::vector<std::uint32_t>* lines);

/// Reads the items of `file` into `d` on `threads` threads (0: one per core) when
/// every row is regular: well-formed, valid, and naming only beneficiaries and
/// categories that `d` defines, and units that it defines (with `units_defined`,
/// when units.csv is present) or any unit ids (without it: they become units named
/// by their ids, in the order the checking reader adds them). Returns false, having
/// added nothing, at the first row that is not; the checking reader then reads the
/// file and reports every problem with its position. Fills `lines` (when given)
/// with each item's line.
bool read_items_fast(const csv_view& file, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined = true);

/// An amount written as plain yuan ("1234", "1234.5", "0.25"), in fen; empty for
/// any other text (which parse_money reads).
std::optional<std::int64_t> plain_yuan(std::string_view text) noexcept;

/// A count written as plain digits ("0", "250"); empty for any other text.
std::optional<std::int64_t> plain_count(std::string_view text) noexcept;

}  // namespace aidstat::detail
