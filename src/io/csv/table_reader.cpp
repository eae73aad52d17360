#include "io/csv/table_reader.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace aidstat::detail {
namespace {

std::string header_of(std::span<const std::string_view> columns) {
  std::string out;
  for (auto c : columns) out += (out.empty() ? "" : ",") + std::string(c);
  return out;
}

}  // namespace

void table_reader::report(std::uint32_t line, std::uint32_t column, std::string what) {
  if (problems_.size() >= max_problems) return;  // reading stops at this many
  const std::string name = input_.columns ? input_.columns->name : input_.csv.name;
  source_location where{name, line, column};
  if (column >= 1 && column <= header_.size()) where.field = printable(header_[column - 1]);
  where.in_table = input_.columns != nullptr;
  problems_.push_back({std::move(where), printable_line(what)});
}

bool table_reader::index_header(const std::vector<csv_field>& header,
                                std::span<const std::string_view> columns, std::size_t required,
                                std::uint32_t line, std::vector<int>& index) {
  header_.clear();
  for (const csv_field& f : header) header_.push_back(f.text);
  index.assign(columns.size(), -1);
  bool ok = true;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string& name = header[i].text;
    const auto col = std::find(columns.begin(), columns.end(), name);
    const auto where = static_cast<std::uint32_t>(i + 1);
    if (col == columns.end()) {
      report(header[i].line, where,
             "unknown column '" + name + "'; the columns are " + header_of(columns));
      ok = false;
    } else if (index[static_cast<std::size_t>(col - columns.begin())] >= 0) {
      report(header[i].line, where, "column '" + name + "' appears twice in the header");
      ok = false;
    } else {
      index[static_cast<std::size_t>(col - columns.begin())] = static_cast<int>(i);
    }
  }
  for (std::size_t c = 0; c < required; ++c) {
    if (index[c] < 0) {
      report(line, 0,
             "the header has no '" + std::string(columns[c]) + "' column, which is required");
      ok = false;
    }
  }
  return ok;
}

void table_reader::read(std::span<const std::string_view> columns, std::size_t required,
                        const std::function<void(const table_row&)>& on_row) {
  if (input_.columns)
    read_columns(columns, required, on_row);
  else
    read_csv(columns, required, on_row);
}

void table_reader::read_csv(std::span<const std::string_view> columns, std::size_t required,
                            const std::function<void(const table_row&)>& on_row) {
  csv_reader csv(input_.csv.text, input_.csv.name);
  std::vector<csv_field> fields;
  bool ok = true;
  if (!csv.next(fields, ok, problems_)) {
    report(1, 0, "the file is empty; it needs a header row such as " + header_of(columns));
    return;
  }
  std::vector<int> index;
  if (!ok || !index_header(fields, columns, required, csv.record_line(), index)) return;
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

void table_reader::read_columns(std::span<const std::string_view> columns, std::size_t required,
                                const std::function<void(const table_row&)>& on_row) {
  const column_table& table = *input_.columns;
  if (table.columns.empty()) {
    report(0, 0, "the table has no columns; it needs columns such as " + header_of(columns));
    return;
  }
  std::vector<csv_field> fields(table.columns.size());
  header_ = table.columns;  // so that a name's problem names it
  bool utf8 = true;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    fields[c].text = table.columns[c];
    utf8 = utf8_cell(0, c, fields[c].text) && utf8;
  }
  std::vector<int> index;
  if (!utf8 || !index_header(fields, columns, required, 0, index)) return;
  for (std::size_t r = 0; r < table.rows() && problems_.size() < max_problems; ++r) {
    const auto line = static_cast<std::uint32_t>(r + 1);
    for (std::size_t c = 0; c < fields.size(); ++c) {
      fields[c].text.assign(table.cells[c][r]);
      fields[c].line = line;
      utf8 = utf8_cell(line, c, fields[c].text) && utf8;
    }
    if (utf8) on_row(table_row{&fields, &index, line});
    utf8 = true;
  }
}

bool table_reader::utf8_cell(std::uint32_t line, std::size_t column, std::string_view text) {
  if (valid_utf8(text)) return true;
  // As a CSV file's field: its row is left out, and each such cell named.
  report(line, static_cast<std::uint32_t>(column + 1), "the cell is not valid UTF-8");
  return false;
}

std::optional<int> parse_year(std::string_view text) noexcept {
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1 || year > 9999)
    return std::nullopt;
  return year;
}

void sort_problems(std::vector<problem>& problems, std::size_t first) {
  std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(first), problems.end(),
                   [](const problem& a, const problem& b) {
                     return std::tie(a.where.line, a.where.column) <
                            std::tie(b.where.line, b.where.column);
                   });
}

}  // namespace aidstat::detail
