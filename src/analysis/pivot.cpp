#include "aidstat/pivot.hpp"

#include <algorithm>
#include <map>

#include "aidstat/error.hpp"

namespace aidstat {

std::pair<std::int64_t, std::int64_t> pivot_value(const aggregate& a, pivot_measure m) {
  switch (m) {
    case pivot_measure::records:
      return {a.records, a.records};
    case pivot_measure::headcount:
      return {a.headcount(), a.headcount()};
    default:
      return {a.amount.min().fen(), a.amount.max().fen()};
  }
}

namespace {

// Throws query_error when the rows and columns are one dimension.
void require_two_dimensions(const pivot_query& q) {
  if (q.rows == q.cols)
    detail::throw_error<query_error>("rows and columns are both '" + q.rows.name() +
                                     "'; choose two different dimensions");
}

}  // namespace

item_fields fields_for(const pivot_query& q) {
  totals_query tq;
  tq.by = {q.rows, q.cols};
  tq.filter = q.filter;
  return fields_for(tq);
}

std::vector<totals_query> pivot_totals_queries(const pivot_query& q) {
  std::vector<totals_query> out;
  for (std::vector<dimension> by : {std::vector{q.rows, q.cols}, {q.rows}, {q.cols}}) {
    totals_query tq;
    tq.by = std::move(by);
    tq.filter = q.filter;
    tq.threads = q.threads;
    out.push_back(std::move(tq));
  }
  return out;
}

pivot_result compute_pivot(const dataset& d, const pivot_query& q) {
  require_two_dimensions(q);
  const std::vector<totals_query> tq = pivot_totals_queries(q);
  return pivot_of_totals(compute_totals(d, tq[0]), compute_totals(d, tq[1]),
                         compute_totals(d, tq[2]), q);
}

pivot_result pivot_of_totals(const totals& cells, const totals& rows, const totals& cols,
                             const pivot_query& q) {
  require_two_dimensions(q);
  const std::vector<totals_query> tq = pivot_totals_queries(q);
  if (cells.by != tq[0].by || rows.by != tq[1].by || cols.by != tq[2].by)
    detail::throw_error<query_error>(
        "these totals do not make the pivot: they must be grouped by its rows and columns, "
        "by its rows, and by its columns");
  pivot_result out;
  out.query = q;
  std::map<std::string, Eigen::Index> row_at, col_at;
  for (const auto& g : rows.groups) {
    row_at.emplace(g.key[0], static_cast<Eigen::Index>(out.row_keys.size()));
    out.row_keys.push_back(g.key[0]);
    out.row_labels.push_back(g.labels[0]);
    out.row_totals.push_back(g.figures);
  }
  for (const auto& g : cols.groups) {
    col_at.emplace(g.key[0], static_cast<Eigen::Index>(out.col_keys.size()));
    out.col_keys.push_back(g.key[0]);
    out.col_labels.push_back(g.labels[0]);
    out.col_totals.push_back(g.figures);
  }
  const auto r = static_cast<Eigen::Index>(out.row_keys.size());
  const auto c = static_cast<Eigen::Index>(out.col_keys.size());
  out.min = count_matrix::Zero(r, c);
  out.max = count_matrix::Zero(r, c);
  out.people = count_matrix::Zero(r, c);
  out.records = count_matrix::Zero(r, c);
  for (const auto& g : cells.groups) {
    const auto [lo, hi] = pivot_value(g.figures, q.measure);
    out.min(row_at.at(g.key[0]), col_at.at(g.key[1])) = lo;
    out.max(row_at.at(g.key[0]), col_at.at(g.key[1])) = hi;
    out.people(row_at.at(g.key[0]), col_at.at(g.key[1])) = g.figures.headcount();
    out.records(row_at.at(g.key[0]), col_at.at(g.key[1])) = g.figures.records;
  }
  out.grand = cells.grand;
  out.holds_transfers = cells.holds_transfers;
  return out;
}

namespace {
bool same_matrix(const count_matrix& a, const count_matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && a == b;
}
}  // namespace

bool operator==(const pivot_result& a, const pivot_result& b) {
  return a.query == b.query && a.row_keys == b.row_keys && a.row_labels == b.row_labels &&
         a.col_keys == b.col_keys && a.col_labels == b.col_labels && same_matrix(a.min, b.min) &&
         same_matrix(a.max, b.max) && a.row_totals == b.row_totals &&
         a.col_totals == b.col_totals && a.grand == b.grand &&
         a.holds_transfers == b.holds_transfers && same_matrix(a.people, b.people) &&
         same_matrix(a.records, b.records) && a.min_cell == b.min_cell &&
         a.cell_suppressed == b.cell_suppressed && a.row_suppressed == b.row_suppressed &&
         a.col_suppressed == b.col_suppressed && a.grand_suppressed == b.grand_suppressed;
}

}  // namespace aidstat
