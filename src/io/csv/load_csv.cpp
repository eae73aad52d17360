// The CSV dataset loader: reads each file into rows, checks every field, and
// reports all problems at once. It knows nothing about aggregation.
#include "aidstat/load_csv.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <functional>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "io/csv/dataset_inputs.hpp"
#include "io/csv/dataset_shell.hpp"
#include "io/csv/read_plans.hpp"
#include "io/csv/table_reader.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/fs/file_bytes.hpp"
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"

namespace aidstat {
namespace {

using detail::enum_field;
using detail::table_reader;
using row = detail::table_row;

// Adds entities that name a parent of their own kind, parents first, reporting
// unknown parents and cycles. Iterative, so a hostile chain of a million parents
// cannot overflow the stack.
template <class T>
void add_in_parent_order(std::vector<std::pair<T, std::uint32_t>>& rows, table_reader& t,
                         std::uint32_t parent_column, const std::string& what,
                         const std::function<void(T&)>& add) {
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < rows.size(); ++i) by_id.emplace(rows[i].first.id_for_order(), i);
  enum : char { fresh, on_path, added, failed };
  std::vector<char> state(rows.size(), fresh);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < rows.size(); ++start) {
    path.clear();
    bool ok = true;
    std::size_t i = start;
    // Walk up the parents until a root, an entity already settled, or a cycle.
    for (;;) {
      if (state[i] == added) break;
      if (state[i] == failed) {
        ok = false;
        break;
      }
      if (state[i] == on_path) {
        t.report(rows[i].second, parent_column,
                 what + " '" + rows[i].first.id_for_order() +
                     "' is its own ancestor (the parents form a cycle); one of them must be a "
                     "root with an empty parent");
        ok = false;
        break;
      }
      state[i] = on_path;
      path.push_back(i);
      const std::string& parent = rows[i].first.parent_for_order();
      if (parent.empty()) break;
      const auto it = by_id.find(parent);
      if (it == by_id.end()) {
        t.report(rows[i].second, parent_column,
                 what + " '" + rows[i].first.id_for_order() + "' names parent '" + parent +
                     "', which is not defined");
        ok = false;
        break;
      }
      i = it->second;
    }
    for (auto p = path.rbegin(); p != path.rend(); ++p) {
      if (ok) add(rows[*p].first);
      state[*p] = ok ? added : failed;
    }
  }
}

// Adapters so the ordering helper can read ids and parents of both entity kinds.
struct category_row : category {
  const std::string& id_for_order() const { return key; }
  const std::string& parent_for_order() const { return parent; }
};
struct unit_row : unit {
  const std::string& id_for_order() const { return id; }
  const std::string& parent_for_order() const { return parent; }
};

taxonomy read_categories(const detail::table_input& file, std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 4> cols = {"key", "name_zh", "name_en", "parent"};
  table_reader t(file, problems);
  std::vector<std::pair<category_row, std::uint32_t>> rows;
  std::unordered_set<std::string> seen;
  std::uint32_t parent_column = 0;
  t.read(cols, 1, [&](const row& r) {
    category_row c;
    c.key = r.get(0), c.name_zh = r.get(1), c.name_en = r.get(2), c.parent = r.get(3);
    parent_column = r.column(3);
    if (c.key.empty()) return t.report(r, 0, "a category needs a key");
    if (!seen.insert(c.key).second)
      return t.report(r, 0, "category '" + c.key + "' is defined twice");
    rows.emplace_back(std::move(c), r.line);
  });
  taxonomy tax;
  add_in_parent_order<category_row>(rows, t, parent_column, "category",
                                    [&](category_row& c) { tax.add(static_cast<category>(c)); });
  if (tax.size() > 65535) t.report(0, 0, "a taxonomy can hold at most 65535 categories");
  return tax;
}

void read_units(const detail::table_input& file, dataset& d, std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 6> cols = {"id",   "name",   "kind",
                                                           "side", "parent", "region"};
  table_reader t(file, problems);
  std::vector<std::pair<unit_row, std::uint32_t>> rows;
  std::unordered_set<std::string> seen;
  std::uint32_t parent_column = 0;
  t.read(cols, 1, [&](const row& r) {
    unit_row u;
    u.id = r.get(0), u.name = r.get(1), u.parent = r.get(4), u.region = r.get(5);
    parent_column = r.column(4);
    if (u.id.empty()) return t.report(r, 0, "a unit needs an id");
    if (!seen.insert(u.id).second) return t.report(r, 0, "unit '" + u.id + "' is defined twice");
    u.kind = enum_field<unit_kind>(t, r, 2).value_or(unit_kind::other);
    u.side = enum_field<side>(t, r, 3).value_or(side::unknown);
    rows.emplace_back(std::move(u), r.line);
  });
  add_in_parent_order<unit_row>(rows, t, parent_column, "unit",
                                [&](unit_row& u) { d.add_unit(static_cast<unit>(u)); });
}

void read_beneficiaries(const detail::table_input& file, dataset& d,
                        std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 4> cols = {"id", "kind", "unit", "headcount"};
  table_reader t(file, problems);
  t.read(cols, 1, [&](const row& r) {
    beneficiary b;
    b.id = r.get(0), b.unit = r.get(2);
    // A row with a bad kind, unit or headcount is still added (with defaults) so that
    // items naming it do not report it again; the load fails all the same.
    if (b.id.empty()) return t.report(r, 0, "a beneficiary needs an id");
    if (d.find_beneficiary(b.id))
      return t.report(r, 0, "beneficiary '" + b.id + "' is defined twice");
    b.kind = enum_field<beneficiary_kind>(t, r, 1).value_or(beneficiary_kind::other);
    if (!b.unit.empty() && !d.find_unit(b.unit)) {
      t.report(r, 2, "unit '" + b.unit + "' is not defined in units.csv");
      b.unit.clear();
    }
    if (const std::string& h = r.get(3); !h.empty()) {
      try {
        const quantity_text q = parse_quantity(h);
        if (!q.value.is_exact() || q.value.min() < count{1} ||
            (q.unit && *q.unit != measure::person))
          detail::throw_error<parse_error>("'" + h + "'");
        b.headcount = q.value.min().value();
      } catch (const parse_error&) {
        t.report(r, 3, "headcount '" + h + "' is not a whole number of people of at least 1");
      }
    }
    d.add_beneficiary(std::move(b));
  });
}

// Reads categories, units and beneficiaries into a fresh dataset; each file's
// problems go to `problems`, and where they end to `file_starts`.
dataset read_entities(const detail::dataset_inputs& in, std::vector<problem>& problems,
                      std::vector<std::size_t>& file_starts) {
  dataset d = in.categories ? dataset(read_categories(*in.categories, problems)) : dataset();
  file_starts.push_back(problems.size());
  if (in.units) read_units(*in.units, d, problems);
  file_starts.push_back(problems.size());
  if (in.beneficiaries) read_beneficiaries(*in.beneficiaries, d, problems);
  file_starts.push_back(problems.size());
  return d;
}

// Throws the problems, if any, each file's in line order (cycles and unknown parents
// are found last); file_starts[i] is where file i's problems begin.
void throw_problems(std::vector<problem>& problems, const std::vector<std::size_t>& file_starts) {
  if (problems.empty()) return;
  std::vector<problem> sorted;
  for (std::size_t i = 0; i + 1 < file_starts.size(); ++i) {
    std::vector<problem> part(problems.begin() + static_cast<std::ptrdiff_t>(file_starts[i]),
                              problems.begin() + static_cast<std::ptrdiff_t>(file_starts[i + 1]));
    detail::sort_problems(part);
    sorted.insert(sorted.end(), part.begin(), part.end());
  }
  const bool stopped = sorted.size() >= max_problems;
  if (stopped) sorted.resize(max_problems);
  detail::throw_error<validation_error>(std::move(sorted), stopped);
}

// The name of a table, as its problems give it.
const std::string& name_of(const detail::table_input& t) {
  return t.columns ? t.columns->name : t.csv.name;
}

// The parallel reader of records, from a CSV text or from columns.
bool read_items_fast(const detail::table_input& items, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined, work_meter* meter) {
  if (items.columns)
    return detail::read_items_fast(*items.columns, d, threads, lines, units_defined);
  return detail::read_items_fast(items.csv, d, threads, lines, units_defined, meter);
}

// Builds a dataset from its inputs.
dataset read_inputs(const detail::dataset_inputs& in, dataset_sources* sources, unsigned threads,
                    work_meter* meter = nullptr) {
  if (sources) {
    *sources = {};
    sources->items_file = name_of(in.items);
    if (in.stated_totals) sources->stated_totals_file = name_of(*in.stated_totals);
  }
  std::vector<problem> problems;
  std::vector<std::size_t> file_starts{0};
  dataset d = read_entities(in, problems, file_starts);
  // The parallel reader takes every file without problems, with or without units.csv;
  // the checking reader reads anything else and reports every problem.
  std::vector<std::uint32_t>* lines = sources ? &sources->item_lines : nullptr;
  if (!read_items_fast(in.items, d, threads, lines, in.units.has_value(), meter))
    detail::read_items_checked(in.items, d, in.units.has_value(), in.beneficiaries.has_value(),
                               problems, lines);
  file_starts.push_back(problems.size());
  detail::read_plans(in, d, problems, file_starts, sources);
  throw_problems(problems, file_starts);
  return d;
}

// Every file of the dataset folder but items.csv.
dataset_texts read_texts_beside_items(const detail::dataset_folder& folder) {
  const auto read = [&](const char* name) {
    return detail::read_optional_csv_file(folder.fd(name), folder.path() / name);
  };
  dataset_texts t;
  t.units = read("units.csv");
  t.beneficiaries = read("beneficiaries.csv");
  t.categories = read("categories.csv");
  t.commitments = read("commitments.csv");
  t.stated_totals = read("stated_totals.csv");
  return t;
}

}  // namespace

dataset read_dataset(const dataset_texts& texts, dataset_sources* sources, unsigned threads) {
  return read_inputs(detail::inputs_of(texts), sources, threads);
}

dataset read_dataset(const dataset_tables& tables, dataset_sources* sources, unsigned threads) {
  dataset d = read_inputs(detail::inputs_of(tables), sources, threads);
  if (sources) sources->place_word = "row";
  return d;
}

namespace {

dataset load_folder(const std::filesystem::path& dir, dataset_sources* sources, unsigned threads,
                    work_meter* meter) {
  // All files opened at one moment, so that an export that replaces the folder
  // meanwhile is never half seen.
  const detail::dataset_folder folder(dir);
  const detail::file_bytes items(folder.fd("items.csv"), dir / "items.csv");
  const dataset_texts t = read_texts_beside_items(folder);
  if (meter) meter->total = items.bytes().size();
  items.load_all();
  items.check_unchanged();
  detail::dataset_inputs in = detail::inputs_of(t);
  in.items = detail::csv_view{(dir / "items.csv").string(), items.bytes()};
  dataset d = read_inputs(in, sources, threads, meter);
  items.check_unchanged();
  if (meter) meter->done = items.bytes().size();
  return d;
}

}  // namespace

dataset load_dataset(const std::filesystem::path& dir, dataset_sources* sources, unsigned threads,
                     work_meter* meter) {
  try {
    return load_folder(dir, sources, threads, meter);
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>("not enough memory to load " + dir.string() +
                                      "; the data is not at fault: free memory and try again");
  }
}

std::optional<dataset> detail::read_dataset_shell(const dataset_folder& folder,
                                                  bool& units_defined) {
  try {
    const dataset_texts t = read_texts_beside_items(folder);
    const detail::dataset_inputs in = detail::inputs_of(t);
    std::vector<problem> problems;
    std::vector<std::size_t> file_starts{0};
    dataset d = read_entities(in, problems, file_starts);
    detail::read_plans(in, d, problems, file_starts, nullptr);
    if (!problems.empty()) return std::nullopt;
    units_defined = t.units.has_value();
    return d;
  } catch (const error&) {
    return std::nullopt;  // the full load reports it
  }
}

}  // namespace aidstat
