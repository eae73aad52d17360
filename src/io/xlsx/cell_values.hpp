// A workbook cell as the text the same value has in a CSV file, by what its column
// holds: an amount, a whole number, a date or text. Internal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/xlsx/sheet_rows.hpp"
#include "io/xlsx/workbook_parts.hpp"

namespace aidstat::detail {

/// What a dataset column holds, for reading number and date cells.
enum class column_kind : std::uint8_t {
  text,    ///< ids, names, notes: a whole number reads as its digits (73051)
  amount,  ///< yuan: a number reads as its fen, within 1e-9 yuan
  whole,   ///< quantity, headcount, year
  date,    ///< a date: a date cell reads at the precision its format shows
};

/// The kind of the dataset column named `name`.
column_kind kind_of_column(std::string_view name);

/// The CSV text of `c` in a column of kind `kind`; nothing, with `problem` saying why,
/// when it cannot be read (an error cell, a logical, a formula without a value...).
std::optional<std::string> cell_text(const sheet_cell& c, column_kind kind,
                                     const workbook_parts& book, std::string& problem);

}  // namespace aidstat::detail
