// write_table: a table in the format asked for.
#include "aidstat/error.hpp"
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
    case output_format::table:
      break;
  }
  detail::render_people(out, tab, false, unit);
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
