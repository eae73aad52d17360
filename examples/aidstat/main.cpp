// The `aidstat` command: statistics of a support-program dataset (SPEC 7).
//
//   aidstat totals   DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//                    [--min-cell N]
//   aidstat yoy      DATASET --base Y1 --year Y2 [--by DIM]... [--ytd MM-DD] [--fiscal-start MM]
//                    [--category-map FILE] [--deflator FILE --prices-of Y]
//   aidstat trend    DATASET --from Y1 --to Y2 [--by DIM]...
//   aidstat pivot    DATASET --rows DIM --cols DIM [--measure amount|records|headcount]
//                    [--min-cell N]
//   aidstat progress DATASET [--year Y] [--by DIM]...
//   ... each with [--format table|csv|json|md] [--unit yuan|wan]
//   aidstat check    DATASET [--strict]        (validation, reconciliation, duplicates)
//   aidstat save     DATASET -o FILE [--archive binary|text|xml]
//   aidstat export   DATASET -o DIR
//   aidstat report   DATASET --base Y1 --year Y2 -o FILE.html [--min-cell N] [--unit yuan|wan]
//
// DATASET is a directory of CSV files or an archive written by `save`. A load or a
// save longer than a second shows its progress on stderr when it is a terminal.
//
// Exit status: 0 on success, 1 on data errors, 2 on usage errors. Errors go to
// stderr as "aidstat: " and a sentence.
#include <CLI/CLI.hpp>
#include <iostream>

#include "aidstat/aidstat.hpp"
#include "aidstat/disclosure.hpp"
#include "aidstat/pivot.hpp"
#include "aidstat/report.hpp"
#include "progress_display.hpp"

namespace {

namespace as = aidstat;

// A usage error found after CLI11 parsing (bad dimension, bad date...).
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
  std::string output, archive = "binary";
};

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

void add_dataset(CLI::App* cmd, options& o) {
  cmd->add_option("DATASET", o.dataset, "Dataset directory (holding items.csv) or archive file")
      ->required();
}
void add_output(CLI::App* cmd, options& o) {
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember(as::keys_of<as::output_format>()));
  cmd->add_option("--unit", o.unit, "Show amounts in yuan (元) or wan (万元)")
      ->check(CLI::IsMember(as::keys_of<as::money_unit>()));
}
void add_where(CLI::App* cmd, options& o) {
  cmd->add_option("--where", o.where,
                  "Keep records with DIM=VALUE[,VALUE...] (repeatable; all must hold)");
}
void add_grouping(CLI::App* cmd, options& o) {
  cmd->add_option("--by", o.by, "Group by DIM (repeatable): " + listed<as::dimension_kind>());
  add_where(cmd, o);
}
void add_calendar(CLI::App* cmd, options& o) {
  cmd->add_option("--fiscal-start", o.fiscal_start,
                  "Month fiscal years start in (1-12); years are named by their first month")
      ->check(CLI::Range(1, 12));
  cmd->add_option("--category-map", o.category_map,
                  "CSV year,from,to,share mapping old category keys to new ones");
}
void add_prices(CLI::App* cmd, options& o) {
  auto* deflator = cmd->add_option("--deflator", o.deflator, "CSV year,index of price indexes");
  auto* prices = cmd->add_option("--prices-of", o.prices_of, "Show amounts in this year's prices");
  prices->needs(deflator);
  deflator->needs(prices);
}

// ---- reading options into queries ----

std::vector<as::dimension> dimensions(const std::vector<std::string>& names) {
  return as_usage([&] {
    std::vector<as::dimension> out;
    for (const auto& n : names) out.push_back(as::dimension::parse(n));
    return out;
  });
}

as::record_filter make_filter(const options& o) {
  as::record_filter f;
  as_usage([&] {
    for (const auto& w : o.where) f.where.push_back(as::condition::parse(w));
    return 0;
  });
  f.fiscal_year_start = o.fiscal_start;
  return f;
}

as::date parse_date_option(const std::string& text, const char* option) {
  try {
    return as::date::parse(text);
  } catch (const as::parse_error& e) {
    throw usage_error(std::string(option) + ": " + e.what());
  }
}

// The format and unit, which CLI11 has already checked against the vocabularies.
as::output_format format_of(const options& o) {
  return *as::parse_enum<as::output_format>(o.format);
}
as::money_unit unit_of(const options& o) { return *as::parse_enum<as::money_unit>(o.unit); }

std::optional<as::price_basis> prices(const options& o) {
  if (o.deflator.empty()) return std::nullopt;
  return as::price_basis{as::deflator::load(o.deflator), *o.prices_of};
}

// Loads the dataset, with the category map applied when one is given. From an
// archive only `fields` are loaded (a category map rewrites whole items, so it
// needs them all).
as::dataset load(const options& o, as::item_fields fields) {
  as::work_meter meter;
  const progress_display shown(meter, "loading " + o.dataset);
  if (o.category_map.empty()) return as::open_dataset(o.dataset, fields, &meter);
  return as::category_map::load(o.category_map)
      .apply(as::open_dataset(o.dataset, as::item_fields::all, &meter));
}

// The totals of q over the dataset of the options. Without a category map they are
// read as the query needs them (from a CSV directory, a block at a time when it can).
as::totals totals_of(const options& o, const as::totals_query& q) {
  if (o.category_map.empty()) {
    as::work_meter meter;
    const progress_display shown(meter, "loading " + o.dataset);
    return as_usage([&] { return as::totals_at(o.dataset, q, &meter); });
  }
  const as::dataset d = load(o, as::fields_for(q));
  return as_usage([&] { return as::compute_totals(d, q); });
}

// ---- running commands ----

int run_totals(const options& o) {
  as::totals_query q;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.filter.year = o.year;
  if (!o.from.empty()) q.filter.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) q.filter.to = parse_date_option(o.to, "--to");
  as::totals t = totals_of(o, q);
  if (o.min_cell) t = as::suppress_small_cells(std::move(t), *o.min_cell);
  as::write_totals(std::cout, t, format_of(o), unit_of(o));
  return 0;
}

int run_yoy(const options& o) {
  as::yoy_query q;
  q.base_year = o.base;
  q.current_year = o.current;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  if (!o.ytd.empty()) q.filter.through = as_usage([&] { return as::month_day::parse(o.ytd); });
  q.prices = prices(o);
  const as::dataset d = load(o, as::fields_for(q));
  as::write_yoy(std::cout, as_usage([&] { return as::compute_yoy(d, q); }), format_of(o),
                unit_of(o));
  return 0;
}

int run_trend(const options& o) {
  as::trend_query q;
  q.from_year = o.from_year;
  q.to_year = o.to_year;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.prices = prices(o);
  const as::dataset d = load(o, as::fields_for(q));
  as::write_trend(std::cout, as_usage([&] { return as::compute_trend(d, q); }), format_of(o),
                  unit_of(o));
  return 0;
}

int run_pivot(const options& o) {
  as::pivot_query q;
  q.rows = dimensions({o.rows})[0];
  q.cols = dimensions({o.cols})[0];
  q.measure = *as::parse_enum<as::pivot_measure>(o.measure);
  q.filter = make_filter(o);
  q.filter.year = o.year;
  const as::dataset d = load(o, as::fields_for(q));
  as::pivot_result p = as_usage([&] { return as::compute_pivot(d, q); });
  if (o.min_cell) p = as::suppress_small_cells(std::move(p), *o.min_cell);
  as::write_pivot(std::cout, p, format_of(o), unit_of(o));
  return 0;
}

int run_report(const options& o) {
  as::report_options r;
  r.base_year = o.base;
  r.current_year = o.current;
  r.min_cell = o.min_cell;
  r.unit = o.report_unit == "yuan" ? as::money_unit::yuan : as::money_unit::wan;
  const as::check_report quality = as::check_dataset_at(o.dataset);
  const as::dataset d = load(o, as::item_fields::all);
  as_usage([&] { as::save_report(o.output, d, quality, r); });
  std::cerr << "aidstat: wrote the report to " << o.output << "\n";
  return 0;
}

int run_progress(const options& o) {
  as::progress_query q;
  q.year = o.year;
  as_usage([&] {
    for (const auto& b : o.by) q.by.push_back(as::parse_key<as::progress_dimension>(b));
    return 0;
  });
  const as::dataset d = load(o, as::fields_for(q));
  as::write_progress(std::cout, as::compute_progress(d, q), format_of(o), unit_of(o));
  return 0;
}

int run_check(const options& o) {
  const as::check_report r = as::check_dataset_at(o.dataset);
  for (const auto& f : r.findings) std::cout << f.to_string() << "\n";
  std::cout << r.errors() << (r.errors() == 1 ? " error, " : " errors, ") << r.warnings()
            << (r.warnings() == 1 ? " warning" : " warnings") << ", " << r.reconciliations.size()
            << " stated total(s) reconciled\n";
  return r.errors() || (o.strict && r.warnings()) ? 1 : 0;
}

int run_save(const options& o) {
  const as::dataset d = load(o, as::item_fields::all);
  as::work_meter meter;
  const progress_display shown(meter, "saving " + o.output);
  as::save_archive(d, o.output, *as::parse_enum<as::archive_format>(o.archive), &meter);
  return 0;
}

int run_export(const options& o) {
  as::export_csv(load(o, as::item_fields::all), o.output);
  return 0;
}

// ---- the commands ----

// --min-cell N: disclosure control (SPEC 4).
void add_min_cell(CLI::App* cmd, options& o) {
  cmd->add_option("--min-cell", o.min_cell,
                  "Suppress groups of 1..N-1 people, and enough others that totals cannot "
                  "give them away")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
}

using runner = int (*)(const options&);

void add_totals(CLI::App& app, options& o, std::vector<std::pair<CLI::App*, runner>>& commands) {
  CLI::App* cmd = app.add_subcommand("totals", "Per-group totals of aid records");
  add_dataset(cmd, o);
  add_grouping(cmd, o);
  add_output(cmd, o);
  auto* year = cmd->add_option("--year", o.year, "Only this year");
  auto* from = cmd->add_option("--from", o.from, "From date (YYYY, YYYY-MM or YYYY-MM-DD)");
  auto* to = cmd->add_option("--to", o.to, "To date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  year->excludes(from)->excludes(to);
  add_calendar(cmd, o);
  add_min_cell(cmd, o);
  commands.emplace_back(cmd, run_totals);
}

void add_comparisons(CLI::App& app, options& o,
                     std::vector<std::pair<CLI::App*, runner>>& commands) {
  CLI::App* yoy = app.add_subcommand("yoy", "Compare two years, group by group");
  add_dataset(yoy, o);
  yoy->add_option("--base", o.base, "The base year")->required();
  yoy->add_option("--year", o.current, "The current year")->required();
  add_grouping(yoy, o);
  yoy->add_option("--ytd", o.ytd, "Year to date: compare both years up to this day (MM-DD)");
  add_calendar(yoy, o);
  add_prices(yoy, o);
  add_output(yoy, o);
  commands.emplace_back(yoy, run_yoy);

  CLI::App* trend = app.add_subcommand("trend", "Follow groups over several years");
  add_dataset(trend, o);
  trend->add_option("--from", o.from_year, "First year")->required();
  trend->add_option("--to", o.to_year, "Last year")->required();
  add_grouping(trend, o);
  add_calendar(trend, o);
  add_prices(trend, o);
  add_output(trend, o);
  commands.emplace_back(trend, run_trend);
}

void add_pivot(CLI::App& app, options& o, std::vector<std::pair<CLI::App*, runner>>& commands) {
  CLI::App* cmd = app.add_subcommand("pivot", "A matrix of one dimension against another");
  add_dataset(cmd, o);
  cmd->add_option("--rows", o.rows, "Dimension down the side")->required();
  cmd->add_option("--cols", o.cols, "Dimension across the top")->required();
  cmd->add_option("--measure", o.measure, "What each cell holds")
      ->check(CLI::IsMember(as::keys_of<as::pivot_measure>()));
  add_where(cmd, o);
  cmd->add_option("--year", o.year, "Only this year");
  add_calendar(cmd, o);
  add_min_cell(cmd, o);
  add_output(cmd, o);
  commands.emplace_back(cmd, run_pivot);
}

void add_report(CLI::App& app, options& o, std::vector<std::pair<CLI::App*, runner>>& commands) {
  CLI::App* cmd = app.add_subcommand("report", "One self-contained HTML report with charts");
  add_dataset(cmd, o);
  cmd->add_option("--base", o.base, "The base year")->required();
  cmd->add_option("--year", o.current, "The year reported on")->required();
  cmd->add_option("-o,--output", o.output, "The HTML file to write")->required();
  cmd->add_option("--unit", o.report_unit, "Amounts in yuan or wan (万元; the default)")
      ->check(CLI::IsMember({"yuan", "wan"}));
  add_min_cell(cmd, o);
  commands.emplace_back(cmd, run_report);
}

void add_dataset_commands(CLI::App& app, options& o,
                          std::vector<std::pair<CLI::App*, runner>>& commands) {
  CLI::App* progress = app.add_subcommand("progress", "Completion of planned commitments");
  add_dataset(progress, o);
  progress->add_option("--year", o.year, "Only commitments of this year");
  progress->add_option("--by", o.by, "Group by " + listed<as::progress_dimension>());
  add_output(progress, o);
  commands.emplace_back(progress, run_progress);

  CLI::App* check =
      app.add_subcommand("check", "Validate, reconcile stated totals, find duplicates");
  add_dataset(check, o);
  check->add_flag("--strict", o.strict, "Exit 1 on warnings too (incomplete totals, duplicates)");
  commands.emplace_back(check, run_check);

  CLI::App* save = app.add_subcommand("save", "Write the dataset to one archive file");
  add_dataset(save, o);
  save->add_option("-o,--output", o.output, "Archive file to write")->required();
  save->add_option("--archive", o.archive, "Archive kind")
      ->check(CLI::IsMember(as::keys_of<as::archive_format>()));
  commands.emplace_back(save, run_save);

  CLI::App* exporter = app.add_subcommand("export", "Write the dataset as CSV files");
  add_dataset(exporter, o);
  exporter->add_option("-o,--output", o.output, "Directory to write the CSV files into")
      ->required();
  commands.emplace_back(exporter, run_export);
}

// Runs the parsed command; exit status 0, 1 on data errors, 2 on usage errors.
int run(const std::vector<std::pair<CLI::App*, runner>>& commands, const options& o) {
  try {
    for (const auto& [cmd, run_command] : commands)
      if (cmd->parsed()) return run_command(o);
  } catch (const usage_error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 2;
  } catch (const as::error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "aidstat: not enough memory for this command; the data is not at fault: "
                 "free memory and try again\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aidstat: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  as::remove_temporary_files_on_signals();  // Ctrl-C during a save leaves no temporary file
  CLI::App app{"aidstat: statistics of support-program data (拥军优属 / veterans' support)",
               "aidstat"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(as::version_string));
  options o;
  std::vector<std::pair<CLI::App*, runner>> commands;
  add_totals(app, o, commands);
  add_report(app, o, commands);
  add_comparisons(app, o, commands);
  add_pivot(app, o, commands);
  add_dataset_commands(app, o, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    std::cerr << "Run 'aidstat --help' for usage.\n";
    return 2;
  }
  return run(commands, o);
}
