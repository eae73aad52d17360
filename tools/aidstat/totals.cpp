// aidstat totals DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//                [--min-cell N]
#include "aidstat/disclosure.hpp"
#include "options.hpp"

namespace aidstat_cli {
namespace {

int run_totals(const options& o) {
  as::totals_query q;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.filter.year = o.year;
  if (!o.from.empty()) q.filter.from = parse_date_option(o.from, "--from");
  if (!o.to.empty()) q.filter.to = parse_date_option(o.to, "--to");
  as::totals t = totals_of(o, q);
  if (o.min_cell) t = as::suppress_small_cells(std::move(t), *o.min_cell);
  emit(o, {{"totals", as::to_table(t)}});
  return 0;
}

}  // namespace

void add_totals(CLI::App& app, options& o, command_list& commands) {
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

}  // namespace aidstat_cli
