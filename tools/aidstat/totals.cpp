// aidstat totals DATASET [--by DIM]... [--where DIM=VALUE]... [--year Y | --from D --to D]
//                [--min-cell N]
#include "aidstat/disclosure.hpp"
#include "options.hpp"

namespace aidstat_cli {
namespace {

int run_totals(const options& o) {
  as::totals_query q;
  q.by = dimensions(o.by);
  q.filter = dated_filter(o);
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
  add_date_range(cmd, o);
  add_calendar(cmd, o);
  add_min_cell(cmd, o);
  commands.emplace_back(cmd, run_totals);
}

}  // namespace aidstat_cli
