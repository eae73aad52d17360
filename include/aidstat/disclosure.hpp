// Disclosure control (docs/transfers.md): a published table must not expose a small group of
// identifiable people. With a minimum cell size N, every group reaching 1..N-1
// people is suppressed (primary); then other cells are suppressed (secondary) until
// the cells and totals still published cannot pin a primary cell down: for every
// measure, the values it could take given what is published run from at most half
// its value to at least one and a half times it.
//
// The proof is an audit: by linear programming (GLPK) over the published table,
// cells non-negative and the published totals as constraints, it computes the
// feasible range of every suppressed cell. It assumes what an attacker can know: a
// headcount line whose total is the sum of its cells (each person in one cell of
// it, as fully published lines or beneficiaries.csv show) is audited as a sum;
// only a line that counts people in more than one cell is audited as distinct.
//
//   totals t = compute_totals(d, {.by = {dimension::parse("provider")}});
//   const totals safe = suppress_small_cells(t, 5);
//   for (const published_table& table : published_tables(safe)) {
//     for (const feasible_range& r : audit(table))  // e.g. "records 73051: 0..12"
//       std::cout << table.measure << " " << table.names[r.cell] << ": " << r.low << ".."
//                 << (r.high ? std::to_string(*r.high) : "") << "\n";
//   }
//   if (!disclosure_failures(safe).empty()) throw std::logic_error("a cell is exposed");
//
// How the secondary cells are chosen (a heuristic; the audit, not the heuristic, is
// the guarantee): first every total with exactly one suppressed member gets its
// smallest other member suppressed, so that no row, column or grand total gives
// a lone cell away; then, while the audit finds a primary cell it can narrow too
// far, the smallest published cell sharing a total with it is suppressed ("small"
// is fewest records, then least amount). Cells with no record are never chosen.
// A total is suppressed only when no cell is left to choose (a table of one group).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aidstat/pivot.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// How a total relates to the cells it totals.
enum class total_relation : std::uint8_t {
  sum,       ///< the total is their sum (records, amounts)
  distinct,  ///< they overlap: their sum exceeds the total, each at most it (shared people)
  at_least,  ///< their sum is at least the total (transfers the total leaves out:
             ///< docs/transfers.md)
};

/// A total of a table and the cells it totals, as indices into the table's cells.
struct table_total {
  std::size_t total = 0;                          ///< the cell holding the total
  std::vector<std::size_t> parts;                 ///< the cells it totals
  total_relation relation = total_relation::sum;  ///< how they relate
  /// Equal when every field is.
  friend bool operator==(const table_total&, const table_total&) = default;
};

/// One measure of a table as a reader sees it: every cell's value, or empty where
/// suppressed, and how the totals relate to the cells.
struct published_table {
  std::string measure;                             ///< "records", "amount_min", ...
  std::vector<std::optional<std::int64_t>> cells;  ///< value (fen for amounts) or suppressed
  std::vector<table_total> totals;                 ///< the table's totals
  std::vector<std::string> names;                  ///< each cell's name, for messages
};

/// The values a suppressed cell can take, given what the table publishes.
struct feasible_range {
  std::size_t cell = 0;              ///< index into the table's cells
  std::int64_t low = 0;              ///< the least value it can take
  std::optional<std::int64_t> high;  ///< the greatest; empty when unbounded
  /// Equal when every field is.
  friend bool operator==(const feasible_range&, const feasible_range&) = default;
};

/// The feasible range of every suppressed cell of `t`, in cell order: each bound by
/// one linear program (GLPK's simplex), cells non-negative, the totals' relations as
/// constraints. Throws data_error when no values fit what is published.
std::vector<feasible_range> audit(const published_table& t);

/// Whether `r` leaves in both half and one and a half times `value`: a reader of the
/// table cannot narrow the cell to a range that excludes either.
bool protects(const feasible_range& r, std::int64_t value) noexcept;

/// A primary cell that the audit can narrow too far.
struct disclosure_failure {
  std::string measure;     ///< the measure whose table narrows it
  std::string cell;        ///< the cell's name
  std::int64_t value = 0;  ///< its true value
  feasible_range range;    ///< what a reader can narrow it to
};

/// Totals `t` with every group of 1..min_cell-1 people suppressed, and secondary
/// suppression as above; min_cell below 2 suppresses nothing. The figures stay in
/// the value (writers publish suppressed cells empty).
totals suppress_small_cells(totals t, std::int64_t min_cell);
/// The same for a pivot: its cells, row and column totals and grand total.
pivot_result suppress_small_cells(pivot_result p, std::int64_t min_cell);

/// The published tables of `t`, one per measure it publishes: records, amount_min,
/// amount_max, headcount (and quantity_min, quantity_max when the total has one).
/// Cells are the groups in order, then the grand total.
std::vector<published_table> published_tables(const totals& t);
/// The published tables of a pivot, one per measure (two for amounts). Cells are
/// row-major, then the row totals, the column totals and the grand total.
std::vector<published_table> published_tables(const pivot_result& p);

/// Audits every published table of `t` and returns each primary cell it can narrow
/// too far; empty when the suppression holds.
std::vector<disclosure_failure> disclosure_failures(const totals& t);
/// The same for a pivot.
std::vector<disclosure_failure> disclosure_failures(const pivot_result& p);

}  // namespace aidstat
