// A dataset read from pandas frames' columns, with no CSV text between: the Python
// layer (_cells.py) checks each column and gives it as text objects or as numbers
// with a missing mask; here each cell becomes the text its CSV field would hold and
// the library's read_dataset reads the tables.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>  // in every file that casts a list: one caster for all
#include <sys/mman.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>

#include "bindings.hpp"

namespace aidstat::python {
namespace {

// Asks for huge pages under [data, data + bytes): a page fault per 2 MiB instead of
// per 4 KiB, which is most of the cost of filling a column's new cells.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;  // whole huge pages inside only
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t from = (begin + huge - 1) & ~(huge - 1);
  const std::uintptr_t to = (begin + bytes) & ~(huge - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#else
  (void)data, (void)bytes;
#endif
}

// Room for `rows` cells, on huge pages.
std::vector<std::string_view> cells_for(std::size_t rows) {
  std::vector<std::string_view> cells;
  cells.reserve(rows);
  advise_huge_pages(cells.data(), rows * sizeof(std::string_view));
  return cells;
}

// The tables and the texts their cells view: numbers written here, Python strings'
// own UTF-8, or encodings of strings that hold lone surrogates.
struct frame_tables {
  dataset_tables tables;
  // One block of text per numeric column: left uninitialized, so that only the bytes
  // written are ever touched.
  std::vector<std::unique_ptr<char[]>> written;
  std::vector<py::object> encoded;  // bytes kept alive while the cells view them
};

// The cell text of a Python object in a text column: a str as UTF-8 (a lone
// surrogate passed through, for the loader to name), "" for None, NaN, NA and NaT.
std::string_view text_of(PyObject* o, frame_tables& out, const std::string& column,
                         std::size_t row) {
  if (PyUnicode_Check(o)) {
    Py_ssize_t size = 0;
    if (const char* utf8 = PyUnicode_AsUTF8AndSize(o, &size))
      return {utf8, static_cast<std::size_t>(size)};
    PyErr_Clear();
    py::object bytes =
        py::reinterpret_steal<py::object>(PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass"));
    if (!bytes) throw py::error_already_set();
    out.encoded.push_back(bytes);
    return {PyBytes_AS_STRING(bytes.ptr()),
            static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr()))};
  }
  if (o == Py_None || (PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o)))) return {};
  const std::string type = Py_TYPE(o)->tp_name;
  if (type == "NAType" || type == "NaTType") return {};
  throw py::type_error("column '" + column + "', row " + std::to_string(row) + ": a Python " +
                       type + " where text is expected");
}

std::vector<std::string_view> text_column(const py::array& values, frame_tables& out,
                                          const std::string& column) {
  if (values.dtype().kind() != 'O' || values.ndim() != 1 ||
      (values.size() > 1 && values.strides(0) != sizeof(PyObject*)))
    throw py::type_error("column '" + column + "' is not a contiguous object array");
  const auto* cells = static_cast<PyObject* const*>(values.data());
  const auto rows = static_cast<std::size_t>(values.size());
  std::vector<std::string_view> texts = cells_for(rows);
  for (std::size_t r = 0; r < rows; ++r) texts.push_back(text_of(cells[r], out, column, r));
  return texts;
}

// "2023-01-15" for a count of days since 1970-01-01 (H. Hinnant's civil_from_days).
std::size_t write_day(std::int64_t days, char* p) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2);
  if (year < 1 || year > 9999) {  // not a date the loader takes: written for it to name
    const int n = std::snprintf(p, 32, "%lld-%02lld-%02lld", static_cast<long long>(year),
                                static_cast<long long>(month), static_cast<long long>(day));
    return static_cast<std::size_t>(n);
  }
  const auto digit = [](std::int64_t v) { return static_cast<char>('0' + v % 10); };
  const char text[10] = {digit(year / 1000),
                         digit(year / 100),
                         digit(year / 10),
                         digit(year),
                         '-',
                         digit(month / 10),
                         digit(month),
                         '-',
                         digit(day / 10),
                         digit(day)};
  std::memcpy(p, text, sizeof text);
  return sizeof text;
}

// "1234.50" for a count of fen.
std::size_t write_fen(std::int64_t fen, char* p) {
  char* at = p;
  const std::uint64_t whole =
      fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  if (fen < 0) *at++ = '-';
  at = std::to_chars(at, p + 32, whole / 100).ptr;
  *at++ = '.';
  *at++ = static_cast<char>('0' + whole % 100 / 10);
  *at++ = static_cast<char>('0' + whole % 10);
  return static_cast<std::size_t>(at - p);
}

std::size_t write_int(std::int64_t v, char* p) {
  return static_cast<std::size_t>(std::to_chars(p, p + 32, v).ptr - p);
}

// A numeric column as cell texts: each value written by `write` (at most 32 bytes),
// "" where `missing`.
template <class Write>
std::vector<std::string_view> number_column(const py::array_t<std::int64_t>& values,
                                            const py::array_t<bool>& missing, frame_tables& out,
                                            Write write) {
  const auto v = values.unchecked<1>();
  const auto m = missing.unchecked<1>();
  const auto rows = static_cast<std::size_t>(v.shape(0));
  if (static_cast<std::size_t>(m.shape(0)) != rows)
    throw py::value_error("a column's values and its missing mask differ in length");
  constexpr std::size_t widest = 32;  // of any text `write` makes
  char* const block = out.written.emplace_back(new char[rows * widest]).get();
  advise_huge_pages(block, rows * widest);
  std::vector<std::string_view> texts = cells_for(rows);
  char* at = block;
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t n =
        m(static_cast<py::ssize_t>(r)) ? 0 : write(v(static_cast<py::ssize_t>(r)), at);
    texts.emplace_back(at, n);
    at += n;
  }
  return texts;
}

// One column from its spec: ("text", objects) or ("int" | "fen" | "day", int64 values,
// bool missing).
std::vector<std::string_view> column_of(const py::tuple& spec, frame_tables& out,
                                        const std::string& column) {
  const auto kind = spec[0].cast<std::string>();
  if (kind == "text") return text_column(spec[1].cast<py::array>(), out, column);
  const auto values = spec[1].cast<py::array_t<std::int64_t, py::array::c_style>>();
  const auto missing = spec[2].cast<py::array_t<bool, py::array::c_style>>();
  if (kind == "int") return number_column(values, missing, out, write_int);
  if (kind == "fen") return number_column(values, missing, out, write_fen);
  if (kind == "day") return number_column(values, missing, out, write_day);
  throw py::value_error("'" + kind + "' is not a kind of column");
}

// A table from (name, [column names], [column specs]).
column_table table_of(const py::tuple& given, frame_tables& out) {
  column_table t;
  t.name = given[0].cast<std::string>();
  t.columns = given[1].cast<std::vector<std::string>>();
  const auto specs = given[2].cast<py::list>();
  for (std::size_t c = 0; c < specs.size(); ++c)
    t.cells.push_back(column_of(specs[c].cast<py::tuple>(), out, t.columns.at(c)));
  return t;
}

// {"items": (name, columns, specs), "units": ...} as a dataset, with each record's row.
py_dataset read_columns(const py::dict& frames) {
  frame_tables in;
  const auto table = [&](const char* key) -> std::optional<column_table> {
    if (!frames.contains(key)) return std::nullopt;
    return table_of(frames[key].cast<py::tuple>(), in);
  };
  in.tables.items = table("items").value();
  in.tables.units = table("units");
  in.tables.beneficiaries = table("beneficiaries");
  in.tables.categories = table("categories");
  in.tables.commitments = table("commitments");
  in.tables.stated_totals = table("stated_totals");
  // The GIL stays held: the cells view the frames' own strings, which another thread
  // could replace (and free) while the tables are read.
  dataset_sources sources;
  py_dataset out;
  out.data = std::make_shared<const dataset>(read_dataset(in.tables, &sources));
  sources.first_row = 0;  // a frame's rows are positions, as iloc counts them
  out.sources = std::move(sources);
  return out;
}

}  // namespace

void bind_frames(py::module_& m) { m.def("_read_columns", &read_columns, py::arg("frames")); }

}  // namespace aidstat::python
