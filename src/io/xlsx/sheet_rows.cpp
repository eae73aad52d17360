#include "io/xlsx/sheet_rows.hpp"

#include <charconv>
#include <cstring>

#include "aidstat/error.hpp"
#include "io/xlsx/xml_events.hpp"

namespace aidstat::detail {

bool parse_cell_reference(std::string_view ref, std::uint32_t& row, std::uint32_t& column) {
  std::size_t i = 0;
  std::uint32_t col = 0;
  while (i < ref.size() && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z')
    col = col * 26 + static_cast<std::uint32_t>(ref[i++] - 'A' + 1);
  std::uint32_t r = 0;
  const char* end = ref.data() + ref.size();
  const auto [ptr, ec] = std::from_chars(ref.data() + i, end, r);
  if (i == 0 || col > max_sheet_columns || ec != std::errc{} || ptr != end || r == 0 ||
      r > max_sheet_rows || ref[i] == '+' || ref[i] == '-')
    return false;
  row = r - 1;
  column = col - 1;
  return true;
}

namespace {

constexpr std::size_t max_cell_text = std::size_t{1} << 20;  // Excel keeps 32,767 characters

struct sheet_xml final : xml_events {
  const std::function<void(std::uint32_t, std::vector<sheet_cell>&)>& on_row;
  std::vector<merged_range> merged;
  std::vector<sheet_cell> cells;
  sheet_cell cell;
  std::int64_t row = -1, last_row = -1;
  bool in_cell = false, in_value = false, in_inline = false, in_phonetic = false;
  int in_t = 0;

  explicit sheet_xml(const std::function<void(std::uint32_t, std::vector<sheet_cell>&)>& f)
      : on_row(f) {}

  void open_row(const char** a) {
    std::uint32_t r = static_cast<std::uint32_t>(last_row + 1);
    if (const char* v = attribute(a, "r")) {
      const auto [p, ec] = std::from_chars(v, v + std::strlen(v), r);
      if (ec != std::errc{} || r == 0 || r > max_sheet_rows)
        return stop(std::string("row number '") + v + "' is beyond 1048576, the last a sheet has");
      --r;
    }
    if (static_cast<std::int64_t>(r) <= last_row) return stop("rows are out of order");
    row = r;
    cells.clear();
  }
  void open_cell(const char** a) {
    cell = sheet_cell{};
    std::uint32_t r = static_cast<std::uint32_t>(row), c = 0;
    if (!cells.empty()) c = cells.back().column + 1;
    if (const char* ref = attribute(a, "r")) {
      if (!parse_cell_reference(ref, r, c))
        return stop(std::string("cell reference '") + ref +
                    "' is beyond XFD1048576, the last cell a sheet has");
      if (r != row) return stop(std::string("cell ") + ref + " is outside its row");
    }
    if (c >= max_sheet_columns) return stop("a row has more than 16384 cells");
    if (!cells.empty() && c <= cells.back().column) return stop("cells are out of order");
    cell.column = c;
    if (const char* t = attribute(a, "t")) cell.type = t;
    if (const char* s = attribute(a, "s")) std::from_chars(s, s + std::strlen(s), cell.style);
    in_cell = true;
  }
  void open(std::string_view name, const char** a) override {
    if (name == "row") return open_row(a);
    if (name == "c" && row >= 0) return open_cell(a);
    if (!in_cell) {
      if (name == "mergeCell") return open_merge(a);
      return;
    }
    if (name == "v") in_value = true;
    if (name == "f") cell.formula = true;
    if (name == "is") in_inline = true;
    if (name == "t") ++in_t;
    if (name == "rPh") in_phonetic = true;
  }
  void open_merge(const char** a) {
    const char* ref = attribute(a, "ref");
    const char* colon = ref ? std::strchr(ref, ':') : nullptr;
    merged_range m{};
    if (!colon ||
        !parse_cell_reference({ref, static_cast<std::size_t>(colon - ref)}, m.first_row,
                              m.first_column) ||
        !parse_cell_reference(colon + 1, m.last_row, m.last_column))
      return stop("a merged range that is not a range of cells");
    if (merged.size() >= 65536) return stop("more than 65536 merged ranges");
    merged.push_back(m);
  }
  void close(std::string_view name) override {
    if (name == "v") in_value = false;
    if (name == "is") in_inline = false;
    if (name == "t") --in_t;
    if (name == "rPh") in_phonetic = false;
    if (name == "c" && in_cell) {
      in_cell = false;
      if (cell.has_value || cell.formula) cells.push_back(std::move(cell));
    }
    if (name == "row" && row >= 0) {
      if (!cells.empty()) on_row(static_cast<std::uint32_t>(row), cells);
      last_row = row;
      row = -1;
    }
  }
  void text(std::string_view t) override {
    if (!in_cell || !(in_value || (in_inline && in_t && !in_phonetic))) return;
    if (cell.value.size() + t.size() > max_cell_text)
      return stop("a cell holds more than " + std::to_string(max_cell_text) + " bytes of text");
    cell.value.append(t);
    cell.has_value = true;
  }
};

}  // namespace

std::vector<merged_range> read_sheet_rows(
    const zip_parts& zip, const std::string& part, const std::string& shown,
    const std::function<void(std::uint32_t, std::vector<sheet_cell>&)>& on_row) {
  sheet_xml sheet(on_row);
  parse_part(zip, part, max_part_bytes, sheet, shown);
  return std::move(sheet.merged);
}

}  // namespace aidstat::detail
