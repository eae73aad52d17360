// aidstat pivot DATASET --rows DIM --cols DIM [--measure amount|records|headcount]
//               [--min-cell N]
#include "aidstat/pivot.hpp"

#include "aidstat/analysis_at.hpp"
#include "aidstat/disclosure.hpp"
#include "options.hpp"

namespace aidstat_cli {
namespace {

int run_pivot(const options& o) {
  as::pivot_query q;
  q.rows = dimensions({o.rows})[0];
  q.cols = dimensions({o.cols})[0];
  q.measure = *as::parse_enum<as::pivot_measure>(o.measure);
  q.filter = make_filter(o);
  q.filter.year = o.year;
  as::pivot_result p = analysed(o, q, &as::pivot_at, &as::compute_pivot);
  if (o.min_cell) p = as::suppress_small_cells(std::move(p), *o.min_cell);
  emit(o, {{"pivot", as::to_table(p)}});
  return 0;
}

}  // namespace

void add_pivot(CLI::App& app, options& o, command_list& commands) {
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

}  // namespace aidstat_cli
