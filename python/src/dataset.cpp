// Dataset in Python: loaded from a directory, an archive or a workbook (frames are
// read in frames.cpp); saved and exported. Loads run with the GIL released.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"

namespace aidstat::python {
namespace {

py_dataset load(const std::filesystem::path& path) {
  py::gil_scoped_release unlocked;
  py_dataset out;
  switch (storage_of(path)) {
    case dataset_storage::archive:
      out.data = std::make_shared<const dataset>(load_archive(path));
      return out;
    case dataset_storage::workbook: {
      dataset_sources sources;  // the rows a workbook's records came from
      out.data = std::make_shared<const dataset>(load_workbook(path, &sources));
      out.sources = std::move(sources);
      return out;
    }
    case dataset_storage::csv_directory:
      break;
  }
  dataset_sources sources;  // the lines a directory's records came from
  out.data = std::make_shared<const dataset>(load_dataset(path, &sources));
  out.sources = std::move(sources);
  return out;
}

void save(const py_dataset& d, const std::filesystem::path& path, const std::string& kind) {
  const auto format = parse_enum<archive_format>(kind);
  if (!format)
    detail::throw_error<query_error>("'" + kind + "' is not an archive kind; write " +
                                     detail::accepted_keys<archive_format>());
  py::gil_scoped_release unlocked;
  save_archive(*d.data, path, *format);
}

void export_to(const py_dataset& d, const std::filesystem::path& dir) {
  py::gil_scoped_release unlocked;
  export_csv(*d.data, dir);
}

}  // namespace

void bind_dataset(py::module_& m) {
  py::class_<py_dataset>(m, "Dataset", py::dynamic_attr(),
                         "A support-program dataset: units, beneficiaries, records")
      .def("__len__", [](const py_dataset& d) { return d.data->item_count(); })
      .def("save", &save, py::arg("path"), py::arg("archive") = "binary",
           "Writes the dataset to an archive file (binary, text or xml), atomically")
      .def("export", &export_to, py::arg("dir"),
           "Writes the dataset as a directory of CSV files (docs/file-formats.md)");
  m.def("load", &load, py::arg("path"),
        "Loads a dataset directory (holding items.csv), an archive or a workbook");
  m.def(
      "_format_money",
      [](std::int64_t lo, std::int64_t hi, const std::string& unit) {
        return format_money(money_interval(money(lo), money(hi)), parse_key<money_unit>(unit));
      },
      py::arg("min_fen"), py::arg("max_fen"), py::arg("unit"));
  m.def(
      "_save_report",
      [](const py_dataset& d, int base, int year, const std::filesystem::path& file,
         std::optional<std::int64_t> min_cell, const std::string& unit, const std::string& title) {
        report_options o;
        o.base_year = base, o.current_year = year, o.min_cell = min_cell;
        o.unit = parse_key<money_unit>(unit), o.title = title;
        py::gil_scoped_release unlocked;
        save_report(file, *d.data, check_dataset(*d.data, d.sources ? &*d.sources : nullptr), o);
      },
      py::arg("dataset"), py::arg("base"), py::arg("year"), py::arg("path"), py::arg("min_cell"),
      py::arg("unit"), py::arg("title"));
  m.def(
      "_summary",
      [](const py_dataset& d, int base, int year, std::optional<std::int64_t> min_cell,
         const std::string& lang) {
        summary_options o;
        o.base_year = base, o.current_year = year, o.min_cell = min_cell;
        o.language = parse_key<summary_language>(lang);
        std::vector<std::string> out;
        py::gil_scoped_release unlocked;
        const check_report quality = check_dataset(*d.data, d.sources ? &*d.sources : nullptr);
        for (const summary_sentence& s : summarize(*d.data, quality, o)) out.push_back(s.text);
        return out;
      },
      py::arg("dataset"), py::arg("base"), py::arg("year"), py::arg("min_cell"), py::arg("lang"));
  m.def(
      "_overview",
      [](const py_dataset& d) {
        const auto count = [&](const char* dim) {
          py::gil_scoped_release unlocked;
          return compute_totals(*d.data, {{dimension::parse(dim)}, {}}).groups.size();
        };
        return py::make_tuple(d.data->item_count(), count("year"), count("category"),
                              d.data->unit_count());
      },
      py::arg("dataset"));
  m.def(
      "_parse_money",
      [](const std::string& text) {
        const money_interval v = parse_money(text);
        return std::pair{v.min().fen(), v.max().fen()};
      },
      py::arg("text"));
}

}  // namespace aidstat::python
