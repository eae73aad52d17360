// A table as a workbook sheet: the CSV layout's columns as typed cells. Keys and
// words are text, counts whole numbers, amounts numbers in yuan (or 万元) with a
// min and a max column and the report's notation beside them, exact percentages
// numbers with a percent format; a suppressed cell is empty, as in CSV.
#include <fmt/format.h>

#include "io/xlsx/xlsx_writer.hpp"
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"

namespace aidstat::detail {
namespace {

// One column of the sheet: its two headings and how a row's cell is written.
struct sheet_column {
  std::string heading_zh, heading_en;
  const column* source = nullptr;
  enum class part : std::uint8_t { whole, min, max, notation } part = part::whole;
};

std::vector<sheet_column> sheet_columns(const table& tab) {
  std::vector<sheet_column> out;
  for (std::size_t i : tab.csv) {
    const column& c = tab.columns[i];
    if (c.type != cell_type::money && c.type != cell_type::quantity) {
      out.push_back({c.heading_zh, c.name, &c});
      continue;
    }
    out.push_back({c.heading_zh + "（下限）", c.name + "_min", &c, sheet_column::part::min});
    out.push_back({c.heading_zh + "（上限）", c.name + "_max", &c, sheet_column::part::max});
    out.push_back({c.heading_zh, c.name + "_text", &c, sheet_column::part::notation});
  }
  return out;
}

// The rows CSV writes, each with whether it is the total row.
std::vector<std::pair<row_view, bool>> sheet_rows(const table& tab) {
  std::vector<std::pair<row_view, bool>> rows;
  if (key_columns(tab).empty() && tab.has_total && tab.total_alone_without_keys)
    return {{total_row(tab), true}};
  for (std::size_t r = 0; r < tab.rows; ++r) rows.emplace_back(row_at(tab, r), false);
  if (tab.has_total && tab.csv_total) rows.emplace_back(total_row(tab), true);
  return rows;
}

// The cell of column `sc` in `row`, empty when suppressed.
const cell& cell_in(const sheet_column& sc, const row_view& row) {
  static const cell empty;
  return row.cell_state(*sc.source) != suppression::none ? empty : row.cell_of(*sc.source);
}

// The text a cell shows, for the column's width.
std::string shown_text(const sheet_column& sc, const row_view& row, bool total, bool first_key,
                       money_unit unit) {
  const column& c = *sc.source;
  if (c.role == column_role::key && total) return first_key ? "total" : "";
  const cell& v = cell_in(sc, row);
  if (sc.part == sheet_column::part::notation) return people_text(c, v, unit);
  const std::vector<std::string> fields = csv_fields(c, v);
  return sc.part == sheet_column::part::max ? fields.back() : fields.front();
}

void write_cell(xlsx_writer& w, std::uint32_t r, std::uint16_t col, const sheet_column& sc,
                const row_view& row, bool total, bool first_key, money_unit unit) {
  const column& c = *sc.source;
  if (c.role == column_role::key && total) return w.text(r, col, first_key ? "total" : "");
  const cell& v = cell_in(sc, row);
  if (std::holds_alternative<std::monostate>(v)) return;
  const bool wan = unit == money_unit::wan;
  switch (c.type) {
    case cell_type::money: {
      if (sc.part == sheet_column::part::notation) return w.text(r, col, people_text(c, v, unit));
      const money_interval& m = std::get<money_interval>(v);
      return w.money(r, col, (sc.part == sheet_column::part::min ? m.min() : m.max()).fen(), wan);
    }
    case cell_type::quantity: {
      if (sc.part == sheet_column::part::notation) return w.text(r, col, people_text(c, v, unit));
      const count_interval& q = std::get<quantity_cell>(v).value;
      const auto n = (sc.part == sheet_column::part::min ? q.min() : q.max()).value();
      return w.number(r, col, static_cast<double>(n), xlsx_style::integer);
    }
    case cell_type::count:
      return w.number(r, col, static_cast<double>(std::get<std::int64_t>(v)), xlsx_style::integer);
    case cell_type::percent:  // hundredths of a percent: 1234 is 12.34%, the fraction 0.1234
      return w.number(r, col, static_cast<double>(std::get<std::int64_t>(v)) / 10000.0,
                      xlsx_style::percent);
    case cell_type::ratio:
    case cell_type::fitted:  // the figure CSV writes, to two decimals
      return w.number(r, col, std::stod(csv_fields(c, v).front()), xlsx_style::yuan);
    case cell_type::text:
    case cell_type::status:
      break;
  }
  w.text(r, col, std::get<std::string>(v));
}

}  // namespace

void render_xlsx_sheet(xlsx_writer& w, const std::string& name, const table& tab, money_unit unit) {
  const std::vector<sheet_column> cols = sheet_columns(tab);
  const auto rows = sheet_rows(tab);
  std::vector<double> widths;
  for (const sheet_column& sc : cols) {
    std::vector<std::string> texts{sc.heading_zh, sc.heading_en};
    const bool first_key = &sc == &cols.front();
    for (const auto& [row, total] : rows)
      texts.push_back(shown_text(sc, row, total, first_key, unit));
    widths.push_back(column_width(texts));
  }
  w.add_sheet(name, widths, 2);
  // Row by row: a workbook in constant memory takes no cell of a row already left.
  for (std::size_t c = 0; c < cols.size(); ++c)
    w.text(0, static_cast<std::uint16_t>(c), cols[c].heading_zh, xlsx_style::header);
  for (std::size_t c = 0; c < cols.size(); ++c)
    w.text(1, static_cast<std::uint16_t>(c), cols[c].heading_en, xlsx_style::header);
  std::uint32_t r = 2;
  for (const auto& [row, total] : rows) {
    for (std::size_t c = 0; c < cols.size(); ++c)
      write_cell(w, r, static_cast<std::uint16_t>(c), cols[c], row, total, c == 0, unit);
    ++r;
  }
}

}  // namespace aidstat::detail
