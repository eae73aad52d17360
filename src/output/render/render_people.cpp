// A table for people: aligned for a terminal, or Markdown, amounts as reports write them.
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"
#include "output/text_table.hpp"

namespace aidstat::detail {
namespace {

// The cells of one row in the people layout: keys as "label (key)", figures as text,
// or the suppression mark in every figure.
std::vector<std::string> row_cells(const table& tab, suppression s, money_unit unit, auto key_text,
                                   auto cell_of) {
  std::vector<std::string> row;
  for (std::size_t i : tab.people) {
    const column& c = tab.columns[i];
    if (c.role == column_role::key)
      row.push_back(key_text(c));
    else
      row.push_back(s != suppression::none ? suppression_mark(s)
                                           : people_text(c, cell_of(c), unit));
  }
  return row;
}

}  // namespace

void render_people(std::ostream& out, const table& tab, bool md, money_unit unit) {
  text_table t;
  for (std::size_t i : tab.people) {
    const column& c = tab.columns[i];
    t.column(c.heading_en, c.role == column_role::measure && c.type != cell_type::status);
  }
  const auto total_cell = [](const column& c) -> const cell& { return c.total; };
  const bool total_alone = key_columns(tab).empty() && tab.total_alone_without_keys;
  for (std::size_t r = 0; !total_alone && r < tab.rows; ++r) {
    const auto key_text = [r](const column& c) {
      return key_cell(std::get<std::string>(c.cells[r]), c.labels.empty() ? "" : c.labels[r]);
    };
    const suppression s = tab.suppressed.empty() ? suppression::none : tab.suppressed[r];
    t.rows.push_back(row_cells(tab, s, unit, key_text,
                               [r](const column& c) -> const cell& { return c.cells[r]; }));
  }
  if (tab.has_total) {
    bool first = true;
    const auto total_key = [&first](const column&) {
      const std::string text = first ? "total" : "";
      first = false;
      return text;
    };
    auto row = row_cells(tab, tab.total_suppressed, unit, total_key, total_cell);
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
