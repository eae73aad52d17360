// A worksheet's rows as they inflate: each row's cells with their type, style and
// value text as the XML holds them, then the merged ranges. Internal.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "io/xlsx/workbook_parts.hpp"
#include "io/xlsx/zip_parts.hpp"

namespace aidstat::detail {

/// The largest row and column of a worksheet (XFD1048576).
inline constexpr std::uint32_t max_sheet_rows = 1048576, max_sheet_columns = 16384;

/// One cell as the sheet's XML holds it.
struct sheet_cell {
  std::uint32_t column = 0;  ///< 0-based
  std::string type;          ///< t: "" or "n" (number), s, str, inlineStr, b, e, d
  std::uint32_t style = 0;   ///< s: the cell style's index
  std::string value;         ///< <v>, or an inline string's text
  bool formula = false;      ///< it has an <f>
  bool has_value = false;    ///< it has a <v> (or inline text)
};

/// A merged range: its first and last row and column, 0-based.
struct merged_range {
  std::uint32_t first_row, first_column, last_row, last_column;
};

/// Reads the sheet in `part`, calling `on_row` with each row's 0-based number and its
/// cells (in column order), then returns the merged ranges. Throws data_error for a
/// cell reference beyond XFD1048576, rows or cells out of order, or malformed XML.
std::vector<merged_range> read_sheet_rows(
    const zip_parts& zip, const std::string& part, const std::string& shown,
    const std::function<void(std::uint32_t, std::vector<sheet_cell>&)>& on_row);

/// Reads "G12" into 0-based (row, column); false when it is not a reference within
/// XFD1048576.
bool parse_cell_reference(std::string_view ref, std::uint32_t& row, std::uint32_t& column);

}  // namespace aidstat::detail
