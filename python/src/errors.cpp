// aidstat's exception family in Python, mirroring the C++ one: aidstat.error and its
// subclasses parse_error, overflow_error, query_error, data_error (with
// validation_error, which carries `problems`), io_error and memory_error, with the
// same messages.
#include "bindings.hpp"

namespace aidstat::python {

void bind_errors(py::module_& m) {
  static py::exception<error> base(m, "error", PyExc_Exception);
  static py::exception<parse_error> parse(m, "parse_error", base.ptr());
  static py::exception<overflow_error> overflow(m, "overflow_error", base.ptr());
  static py::exception<query_error> query(m, "query_error", base.ptr());
  static py::exception<data_error> data(m, "data_error", base.ptr());
  static py::exception<io_error> io(m, "io_error", base.ptr());
  static py::exception<memory_error> memory(m, "memory_error", base.ptr());
  static py::exception<validation_error> validation(m, "validation_error", data.ptr());
  // One translator, most derived type first.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const validation_error& e) {
      py::list problems;
      for (const problem& x : e.problems())
        problems.append(py::make_tuple(x.where.file, x.where.line, x.where.column, x.message));
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
