// The machinery of disclosure control on any table: its true values per measure,
// the choice of secondary cells, and the audit of chosen cells. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aidstat/disclosure.hpp"

namespace aidstat::detail {

/// One measure of a table before suppression: its shape (cells all published) and
/// true values.
using measure_table = published_table;

/// A table to protect: every measure's values over the same cells and totals.
struct table_to_protect {
  std::vector<measure_table> measures;  ///< all with the same cells and totals' cells
  std::vector<char> is_total;           ///< cell i is a total of others
  std::vector<char> empty;              ///< cell i has no record: never chosen
  std::vector<std::size_t> by_size;     ///< the cells, smallest first
  std::vector<std::int64_t> people;     ///< each cell's headcount (primary suppression)
};

/// The feasible ranges of `cells` (suppressed in `t`), in that order.
std::vector<feasible_range> feasible_ranges(const published_table& t,
                                            const std::vector<std::size_t>& cells);

/// `t`'s measure m as published under `status`.
published_table publish(const measure_table& m, const std::vector<suppression>& status);

/// Adds secondary suppression to `status` (primaries set) until no primary cell can
/// be narrowed too far, or no cell is left to choose.
void add_secondary(const table_to_protect& t, std::vector<suppression>& status);

/// The primary cells of `t` under `status` that some measure narrows too far.
std::vector<disclosure_failure> failures(const table_to_protect& t,
                                         const std::vector<suppression>& status);

}  // namespace aidstat::detail
