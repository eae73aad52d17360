#include "analysis/check_formulas.hpp"

#include <string>
#include <vector>

#include "core/printable.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {
namespace {

// The cells found, the first ten named.
struct formula_cells {
  std::size_t count = 0;
  std::vector<std::string> shown;

  void look(std::string_view text, const std::string& where) {
    if (!opens_as_formula(text)) return;
    if (++count <= 10) shown.push_back(where + " " + quoted(text));
  }
};

void look_at_entities(const dataset& d, formula_cells& cells) {
  for (std::uint32_t i = 0; i < d.unit_count(); ++i) {
    const unit& u = d.unit_at(i);
    cells.look(u.id, "unit id");
    cells.look(u.name, "unit name");
    cells.look(u.region, "unit region");
  }
  for (std::uint32_t i = 0; i < d.beneficiary_count(); ++i)
    cells.look(d.beneficiary_at(i).id, "beneficiary id");
  for (std::uint32_t i = 0; i < d.categories().size(); ++i) {
    const category& c = d.categories().at(i);
    cells.look(c.key, "category key");
    cells.look(c.name_zh, "category name");
    cells.look(c.name_en, "category name");
  }
  for (const commitment& c : d.commitments()) {
    cells.look(c.id, "commitment id");
    cells.look(c.title, "commitment title");
  }
  for (const stated_total& s : d.stated_totals()) {
    cells.look(s.id, "stated total id");
    cells.look(s.note, "stated total note");
  }
}

void look_at_notes(const dataset& d, const dataset_sources* sources, formula_cells& cells) {
  const auto& notes = columns_of(d).notes;
  const std::string_view chars(notes.chars.data(), notes.chars.size());
  for (std::size_t k = 0; k < notes.rows.size(); ++k) {
    const std::size_t from = k ? notes.ends[k - 1] : 0;
    const std::size_t row = notes.rows[k];
    const bool line = sources && row < sources->item_lines.size();
    cells.look(chars.substr(from, notes.ends[k] - from),
               "note at " + (line ? sources->place_of(sources->item_lines[row])
                                  : "row " + std::to_string(row + 1)));
  }
}

}  // namespace

bool opens_as_formula(std::string_view text) noexcept {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::optional<finding> formula_finding(const dataset& d, const dataset_sources* sources) {
  formula_cells cells;
  look_at_entities(d, cells);
  look_at_notes(d, sources, cells);
  if (cells.count == 0) return std::nullopt;
  std::string list;
  for (const std::string& s : cells.shown) list += (list.empty() ? "" : ", ") + s;
  if (cells.count > cells.shown.size()) list += ", …";
  finding f{finding_level::warning, finding_kind::formula, {}, ""};
  f.message = std::to_string(cells.count) +
              " text cell(s) start with '=', '+', '-', '@' or a tab, and a spreadsheet would "
              "run them as formulas (" +
              list +
              "); aidstat's CSV keeps them as they are: "
              "import the CSV into a spreadsheet as text, or reword them";
  return f;
}

}  // namespace aidstat::detail
