// The command's options, shared by every subcommand, and how they become the library's
// queries. Each subcommand declares the options it takes and reads only those.
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "aidstat/aidstat.hpp"
#include "progress_display.hpp"

namespace aidstat_cli {

namespace as = aidstat;

// A usage error found after CLI11 parsing (bad dimension, bad date...): exit status 2.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Every option of every command; each command reads the ones it declared.
struct options {
  std::string dataset;
  std::vector<std::string> by, where;
  std::string format = "table", unit = "yuan";
  int fiscal_start = 1;
  std::string category_map, deflator;
  std::optional<int> prices_of, year;
  std::string from, to, ytd, rows, cols, measure = "amount";
  int base = 0, current = 0, from_year = 0, to_year = 0;
  bool strict = false;
  std::optional<std::int64_t> min_cell;
  std::string report_unit = "wan";  // a report reads best in 万元
  std::string lang = "zh";
  std::string output, archive = "binary";
};

// What runs a parsed subcommand; returns the exit status.
using runner = int (*)(const options&);

// The subcommands declared so far, each with what runs it.
using command_list = std::vector<std::pair<CLI::App*, runner>>;

// Runs `f`, turning query errors (about what was asked, not the data) into usage errors.
template <class F>
auto as_usage(F&& f) {
  try {
    return f();
  } catch (const as::query_error& e) {
    throw usage_error(e.what());
  }
}

// "a, b, c": the keys of E, for help texts.
template <class E>
std::string listed() {
  std::string out;
  for (const std::string& k : as::keys_of<E>()) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// ---- declaring options ----

void add_dataset(CLI::App* cmd, options& o);
void add_output(CLI::App* cmd, options& o);      // --format, --unit, -o
void add_where(CLI::App* cmd, options& o);       // --where DIM=VALUE
void add_grouping(CLI::App* cmd, options& o);    // --by DIM and --where
void add_calendar(CLI::App* cmd, options& o);    // --fiscal-start, --category-map
void add_date_range(CLI::App* cmd, options& o);  // --year, or --from and --to
void add_prices(CLI::App* cmd, options& o);      // --deflator with --prices-of
void add_min_cell(CLI::App* cmd, options& o);    // disclosure control

// ---- reading options into queries ----

std::vector<as::dimension> dimensions(const std::vector<std::string>& names);
as::record_filter make_filter(const options& o);
// make_filter, with the --year or --from/--to range of add_date_range.
as::record_filter dated_filter(const options& o);
as::date parse_date_option(const std::string& text, const char* option);
as::output_format format_of(const options& o);
as::money_unit unit_of(const options& o);

// Writes a command's result tables as the options ask: to the terminal, or with -o
// to that file, atomically; --format xlsx needs -o (a workbook is not terminal text).
void emit(const options& o, const std::vector<as::named_table>& tables);
std::optional<as::price_basis> prices(const options& o);

// Loads the dataset, with the category map applied when one is given. From an
// archive only `fields` are loaded (a category map rewrites whole items, so it
// needs them all).
as::dataset load(const options& o, as::item_fields fields);

// The totals of q over the dataset of the options. Without a category map they are
// read as the query needs them (from a CSV directory, a block at a time when it can).
as::totals totals_of(const options& o, const as::totals_query& q);

// The result of analysis query q: without a category map at(path, q, meter) reads the
// dataset once as the query needs it (analysis_at.hpp), with progress shown; with one,
// loaded(d, q) computes it over the mapped dataset.
template <class Query, class At, class Loaded>
auto analysed(const options& o, const Query& q, At at, Loaded loaded) {
  if (o.category_map.empty()) {
    as::work_meter meter;
    const progress_display shown(meter, "loading " + o.dataset);
    return as_usage([&] { return at(o.dataset, q, &meter); });
  }
  const as::dataset d = load(o, as::fields_for(q));
  return as_usage([&] { return loaded(d, q); });
}

// ---- the subcommands, declared in the files named after them ----

void add_totals(CLI::App& app, options& o, command_list& commands);            // totals.cpp
void add_records(CLI::App& app, options& o, command_list& commands);           // records.cpp
void add_comparisons(CLI::App& app, options& o, command_list& commands);       // comparisons.cpp
void add_pivot(CLI::App& app, options& o, command_list& commands);             // pivot.cpp
void add_report(CLI::App& app, options& o, command_list& commands);            // report.cpp
void add_dataset_commands(CLI::App& app, options& o, command_list& commands);  // dataset.cpp

}  // namespace aidstat_cli
