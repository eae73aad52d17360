// What the parts of the Python extension share: the dataset as Python holds it, and
// the option dictionaries the Python layer passes in. Internal to the module.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <string>

#include "aidstat/aidstat.hpp"

namespace aidstat::python {

namespace py = pybind11;

/// A dataset shared with Python: immutable once built, so that scans may run with
/// the GIL released while other Python threads hold the same object.
struct py_dataset {
  std::shared_ptr<const dataset> data;     ///< the records
  std::optional<dataset_sources> sources;  ///< lines of the records, when read from CSV
};

/// Registers the exception family (aidstat.error and its subclasses) on `m`.
void bind_errors(py::module_& m);
/// Registers Dataset, load, save and export on `m`.
void bind_dataset(py::module_& m);
/// Registers the reader of pandas frames' columns (_read_columns) on `m`.
void bind_frames(py::module_& m);
/// Registers the writer of a result frame's columns as a workbook (_save_xlsx) on `m`.
void bind_xlsx_out(py::module_& m);
/// Registers the queries (totals, yoy, trend, pivot, progress, check) on `m`.
void bind_queries(py::module_& m);
/// Registers partial totals as bytes, their merge, and comparisons made from them.
void bind_partials(py::module_& m);

/// A result table's columns in its CSV layout's order, as the Python layer types them:
/// {"columns": [{"name", "kind", "values", "max", "missing", "vocabulary", "labels"}],
/// "total": the last row is the total row, "min_cell": disclosure control applied}.
py::dict columns_of(const table& tab);

/// Option `name` of `opts`, if present and not None.
template <class T>
std::optional<T> option(const py::dict& opts, const char* name) {
  if (!opts.contains(name) || opts[name].is_none()) return std::nullopt;
  return opts[name].cast<T>();
}

/// The record filter of the options: where (a list of (dimension, [values])), year,
/// date_from, date_to, fiscal_start, ytd. Throws query_error / parse_error.
record_filter filter_of(const py::dict& opts);

/// The dimensions named by option `name` (a list of names).
std::vector<dimension> dimensions_of(const py::dict& opts, const char* name);

/// The comparison the options ask for: base, current, by, the filter, prices, threads.
yoy_query yoy_of(const py::dict& opts);

/// The dataset to query: `d`, or a copy with the option `category_map` (a CSV file)
/// applied.
std::shared_ptr<const dataset> mapped(const py_dataset& d, const py::dict& opts);

/// Constant prices from the options `deflator` (a CSV file) and `prices_of`, if given.
std::optional<price_basis> prices_of(const py::dict& opts);

}  // namespace aidstat::python
