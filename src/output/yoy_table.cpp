// to_table(yoy_result): both years, the change and its status, the shares, per head.
#include <fmt/format.h>

#include "aidstat/table.hpp"
#include "aidstat/yoy.hpp"
#include "output/table_build.hpp"

namespace aidstat {
namespace {

// The figures of a comparison, column by column, in the order the table holds them.
enum figure : std::size_t {
  base,
  current,
  delta,
  pct_change,
  status,
  transfers_excluded,
  base_records,
  current_records,
  base_share,
  current_share,
  share_change_pp,
  base_headcount,
  current_headcount,
  per_head_change,
  base_transfers,
  current_transfers,
  base_shown,
  current_shown,
  change_shown,
  share_change_text,
  per_head_text,
  figure_count
};

using detail::figure_column;

std::vector<column> figure_columns(const yoy_result& r) {
  const std::string b = std::to_string(r.base_year), c = std::to_string(r.current_year);
  return {figure_column("base", b, b + "年", cell_type::money),
          figure_column("current", c, c + "年", cell_type::money),
          figure_column("delta", "change", "增减", cell_type::money),
          figure_column("pct_change", "%", "增减%", cell_type::percent),
          detail::status_column<yoy_status>("status", "status", "状态"),
          figure_column("transfers_excluded", "transfers excluded", "剔除转拨", cell_type::count),
          figure_column("base_records", "records " + b, b + "年记录数", cell_type::count),
          figure_column("current_records", "records " + c, c + "年记录数", cell_type::count),
          figure_column("base_share", "share " + b, b + "年占比", cell_type::ratio),
          figure_column("current_share", "share " + c, c + "年占比", cell_type::ratio),
          figure_column("share_change_pp", "Δ share (pp)", "占比增减", cell_type::ratio),
          figure_column("base_headcount", "people " + b, b + "年人数", cell_type::count),
          figure_column("current_headcount", "people " + c, c + "年人数", cell_type::count),
          figure_column("per_head_change", "Δ per head", "人均增减", cell_type::ratio),
          figure_column("base_transfers_excluded", "transfers " + b, b + "年剔除转拨",
                        cell_type::count),
          figure_column("current_transfers_excluded", "transfers " + c, c + "年剔除转拨",
                        cell_type::count),
          figure_column("base_stated", b, b + "年", cell_type::money),
          figure_column("current_stated", c, c + "年", cell_type::money),
          figure_column("change_stated", "change", "增减", cell_type::money),
          figure_column("share_change_pp_text", "Δ share (pp)", "占比增减", cell_type::text),
          figure_column("per_head_change_text", "Δ per head", "人均增减", cell_type::text)};
}

cell maybe(const std::optional<double>& v) { return v ? cell(*v) : cell(); }

// The amounts people see: a year's only when some record states one, the change only
// when either year has one.
void stated_cells(const aggregate& b, const aggregate& c, std::vector<cell>& v) {
  if (b.amount_records) v[base_shown] = b.amount;
  if (c.amount_records) v[current_shown] = c.amount;
  if (b.amount_records || c.amount_records) v[change_shown] = c.amount - b.amount;
}

std::vector<cell> group_cells(const yoy_group& g) {
  std::vector<cell> v(figure_count);
  // A year whose records state no amount has none (not 0); then neither has the change.
  if (!g.base.amount_unstated()) v[base] = g.base.amount;
  if (!g.current.amount_unstated()) v[current] = g.current.amount;
  if (!g.base.amount_unstated() && !g.current.amount_unstated()) v[delta] = g.delta;
  if (g.pct_change_hundredths) v[pct_change] = *g.pct_change_hundredths;
  v[status] = std::string(key_of(g.status));
  v[transfers_excluded] = g.base.transfers_excluded + g.current.transfers_excluded;
  v[base_records] = g.base.records, v[current_records] = g.current.records;
  v[base_share] = maybe(g.base_share), v[current_share] = maybe(g.current_share);
  v[share_change_pp] = maybe(g.share_change_pp);
  v[base_headcount] = g.base.headcount(), v[current_headcount] = g.current.headcount();
  v[per_head_change] = maybe(g.per_head_change);
  v[base_transfers] = g.base.transfers_excluded;
  v[current_transfers] = g.current.transfers_excluded;
  stated_cells(g.base, g.current, v);
  if (g.share_change_pp) v[share_change_text] = fmt::format("{:+.1f}", *g.share_change_pp);
  if (g.per_head_change) v[per_head_text] = fmt::format("{:+.2f}元", *g.per_head_change);
  return v;
}

std::vector<cell> total_cells(const yoy_result& r) {
  std::vector<cell> v(figure_count);
  stated_cells(r.base_total, r.current_total, v);
  if (const auto p = pct_change_hundredths(r.base_total.amount, r.current_total.amount))
    v[pct_change] = *p;
  v[transfers_excluded] = r.base_total.transfers_excluded + r.current_total.transfers_excluded;
  return v;
}

void set_layouts(table& tab, const yoy_result& r, std::size_t keys) {
  using detail::lay_out;
  detail::lay_out_keys(tab, keys);
  lay_out(tab.csv, keys, {base, current, delta, pct_change, status});
  lay_out(tab.json, keys,
          {base, current, delta, pct_change, status, base_records, current_records, base_share,
           current_share, share_change_pp, base_headcount, current_headcount, per_head_change});
  lay_out(tab.people, keys,
          {base_shown, current_shown, change_shown, pct_change, status, base_share, current_share,
           share_change_text, per_head_text});
  if (r.holds_transfers) {
    lay_out(tab.csv, keys, {transfers_excluded});
    lay_out(tab.json, keys, {base_transfers, current_transfers});
    lay_out(tab.people, keys, {transfers_excluded});
  }
}

// What JSON says of the whole comparison: its years before the groups, its totals after.
void set_facts(table& tab, const yoy_result& r) {
  tab.json_before = {
      {"base_year", cell_type::count, std::int64_t{r.base_year}},
      {"current_year", cell_type::count, std::int64_t{r.current_year}},
      {"prices_of", cell_type::count, r.prices_of ? cell(std::int64_t{*r.prices_of}) : cell()}};
  tab.json_after = {{"base_total", cell_type::money, r.base_total.amount},
                    {"current_total", cell_type::money, r.current_total.amount}};
  if (r.holds_transfers) {
    tab.json_after.push_back(
        {"base_transfers_excluded", cell_type::count, r.base_total.transfers_excluded});
    tab.json_after.push_back(
        {"current_transfers_excluded", cell_type::count, r.current_total.transfers_excluded});
  }
  tab.json_total = false;
}

}  // namespace

table to_table(const yoy_result& r) {
  table tab;
  std::vector<std::string> names, zh;
  for (const dimension& d : r.by) names.push_back(d.name()), zh.emplace_back(info_of(d.kind).zh);
  detail::add_key_columns(tab, names, zh, r.groups);
  detail::add_figure_columns(tab, figure_columns(r), r.groups, group_cells, total_cells(r));
  set_layouts(tab, r, r.by.size());
  set_facts(tab, r);
  if (r.prices_of)
    tab.notes_before.push_back("amounts in " + std::to_string(*r.prices_of) + " prices");
  return tab;
}

}  // namespace aidstat
