// write_pivot: a matrix of one dimension against another as CSV, JSON, an aligned
// table or Markdown.
#include "aidstat/pivot.hpp"
#include "output/output_support.hpp"

namespace aidstat {
namespace {

using namespace detail;

// The CSV cells of one value: min and max for amounts, else the one number.
void add_csv_cells(std::vector<std::string>& row, std::pair<std::int64_t, std::int64_t> v,
                   pivot_measure m) {
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
      add_csv_cells(row, {r.min(i, j), r.max(i, j)}, m);
    const aggregate& total = r.row_totals[static_cast<std::size_t>(i)];
    add_csv_cells(row, pivot_value(total, m), m);
    if (r.holds_transfers) row.push_back(std::to_string(total.transfers_excluded));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"total"};
  for (const auto& a : r.col_totals) add_csv_cells(total, pivot_value(a, m), m);
  add_csv_cells(total, pivot_value(r.grand, m), m);
  if (r.holds_transfers) total.push_back(std::to_string(r.grand.transfers_excluded));
  rows.push_back(std::move(total));
  write_csv_rows(out, rows);
}

json pivot_value_json(std::pair<std::int64_t, std::int64_t> v, pivot_measure m) {
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
      row.push_back(pivot_value_json({r.min(i, j), r.max(i, j)}, m));
    doc["cells"].push_back(std::move(row));
  }
  const auto totals_of = [&](const std::vector<aggregate>& v) {
    json a = json::array();
    for (const auto& x : v) a.push_back(pivot_value_json(pivot_value(x, m), m));
    return a;
  };
  doc["row_totals"] = totals_of(r.row_totals);
  doc["col_totals"] = totals_of(r.col_totals);
  doc["total"] = pivot_value_json(pivot_value(r.grand, m), m);
  if (r.holds_transfers) {
    doc["row_transfers_excluded"] = json::array();
    for (const auto& a : r.row_totals)
      doc["row_transfers_excluded"].push_back(a.transfers_excluded);
    doc["transfers_excluded"] = r.grand.transfers_excluded;
  }
  out << doc.dump(2) << '\n';
}

std::string pivot_cell(std::pair<std::int64_t, std::int64_t> v, pivot_measure m, money_unit unit) {
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
      row.push_back(pivot_cell({r.min(i, j), r.max(i, j)}, m, unit));
    row.push_back(pivot_cell(pivot_value(r.row_totals[at], m), m, unit));
    if (r.holds_transfers) row.push_back(std::to_string(r.row_totals[at].transfers_excluded));
    t.rows.push_back(std::move(row));
  }
  t.total.push_back("total");
  for (const auto& a : r.col_totals) t.total.push_back(pivot_cell(pivot_value(a, m), m, unit));
  t.total.push_back(pivot_cell(pivot_value(r.grand, m), m, unit));
  if (r.holds_transfers) t.total.push_back(std::to_string(r.grand.transfers_excluded));
  write_human(out, t, f);
}

}  // namespace

void write_pivot(std::ostream& out, const pivot_result& r, output_format f, money_unit unit) {
  write_in_format(out, r, f, unit, write_pivot_csv, write_pivot_json, write_pivot_table);
}

}  // namespace aidstat
