// The renderers of a typed result table, one per output format. Internal: the public
// entry is write_table (aidstat/table.hpp), which picks one.
#pragma once

#include <ostream>

#include "aidstat/table.hpp"

namespace aidstat::detail {

/// CSV: the csv layout's headers, then a row per table row (the total row alone when
/// the table has no keys).
void render_csv(std::ostream& out, const table& tab);

/// JSON: {"by": [keys], "groups": [{"key": {...}, figures...}], "total": {...}}, then
/// "min_cell" when disclosure control applied.
void render_json(std::ostream& out, const table& tab);

/// For people: an aligned table (`md` false) or Markdown, with the notes around it.
void render_people(std::ostream& out, const table& tab, bool md, money_unit unit);

/// The indexes of the key columns, in order.
std::vector<std::size_t> key_columns(const table& tab);

}  // namespace aidstat::detail
