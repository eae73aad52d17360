// A result frame back to a typed table, written as a workbook by the library's own
// renderer (aidstat.to_xlsx): amounts as numbers of yuan with their notation beside,
// counts as whole numbers, the headings in Chinese and English.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace aidstat::python {
namespace {

cell_type type_of_kind(const std::string& kind) {
  if (kind == "count") return cell_type::count;
  if (kind == "money") return cell_type::money;
  if (kind == "quantity") return cell_type::quantity;
  if (kind == "percent") return cell_type::percent;
  if (kind == "real") return cell_type::ratio;
  if (kind == "status") return cell_type::status;
  return cell_type::text;  // key, year, text
}

// The cells of a column spec: texts (str or None), or int64 values (with max for an
// interval) and a missing mask, or float64 values.
std::vector<cell> cells_of(const py::dict& spec, cell_type type) {
  std::vector<cell> out;
  if (type == cell_type::text || type == cell_type::status) {
    for (const py::handle v : spec["values"].cast<py::list>())
      out.push_back(v.is_none() ? cell{} : cell{v.cast<std::string>()});
    return out;
  }
  const auto missing = spec["missing"].cast<py::array_t<bool, py::array::c_style>>();
  const auto m = missing.unchecked<1>();
  if (type == cell_type::ratio) {
    const auto values = spec["values"].cast<py::array_t<double, py::array::c_style>>();
    const auto v = values.unchecked<1>();
    for (py::ssize_t i = 0; i < v.shape(0); ++i) out.push_back(m(i) ? cell{} : cell{v(i)});
    return out;
  }
  const auto lo = spec["values"].cast<py::array_t<std::int64_t, py::array::c_style>>();
  const auto hi =
      spec.contains("max") ? spec["max"].cast<py::array_t<std::int64_t, py::array::c_style>>() : lo;
  const auto a = lo.unchecked<1>();
  const auto b = hi.unchecked<1>();
  for (py::ssize_t i = 0; i < a.shape(0); ++i) {
    if (m(i)) {
      out.emplace_back();
    } else if (type == cell_type::money) {
      out.push_back(money_interval(money(a(i)), money(b(i))));
    } else if (type == cell_type::quantity) {
      out.push_back(quantity_cell{count_interval(count(a(i)), count(b(i))), std::nullopt});
    } else {
      out.push_back(a(i));
    }
  }
  return out;
}

// A table of the column specs, every row a row and every column shown.
table table_of(const py::list& specs) {
  table tab;
  for (const py::handle h : specs) {
    const auto spec = h.cast<py::dict>();
    column c;
    c.name = spec["name"].cast<std::string>();
    const auto kind = spec["kind"].cast<std::string>();
    c.heading_en = c.name;
    c.heading_zh = spec["heading_zh"].cast<std::string>();
    c.role = kind == "key" || kind == "year" ? column_role::key : column_role::measure;
    c.type = type_of_kind(kind);
    c.cells = cells_of(spec, c.type);
    if (!tab.columns.empty() && c.cells.size() != tab.rows)
      throw py::value_error("column '" + c.name + "' has " + std::to_string(c.cells.size()) +
                            " rows; the others have " + std::to_string(tab.rows));
    tab.rows = c.cells.size();
    tab.csv.push_back(tab.columns.size());
    tab.columns.push_back(std::move(c));
  }
  tab.people = tab.json = tab.csv;
  return tab;
}

void save_xlsx(const py::list& specs, const std::filesystem::path& path, const std::string& sheet,
               const std::string& unit) {
  std::vector<named_table> tables{{sheet, table_of(specs)}};
  const money_unit u = parse_key<money_unit>(unit);
  py::gil_scoped_release unlocked;
  save_tables(path, tables, output_format::xlsx, u);
}

}  // namespace

void bind_xlsx_out(py::module_& m) {
  m.def("_save_xlsx", &save_xlsx, py::arg("columns"), py::arg("path"), py::arg("sheet"),
        py::arg("unit"));
}

}  // namespace aidstat::python
