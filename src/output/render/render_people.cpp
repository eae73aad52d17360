// A table for people: aligned for a terminal, or Markdown, amounts as reports write them.
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"
#include "output/text_table.hpp"

namespace aidstat::detail {

row_view row_at(const table& tab, std::size_t r) {
  return {tab.suppressed.empty() ? suppression::none : tab.suppressed[r],
          [r](const column& c) -> const cell& { return c.cells[r]; },
          [r](const column& c) { return c.suppressed_at(r); }};
}

row_view total_row(const table& tab) {
  return {tab.total_suppressed, [](const column& c) -> const cell& { return c.total; },
          [](const column& c) { return c.total_suppressed; }};
}

std::string people_cell(const column& c, const row_view& row, money_unit unit) {
  const suppression s = row.suppressed != suppression::none ? row.suppressed : row.cell_state(c);
  return s != suppression::none ? suppression_mark(s) : people_text(c, row.cell_of(c), unit);
}

namespace {

// The cells of one row in the people layout: keys by key_text, figures as text, or
// the suppression mark.
std::vector<std::string> row_cells(const table& tab, const row_view& row, money_unit unit,
                                   auto key_text) {
  std::vector<std::string> cells;
  for (std::size_t i : tab.people) {
    const column& c = tab.columns[i];
    cells.push_back(c.role == column_role::key ? key_text(c) : people_cell(c, row, unit));
  }
  return cells;
}

}  // namespace

void render_people(std::ostream& out, const table& tab, bool md, money_unit unit) {
  text_table t;
  for (std::size_t i : tab.people) {
    const column& c = tab.columns[i];
    t.column(c.heading_en, c.role == column_role::measure && c.type != cell_type::status);
  }
  const bool total_alone = key_columns(tab).empty() && tab.total_alone_without_keys;
  for (std::size_t r = 0; !total_alone && r < tab.rows; ++r) {
    const auto key_text = [r](const column& c) {
      return key_cell(std::get<std::string>(c.cells[r]), c.labels.empty() ? "" : c.labels[r]);
    };
    t.rows.push_back(row_cells(tab, row_at(tab, r), unit, key_text));
  }
  if (tab.has_total) {
    bool first = true;
    const auto total_key = [&first](const column&) {
      const std::string text = first ? "total" : "";
      first = false;
      return text;
    };
    auto row = row_cells(tab, total_row(tab), unit, total_key);
    (total_alone ? t.rows.emplace_back() : t.total) = std::move(row);
  }
  for (const std::string& line : tab.notes_before) out << line << '\n';
  if (md)
    t.write_markdown(out);
  else
    t.write_aligned(out);
  for (const std::string& line : tab.notes_after) out << line << '\n';
}

}  // namespace aidstat::detail
