// Declaring the shared options, and reading them into the library's queries.
#include "options.hpp"

#include "aidstat/prices.hpp"
#include "progress_display.hpp"

namespace aidstat_cli {

void add_dataset(CLI::App* cmd, options& o) {
  cmd->add_option("DATASET", o.dataset, "Dataset directory (holding items.csv) or archive file")
      ->required();
}

void add_output(CLI::App* cmd, options& o) {
  cmd->add_option("--format", o.format, "Output format")
      ->check(CLI::IsMember(as::keys_of<as::output_format>()));
  cmd->add_option("--unit", o.unit, "Show amounts in yuan (元) or wan (万元)")
      ->check(CLI::IsMember(as::keys_of<as::money_unit>()));
  cmd->add_option("-o,--output", o.output,
                  "Write the result to this file (written whole or not at all) instead of "
                  "the terminal; --format xlsx needs it");
}

void add_where(CLI::App* cmd, options& o) {
  cmd->add_option("--where", o.where,
                  "Keep records with DIM=VALUE[,VALUE...] (repeatable; all must hold)");
}

void add_grouping(CLI::App* cmd, options& o) {
  cmd->add_option("--by", o.by, "Group by DIM (repeatable): " + listed<as::dimension_kind>());
  add_where(cmd, o);
}

void add_date_range(CLI::App* cmd, options& o) {
  auto* year = cmd->add_option("--year", o.year, "Only this year");
  auto* from = cmd->add_option("--from", o.from, "From date (YYYY, YYYY-MM or YYYY-MM-DD)");
  auto* to = cmd->add_option("--to", o.to, "To date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  year->excludes(from)->excludes(to);
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

void add_min_cell(CLI::App* cmd, options& o) {
  cmd->add_option("--min-cell", o.min_cell,
                  "Suppress groups of 1..N-1 people, and enough others that totals cannot "
                  "give them away")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
}

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

as::record_filter dated_filter(const options& o) {
  as::record_filter f = make_filter(o);
  f.year = o.year;
  if (!o.from.empty()) f.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) f.to = parse_date_option(o.to, "--to");
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

void emit(const options& o, const std::vector<as::named_table>& tables) {
  const as::output_format f = format_of(o);
  if (!o.output.empty()) return as::save_tables(o.output, tables, f, unit_of(o));
  if (f == as::output_format::xlsx)
    throw usage_error("--format xlsx writes a workbook: name its file with -o FILE.xlsx");
  as::write_tables(std::cout, tables, f, unit_of(o));
}

std::optional<as::price_basis> prices(const options& o) {
  if (o.deflator.empty()) return std::nullopt;
  return as::price_basis{as::deflator::load(o.deflator), *o.prices_of};
}

as::dataset load(const options& o, as::item_fields fields) {
  as::work_meter meter;
  const progress_display shown(meter, "loading " + o.dataset);
  if (o.category_map.empty()) return as::open_dataset(o.dataset, fields, &meter);
  return as::category_map::load(o.category_map)
      .apply(as::open_dataset(o.dataset, as::item_fields::all, &meter));
}

as::totals totals_of(const options& o, const as::totals_query& q) {
  if (o.category_map.empty()) {
    as::work_meter meter;
    const progress_display shown(meter, "loading " + o.dataset);
    return as_usage([&] { return as::totals_at(o.dataset, q, &meter); });
  }
  const as::dataset d = load(o, as::fields_for(q));
  return as_usage([&] { return as::compute_totals(d, q); });
}

}  // namespace aidstat_cli
