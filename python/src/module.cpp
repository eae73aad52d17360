// The compiled part of the Python package `aidstat` (docs/python.md): aidstat._aidstat.
// The Python layer (python/aidstat/__init__.py) turns its CSV texts into pandas
// frames and its option keywords into the dictionaries these functions take.
#include "bindings.hpp"

PYBIND11_MODULE(_aidstat, m) {
  m.doc() = "aidstat: support-program data and statistics (the compiled core)";
  m.attr("version") = aidstat::version_string;
  aidstat::python::bind_errors(m);
  aidstat::python::bind_dataset(m);
  aidstat::python::bind_frames(m);
  aidstat::python::bind_xlsx_out(m);
  aidstat::python::bind_queries(m);
  aidstat::python::bind_partials(m);
}
