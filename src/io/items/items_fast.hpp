// The parallel reader of items.csv, for the common case of a file without problems
// (io/items_checked.hpp reads any file and reports its problems). Internal.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/work_meter.hpp"
#include "io/csv/table_reader.hpp"
#include "io/items/items_csv.hpp"

namespace aidstat::detail {

/// Reads the items of `file` into `d` on `threads` threads (0: one per core) when
/// every row is regular: well-formed, valid, and naming only beneficiaries and
/// categories that `d` defines, and units that it defines (with `units_defined`,
/// when units.csv is present) or any unit ids (without it: they become units named
/// by their ids, in the order the checking reader adds them). Returns false, having
/// added nothing, at the first row that is not; the checking reader then reads the
/// file and reports every problem with its position. Fills `lines` (when given)
/// with each item's line.
bool read_items_fast(const csv_view& file, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined = true,
                     work_meter* meter = nullptr);

/// Reads the items of a table given as columns, as the overload above reads a file;
/// `lines` gets each item's 1-based row.
bool read_items_fast(const column_table& table, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined = true);

/// An amount written as plain yuan ("1234", "1234.5", "0.25"), in fen; empty for
/// any other text (which parse_money reads).
std::optional<std::int64_t> plain_yuan(std::string_view text) noexcept;

/// A count written as plain digits ("0", "250"); empty for any other text.
std::optional<std::int64_t> plain_count(std::string_view text) noexcept;

}  // namespace aidstat::detail
