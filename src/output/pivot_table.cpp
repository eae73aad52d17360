// to_table(pivot_result): a key column for the rows, a column for each column key, the
// rows' totals, and the transfers each row left out; JSON keeps the matrix shape.
#include "aidstat/pivot.hpp"
#include "aidstat/table.hpp"
#include "output/table_build.hpp"
#include "output/text_table.hpp"

namespace aidstat {
namespace {

using detail::figure_column;

cell value_cell(std::pair<std::int64_t, std::int64_t> v, pivot_measure m) {
  if (m == pivot_measure::amount) return money_interval(money{v.first}, money{v.second});
  return v.first;
}

cell total_cell(const aggregate& a, pivot_measure m) { return value_cell(pivot_value(a, m), m); }

column key_column(const pivot_result& r) {
  column c = figure_column(r.query.rows.name(), r.query.rows.name() + " \\ " + r.query.cols.name(),
                           std::string(info_of(r.query.rows.kind).zh), cell_type::text);
  c.role = column_role::key;
  for (std::size_t i = 0; i < r.row_keys.size(); ++i) {
    c.cells.emplace_back(r.row_keys[i]);
    c.labels.push_back(r.row_labels[i]);
  }
  return c;
}

// Column j of the matrix: its cells, their suppression, its total.
column matrix_column(const pivot_result& r, Eigen::Index j, cell_type type) {
  const auto at = static_cast<std::size_t>(j);
  column c = figure_column(r.col_keys[at], detail::key_cell(r.col_keys[at], r.col_labels[at]),
                           r.col_labels[at], type);
  c.blank_zero = true;
  for (Eigen::Index i = 0; i < r.min.rows(); ++i) {
    c.cells.push_back(value_cell({r.min(i, j), r.max(i, j)}, r.query.measure));
    if (!r.cell_suppressed.empty()) c.suppressed.push_back(r.suppressed(i, j));
  }
  c.total = total_cell(r.col_totals[at], r.query.measure);
  if (!r.col_suppressed.empty()) c.total_suppressed = r.col_suppressed[at];
  return c;
}

// The rows' totals (and the grand total), suppressed as the rows are.
column total_column(const pivot_result& r, cell_type type) {
  column c = figure_column("total", "total", "合计", type);
  c.blank_zero = true;
  for (const aggregate& a : r.row_totals) c.cells.push_back(total_cell(a, r.query.measure));
  c.suppressed = r.row_suppressed;
  c.total = total_cell(r.grand, r.query.measure);
  c.total_suppressed = r.grand_suppressed;
  return c;
}

// The transfer records each row left out: empty for a suppressed row.
column transfers_column(const pivot_result& r) {
  column c =
      figure_column("transfers_excluded", "transfers excluded", "剔除转拨", cell_type::count);
  for (std::size_t i = 0; i < r.row_totals.size(); ++i) {
    const bool hidden = !r.row_suppressed.empty() && r.row_suppressed[i] != suppression::none;
    c.cells.push_back(hidden ? cell() : cell(r.row_totals[i].transfers_excluded));
  }
  c.total = r.grand.transfers_excluded;
  return c;
}

// What JSON says beside the matrix: its dimensions and keys, and the transfers.
void set_facts(table& tab, const pivot_result& r) {
  std::vector<cell> row_keys(r.row_keys.begin(), r.row_keys.end());
  std::vector<cell> col_keys(r.col_keys.begin(), r.col_keys.end());
  tab.json_before = {{"rows", cell_type::text, r.query.rows.name()},
                     {"cols", cell_type::text, r.query.cols.name()},
                     {"measure", cell_type::text, std::string(key_of(r.query.measure))},
                     {"row_keys", cell_type::text, std::move(row_keys)},
                     {"col_keys", cell_type::text, std::move(col_keys)}};
  if (!r.holds_transfers) return;
  std::vector<cell> transfers;
  for (const aggregate& a : r.row_totals) transfers.emplace_back(a.transfers_excluded);
  tab.json_after = {{"row_transfers_excluded", cell_type::count, std::move(transfers)},
                    {"transfers_excluded", cell_type::count, r.grand.transfers_excluded}};
}

}  // namespace

table to_table(const pivot_result& r) {
  const cell_type type =
      r.query.measure == pivot_measure::amount ? cell_type::money : cell_type::count;
  table tab;
  tab.columns.push_back(key_column(r));
  for (Eigen::Index j = 0; j < r.min.cols(); ++j) {
    tab.json.push_back(tab.columns.size());
    tab.columns.push_back(matrix_column(r, j, type));
  }
  tab.matrix_total = tab.columns.size();
  tab.columns.push_back(total_column(r, type));
  if (r.holds_transfers) tab.columns.push_back(transfers_column(r));
  tab.rows = r.row_keys.size();
  tab.has_total = tab.csv_total = true;
  for (std::size_t i = 0; i < tab.columns.size(); ++i) tab.csv.push_back(i);
  tab.people = tab.csv;
  tab.shape = json_shape::matrix;
  tab.json_by = false;
  tab.min_cell = r.min_cell;
  set_facts(tab, r);
  if (r.min_cell && *r.min_cell >= 2)
    tab.notes_after.push_back(detail::suppression_legend(*r.min_cell));
  return tab;
}

}  // namespace aidstat
