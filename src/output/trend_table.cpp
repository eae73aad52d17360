// to_table(trend_result): each year's amount (and, for JSON, records and transfers),
// the growth rate, the fitted line and its projection.
#include "aidstat/table.hpp"
#include "aidstat/trend.hpp"
#include "output/table_build.hpp"

namespace aidstat {
namespace {

using detail::figure_column;

// The figures after the years' columns, in the order the table holds them.
enum figure : std::size_t {
  cagr,
  cagr_pct,
  slope,
  projection,
  projection_csv,
  residual_se,
  transfers_excluded,
  figure_count
};

// The columns of a series of `n` years: amounts, records and transfers of each year,
// then the figures above.
std::vector<column> figure_columns(const trend_result& r) {
  std::vector<column> cs;
  const auto per_year = [&](const char* array, const char* name, const char* zh, cell_type t) {
    for (int y = r.from_year; y <= r.to_year; ++y) {
      const std::string year = std::to_string(y);
      column c = figure_column(name + year, year, year + "年" + zh, t);
      c.json_array = array;
      cs.push_back(std::move(c));
    }
  };
  per_year("amounts", "", "金额", cell_type::money);
  per_year("records", "records_", "记录数", cell_type::count);
  per_year("transfers_excluded", "transfers_excluded_", "剔除转拨", cell_type::count);
  const std::string next = std::to_string(r.to_year + 1);
  cs.push_back(figure_column("cagr", "CAGR", "年均增长率", cell_type::ratio));
  cs.push_back(figure_column("cagr_pct", "CAGR", "年均增长率", cell_type::ratio));
  cs.push_back(figure_column("slope_per_year", "trend/yr", "年趋势", cell_type::fitted));
  cs.back().signed_text = true;
  cs.push_back(figure_column("projection", next + " (proj.)", next + "年预测", cell_type::fitted));
  cs.push_back(
      figure_column("projection_" + next, next + " (proj.)", next + "年预测", cell_type::fitted));
  cs.push_back(figure_column("residual_se", "± se", "残差标准误", cell_type::fitted));
  cs.push_back(
      figure_column("transfers_excluded", "transfers excluded", "剔除转拨", cell_type::count));
  return cs;
}

// One group's cells: its years' amounts, records and transfers, then its figures.
std::vector<cell> group_cells(const trend_group& g) {
  std::vector<cell> v;
  // A year whose records state no amount has none (not 0); a year without records, 0.
  for (const aggregate& a : g.years) v.push_back(a.amount_unstated() ? cell() : cell(a.amount));
  for (const aggregate& a : g.years) v.emplace_back(a.records);
  std::int64_t transfers = 0;
  for (const aggregate& a : g.years) v.emplace_back(a.transfers_excluded);
  for (const aggregate& a : g.years) transfers += a.transfers_excluded;
  v.push_back(g.cagr ? cell(*g.cagr) : cell());
  v.push_back(g.cagr ? cell(*g.cagr * 100.0) : cell());
  v.emplace_back(g.fit.slope);
  v.emplace_back(g.fit.projection);
  v.emplace_back(g.fit.projection);
  v.push_back(g.fit.residual_se ? cell(*g.fit.residual_se) : cell());
  v.emplace_back(transfers);
  return v;
}

void set_layouts(table& tab, const trend_result& r, std::size_t keys) {
  const std::size_t years = static_cast<std::size_t>(r.to_year - r.from_year + 1);
  const auto after = [&](std::size_t f) { return keys + 3 * years + f; };
  detail::lay_out_keys(tab, keys);
  for (std::size_t y = 0; y < years; ++y) {
    tab.csv.push_back(keys + y), tab.people.push_back(keys + y);
    tab.json.push_back(keys + y);
  }
  for (std::size_t y = 0; y < years; ++y) tab.json.push_back(keys + years + y);
  tab.csv.insert(tab.csv.end(),
                 {after(cagr_pct), after(slope), after(projection_csv), after(residual_se)});
  tab.people.insert(tab.people.end(),
                    {after(cagr), after(slope), after(projection), after(residual_se)});
  tab.json.insert(tab.json.end(),
                  {after(cagr), after(slope), after(projection), after(residual_se)});
  if (!r.holds_transfers) return;
  tab.csv.push_back(after(transfers_excluded)), tab.people.push_back(after(transfers_excluded));
  for (std::size_t y = 0; y < years; ++y) tab.json.push_back(keys + 2 * years + y);
}

}  // namespace

table to_table(const trend_result& r) {
  table tab;
  std::vector<std::string> names, zh;
  for (const dimension& d : r.by) names.push_back(d.name()), zh.emplace_back(info_of(d.kind).zh);
  detail::add_key_columns(tab, names, zh, r.groups);
  detail::add_figure_columns(tab, figure_columns(r), r.groups, group_cells, group_cells(r.total));
  tab.total_alone_without_keys = true;
  tab.json_total_key = true;
  set_layouts(tab, r, r.by.size());
  std::vector<cell> years;
  for (int y = r.from_year; y <= r.to_year; ++y) years.emplace_back(std::int64_t{y});
  tab.json_before = {
      {"years", cell_type::count, std::move(years)},
      {"prices_of", cell_type::count, r.prices_of ? cell(std::int64_t{*r.prices_of}) : cell()}};
  if (r.prices_of)
    tab.notes_before.push_back("amounts in " + std::to_string(*r.prices_of) + " prices");
  return tab;
}

}  // namespace aidstat
