// The `aidstat` command: statistics of a support-program dataset (SPEC 7).
//
//   aidstat totals DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//                  [--format table|csv|json|md] [--unit yuan|wan]
//
// Exit status: 0 on success, 1 on data errors, 2 on usage errors. Errors go to
// stderr as "aidstat: " and a sentence.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "aidstat/aidstat.hpp"

namespace {

// A usage error found after CLI11 parsing (bad dimension, bad date...).
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct totals_options {
  std::string dataset;
  std::vector<std::string> by;
  std::vector<std::string> where;
  std::optional<int> year;
  std::string from, to;
  std::string format = "table";
  std::string unit = "yuan";
};

aidstat::date parse_date_option(const std::string& text, const char* option) {
  try {
    return aidstat::date::parse(text);
  } catch (const aidstat::parse_error& e) {
    throw usage_error(std::string(option) + ": " + e.what());
  }
}

aidstat::totals_query make_query(const totals_options& o) {
  aidstat::totals_query q;
  try {
    for (const auto& b : o.by) q.by.push_back(aidstat::dimension::parse(b));
    for (const auto& w : o.where) q.filter.where.push_back(aidstat::condition::parse(w));
  } catch (const aidstat::query_error& e) {
    throw usage_error(e.what());
  }
  q.filter.year = o.year;
  if (!o.from.empty()) q.filter.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) q.filter.to = parse_date_option(o.to, "--to");
  return q;
}

int run_totals(const totals_options& o) {
  const aidstat::totals_query q = make_query(o);  // usage errors before reading data
  const aidstat::dataset d = aidstat::load_dataset(o.dataset);
  aidstat::totals t;
  try {
    t = aidstat::compute_totals(d, q);
  } catch (const aidstat::query_error& e) {
    throw usage_error(e.what());
  }
  const auto unit = o.unit == "wan" ? aidstat::money_unit::wan : aidstat::money_unit::yuan;
  if (o.format == "csv")
    aidstat::write_totals_csv(std::cout, t);
  else if (o.format == "json")
    aidstat::write_totals_json(std::cout, t);
  else if (o.format == "md")
    aidstat::write_totals_markdown(std::cout, t, unit);
  else
    aidstat::write_totals_table(std::cout, t, unit);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"aidstat: statistics of support-program data (拥军优属 / veterans' support)",
               "aidstat"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(aidstat::version_string));

  totals_options t;
  CLI::App* totals = app.add_subcommand("totals", "Per-group totals of aid records");
  totals->add_option("DATASET", t.dataset, "Dataset directory (holding items.csv)")->required();
  totals->add_option("--by", t.by,
                     "Group by DIM (repeatable): category, category_parent, year, quarter, month, "
                     "provider, recipient, unit_kind, direction, beneficiary_kind, form, "
                     "measure, region, provider@N, recipient@N");
  totals->add_option("--where", t.where,
                     "Keep records with DIM=VALUE[,VALUE...] (repeatable; all must hold)");
  auto* year = totals->add_option("--year", t.year, "Only this calendar year");
  auto* from = totals->add_option("--from", t.from, "From date (YYYY, YYYY-MM or YYYY-MM-DD)");
  auto* to = totals->add_option("--to", t.to, "To date, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)");
  year->excludes(from)->excludes(to);
  totals->add_option("--format", t.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}));
  totals->add_option("--unit", t.unit, "Show amounts in yuan (元) or wan (万元)")
      ->check(CLI::IsMember({"yuan", "wan"}));

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
    if (totals->parsed()) return run_totals(t);
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
