// to_table(totals): the keys, then the figures of each group, each column typed once.
#include <algorithm>

#include "aidstat/table.hpp"
#include "aidstat/totals.hpp"
#include "output/table_build.hpp"

namespace aidstat {
namespace {

// The figures of totals, column by column, in the order the table holds them.
enum figure : std::size_t {
  records,
  amount,
  amount_records,
  approximate_records,
  estimated,
  share,
  headcount,
  distinct_beneficiaries,
  quantity,
  suppressed,
  transfers_excluded,
  figure_count
};

std::vector<column> figure_columns() {
  const auto col = detail::figure_column;
  std::vector<column> cs = {
      col("records", "records", "记录数", cell_type::count),
      col("amount", "amount", "金额", cell_type::money),
      col("amount_records", "amount records", "有金额记录数", cell_type::count),
      col("approximate_records", "approximate records", "约数记录数", cell_type::count),
      col("estimated", "estimated", "约数", cell_type::text),
      col("share", "share", "占比", cell_type::ratio),
      col("headcount", "people", "人数", cell_type::count),
      col("distinct_beneficiaries", "beneficiaries", "对象数", cell_type::count),
      col("quantity", "quantity", "数量", cell_type::quantity),
      detail::status_column<suppression>("suppressed", "suppressed", "抑制"),
      col("transfers_excluded", "transfers excluded", "剔除转拨", cell_type::count)};
  cs[share].json_omit_empty = true;
  cs[share].json_in_total = false;
  return cs;
}

// The figures of one group (or of the whole), figure by figure; empty where it states
// none, and all empty but `suppressed` when it is suppressed. `share` is the group's
// share of the whole, when it may be shown.
std::vector<cell> figure_cells(const aggregate& a, suppression s, std::optional<double> share_of) {
  std::vector<cell> v(figure_count);
  if (s != suppression::none) {
    v[suppressed] = std::string(key_of(s));
    return v;
  }
  v[records] = a.records;
  if (a.amount_records) v[amount] = a.amount;
  v[amount_records] = a.amount_records;
  v[approximate_records] = a.approximate_records;
  if (a.approximate_records)
    v[estimated] =
        std::to_string(a.approximate_records) + " of " + std::to_string(a.amount_records);
  if (share_of) v[share] = *share_of;
  v[headcount] = a.headcount();
  v[distinct_beneficiaries] = static_cast<std::int64_t>(a.beneficiaries.size());
  if (a.has_quantity()) v[quantity] = quantity_cell{a.quantity, a.quantity_measure};
  v[transfers_excluded] = a.transfers_excluded;
  return v;
}

// Which figures each format shows, in its order (indexes after the keys).
void set_layouts(table& tab, const totals& t, std::size_t keys) {
  using detail::lay_out;
  const bool measure_key = std::any_of(t.by.begin(), t.by.end(), [](const dimension& d) {
    return d.kind == dimension_kind::measure;
  });
  const bool any_quantity =
      std::any_of(t.groups.begin(), t.groups.end(),
                  [](const group_totals& g) { return g.figures.has_quantity(); });
  detail::lay_out_keys(tab, keys);
  lay_out(tab.csv, keys, {records, amount, headcount});
  if (measure_key) lay_out(tab.csv, keys, {quantity});
  if (t.min_cell) lay_out(tab.csv, keys, {suppressed});
  lay_out(tab.json, keys,
          {records, amount, amount_records, approximate_records, headcount, distinct_beneficiaries,
           quantity});
  lay_out(tab.people, keys, {records, amount, estimated, share, headcount});
  if (any_quantity) lay_out(tab.people, keys, {quantity});
  if (t.holds_transfers)
    for (table_layout* l : {&tab.csv, &tab.json, &tab.people})
      lay_out(*l, keys, {transfers_excluded});
  lay_out(tab.json, keys, {share});
}

}  // namespace

table to_table(const totals& t) {
  table tab;
  const bool grand_shown = t.grand_suppressed == suppression::none;
  std::vector<std::string> names, zh;
  for (const dimension& d : t.by) names.push_back(d.name()), zh.emplace_back(info_of(d.kind).zh);
  detail::add_key_columns(tab, names, zh, t.groups);
  const auto cells_of = [&](const group_totals& g) {
    return figure_cells(g.figures, g.suppressed, grand_shown ? t.amount_share(g) : std::nullopt);
  };
  detail::add_figure_columns(
      tab, figure_columns(), t.groups, cells_of,
      figure_cells(t.grand, t.grand_suppressed,
                   grand_shown ? amount_share(t.grand, t.grand) : std::nullopt));
  for (const group_totals& g : t.groups) tab.suppressed.push_back(g.suppressed);
  tab.total_alone_without_keys = true;
  tab.total_suppressed = t.grand_suppressed;
  tab.min_cell = t.min_cell;
  set_layouts(tab, t, t.by.size());
  if (t.min_cell && *t.min_cell >= 2)
    tab.notes_after.push_back(detail::suppression_legend(*t.min_cell));
  return tab;
}

}  // namespace aidstat
