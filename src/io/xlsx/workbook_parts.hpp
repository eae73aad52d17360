// The parts of a workbook a dataset is read through: its sheets (name and part), its
// date system, the cell styles that say which numbers are dates and at what precision,
// and the shared strings. Internal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/xlsx/zip_parts.hpp"

namespace aidstat::detail {

/// The caps on a workbook's parts: a part inflates to at most this many bytes.
inline constexpr std::uint64_t max_part_bytes = std::uint64_t{4} << 30;  // 4 GiB
/// At most this many shared strings (4,194,304: four distinct texts in every row of a
/// full sheet), so that a hostile table cannot take the memory.
inline constexpr std::size_t max_shared_strings = std::size_t{1} << 22;

/// What a number format shows of a date serial.
enum class date_shown : std::uint8_t {
  none,   ///< not a date format: the number is a number
  day,    ///< the day (yyyy-mm-dd, m/d/yyyy, yyyy"年"m"月"d"日"...)
  month,  ///< the year and month only (yyyy-mm, yyyy"年"m"月")
  year,   ///< the year only (yyyy)
  time,   ///< a time of day only: not a date
};

/// What number format code `code` (format `id`) shows of a date.
date_shown date_format_shows(int id, const std::string& code);

/// A sheet of the workbook.
struct workbook_sheet {
  std::string name;  ///< as the tab shows it
  std::string part;  ///< its XML part, "xl/worksheets/sheet1.xml"
};

/// The workbook-wide parts a sheet's cells are read through.
struct workbook_parts {
  std::vector<workbook_sheet> sheets;       ///< in tab order
  bool date1904 = false;                    ///< the 1904 date system
  std::vector<date_shown> styles;           ///< each cell style (s="N"): what it shows
  std::vector<std::string> shared_strings;  ///< the shared-string table
};

/// Reads the workbook-wide parts of `zip`; `shown` names the file in errors.
workbook_parts read_workbook_parts(const zip_parts& zip, const std::string& shown);

}  // namespace aidstat::detail
