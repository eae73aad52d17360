// aidstat report  DATASET --base Y1 --year Y2 -o FILE.html [--min-cell N] [--unit yuan|wan]
// aidstat summary DATASET --base Y1 --year Y2 [--min-cell N] [--lang zh|en]
#include "aidstat/report.hpp"

#include "aidstat/summary.hpp"
#include "options.hpp"

namespace aidstat_cli {
namespace {

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

int run_summary(const options& o) {
  as::summary_options s;
  s.base_year = o.base;
  s.current_year = o.current;
  s.min_cell = o.min_cell;
  s.language = *as::parse_enum<as::summary_language>(o.lang);
  const as::check_report quality = as::check_dataset_at(o.dataset);
  const as::dataset d = load(o, as::item_fields::all);
  for (const auto& sentence : as_usage([&] { return as::summarize(d, quality, s); }))
    std::cout << sentence.text << "\n";
  return 0;
}

}  // namespace

void add_report(CLI::App& app, options& o, command_list& commands) {
  CLI::App* cmd = app.add_subcommand("report", "One self-contained HTML report with charts");
  add_dataset(cmd, o);
  cmd->add_option("--base", o.base, "The base year")->required();
  cmd->add_option("--year", o.current, "The year reported on")->required();
  cmd->add_option("-o,--output", o.output, "The HTML file to write")->required();
  cmd->add_option("--unit", o.report_unit, "Amounts in yuan or wan (万元; the default)")
      ->check(CLI::IsMember({"yuan", "wan"}));
  add_min_cell(cmd, o);
  commands.emplace_back(cmd, run_report);

  CLI::App* summary =
      app.add_subcommand("summary", "The year's figures as the sentences a report publishes");
  add_dataset(summary, o);
  summary->add_option("--base", o.base, "The base year")->required();
  summary->add_option("--year", o.current, "The year described")->required();
  summary->add_option("--lang", o.lang, "Chinese (zh, the default) or English (en)")
      ->check(CLI::IsMember(as::keys_of<as::summary_language>()));
  add_min_cell(summary, o);
  commands.emplace_back(summary, run_summary);
}

}  // namespace aidstat_cli
