// Reading tables with named columns and positioned problems, from CSV text or from
// columns: shared by the dataset loader and the other CSV inputs (category maps,
// deflators). Internal.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/csv_text.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_tables.hpp"
#include "core/printable.hpp"
#include "io/csv/csv_file.hpp"
#include "io/csv/csv_reader.hpp"

namespace aidstat::detail {

/// A CSV file's name and text, the text owned elsewhere (a string, a mapped file).
struct csv_view {
  std::string name;       ///< e.g. "data/items.csv"
  std::string_view text;  ///< the whole file
};

/// The view of a file read into memory.
inline csv_view view_of(const csv_text& file) { return {file.name, file.text}; }

// One row of a table, with access to its fields by column name.
struct table_row {
  const std::vector<csv_field>* fields;
  const std::vector<int>* index;  // column -> field position or -1
  std::uint32_t line;

  const std::string& get(int col) const {
    static const std::string empty;
    const int at = (*index)[static_cast<std::size_t>(col)];
    return at < 0 ? empty : (*fields)[static_cast<std::size_t>(at)].text;
  }
  // 1-based field number of a column (its position in the header).
  std::uint32_t column(int col) const {
    return static_cast<std::uint32_t>((*index)[static_cast<std::size_t>(col)] + 1);
  }
  std::uint32_t line_of(int col) const {
    const int at = (*index)[static_cast<std::size_t>(col)];
    return at < 0 ? line : (*fields)[static_cast<std::size_t>(at)].line;
  }
};

/// One table as the readers take it: a CSV file's text, or a table given as columns.
struct table_input {
  table_input(csv_view file) : csv(std::move(file)) {}  // implicit: a file is an input
  explicit table_input(const column_table& table) : csv{table.name, {}}, columns(&table) {}

  csv_view csv;                           ///< the file, when `columns` is null
  const column_table* columns = nullptr;  ///< the table given as columns, if it is one
};

/// The input of a file read into memory, or of a table given as columns.
inline table_input input_of(const csv_text& file) { return view_of(file); }
inline table_input input_of(const column_table& table) { return table_input(table); }

// Reads a table with the given columns (the first `required` must be in the header),
// from a CSV file or from columns; calls on_row for every well-formed row. A table's
// rows have its 1-based row number as their line.
class table_reader {
 public:
  table_reader(table_input input, std::vector<problem>& problems)
      : input_(std::move(input)), problems_(problems) {}
  table_reader(const csv_text& file, std::vector<problem>& problems)
      : table_reader(input_of(file), problems) {}

  /// Reports a problem at a line (a table's row) and 1-based column; 0: not applicable.
  void report(std::uint32_t line, std::uint32_t column, std::string what);
  void report(const table_row& r, int col, std::string what) {
    report(r.line_of(col), r.column(col), std::move(what));
  }

  void read(std::span<const std::string_view> columns, std::size_t required,
            const std::function<void(const table_row&)>& on_row);

 private:
  // Indexes the header's fields by `columns`; false after reporting any problem.
  bool index_header(const std::vector<csv_field>& header, std::span<const std::string_view> columns,
                    std::size_t required, std::uint32_t line, std::vector<int>& index);
  void read_csv(std::span<const std::string_view> columns, std::size_t required,
                const std::function<void(const table_row&)>& on_row);
  void read_columns(std::span<const std::string_view> columns, std::size_t required,
                    const std::function<void(const table_row&)>& on_row);
  // Whether a table's cell (line 0: a column's name) is UTF-8; reports it when not.
  bool utf8_cell(std::uint32_t line, std::size_t column, std::string_view text);

  table_input input_;
  std::vector<problem>& problems_;
  std::vector<std::string> header_;  // the column names, once the header is read
};

// Reads an enum field; reports and returns empty when the text is not a key.
template <class E>
std::optional<E> enum_field(table_reader& t, const table_row& r, int col) {
  const std::string& text = r.get(col);
  if (text.empty()) return std::nullopt;
  if (auto v = parse_enum<E>(text)) return v;
  t.report(r, col,
           "'" + text + "' is not a " + std::string(enum_vocabulary<E>::what) + "; write " +
               detail::accepted_keys<E>());
  return std::nullopt;
}

/// A year 1..9999 written as digits ("2023"), or empty.
std::optional<int> parse_year(std::string_view text) noexcept;

/// Sorts problems[first..] by line, then column (stable), so a file's problems read in order.
void sort_problems(std::vector<problem>& problems, std::size_t first = 0);

}  // namespace aidstat::detail
