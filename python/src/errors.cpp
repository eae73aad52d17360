// aidstat's exception family in Python, mirroring the C++ one: aidstat.error and its
// subclasses parse_error, overflow_error, query_error, data_error (with
// validation_error, which carries `problems`), io_error and memory_error, with the
// same messages. A validation error's problems are aidstat.problem tuples: (source,
// row, column, message, label), one shape for a CSV file, a workbook and a frame.
#include "bindings.hpp"

namespace aidstat::python {
namespace {

// (source, row, column, message, label) of a problem: the file (with a workbook's
// sheet) or the table; the file's line, the sheet's row or the table's row position
// (from 0); the column's name. Parts that do not apply are None; the label is for the
// Python layer to fill from a frame's index.
py::object tuple_of(const problem& x, const py::handle& type) {
  const source_location& w = x.where;
  std::string source = w.file;
  if (!w.cell.empty()) source += " (sheet " + w.cell.substr(0, w.cell.find_first_of("! ")) + ")";
  py::object row = py::none(), column = py::none();
  if (w.line) row = py::int_(w.in_table ? w.line - 1 : w.line);
  if (!w.field.empty()) column = py::str(w.field);
  return type(source, row, column, x.message, py::none());
}

}  // namespace

void bind_errors(py::module_& m) {
  static py::exception<error> base(m, "error", PyExc_Exception);
  static py::exception<parse_error> parse(m, "parse_error", base.ptr());
  static py::exception<overflow_error> overflow(m, "overflow_error", base.ptr());
  static py::exception<query_error> query(m, "query_error", base.ptr());
  static py::exception<data_error> data(m, "data_error", base.ptr());
  static py::exception<io_error> io(m, "io_error", base.ptr());
  static py::exception<memory_error> memory(m, "memory_error", base.ptr());
  static py::exception<validation_error> validation(m, "validation_error", data.ptr());
  py::object problem_type =
      py::module_::import("collections")
          .attr("namedtuple")("problem",
                              py::make_tuple("source", "row", "column", "message", "label"));
  problem_type.attr("__doc__") =
      "Where a problem is and what it is: source (a file, a workbook's sheet or a frame), "
      "row (a file's line from 1, a sheet's row from 1, a frame's position from 0), column "
      "(its name), message, and label (a frame row's index label); None where a part does "
      "not apply.";
  problem_type.attr("__module__") = "aidstat";
  m.attr("problem") = problem_type;
  validation.attr("_problem") = problem_type;
  // One translator, most derived type first.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const validation_error& e) {
      py::list problems;
      for (const problem& x : e.problems())
        problems.append(tuple_of(x, validation.attr("_problem")));
      py::object instance = py::reinterpret_borrow<py::object>(validation.ptr())(e.what());
      instance.attr("problems") = problems;
      PyErr_SetObject(validation.ptr(), instance.ptr());
    } catch (const parse_error& e) {
      parse(e.what());
    } catch (const overflow_error& e) {
      overflow(e.what());
    } catch (const query_error& e) {
      query(e.what());
    } catch (const data_error& e) {
      data(e.what());
    } catch (const io_error& e) {
      io(e.what());
    } catch (const memory_error& e) {
      memory(e.what());
    } catch (const error& e) {
      base(e.what());
    }
  });
}

}  // namespace aidstat::python
