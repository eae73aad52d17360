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

void render_csv(std::ostream& out, const table& tab) {
  std::vector<std::string> fields;
  for (std::size_t i : tab.csv)
    for (std::string& h : csv_headers(tab.columns[i])) fields.push_back(std::move(h));
  write_csv_row(out, fields);
  const auto write_row = [&](auto cell_of) {
    fields.clear();
    for (std::size_t i : tab.csv)
      for (std::string& f : csv_fields(tab.columns[i], cell_of(tab.columns[i])))
        fields.push_back(std::move(f));
    write_csv_row(out, fields);
  };
  if (key_columns(tab).empty() && tab.has_total && tab.total_alone_without_keys)
    return write_row([](const column& c) -> const cell& { return c.total; });
  for (std::size_t r = 0; r < tab.rows; ++r)
    write_row([r](const column& c) -> const cell& { return c.cells[r]; });
}

}  // namespace aidstat::detail
