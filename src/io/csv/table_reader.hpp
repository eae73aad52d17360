// Reading CSV tables with named columns and positioned problems: shared by the
// dataset loader and the other CSV inputs (category maps, deflators). Internal.
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

// Reads a CSV table with the given columns (the first `required` must be in the
// header). Calls on_row for every well-formed row.
class table_reader {
 public:
  table_reader(csv_view file, std::vector<problem>& problems)
      : file_(std::move(file)), problems_(problems) {}
  table_reader(const csv_text& file, std::vector<problem>& problems)
      : table_reader(view_of(file), problems) {}

  void report(std::uint32_t line, std::uint32_t column, std::string what) {
    if (problems_.size() >= max_problems) return;  // reading stops at this many
    problems_.push_back({{file_.name, line, column}, printable_line(what)});
  }
  void report(const table_row& r, int col, std::string what) {
    report(r.line_of(col), r.column(col), std::move(what));
  }

  void read(std::span<const std::string_view> columns, std::size_t required,
            const std::function<void(const table_row&)>& on_row) {
    csv_reader csv(file_.text, file_.name);
    std::vector<csv_field> fields;
    bool ok = true;
    if (!csv.next(fields, ok, problems_)) {
      report(1, 0, "the file is empty; it needs a header row such as " + header_of(columns));
      return;
    }
    if (!ok) return;
    std::vector<int> index(columns.size(), -1);
    bool header_ok = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& name = fields[i].text;
      const auto col = std::find(columns.begin(), columns.end(), name);
      const auto where = static_cast<std::uint32_t>(i + 1);
      if (col == columns.end()) {
        report(fields[i].line, where,
               "unknown column '" + name + "'; the columns are " + header_of(columns));
        header_ok = false;
      } else if (index[static_cast<std::size_t>(col - columns.begin())] >= 0) {
        report(fields[i].line, where, "column '" + name + "' appears twice in the header");
        header_ok = false;
      } else {
        index[static_cast<std::size_t>(col - columns.begin())] = static_cast<int>(i);
      }
    }
    for (std::size_t c = 0; c < required; ++c) {
      if (index[c] < 0) {
        report(csv.record_line(), 0,
               "the header has no '" + std::string(columns[c]) + "' column, which is required");
        header_ok = false;
      }
    }
    if (!header_ok) return;
    const std::size_t width = fields.size();
    while (problems_.size() < max_problems && csv.next(fields, ok, problems_)) {
      if (!ok) continue;
      if (fields.size() != width) {
        report(csv.record_line(), static_cast<std::uint32_t>(std::min(width, fields.size()) + 1),
               "this row has " + std::to_string(fields.size()) + " fields but the header has " +
                   std::to_string(width) + "; check for an unquoted comma or a missing field");
        continue;
      }
      on_row(table_row{&fields, &index, csv.record_line()});
    }
  }

 private:
  static std::string header_of(std::span<const std::string_view> columns) {
    std::string out;
    for (auto c : columns) out += (out.empty() ? "" : ",") + std::string(c);
    return out;
  }
  csv_view file_;
  std::vector<problem>& problems_;
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
