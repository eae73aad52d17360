// The queries from Python: option dictionaries into C++ queries, computed with the
// GIL released, answered as the typed result table's columns (tables.cpp).
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>

#include "aidstat/analysis_at.hpp"
#include "aidstat/disclosure.hpp"
#include "aidstat/pivot.hpp"
#include "bindings.hpp"

namespace aidstat::python {

record_filter filter_of(const py::dict& opts) {
  record_filter f;
  using values = std::vector<std::pair<std::string, std::vector<std::string>>>;
  for (const auto& [on, accepted] : option<values>(opts, "where").value_or(values{}))
    f.where.push_back(condition{dimension::parse(on), accepted});
  f.year = option<int>(opts, "year");
  if (const auto from = option<std::string>(opts, "date_from")) f.from = date::parse(*from);
  if (const auto to = option<std::string>(opts, "date_to")) f.to = date::parse(*to);
  f.fiscal_year_start = option<int>(opts, "fiscal_start").value_or(1);
  if (const auto ytd = option<std::string>(opts, "ytd")) f.through = month_day::parse(*ytd);
  return f;
}

std::vector<dimension> dimensions_of(const py::dict& opts, const char* name) {
  std::vector<dimension> out;
  for (const auto& n :
       option<std::vector<std::string>>(opts, name).value_or(std::vector<std::string>{}))
    out.push_back(dimension::parse(n));
  return out;
}

std::optional<price_basis> prices_of(const py::dict& opts) {
  const auto file = option<std::filesystem::path>(opts, "deflator");
  const auto year = option<int>(opts, "prices_of");
  if (!file && !year) return std::nullopt;
  if (!file || !year)
    detail::throw_error<query_error>(
        "constant prices need both a deflator file and the year whose prices to show "
        "(prices_of)");
  return price_basis{deflator::load(*file), *year};
}

std::shared_ptr<const dataset> mapped(const py_dataset& d, const py::dict& opts) {
  const auto file = option<std::filesystem::path>(opts, "category_map");
  if (!file) return d.data;
  return std::make_shared<const dataset>(category_map::load(*file).apply(*d.data));
}

yoy_query yoy_of(const py::dict& opts) {
  yoy_query q;
  q.base_year = opts["base"].cast<int>();
  q.current_year = opts["current"].cast<int>();
  q.by = dimensions_of(opts, "by");
  q.filter = filter_of(opts);
  q.prices = prices_of(opts);
  q.threads = option<unsigned>(opts, "threads").value_or(0);
  return q;
}

namespace {

unsigned threads_of(const py::dict& opts) { return option<unsigned>(opts, "threads").value_or(0); }

// Runs compute() with the GIL released; its answer as the typed table's columns.
template <class Compute>
py::dict table_of(Compute&& compute) {
  table tab;
  {
    py::gil_scoped_release unlocked;
    tab = to_table(compute());
  }
  return columns_of(tab);
}

// The totals of `opts`, from the totals that compute(q) gives.
template <class Compute>
py::dict totals_table_of(const py::dict& opts, Compute&& compute) {
  const totals_query q{dimensions_of(opts, "by"), filter_of(opts), threads_of(opts)};
  const auto min_cell = option<std::int64_t>(opts, "min_cell");
  return table_of([&] {
    totals t = compute(q);
    return min_cell ? suppress_small_cells(std::move(t), *min_cell) : t;
  });
}

py::dict totals_table(const py_dataset& d, const py::dict& opts) {
  return totals_table_of(opts, [&](const totals_query& q) { return compute_totals(*d.data, q); });
}

// From where the dataset is kept: a CSV directory may be read as a stream (totals_at).
py::dict totals_table_at(const std::filesystem::path& path, const py::dict& opts) {
  return totals_table_of(opts, [&](const totals_query& q) { return totals_at(path, q); });
}

py::dict yoy_table(const py_dataset& d, const py::dict& opts) {
  const yoy_query q = yoy_of(opts);
  const auto data = mapped(d, opts);
  return table_of([&] { return compute_yoy(*data, q); });
}

// From where the dataset is kept, read once (analysis_at.hpp); a category map needs
// the dataset loaded (the Python side loads it).
py::dict yoy_table_at(const std::filesystem::path& path, const py::dict& opts) {
  const yoy_query q = yoy_of(opts);
  return table_of([&] { return yoy_at(path, q); });
}

trend_query trend_of(const py::dict& opts) {
  trend_query q;
  q.from_year = opts["from_year"].cast<int>();
  q.to_year = opts["to_year"].cast<int>();
  q.by = dimensions_of(opts, "by");
  q.filter = filter_of(opts);
  q.prices = prices_of(opts);
  q.threads = threads_of(opts);
  return q;
}

py::dict trend_table(const py_dataset& d, const py::dict& opts) {
  const trend_query q = trend_of(opts);
  const auto data = mapped(d, opts);
  return table_of([&] { return compute_trend(*data, q); });
}

py::dict trend_table_at(const std::filesystem::path& path, const py::dict& opts) {
  const trend_query q = trend_of(opts);
  return table_of([&] { return trend_at(path, q); });
}

pivot_query pivot_of(const py::dict& opts) {
  pivot_query q;
  q.rows = dimension::parse(opts["rows"].cast<std::string>());
  q.cols = dimension::parse(opts["cols"].cast<std::string>());
  const auto measure = option<std::string>(opts, "measure").value_or("amount");
  const auto m = parse_enum<pivot_measure>(measure);
  if (!m)
    detail::throw_error<query_error>("'" + measure + "' is not a pivot measure; write " +
                                     detail::accepted_keys<pivot_measure>());
  q.measure = *m;
  q.filter = filter_of(opts);
  q.threads = threads_of(opts);
  return q;
}

// The pivot `compute` gives for the options' query, small cells suppressed if asked.
template <class Compute>
py::dict pivot_table_of(const py::dict& opts, Compute&& compute) {
  const pivot_query q = pivot_of(opts);
  const auto min_cell = option<std::int64_t>(opts, "min_cell");
  return table_of([&] {
    pivot_result p = compute(q);
    return min_cell ? suppress_small_cells(std::move(p), *min_cell) : p;
  });
}

py::dict pivot_table(const py_dataset& d, const py::dict& opts) {
  return pivot_table_of(opts, [&](const pivot_query& q) { return compute_pivot(*d.data, q); });
}

py::dict pivot_table_at(const std::filesystem::path& path, const py::dict& opts) {
  return pivot_table_of(opts, [&](const pivot_query& q) { return pivot_at(path, q); });
}

py::dict progress_table(const py_dataset& d, const py::dict& opts) {
  progress_query q;
  q.year = option<int>(opts, "year");
  for (const auto& b :
       option<std::vector<std::string>>(opts, "by").value_or(std::vector<std::string>{}))
    q.by.push_back(parse_key<progress_dimension>(b));
  return table_of([&] { return compute_progress(*d.data, q); });
}

// The name of a finding kind, as the Python frame shows it.
const char* kind_name(finding_kind k) {
  switch (k) {
    case finding_kind::validation:
      return "validation";
    case finding_kind::reconciliation:
      return "reconciliation";
    case finding_kind::duplicate:
      return "duplicate";
    case finding_kind::unnamed:
      return "unnamed";
    case finding_kind::protection:
      return "protection";
    case finding_kind::overflow:
      return "overflow";
    case finding_kind::formula:
      return "formula";
  }
  return "";
}

// A check's findings as tuples: level, kind, file, line, column, message, and the
// line `aidstat check` prints.
py::list findings_of(const check_report& r) {
  py::list out;
  for (const finding& f : r.findings)
    out.append(py::make_tuple(key_of(f.level), kind_name(f.kind), f.where.file, f.where.line,
                              f.where.column, f.message, f.to_string()));
  return out;
}

}  // namespace

void bind_queries(py::module_& m) {
  m.def(
      "_check_query",
      [](const py::dict& opts) {
        dimensions_of(opts, "by");
        filter_of(opts);
      },
      py::arg("options"));
  m.def(
      "_library_seconds",
      [](const py_dataset& d, const py::dict& opts) {
        // The library's own time for the query, without Python: for the bench.
        const totals_query q{dimensions_of(opts, "by"), filter_of(opts), threads_of(opts)};
        py::gil_scoped_release unlocked;
        const auto start = std::chrono::steady_clock::now();
        [[maybe_unused]] const totals t = compute_totals(*d.data, q);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        return took.count();
      },
      py::arg("dataset"), py::arg("options"));
  m.def("_totals_table", &totals_table, py::arg("dataset"), py::arg("options"));
  m.def(
      "_records_table",
      [](const py_dataset& d, const py::dict& opts) {
        const record_filter f = filter_of(opts);
        const dataset_sources* sources = d.sources ? &*d.sources : nullptr;
        table tab;
        {
          py::gil_scoped_release unlocked;
          tab = to_table(list_records(*d.data, f), *d.data, sources);
        }
        return columns_of(tab);
      },
      py::arg("dataset"), py::arg("options"));
  m.def("_totals_table_at", &totals_table_at, py::arg("path"), py::arg("options"));
  m.def("_yoy_table", &yoy_table, py::arg("dataset"), py::arg("options"));
  m.def("_trend_table", &trend_table, py::arg("dataset"), py::arg("options"));
  m.def("_pivot_table", &pivot_table, py::arg("dataset"), py::arg("options"));
  m.def("_yoy_table_at", &yoy_table_at, py::arg("path"), py::arg("options"));
  m.def("_trend_table_at", &trend_table_at, py::arg("path"), py::arg("options"));
  m.def("_pivot_table_at", &pivot_table_at, py::arg("path"), py::arg("options"));
  m.def("_progress_table", &progress_table, py::arg("dataset"), py::arg("options"));
  m.def(
      "_check_dataset",
      [](const py_dataset& d) {
        check_report r;
        {
          py::gil_scoped_release unlocked;
          r = check_dataset(*d.data, d.sources ? &*d.sources : nullptr);
        }
        return findings_of(r);
      },
      py::arg("dataset"));
  m.def(
      "_check_path",
      [](const std::filesystem::path& path) {
        check_report r;
        {
          py::gil_scoped_release unlocked;
          r = check_dataset_at(path);
        }
        return findings_of(r);
      },
      py::arg("path"));
}

}  // namespace aidstat::python
