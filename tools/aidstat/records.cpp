// aidstat records DATASET [--where DIM=VALUE]... [--year Y | --from D --to D]
//   The records behind a figure: what totals of the same filter count, one a row, with
//   the file and line each came from.
#include "options.hpp"
#include "progress_display.hpp"

namespace aidstat_cli {
namespace {

int run_records(const options& o) {
  const as::record_filter f = dated_filter(o);
  as::dataset_sources sources;
  as::work_meter meter;
  const progress_display shown(meter, "loading " + o.dataset);
  as::dataset d = as::open_dataset(o.dataset, as::item_fields::all, &meter, &sources);
  // A category map rewrites records (one may become several): their lines no longer hold.
  if (!o.category_map.empty()) {
    d = as::category_map::load(o.category_map).apply(std::move(d));
    sources = {};
  }
  const as::record_list list = as_usage([&] { return as::list_records(d, f); });
  emit(o, {{"records", as::to_table(list, d, &sources)}});
  return 0;
}

}  // namespace

void add_records(CLI::App& app, options& o, command_list& commands) {
  CLI::App* cmd = app.add_subcommand(
      "records", "The records behind a figure: those a filter keeps, with file and line");
  add_dataset(cmd, o);
  add_where(cmd, o);
  add_output(cmd, o);
  add_date_range(cmd, o);
  add_calendar(cmd, o);
  commands.emplace_back(cmd, run_records);
}

}  // namespace aidstat_cli
