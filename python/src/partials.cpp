// Partial totals for shards (docs/python.md): a shard's totals as checksummed bytes,
// bytes merged exactly, and the CSV of merged totals or of the comparison made from
// them. What aidstat.dask runs on its workers and where it reduces.
#include <pybind11/stl.h>

#include <sstream>

#include "aidstat/disclosure.hpp"
#include "bindings.hpp"

namespace aidstat::python {
namespace {

py::bytes bytes_of(const std::string& s) { return py::bytes(s); }

// The totals held by each of `parts`, merged; each part named by its place.
totals merged(const std::vector<std::string>& parts) {
  if (parts.empty()) detail::throw_error<query_error>("there are no partial totals to merge");
  totals out = totals_from_bytes(parts[0], "partial totals 1");
  for (std::size_t i = 1; i < parts.size(); ++i)
    out.merge(totals_from_bytes(parts[i], "partial totals " + std::to_string(i + 1)));
  return out;
}

}  // namespace

void bind_partials(py::module_& m) {
  m.def(
      "_totals_partial",
      [](const py_dataset& d, const py::dict& opts) {
        const totals_query q{dimensions_of(opts, "by"), filter_of(opts),
                             option<unsigned>(opts, "threads").value_or(0)};
        std::string bytes;
        {
          py::gil_scoped_release unlocked;
          bytes = totals_to_bytes(compute_totals(*d.data, q));
        }
        return bytes_of(bytes);
      },
      py::arg("dataset"), py::arg("options"));
  m.def(
      "_yoy_partials",
      [](const py_dataset& d, const py::dict& opts) {
        const yoy_query q = yoy_of(opts);
        yoy_query whole = q;
        whole.by.clear();
        const auto data = mapped(d, opts);
        std::string by_keys, by_year;
        {
          py::gil_scoped_release unlocked;
          by_keys = totals_to_bytes(compute_totals(*data, yoy_totals_query(q)));
          by_year = totals_to_bytes(compute_totals(*data, yoy_totals_query(whole)));
        }
        return py::make_tuple(bytes_of(by_keys), bytes_of(by_year));
      },
      py::arg("dataset"), py::arg("options"));
  m.def(
      "_merge_partials",
      [](const std::vector<std::string>& parts) {
        std::string bytes;
        {
          py::gil_scoped_release unlocked;
          bytes = totals_to_bytes(merged(parts));
        }
        return bytes_of(bytes);
      },
      py::arg("parts"));
  m.def(
      "_totals_table_of_partial",
      [](const std::string& part, std::optional<std::int64_t> min_cell) {
        table tab;
        {
          py::gil_scoped_release unlocked;  // a merged partial can be large
          totals t = totals_from_bytes(part);
          if (min_cell) t = suppress_small_cells(std::move(t), *min_cell);
          tab = to_table(t);
        }
        return columns_of(tab);
      },
      py::arg("partial"), py::arg("min_cell"));
  m.def(
      "_yoy_table_of_partials",
      [](const std::string& by_keys, const std::string& by_year, const py::dict& opts) {
        const yoy_query q = yoy_of(opts);
        table tab;
        {
          py::gil_scoped_release unlocked;
          const totals years = totals_from_bytes(by_year, "the partial year totals");
          tab = to_table(compare_years(totals_from_bytes(by_keys), &years, q));
        }
        return columns_of(tab);
      },
      py::arg("by_keys"), py::arg("by_year"), py::arg("options"));
}

}  // namespace aidstat::python
