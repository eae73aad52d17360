// Disclosure control of totals and pivots: each as a table of cells and totals, one
// per measure it publishes, protected and audited by the machinery of suppression.cpp.
#include "aidstat/disclosure.hpp"

#include <algorithm>
#include <numeric>

#include "analysis/suppression.hpp"

namespace aidstat {
namespace {

using detail::measure_table;
using detail::table_to_protect;

// How fine the unit bound of a transfer is under keys `by` (docs/transfers.md): -1 for every
// unit, N for provider@N, the most for provider.
std::int64_t boundary(const std::vector<dimension>& by) {
  const int key = transfer_boundary(by);
  return key < 0 ? -1 : transfer_fineness(by[static_cast<std::size_t>(key)]);
}

// The relation of a total over keys `total` to its parts over keys `parts`: parts
// under a finer transfer bound count transfers the total leaves out.
total_relation relation(bool transfers, const std::vector<dimension>& total,
                        const std::vector<dimension>& parts, bool people) {
  if (transfers && boundary(total) != boundary(parts)) return total_relation::at_least;
  return people ? total_relation::distinct : total_relation::sum;
}

// The cells smallest first: fewest records, then least amount, then in order.
std::vector<std::size_t> by_size(const std::vector<std::int64_t>& records,
                                 const std::vector<std::int64_t>& amounts) {
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(records[a], amounts[a]) < std::pair(records[b], amounts[b]);
  });
  return order;
}

// Headcount lines as an attacker can know them: a line whose true total is the sum
// of its true cells (each person in one cell of it, as fully published lines or
// beneficiaries.csv show) is a sum; only a line where people are counted in more
// than one cell stays distinct.
void settle_people_lines(const std::vector<std::int64_t>& values,
                         std::vector<table_total>& totals) {
  for (table_total& t : totals) {
    if (t.relation != total_relation::distinct) continue;
    std::int64_t sum = 0;
    for (std::size_t p : t.parts) sum += values[p];
    if (sum == values[t.total]) t.relation = total_relation::sum;
  }
}

// A measure table from values and names, with the totals of `shape`.
measure_table table_of(std::string measure, const std::vector<std::int64_t>& values,
                       const std::vector<std::string>& names, std::vector<table_total> totals) {
  settle_people_lines(values, totals);
  measure_table m;
  m.measure = std::move(measure);
  m.cells.assign(values.begin(), values.end());
  m.totals = std::move(totals);
  m.names = names;
  return m;
}

// The figure of measure `which` of aggregate a, as published (0 when absent).
std::int64_t figure(const aggregate& a, const std::string& which) {
  if (which == "records") return a.records;
  if (which == "headcount") return a.headcount();
  if (which == "amount_min") return a.amount_records ? a.amount.min().fen() : 0;
  if (which == "amount_max") return a.amount_records ? a.amount.max().fen() : 0;
  if (!a.has_quantity()) return 0;
  return which == "quantity_min" ? a.quantity.min().value() : a.quantity.max().value();
}

// Totals as a table: the groups, then the grand total over them.
table_to_protect table_of(const totals& t) {
  std::vector<const aggregate*> cells;
  std::vector<std::string> names;
  for (const group_totals& g : t.groups) {
    cells.push_back(&g.figures);
    std::string name;
    for (const std::string& k : g.key) name += (name.empty() ? "" : "/") + k;
    names.push_back(name);
  }
  cells.push_back(&t.grand);
  names.emplace_back("total");
  std::vector<std::size_t> parts(t.groups.size());
  std::iota(parts.begin(), parts.end(), std::size_t{0});
  const bool quantities = std::any_of(t.groups.begin(), t.groups.end(),
                                      [](const auto& g) { return g.figures.has_quantity(); });
  std::vector<std::string> measures{"records", "amount_min", "amount_max", "headcount"};
  if (quantities) measures.insert(measures.end(), {"quantity_min", "quantity_max"});
  table_to_protect out;
  for (const std::string& m : measures) {
    std::vector<std::int64_t> values;
    for (const aggregate* a : cells) values.push_back(figure(*a, m));
    std::vector<table_total> totals;
    if (!m.starts_with("quantity") || t.grand.has_quantity())
      totals.push_back(
          {t.groups.size(), parts, relation(t.holds_transfers, {}, t.by, m == "headcount")});
    out.measures.push_back(table_of(m, values, names, std::move(totals)));
  }
  out.is_total.assign(cells.size(), 0);
  out.is_total.back() = 1;
  std::vector<std::int64_t> records, amounts;
  for (const aggregate* a : cells) {
    out.empty.push_back(a->records == 0);
    records.push_back(a->records);
    amounts.push_back(figure(*a, "amount_max"));
  }
  out.by_size = by_size(records, amounts);
  return out;
}

// A pivot as a table: cells row-major, then row totals, column totals, grand total.
table_to_protect table_of(const pivot_result& p) {
  const auto rows = static_cast<std::size_t>(p.min.rows()),
             cols = static_cast<std::size_t>(p.min.cols());
  const std::size_t n = rows * cols + rows + cols + 1;
  const auto row_total = [&](std::size_t i) { return rows * cols + i; };
  const auto col_total = [&](std::size_t j) { return rows * cols + rows + j; };
  const std::size_t grand = n - 1;
  std::vector<std::string> names(n);
  std::vector<std::int64_t> records(n), people(n), lo(n), hi(n);
  const auto set = [&](std::size_t c, std::string name, std::int64_t r, std::int64_t h,
                       std::pair<std::int64_t, std::int64_t> v) {
    names[c] = std::move(name), records[c] = r, people[c] = h, lo[c] = v.first, hi[c] = v.second;
  };
  const pivot_measure m = p.query.measure;
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t j = 0; j < cols; ++j) {
      const auto a = static_cast<Eigen::Index>(i), b = static_cast<Eigen::Index>(j);
      set(i * cols + j, p.row_keys[i] + "/" + p.col_keys[j], p.records(a, b), p.people(a, b),
          {p.min(a, b), p.max(a, b)});
    }
    set(row_total(i), p.row_keys[i] + "/total", p.row_totals[i].records,
        p.row_totals[i].headcount(), pivot_value(p.row_totals[i], m));
  }
  for (std::size_t j = 0; j < cols; ++j)
    set(col_total(j), "total/" + p.col_keys[j], p.col_totals[j].records,
        p.col_totals[j].headcount(), pivot_value(p.col_totals[j], m));
  set(grand, "total", p.grand.records, p.grand.headcount(), pivot_value(p.grand, m));

  const auto shape = [&](bool people_measure) {
    const bool tr = p.holds_transfers;
    const std::vector<dimension> r{p.query.rows}, c{p.query.cols}, rc{p.query.rows, p.query.cols};
    std::vector<table_total> totals;
    std::vector<std::size_t> all_rows, all_cols;
    for (std::size_t i = 0; i < rows; ++i) {
      table_total t{row_total(i), {}, relation(tr, r, rc, people_measure)};
      for (std::size_t j = 0; j < cols; ++j) t.parts.push_back(i * cols + j);
      totals.push_back(std::move(t));
      all_rows.push_back(row_total(i));
    }
    for (std::size_t j = 0; j < cols; ++j) {
      table_total t{col_total(j), {}, relation(tr, c, rc, people_measure)};
      for (std::size_t i = 0; i < rows; ++i) t.parts.push_back(i * cols + j);
      totals.push_back(std::move(t));
      all_cols.push_back(col_total(j));
    }
    totals.push_back({grand, all_rows, relation(tr, {}, r, people_measure)});
    totals.push_back({grand, all_cols, relation(tr, {}, c, people_measure)});
    return totals;
  };
  table_to_protect out;
  if (m == pivot_measure::amount) {
    out.measures.push_back(table_of("amount_min", lo, names, shape(false)));
    out.measures.push_back(table_of("amount_max", hi, names, shape(false)));
  } else {
    out.measures.push_back(
        table_of(std::string(key_of(m)), lo, names, shape(m == pivot_measure::headcount)));
  }
  out.is_total.assign(n, 1);
  std::fill(out.is_total.begin(), out.is_total.begin() + static_cast<std::ptrdiff_t>(rows * cols),
            0);
  for (std::size_t c = 0; c < n; ++c) out.empty.push_back(records[c] == 0);
  out.by_size = by_size(records, hi);
  out.people = people;
  return out;
}

// The suppression state of each cell of pivot `p`, in table_of's order.
std::vector<suppression> states_of(const pivot_result& p) {
  const auto n = static_cast<std::size_t>(p.min.size() + p.min.rows() + p.min.cols() + 1);
  if (p.cell_suppressed.empty()) return std::vector<suppression>(n, suppression::none);
  std::vector<suppression> s = p.cell_suppressed;
  s.insert(s.end(), p.row_suppressed.begin(), p.row_suppressed.end());
  s.insert(s.end(), p.col_suppressed.begin(), p.col_suppressed.end());
  s.push_back(p.grand_suppressed);
  return s;
}

// The suppression state of each cell of totals `t`, groups then grand total.
std::vector<suppression> states_of(const totals& t) {
  std::vector<suppression> s;
  for (const group_totals& g : t.groups) s.push_back(g.suppressed);
  s.push_back(t.grand_suppressed);
  return s;
}

}  // namespace

totals suppress_small_cells(totals t, std::int64_t min_cell) {
  t.min_cell = min_cell;
  if (min_cell < 2) return t;
  for (group_totals& g : t.groups) {
    const std::int64_t people = g.figures.headcount();
    g.suppressed = people >= 1 && people < min_cell ? suppression::primary : suppression::none;
  }
  if (t.by.empty()) {  // the one row is the grand total
    const std::int64_t people = t.grand.headcount();
    t.grand_suppressed =
        people >= 1 && people < min_cell ? suppression::primary : suppression::none;
    return t;
  }
  const std::int64_t everyone = t.grand.headcount();
  if (everyone >= 1 && everyone < min_cell) t.grand_suppressed = suppression::primary;
  std::vector<suppression> status = states_of(t);
  detail::add_secondary(table_of(t), status);
  for (std::size_t i = 0; i < t.groups.size(); ++i) t.groups[i].suppressed = status[i];
  t.grand_suppressed = status.back();
  return t;
}

pivot_result suppress_small_cells(pivot_result p, std::int64_t min_cell) {
  p.min_cell = min_cell;
  if (min_cell < 2) return p;
  const table_to_protect table = table_of(p);
  std::vector<suppression> status(table.people.size(), suppression::none);
  for (std::size_t c = 0; c < status.size(); ++c)
    if (table.people[c] >= 1 && table.people[c] < min_cell) status[c] = suppression::primary;
  detail::add_secondary(table, status);
  const auto cells = static_cast<std::size_t>(p.min.size());
  const auto rows = static_cast<std::size_t>(p.min.rows());
  p.cell_suppressed.assign(status.begin(), status.begin() + static_cast<std::ptrdiff_t>(cells));
  p.row_suppressed.assign(status.begin() + static_cast<std::ptrdiff_t>(cells),
                          status.begin() + static_cast<std::ptrdiff_t>(cells + rows));
  p.col_suppressed.assign(status.begin() + static_cast<std::ptrdiff_t>(cells + rows),
                          status.end() - 1);
  p.grand_suppressed = status.back();
  return p;
}

std::vector<published_table> published_tables(const pivot_result& p) {
  std::vector<published_table> out;
  for (const measure_table& m : table_of(p).measures)
    out.push_back(detail::publish(m, states_of(p)));
  return out;
}

std::vector<disclosure_failure> disclosure_failures(const pivot_result& p) {
  return detail::failures(table_of(p), states_of(p));
}

std::vector<published_table> published_tables(const totals& t) {
  const table_to_protect table = table_of(t);
  std::vector<published_table> out;
  for (const measure_table& m : table.measures) out.push_back(detail::publish(m, states_of(t)));
  return out;
}

std::vector<disclosure_failure> disclosure_failures(const totals& t) {
  if (t.by.empty()) return {};  // one published row: suppressed or not, nothing to narrow
  return detail::failures(table_of(t), states_of(t));
}

}  // namespace aidstat
