// The output formats every writer of results takes: an aligned table, CSV, JSON,
// Markdown or an Excel workbook.
#pragma once

#include <cstdint>

#include "aidstat/enums.hpp"

namespace aidstat {

/// The output formats of results (and of the `aidstat` command).
enum class output_format : std::uint8_t { table, csv, json, md, xlsx };

/// The vocabulary of output_format (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<output_format> {
  static constexpr std::string_view what = "output format";
  static constexpr auto entries = std::to_array<enum_entry<output_format>>({
      {output_format::table, "table", "表格"},
      {output_format::csv, "csv", "CSV"},
      {output_format::json, "json", "JSON"},
      {output_format::md, "md", "Markdown"},
      {output_format::xlsx, "xlsx", "Excel"},
  });
};

}  // namespace aidstat
