// The renderers of a typed result table, one per output format. Internal: the public
// entry is write_table (aidstat/table.hpp), which picks one.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

class xlsx_writer;  // io/xlsx/xlsx_writer.hpp

/// A workbook sheet named `name`: the CSV layout's columns as typed cells (amounts as
/// min, max and the report's notation), under two frozen header rows.
void render_xlsx_sheet(xlsx_writer& w, const std::string& name, const table& tab, money_unit unit);

/// One row as the renderers read it: its own suppression, each column's cell and
/// that cell's own suppression.
struct row_view {
  suppression suppressed = suppression::none;            ///< the whole row's
  std::function<const cell&(const column&)> cell_of;     ///< column c's cell
  std::function<suppression(const column&)> cell_state;  ///< column c's cell's own
};

/// Row `r` of `tab`.
row_view row_at(const table& tab, std::size_t r);

/// The total row of `tab`.
row_view total_row(const table& tab);

/// The text people read in measure column `c` of `row`: its figure, or the mark of
/// the row's or the cell's suppression.
std::string people_cell(const column& c, const row_view& row, money_unit unit);

/// HTML: <table class="NAME"> with a head of both headings and a row per table row
/// (and the total), each figure's cell carrying its machine value as data-NAME
/// attributes (money as data-NAME-min and data-NAME-max), for scripts and tests.
void render_html(std::ostream& out, const table& tab, money_unit unit);

/// Text made safe inside HTML elements and attribute values.
std::string escape_html(std::string_view text);

/// The indexes of the key columns, in order.
std::vector<std::size_t> key_columns(const table& tab);

}  // namespace aidstat::detail
