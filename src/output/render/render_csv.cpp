// A table as CSV: the machine contract of docs/cli.md.
#include "io/csv/csv_writer.hpp"
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"

namespace aidstat::detail {

std::vector<std::size_t> key_columns(const table& tab) {
  std::vector<std::size_t> keys;
  for (std::size_t i = 0; i < tab.columns.size(); ++i)
    if (tab.columns[i].role == column_role::key) keys.push_back(i);
  return keys;
}

namespace {

// The fields of one row: key columns as `total_key` says (the total row's "total"), or
// as their cells; a cell suppressed on its own is empty (a suppressed row's cells are).
std::vector<std::string> row_fields(const table& tab, const row_view& row, bool total_key) {
  std::vector<std::string> fields;
  bool first = true;
  for (std::size_t i : tab.csv) {
    const column& c = tab.columns[i];
    if (c.role == column_role::key && total_key) {
      fields.push_back(first ? "total" : "");
      first = false;
      continue;
    }
    const bool hidden = row.cell_state(c) != suppression::none;
    for (std::string& f : csv_fields(c, hidden ? cell{} : row.cell_of(c)))
      fields.push_back(std::move(f));
  }
  return fields;
}

}  // namespace

void render_csv(std::ostream& out, const table& tab) {
  std::vector<std::string> header;
  for (std::size_t i : tab.csv)
    for (std::string& h : csv_headers(tab.columns[i])) header.push_back(std::move(h));
  write_csv_row(out, header);
  if (key_columns(tab).empty() && tab.has_total && tab.total_alone_without_keys)
    return write_csv_row(out, row_fields(tab, total_row(tab), true));
  for (std::size_t r = 0; r < tab.rows; ++r)
    write_csv_row(out, row_fields(tab, row_at(tab, r), false));
  if (tab.has_total && tab.csv_total) write_csv_row(out, row_fields(tab, total_row(tab), true));
}

}  // namespace aidstat::detail
