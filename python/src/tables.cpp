// A typed result table handed to Python column by column, in the CSV layout's order:
// numbers as numpy arrays (fen, hundredths, counts, doubles) with a mask of the
// empty cells, words as lists of str or None. The Python layer makes each column's
// dtype from its kind alone, never from its text.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <charconv>
#include <cmath>

#include "bindings.hpp"

namespace aidstat::python {
namespace {

// The rows that CSV shows, in its order: each row's cell of a column, by a getter.
struct shown_rows {
  std::vector<std::size_t> rows;  // indexes into the table's rows
  bool total = false;             // the total row follows them
  bool total_only = false;        // it alone is shown (a table without keys)
};

shown_rows rows_of(const table& tab) {
  shown_rows out;
  bool keys = false;
  for (const column& c : tab.columns) keys = keys || c.role == column_role::key;
  if (!keys && tab.has_total && tab.total_alone_without_keys) {
    out.total = out.total_only = true;
    return out;
  }
  for (std::size_t r = 0; r < tab.rows; ++r) out.rows.push_back(r);
  out.total = tab.has_total && tab.csv_total;
  return out;
}

// Cell i of column `c` in the shown rows (the total last when shown); an empty cell
// where the cell itself is suppressed, as CSV has it.
const cell& cell_at(const column& c, const shown_rows& s, std::size_t i) {
  static const cell empty;
  const bool is_total = i == s.rows.size();
  const suppression state = is_total ? c.total_suppressed : c.suppressed_at(s.rows[i]);
  if (state != suppression::none) return empty;
  return is_total ? c.total : c.cells[s.rows[i]];
}

std::size_t count_of(const shown_rows& s) { return s.rows.size() + (s.total ? 1 : 0); }

// A percentage the table keeps as the text people read ("85.7"), as a number.
double number_of_text(const std::string& text) {
  double v = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc{} && p == text.data() + text.size() ? v : std::nan("");
}

const char* kind_of(const column& c) {
  if (c.role == column_role::key) return c.name == "year" ? "year" : "key";
  switch (c.type) {
    case cell_type::text:
      return c.name.ends_with("_pct") ? "percent_text" : "text";
    case cell_type::count:
      return "count";
    case cell_type::money:
      return "money";
    case cell_type::quantity:
      return "quantity";
    case cell_type::percent:
      return "percent";
    case cell_type::ratio:
    case cell_type::fitted:
      return "real";
    case cell_type::status:
      return "status";
  }
  return "text";
}

// The column's cells as the Python layer reads them: "values" (and "max" for an
// interval) and "missing".
void fill_cells(py::dict& out, const column& c, const shown_rows& s) {
  const std::size_t n = count_of(s);
  py::array_t<bool> missing(static_cast<py::ssize_t>(n));
  auto m = missing.mutable_unchecked<1>();
  const std::string kind = kind_of(c);
  if (kind == "key" || kind == "text" || kind == "status" || kind == "year") {
    py::list values(n);
    for (std::size_t i = 0; i < n; ++i) {
      const cell& v = cell_at(c, s, i);
      m(i) = std::holds_alternative<std::monostate>(v);
      // A key with no value (a record without a measure) is missing too.
      m(i) = m(i) || (kind != "text" && std::get<std::string>(v).empty());
      values[i] = m(i) ? py::none() : py::object(py::str(std::get<std::string>(v)));
    }
    out["values"] = values;
  } else if (kind == "real" || kind == "percent_text") {
    py::array_t<double> values(static_cast<py::ssize_t>(n));
    auto w = values.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const cell& v = cell_at(c, s, i);
      m(i) = std::holds_alternative<std::monostate>(v);
      w(i) = m(i)                                ? std::nan("")
             : std::holds_alternative<double>(v) ? std::get<double>(v) + 0.0
                                                 : number_of_text(std::get<std::string>(v));
    }
    out["values"] = values;
  } else {
    py::array_t<std::int64_t> lo(static_cast<py::ssize_t>(n)), hi(static_cast<py::ssize_t>(n));
    auto a = lo.mutable_unchecked<1>();
    auto b = hi.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
      const cell& v = cell_at(c, s, i);
      m(i) = std::holds_alternative<std::monostate>(v);
      a(i) = b(i) = 0;
      if (m(i)) continue;
      if (const auto* money = std::get_if<money_interval>(&v)) {
        a(i) = money->min().fen(), b(i) = money->max().fen();
      } else if (const auto* q = std::get_if<quantity_cell>(&v)) {
        a(i) = q->value.min().value(), b(i) = q->value.max().value();
      } else {
        a(i) = b(i) = std::get<std::int64_t>(v);
      }
    }
    out["values"] = lo;
    out["max"] = hi;
  }
  out["missing"] = missing;
}

}  // namespace

py::dict columns_of(const table& tab) {
  const shown_rows s = rows_of(tab);
  py::list columns;
  for (std::size_t index : tab.csv) {
    const column& c = tab.columns[index];
    py::dict col;
    col["name"] = c.name;
    col["kind"] = kind_of(c);
    col["heading_zh"] = c.heading_zh;
    col["vocabulary"] = c.vocabulary;
    py::list labels;
    for (std::size_t r : s.rows)
      labels.append(r < c.labels.size() && !c.labels[r].empty() ? py::object(py::str(c.labels[r]))
                                                                : py::none());
    col["labels"] = labels;
    fill_cells(col, c, s);
    columns.append(col);
  }
  py::dict out;
  out["columns"] = columns;
  out["total"] = s.total && !s.total_only;
  out["min_cell"] = tab.min_cell.has_value();
  return out;
}

}  // namespace aidstat::python
