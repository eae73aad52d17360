// to_table(totals): the keys, then the figures of each group, each column typed once.
#include <algorithm>

#include "aidstat/table.hpp"
#include "aidstat/totals.hpp"

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
  const auto col = [](std::string name, std::string en, std::string zh, cell_type type) {
    column c;
    c.name = std::move(name), c.heading_en = std::move(en), c.heading_zh = std::move(zh);
    c.type = type;
    return c;
  };
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
      col("suppressed", "suppressed", "抑制", cell_type::status),
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
  const bool measure_key = std::any_of(t.by.begin(), t.by.end(), [](const dimension& d) {
    return d.kind == dimension_kind::measure;
  });
  const bool any_quantity =
      std::any_of(t.groups.begin(), t.groups.end(),
                  [](const group_totals& g) { return g.figures.has_quantity(); });
  const auto add = [&](table_layout& l, std::initializer_list<std::size_t> figures) {
    for (std::size_t f : figures) l.push_back(keys + f);
  };
  for (table_layout* l : {&tab.csv, &tab.people})
    for (std::size_t k = 0; k < keys; ++k) l->push_back(k);
  add(tab.csv, {records, amount, headcount});
  if (measure_key) add(tab.csv, {quantity});
  if (t.min_cell) add(tab.csv, {suppressed});
  add(tab.json, {records, amount, amount_records, approximate_records, headcount,
                 distinct_beneficiaries, quantity});
  add(tab.people, {records, amount, estimated, share, headcount});
  if (any_quantity) add(tab.people, {quantity});
  if (t.holds_transfers) {
    for (table_layout* l : {&tab.csv, &tab.json, &tab.people}) add(*l, {transfers_excluded});
  }
  add(tab.json, {share});
}

}  // namespace

table to_table(const totals& t) {
  table tab;
  const bool grand_shown = t.grand_suppressed == suppression::none;
  for (std::size_t k = 0; k < t.by.size(); ++k) {
    column c;
    c.name = c.heading_en = t.by[k].name();
    c.heading_zh = std::string(info_of(t.by[k].kind).zh);
    c.role = column_role::key;
    for (const group_totals& g : t.groups) {
      c.cells.emplace_back(g.key[k]);
      c.labels.push_back(g.labels[k]);
    }
    tab.columns.push_back(std::move(c));
  }
  std::vector<column> figures = figure_columns();
  for (const group_totals& g : t.groups) {
    const std::optional<double> s = grand_shown ? t.amount_share(g) : std::nullopt;
    std::vector<cell> v = figure_cells(g.figures, g.suppressed, s);
    for (std::size_t f = 0; f < figure_count; ++f) figures[f].cells.push_back(std::move(v[f]));
    tab.suppressed.push_back(g.suppressed);
  }
  std::vector<cell> total = figure_cells(
      t.grand, t.grand_suppressed, grand_shown ? amount_share(t.grand, t.grand) : std::nullopt);
  for (std::size_t f = 0; f < figure_count; ++f) figures[f].total = std::move(total[f]);
  for (column& c : figures) tab.columns.push_back(std::move(c));
  tab.rows = t.groups.size();
  tab.has_total = true;
  tab.total_alone_without_keys = true;
  tab.total_suppressed = t.grand_suppressed;
  tab.min_cell = t.min_cell;
  set_layouts(tab, t, t.by.size());
  if (t.min_cell && *t.min_cell >= 2)
    tab.notes_after.push_back("×p suppressed: fewer than " + std::to_string(*t.min_cell) +
                              " people; ×s suppressed so that totals cannot give a ×p cell away");
  return tab;
}

}  // namespace aidstat
