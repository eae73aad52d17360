// The `aidstat` command: statistics of a support-program dataset (SPEC 7).
//
//   aidstat totals   DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//   aidstat yoy      DATASET --base Y1 --year Y2 [--by DIM]... [--ytd MM-DD] [--fiscal-start MM]
//                    [--category-map FILE] [--deflator FILE --prices-of Y]
//   aidstat trend    DATASET --from Y1 --to Y2 [--by DIM]...
//   aidstat pivot    DATASET --rows DIM --cols DIM [--measure amount|records|headcount]
//   aidstat progress DATASET [--year Y] [--by DIM]...
//   ... each with [--format table|csv|json|md] [--unit yuan|wan]
//   aidstat check    DATASET [--strict]        (validation, reconciliation, duplicates)
//   aidstat save     DATASET -o FILE [--archive binary|text|xml]
//   aidstat export   DATASET -o DIR
//
// DATASET is a directory of CSV files or an archive written by `save`.
//
// Exit status: 0 on success, 1 on data errors, 2 on usage errors. Errors go to
// stderr as "aidstat: " and a sentence.
#include <CLI/CLI.hpp>
#include <iostream>

#include "aidstat/aidstat.hpp"

namespace {

// A usage error found after CLI11 parsing (bad dimension, bad date...).
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Options most commands share.
struct common_options {
  std::string dataset;
  std::vector<std::string> by;
  std::vector<std::string> where;
  std::string format = "table";
  std::string unit = "yuan";
  int fiscal_start = 1;
  std::string category_map;
  std::string deflator;
  std::optional<int> prices_of;
};

// Runs `f`, turning query errors (about what was asked, not the data) into usage errors.
template <class F>
auto as_usage(F&& f) {
  try {
    return f();
  } catch (const aidstat::query_error& e) {
    throw usage_error(e.what());
  }
}

void add_dataset(CLI::App* cmd, common_options& o) {
  cmd->add_option("DATASET", o.dataset, "Dataset directory (holding items.csv) or archive file")
      ->required();
}
void add_output(CLI::App* cmd, common_options& o) {
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  cmd->add_option("--unit", o.unit, "Show amounts in yuan (元) or wan (万元)")
      ->check(CLI::IsMember({"yuan", "wan"}));
}
void add_grouping(CLI::App* cmd, common_options& o) {
  cmd->add_option("--by", o.by,
                  "Group by DIM (repeatable): category, category_parent, year, quarter, month, "
                  "provider, recipient, unit_kind, direction, beneficiary_kind, form, measure, "
                  "region, provider@N, recipient@N");
  cmd->add_option("--where", o.where,
                  "Keep records with DIM=VALUE[,VALUE...] (repeatable; all must hold)");
}
void add_years(CLI::App* cmd, common_options& o) {
  cmd->add_option("--fiscal-start", o.fiscal_start,
                  "Month fiscal years start in (1-12); years are named by their first month")
      ->check(CLI::Range(1, 12));
  cmd->add_option("--category-map", o.category_map,
                  "CSV year,from,to,share mapping old category keys to new ones");
  auto* deflator = cmd->add_option("--deflator", o.deflator, "CSV year,index of price indexes");
  auto* prices = cmd->add_option("--prices-of", o.prices_of, "Show amounts in this year's prices");
  prices->needs(deflator);
  deflator->needs(prices);
}

std::vector<aidstat::dimension> dimensions(const std::vector<std::string>& names) {
  return as_usage([&] {
    std::vector<aidstat::dimension> out;
    for (const auto& n : names) out.push_back(aidstat::dimension::parse(n));
    return out;
  });
}

aidstat::record_filter make_filter(const common_options& o) {
  aidstat::record_filter f;
  as_usage([&] {
    for (const auto& w : o.where) f.where.push_back(aidstat::condition::parse(w));
    return 0;
  });
  f.fiscal_year_start = o.fiscal_start;
  return f;
}

aidstat::date parse_date_option(const std::string& text, const char* option) {
  try {
    return aidstat::date::parse(text);
  } catch (const aidstat::parse_error& e) {
    throw usage_error(std::string(option) + ": " + e.what());
  }
}

aidstat::output_format format_of(const common_options& o) {
  if (o.format == "csv") return aidstat::output_format::csv;
  if (o.format == "json") return aidstat::output_format::json;
  if (o.format == "md") return aidstat::output_format::md;
  return aidstat::output_format::table;
}
aidstat::money_unit unit_of(const common_options& o) {
  return o.unit == "wan" ? aidstat::money_unit::wan : aidstat::money_unit::yuan;
}

// Loads the dataset, with the category map applied when one is given. From a binary
// archive only the columns the query reads are loaded (a category map rewrites
// whole items, so it needs them all).
aidstat::dataset load(const common_options& o,
                      aidstat::item_fields fields = aidstat::item_fields::all) {
  if (!o.category_map.empty()) {
    const aidstat::dataset d = aidstat::open_dataset(o.dataset);
    return aidstat::category_map::load(o.category_map).apply(d);
  }
  return aidstat::open_dataset(o.dataset, fields);
}
// The columns of a query grouped by `by` and then `extra`, under filter `f`.
aidstat::item_fields fields_of(const std::vector<aidstat::dimension>& by,
                               std::vector<aidstat::dimension> extra,
                               const aidstat::record_filter& f) {
  aidstat::totals_query q;
  q.by = by;
  q.by.insert(q.by.end(), extra.begin(), extra.end());
  q.filter = f;
  return aidstat::fields_for(q);
}
std::optional<aidstat::price_basis> prices(const common_options& o) {
  if (o.deflator.empty()) return std::nullopt;
  return aidstat::price_basis{aidstat::deflator::load(o.deflator), *o.prices_of};
}

int run_totals(const common_options& o, const std::optional<int>& year, const std::string& from,
               const std::string& to) {
  aidstat::totals_query q;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.filter.year = year;
  if (!from.empty()) q.filter.from = parse_date_option(from, "--from");
  if (!to.empty()) q.filter.to = parse_date_option(to, "--to");
  const aidstat::dataset d = load(o, aidstat::fields_for(q));
  const aidstat::totals t = as_usage([&] { return aidstat::compute_totals(d, q); });
  const auto unit = unit_of(o);
  switch (format_of(o)) {
    case aidstat::output_format::csv:
      aidstat::write_totals_csv(std::cout, t);
      break;
    case aidstat::output_format::json:
      aidstat::write_totals_json(std::cout, t);
      break;
    case aidstat::output_format::md:
      aidstat::write_totals_markdown(std::cout, t, unit);
      break;
    default:
      aidstat::write_totals_table(std::cout, t, unit);
  }
  return 0;
}

int run_yoy(const common_options& o, int base, int year, const std::string& ytd) {
  aidstat::yoy_query q;
  q.base_year = base;
  q.current_year = year;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  if (!ytd.empty()) q.filter.through = as_usage([&] { return aidstat::month_day::parse(ytd); });
  q.prices = prices(o);
  const aidstat::dataset d =
      load(o, fields_of(q.by, {aidstat::dimension::parse("year")}, q.filter));
  const auto r = as_usage([&] { return aidstat::compute_yoy(d, q); });
  aidstat::write_yoy(std::cout, r, format_of(o), unit_of(o));
  return 0;
}

int run_trend(const common_options& o, int from, int to) {
  aidstat::trend_query q;
  q.from_year = from;
  q.to_year = to;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.prices = prices(o);
  const aidstat::dataset d =
      load(o, fields_of(q.by, {aidstat::dimension::parse("year")}, q.filter));
  const auto r = as_usage([&] { return aidstat::compute_trend(d, q); });
  aidstat::write_trend(std::cout, r, format_of(o), unit_of(o));
  return 0;
}

int run_pivot(const common_options& o, const std::string& rows, const std::string& cols,
              const std::string& measure, const std::optional<int>& year) {
  aidstat::pivot_query q;
  q.rows = dimensions({rows})[0];
  q.cols = dimensions({cols})[0];
  q.measure = measure == "records"     ? aidstat::pivot_measure::records
              : measure == "headcount" ? aidstat::pivot_measure::headcount
                                       : aidstat::pivot_measure::amount;
  q.filter = make_filter(o);
  q.filter.year = year;
  const aidstat::dataset d = load(o, fields_of({q.rows, q.cols}, {}, q.filter));
  const auto r = as_usage([&] { return aidstat::compute_pivot(d, q); });
  aidstat::write_pivot(std::cout, r, format_of(o), unit_of(o));
  return 0;
}

int run_progress(const common_options& o, const std::optional<int>& year) {
  aidstat::progress_query q;
  q.year = year;
  as_usage([&] {
    for (const auto& b : o.by) q.by.push_back(aidstat::parse_progress_dimension(b));
    return 0;
  });
  const aidstat::dataset d = load(o);
  aidstat::write_progress(std::cout, aidstat::compute_progress(d, q), format_of(o), unit_of(o));
  return 0;
}

int run_check(const common_options& o, bool strict) {
  const aidstat::check_report r = aidstat::check_dataset_at(o.dataset);
  for (const auto& f : r.findings) std::cout << f.to_string() << "\n";
  std::cout << r.errors() << (r.errors() == 1 ? " error, " : " errors, ") << r.warnings()
            << (r.warnings() == 1 ? " warning" : " warnings") << ", " << r.reconciliations.size()
            << " stated total(s) reconciled\n";
  return r.errors() || (strict && r.warnings()) ? 1 : 0;
}

int run_save(const common_options& o, const std::string& output, const std::string& kind) {
  const auto format = aidstat::parse_archive_format(kind);
  aidstat::save_archive(aidstat::open_dataset(o.dataset), output, *format);
  return 0;
}

int run_export(const common_options& o, const std::string& output) {
  aidstat::export_csv(aidstat::open_dataset(o.dataset), output);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aidstat: statistics of support-program data (拥军优属 / veterans' support)",
               "aidstat"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(aidstat::version_string));

  common_options o;
  std::optional<int> year;
  std::string from, to, ytd, rows, cols, measure = "amount";
  int base = 0, current = 0, from_year = 0, to_year = 0;

  CLI::App* totals = app.add_subcommand("totals", "Per-group totals of aid records");
  add_dataset(totals, o);
  add_grouping(totals, o);
  add_output(totals, o);
  auto* t_year = totals->add_option("--year", year, "Only this year");
  auto* t_from = totals->add_option("--from", from, "From date (YYYY, YYYY-MM or YYYY-MM-DD)");
  auto* t_to = totals->add_option("--to", to, "To date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  t_year->excludes(t_from)->excludes(t_to);
  totals->add_option("--fiscal-start", o.fiscal_start, "Month fiscal years start in (1-12)")
      ->check(CLI::Range(1, 12));
  totals->add_option("--category-map", o.category_map, "CSV year,from,to,share category map");

  CLI::App* yoy = app.add_subcommand("yoy", "Compare two years, group by group");
  add_dataset(yoy, o);
  yoy->add_option("--base", base, "The base year")->required();
  yoy->add_option("--year", current, "The current year")->required();
  add_grouping(yoy, o);
  yoy->add_option("--ytd", ytd, "Year to date: compare both years up to this day (MM-DD)");
  add_years(yoy, o);
  add_output(yoy, o);

  CLI::App* trend = app.add_subcommand("trend", "Follow groups over several years");
  add_dataset(trend, o);
  trend->add_option("--from", from_year, "First year")->required();
  trend->add_option("--to", to_year, "Last year")->required();
  add_grouping(trend, o);
  add_years(trend, o);
  add_output(trend, o);

  CLI::App* pivot = app.add_subcommand("pivot", "A matrix of one dimension against another");
  add_dataset(pivot, o);
  pivot->add_option("--rows", rows, "Dimension down the side")->required();
  pivot->add_option("--cols", cols, "Dimension across the top")->required();
  pivot->add_option("--measure", measure, "What each cell holds")
      ->check(CLI::IsMember({"amount", "records", "headcount"}));
  pivot->add_option("--where", o.where, "Keep records with DIM=VALUE[,VALUE...] (repeatable)");
  pivot->add_option("--year", year, "Only this year");
  pivot->add_option("--fiscal-start", o.fiscal_start, "Month fiscal years start in (1-12)")
      ->check(CLI::Range(1, 12));
  pivot->add_option("--category-map", o.category_map, "CSV year,from,to,share category map");
  add_output(pivot, o);

  CLI::App* progress = app.add_subcommand("progress", "Completion of planned commitments");
  add_dataset(progress, o);
  progress->add_option("--year", year, "Only commitments of this year");
  progress->add_option("--by", o.by, "Group by year, category, category_parent or owner");
  add_output(progress, o);

  CLI::App* check =
      app.add_subcommand("check", "Validate, reconcile stated totals, find duplicates");
  add_dataset(check, o);
  bool strict = false;
  check->add_flag("--strict", strict, "Exit 1 on warnings too (incomplete totals, duplicates)");

  std::string output, kind = "binary";
  CLI::App* save = app.add_subcommand("save", "Write the dataset to one archive file");
  add_dataset(save, o);
  save->add_option("-o,--output", output, "Archive file to write")->required();
  save->add_option("--archive", kind, "Archive kind")
      ->check(CLI::IsMember({"binary", "text", "xml"}));

  CLI::App* exporter = app.add_subcommand("export", "Write the dataset as CSV files");
  add_dataset(exporter, o);
  exporter->add_option("-o,--output", output, "Directory to write the CSV files into")->required();

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

  try {
    if (totals->parsed()) return run_totals(o, year, from, to);
    if (yoy->parsed()) return run_yoy(o, base, current, ytd);
    if (trend->parsed()) return run_trend(o, from_year, to_year);
    if (pivot->parsed()) return run_pivot(o, rows, cols, measure, year);
    if (progress->parsed()) return run_progress(o, year);
    if (check->parsed()) return run_check(o, strict);
    if (save->parsed()) return run_save(o, output, kind);
    if (exporter->parsed()) return run_export(o, output);
  } catch (const usage_error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 2;
  } catch (const aidstat::error& e) {
    std::cerr << "aidstat: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "aidstat: internal error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
