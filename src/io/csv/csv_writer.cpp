#include "io/csv/csv_writer.hpp"

namespace aidstat::detail {

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_escape(cells[i]);
  out << '\n';
}

void write_csv_rows(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  for (const auto& row : rows) write_csv_row(out, row);
}

}  // namespace aidstat::detail
