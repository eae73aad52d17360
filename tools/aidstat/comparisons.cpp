// aidstat yoy   DATASET --base Y1 --year Y2 [--by DIM]... [--ytd MM-DD] [--fiscal-start MM]
//               [--category-map FILE] [--deflator FILE --prices-of Y]
// aidstat trend DATASET --from Y1 --to Y2 [--by DIM]...
#include "aidstat/analysis_at.hpp"
#include "options.hpp"

namespace aidstat_cli {
namespace {

int run_yoy(const options& o) {
  as::yoy_query q;
  q.base_year = o.base;
  q.current_year = o.current;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  if (!o.ytd.empty()) q.filter.through = as_usage([&] { return as::month_day::parse(o.ytd); });
  q.prices = prices(o);
  emit(o, {{"yoy", as::to_table(analysed(o, q, &as::yoy_at, &as::compute_yoy))}});
  return 0;
}

int run_trend(const options& o) {
  as::trend_query q;
  q.from_year = o.from_year;
  q.to_year = o.to_year;
  q.by = dimensions(o.by);
  q.filter = make_filter(o);
  q.prices = prices(o);
  emit(o, {{"trend", as::to_table(analysed(o, q, &as::trend_at, &as::compute_trend))}});
  return 0;
}

}  // namespace

void add_comparisons(CLI::App& app, options& o, command_list& commands) {
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

}  // namespace aidstat_cli
