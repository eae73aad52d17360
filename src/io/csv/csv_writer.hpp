// Writing CSV (RFC 4180): the one writer behind export and every CSV output. Internal.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace aidstat::detail {

/// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_escape(std::string_view field);

/// Writes one row of cells, quoted where needed, and a newline.
void write_csv_row(std::ostream& out, const std::vector<std::string>& cells);

/// Writes rows of cells, each as write_csv_row does.
void write_csv_rows(std::ostream& out, const std::vector<std::vector<std::string>>& rows);

}  // namespace aidstat::detail
