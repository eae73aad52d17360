// One typed result table: what every analysis result becomes before it is shown, and
// what every output format renders. A column holds one type of cell for all its rows
// (a key, a count, an amount interval...), so that a renderer never guesses a type
// from the text; each format shows the columns of its own layout, in its order.
//
//   const totals t = compute_totals(d, {{dimension::parse("category")}, {}});
//   const table tab = to_table(t);
//   write_table(std::cout, tab, output_format::csv);  // the CSV contract of docs/cli.md
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/output_format.hpp"

namespace aidstat {

/// What the cells of a column hold; every cell of a column holds the same.
enum class cell_type : std::uint8_t {
  text,      ///< a key, a label or a phrase for people ("3 of 10")
  count,     ///< a whole number: records, people
  money,     ///< an amount interval, in fen
  quantity,  ///< a quantity interval with what it counts
  percent,   ///< an exact percentage, in hundredths (12.34% is 1234)
  ratio,     ///< a computed ratio, for display only: a share 0..1
  status,    ///< a word of a vocabulary: new, continuing, primary...
  fitted,    ///< a computed amount in yuan (a fitted line), for display only
};

/// Whether a column names the groups or measures them.
enum class column_role : std::uint8_t {
  key,      ///< names a group (a dimension's value)
  measure,  ///< a figure of the group
};

/// A quantity interval and what it counts.
struct quantity_cell {
  count_interval value;         ///< the interval
  std::optional<measure> unit;  ///< what it counts, when known
  /// Equal when value and unit are.
  friend bool operator==(const quantity_cell&, const quantity_cell&) = default;
};

/// One cell: empty (no figure: no record states one), or the value its column's type
/// says: text and status as std::string, count and percent as std::int64_t, money,
/// quantity, and ratio and fitted as double.
using cell =
    std::variant<std::monostate, std::string, std::int64_t, money_interval, quantity_cell, double>;

/// One column: its names, its role and type, and a cell for every row.
struct column {
  std::string
      name;  ///< machine name: CSV header (money and quantity: NAME_min, NAME_max) and JSON key
  std::string heading_en;                   ///< heading for people, in English
  std::string heading_zh;                   ///< heading for people, in Chinese
  column_role role = column_role::measure;  ///< key or measure
  cell_type type = cell_type::text;         ///< what every cell holds
  std::vector<cell> cells;                  ///< one per row
  std::vector<std::string> labels;          ///< keys: each row's label (Chinese name), or empty
  /// status: every word its cells may hold, in order (a typed frame's categories)
  std::vector<std::string> vocabulary;
  cell total;  ///< the total row's cell, empty when it has none
  /// JSON leaves the key out when the cell is empty (otherwise it writes null).
  bool json_omit_empty = false;
  /// JSON writes this column in the total's object too (a share of the whole is not).
  bool json_in_total = true;
  /// JSON gathers the columns naming the same array here (each year's amount under
  /// "amounts") into one array, in column order; empty for a column of its own.
  std::string json_array;
  /// Each cell's own suppression (a pivot cell), empty when none is; a suppressed
  /// cell is written empty in CSV, as its mark for people and HTML.
  std::vector<suppression> suppressed;
  suppression total_suppressed = suppression::none;  ///< the total cell's own suppression
  bool blank_zero = false;   ///< people see a zero figure as a blank (a pivot's empty cell)
  bool signed_text = false;  ///< people see the sign of a figure ("+1.20")

  /// The suppression of cell `row`.
  suppression suppressed_at(std::size_t row) const {
    return suppressed.empty() ? suppression::none : suppressed[row];
  }
};

/// A named figure of the whole result (a year, the totals of a comparison), which JSON
/// writes beside the groups.
struct table_fact {
  std::string name;                       ///< its JSON key
  cell_type type = cell_type::count;      ///< what `value` (or every item of `list`) holds
  cell value;                             ///< the figure; empty is null
  std::optional<std::vector<cell>> list;  ///< a list of figures instead (the years)

  /// A figure.
  table_fact(std::string n, cell_type t, cell v)
      : name(std::move(n)), type(t), value(std::move(v)) {}
  /// A list of figures.
  table_fact(std::string n, cell_type t, std::vector<cell> l)
      : name(std::move(n)), type(t), list(std::move(l)) {}
  /// Equal when every field is.
  friend bool operator==(const table_fact&, const table_fact&) = default;
};

/// The columns one output format shows, in its order (indexes into table::columns).
using table_layout = std::vector<std::size_t>;

/// How JSON shapes a table.
enum class json_shape : std::uint8_t {
  groups,  ///< {"by", "groups": [{"key", figures...}], "total"}
  matrix,  ///< a pivot: "cells" (rows x the json layout), "row_totals", "col_totals", "total"
};

/// A result as a table: typed columns, which rows are suppressed, a total row, and the
/// layout of each format.
struct table {
  std::vector<column> columns;          ///< keys first, then measures
  std::size_t rows = 0;                 ///< the number of rows (not counting the total)
  std::vector<suppression> suppressed;  ///< each row's suppression (none when all shown)
  bool has_total = false;               ///< whether there is a total row
  /// Without key columns, CSV and people see the total row alone (the grand total of
  /// totals), rather than the rows and then the total.
  bool total_alone_without_keys = false;
  suppression total_suppressed = suppression::none;  ///< the total row's suppression
  std::optional<std::int64_t> min_cell;              ///< the disclosure threshold applied, if any
  table_layout csv;                                  ///< the columns of CSV
  table_layout json;                                 ///< the columns of a JSON group
  table_layout people;                      ///< the columns of the aligned table and Markdown
  std::vector<std::string> notes_before;    ///< lines people see above the table
  std::vector<std::string> notes_after;     ///< lines people see below it (a legend)
  std::vector<table_fact> json_before;      ///< facts JSON writes before the groups
  std::vector<table_fact> json_after;       ///< facts JSON writes after them (instead of "total")
  bool json_total = true;                   ///< JSON writes the total row
  std::string json_total_name = "total";    ///< under this name
  bool json_total_key = false;              ///< with an empty "key" first, as a group has
  bool json_by = true;                      ///< JSON opens with "by", the key names
  json_shape shape = json_shape::groups;    ///< how JSON shapes it
  std::string json_groups_name = "groups";  ///< the name of the rows' array
  bool json_group_key = true;               ///< each row's object opens with its "key"
  std::size_t matrix_total = 0;             ///< matrix: the column of each row's total
  bool csv_total = false;                   ///< CSV writes the total row after the rows
  std::string html_class;                   ///< HTML: the table's class (totals, yoy...)
  /// HTML: each row's link (an anchor on the page, "#records-condolence"), put on its
  /// figures; empty for none.
  std::vector<std::string> html_links;
  std::string html_total_link;  ///< HTML: the total row's link, when it has one
  table_layout html;            ///< HTML: its columns (empty: the people layout)

  /// The column named `name`; throws aidstat::error when there is none.
  column& column_named(std::string_view name);
  /// A layout of the key columns, then the columns named `names`, in that order (for
  /// html, or a custom view); throws aidstat::error for a name it does not have.
  table_layout layout(std::initializer_list<std::string_view> names) const;
  /// Equal when every field is.
  friend bool operator==(const table&, const table&) = default;
};

struct totals;  // aidstat/totals.hpp

struct yoy_result;  // aidstat/yoy.hpp

/// Totals as a table: the keys, records, amount, people, quantity, share, transfers.
table to_table(const totals& t);

/// A year-over-year comparison as a table: both years, the change, its status, shares.
table to_table(const yoy_result& r);

struct progress_result;  // aidstat/progress.hpp

/// Commitment progress as a table: the count of each status, completion, targets.
table to_table(const progress_result& r);

struct trend_result;  // aidstat/trend.hpp

/// A series of years as a table: each year's amount, growth, the fitted line.
table to_table(const trend_result& r);

struct pivot_result;  // aidstat/pivot.hpp

/// A pivot as a table: a key column for its rows, a column per column key, the total.
table to_table(const pivot_result& r);

struct check_report;  // aidstat/check.hpp

/// The findings of a check as a table: level, kind, file, line, column, cell (a
/// workbook's "items!G12"), message.
table to_table(const check_report& r);

struct reconciliation;  // aidstat/check.hpp

/// Stated totals against their records as a table: stated, recorded, status, gap.
table to_table(const std::vector<reconciliation>& r);

/// Writes `tab` in format `f`, amounts for people in `unit` (xlsx: the bytes of a
/// workbook of one sheet, "results").
void write_table(std::ostream& out, const table& tab, output_format f,
                 money_unit unit = money_unit::yuan);

/// A table with a name: the sheet it becomes in a workbook (at most 31 characters, none
/// of []:*?/\), its key when JSON holds several tables.
struct named_table {
  std::string name;  ///< the sheet's name
  table tab;         ///< what it shows
};

/// Writes `tables` to `out` in format `f`, as save_tables writes them to a file.
void write_tables(std::ostream& out, const std::vector<named_table>& tables, output_format f,
                  money_unit unit = money_unit::yuan);

/// Writes `tables` to `file` in format `f`, atomically (a fault leaves an old `file`
/// whole): xlsx as a workbook of one sheet each (save_workbook); JSON as one object
/// holding each table under its name (just the table when there is one); the other
/// formats each table in turn, a blank line between. Throws io_error when the file
/// cannot be written.
void save_tables(const std::filesystem::path& file, const std::vector<named_table>& tables,
                 output_format f, money_unit unit = money_unit::yuan);

}  // namespace aidstat
