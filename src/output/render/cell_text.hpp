// How one typed cell is written in each format: the one place each type's text is
// chosen (CSV fields, a JSON value, the text people read). Internal to the renderers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aidstat/table.hpp"

namespace aidstat::detail {

/// The CSV header fields of column `c`: NAME, or NAME_min and NAME_max for intervals.
std::vector<std::string> csv_headers(const column& c);

/// The CSV fields of cell `v` of column `c` (two for intervals); empty fields for an
/// empty cell.
std::vector<std::string> csv_fields(const column& c, const cell& v);

/// The JSON value of cell `v` of column `c`: null for an empty cell.
nlohmann::ordered_json json_value(const column& c, const cell& v);

/// The text people read for cell `v` of column `c`, amounts in `unit`.
std::string people_text(const column& c, const cell& v, money_unit unit);

/// The mark people see in each figure of a suppressed row.
std::string suppression_mark(suppression s);

}  // namespace aidstat::detail
