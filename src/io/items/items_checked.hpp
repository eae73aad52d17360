// The checking reader of items.csv: reads any file row by row and reports every
// problem with its line and column. Internal.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/error.hpp"
#include "io/csv/table_reader.hpp"
#include "io/items/items_csv.hpp"

namespace aidstat::detail {

/// Reads a quantity and its measure from columns `qcol` and `mcol` of `r` (a measure
/// word in the quantity, the measure column, or both agreeing); reports each problem
/// through `t` and returns false on any.
bool read_quantity(table_reader& t, const table_row& r, int qcol, int mcol,
                   std::optional<count_interval>& quantity, std::optional<measure>& unit);

/// Reads the items of `file` (CSV text or columns) into `d` row by row, checking every field and
/// adding every valid row; reports each problem into `problems` with its line and column. Without
/// `units_defined`, unknown unit ids become units named by their ids.
void read_items_checked(const table_input& file, dataset& d, bool units_defined,
                        bool have_beneficiaries, std::vector<problem>& problems,
                        std::vector<std::uint32_t>* lines);

}  // namespace aidstat::detail
