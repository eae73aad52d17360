// aidstat report DATASET --base Y1 --year Y2 -o FILE.html [--min-cell N] [--unit yuan|wan]
#include "aidstat/report.hpp"

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
}

}  // namespace aidstat_cli
