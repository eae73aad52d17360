// write_pivot: a matrix of one dimension against another as CSV, JSON, an aligned
// table or Markdown.
#include "aidstat/pivot.hpp"
#include "output/output_support.hpp"

namespace aidstat {
namespace {

using namespace detail;

// The state of total i of `v`; none when nothing is suppressed.
suppression total_state(const std::vector<suppression>& v, std::size_t i) {
  return v.empty() ? suppression::none : v[i];
}

// The CSV cells of one value: min and max for amounts, else the one number; empty
// when suppressed.
void add_csv_cells(std::vector<std::string>& row, std::pair<std::int64_t, std::int64_t> v,
                   pivot_measure m, suppression s = suppression::none) {
  if (s != suppression::none) {
    row.resize(row.size() + (m == pivot_measure::amount ? 2 : 1));
    return;
  }
  if (m == pivot_measure::amount) {
    row.push_back(format_yuan_decimal(money{v.first}));
    row.push_back(format_yuan_decimal(money{v.second}));
  } else {
    row.push_back(std::to_string(v.first));
  }
}

// The CSV header: the rows' dimension, each column (twice for amounts), the total.
std::vector<std::string> pivot_csv_header(const pivot_result& r) {
  const bool pair = r.query.measure == pivot_measure::amount;
  std::vector<std::string> header{r.query.rows.name()};
  for (const std::string& c : r.col_keys) {
    if (pair) {
      header.push_back(c + "_min");
      header.push_back(c + "_max");
    } else {
      header.push_back(c);
    }
  }
  if (pair) {
    header.push_back("total_min");
    header.push_back("total_max");
  } else {
    header.push_back("total");
  }
  if (r.holds_transfers) header.push_back("transfers_excluded");
  return header;
}

void write_pivot_csv(std::ostream& out, const pivot_result& r) {
  const pivot_measure m = r.query.measure;
  std::vector<std::vector<std::string>> rows{pivot_csv_header(r)};
  for (Eigen::Index i = 0; i < r.min.rows(); ++i) {
    std::vector<std::string> row{r.row_keys[static_cast<std::size_t>(i)]};
    for (Eigen::Index j = 0; j < r.min.cols(); ++j)
      add_csv_cells(row, {r.min(i, j), r.max(i, j)}, m, r.suppressed(i, j));
    const aggregate& total = r.row_totals[static_cast<std::size_t>(i)];
    const suppression s = total_state(r.row_suppressed, static_cast<std::size_t>(i));
    add_csv_cells(row, pivot_value(total, m), m, s);
    if (r.holds_transfers)
      row.push_back(s == suppression::none ? std::to_string(total.transfers_excluded) : "");
    rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"total"};
  for (std::size_t j = 0; j < r.col_totals.size(); ++j)
    add_csv_cells(total, pivot_value(r.col_totals[j], m), m, total_state(r.col_suppressed, j));
  add_csv_cells(total, pivot_value(r.grand, m), m, r.grand_suppressed);
  if (r.holds_transfers) total.push_back(std::to_string(r.grand.transfers_excluded));
  rows.push_back(std::move(total));
  write_csv_rows(out, rows);
}

json pivot_value_json(std::pair<std::int64_t, std::int64_t> v, pivot_measure m,
                      suppression s = suppression::none) {
  if (s != suppression::none) return json{{"suppressed", std::string(key_of(s))}};
  return m == pivot_measure::amount ? yuan_pair(money_interval(money{v.first}, money{v.second}))
                                    : json(v.first);
}

void write_pivot_json(std::ostream& out, const pivot_result& r) {
  const pivot_measure m = r.query.measure;
  json doc;
  doc["rows"] = r.query.rows.name();
  doc["cols"] = r.query.cols.name();
  doc["measure"] = key_of(m);
  doc["row_keys"] = r.row_keys;
  doc["col_keys"] = r.col_keys;
  doc["cells"] = json::array();
  for (Eigen::Index i = 0; i < r.min.rows(); ++i) {
    json row = json::array();
    for (Eigen::Index j = 0; j < r.min.cols(); ++j)
      row.push_back(pivot_value_json({r.min(i, j), r.max(i, j)}, m, r.suppressed(i, j)));
    doc["cells"].push_back(std::move(row));
  }
  const auto totals_of = [&](const std::vector<aggregate>& v, const std::vector<suppression>& s) {
    json a = json::array();
    for (std::size_t i = 0; i < v.size(); ++i)
      a.push_back(pivot_value_json(pivot_value(v[i], m), m, total_state(s, i)));
    return a;
  };
  doc["row_totals"] = totals_of(r.row_totals, r.row_suppressed);
  doc["col_totals"] = totals_of(r.col_totals, r.col_suppressed);
  doc["total"] = pivot_value_json(pivot_value(r.grand, m), m, r.grand_suppressed);
  if (r.min_cell) doc["min_cell"] = *r.min_cell;
  if (r.holds_transfers) {
    doc["row_transfers_excluded"] = json::array();
    for (const auto& a : r.row_totals)
      doc["row_transfers_excluded"].push_back(a.transfers_excluded);
    doc["transfers_excluded"] = r.grand.transfers_excluded;
  }
  out << doc.dump(2) << '\n';
}

std::string pivot_cell(std::pair<std::int64_t, std::int64_t> v, pivot_measure m, money_unit unit,
                       suppression s = suppression::none) {
  if (s != suppression::none) return s == suppression::primary ? "×p" : "×s";
  if (v.first == 0 && v.second == 0) return "";  // an empty cell reads better blank
  if (m != pivot_measure::amount) return std::to_string(v.first);
  return format_money(money_interval(money{v.first}, money{v.second}), unit);
}

void write_pivot_table(std::ostream& out, const pivot_result& r, output_format f, money_unit unit) {
  const pivot_measure m = r.query.measure;
  text_table t;
  t.column(r.query.rows.name() + " \\ " + r.query.cols.name(), false);
  for (std::size_t j = 0; j < r.col_keys.size(); ++j)
    t.column(key_cell(r.col_keys[j], r.col_labels[j]), true);
  t.column("total", true);
  if (r.holds_transfers) t.column("transfers excluded", true);
  for (Eigen::Index i = 0; i < r.min.rows(); ++i) {
    const auto at = static_cast<std::size_t>(i);
    std::vector<std::string> row{key_cell(r.row_keys[at], r.row_labels[at])};
    for (Eigen::Index j = 0; j < r.min.cols(); ++j)
      row.push_back(pivot_cell({r.min(i, j), r.max(i, j)}, m, unit, r.suppressed(i, j)));
    row.push_back(
        pivot_cell(pivot_value(r.row_totals[at], m), m, unit, total_state(r.row_suppressed, at)));
    if (r.holds_transfers)
      row.push_back(total_state(r.row_suppressed, at) == suppression::none
                        ? std::to_string(r.row_totals[at].transfers_excluded)
                        : "");
    t.rows.push_back(std::move(row));
  }
  t.total.push_back("total");
  for (std::size_t j = 0; j < r.col_totals.size(); ++j)
    t.total.push_back(
        pivot_cell(pivot_value(r.col_totals[j], m), m, unit, total_state(r.col_suppressed, j)));
  t.total.push_back(pivot_cell(pivot_value(r.grand, m), m, unit, r.grand_suppressed));
  if (r.holds_transfers) t.total.push_back(std::to_string(r.grand.transfers_excluded));
  write_human(out, t, f);
  if (r.min_cell && *r.min_cell >= 2)
    out << "×p suppressed: fewer than " << *r.min_cell
        << " people; ×s suppressed so that totals cannot give a ×p cell away\n";
}

}  // namespace

void write_pivot(std::ostream& out, const pivot_result& r, output_format f, money_unit unit) {
  write_in_format(out, r, f, unit, write_pivot_csv, write_pivot_json, write_pivot_table);
}

}  // namespace aidstat
