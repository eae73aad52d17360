// write_table: a table in the format asked for.
#include <nlohmann/json.hpp>

#include "aidstat/error.hpp"
#include "aidstat/workbook.hpp"
#include "io/fs/atomic_file.hpp"
#include "io/xlsx/xlsx_writer.hpp"
#include "output/render/render.hpp"

namespace aidstat {

void write_table(std::ostream& out, const table& tab, output_format f, money_unit unit) {
  switch (f) {
    case output_format::csv:
      return detail::render_csv(out, tab);
    case output_format::json:
      return detail::render_json(out, tab);
    case output_format::md:
      return detail::render_people(out, tab, true, unit);
    case output_format::xlsx: {
      detail::xlsx_writer w("the workbook");
      detail::render_xlsx_sheet(w, "results", tab, unit);
      return w.finish(out);
    }
    case output_format::table:
      break;
  }
  detail::render_people(out, tab, false, unit);
}

void save_workbook(const std::filesystem::path& file, const std::vector<named_table>& sheets,
                   money_unit unit) {
  detail::write_file_atomically(file, [&](std::ostream& out) {
    detail::xlsx_writer w(file);
    for (const named_table& s : sheets) detail::render_xlsx_sheet(w, s.name, s.tab, unit);
    w.finish(out);
  });
}

void save_tables(const std::filesystem::path& file, const std::vector<named_table>& tables,
                 output_format f, money_unit unit) {
  if (f == output_format::xlsx) return save_workbook(file, tables, unit);
  detail::write_file_atomically(file,
                                [&](std::ostream& out) { write_tables(out, tables, f, unit); });
}

void write_tables(std::ostream& out, const std::vector<named_table>& tables, output_format f,
                  money_unit unit) {
  const bool object = f == output_format::json && tables.size() > 1;
  if (object) out << "{";
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (object)
      out << (i ? ",\n" : "\n") << nlohmann::json(tables[i].name).dump() << ": ";
    else if (i)
      out << "\n";
    write_table(out, tables[i].tab, f, unit);
  }
  if (object) out << "}\n";
}

column& table::column_named(std::string_view name) {
  for (column& c : columns)
    if (c.name == name) return c;
  detail::throw_error<error>("the table has no column named " + std::string(name));
}

table_layout table::layout(std::initializer_list<std::string_view> names) const {
  table_layout l;
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].role == column_role::key) l.push_back(i);
  for (std::string_view name : names) {
    std::size_t i = 0;
    while (i < columns.size() && columns[i].name != name) ++i;
    if (i == columns.size())
      detail::throw_error<error>("the table has no column named " + std::string(name));
    l.push_back(i);
  }
  return l;
}

}  // namespace aidstat
