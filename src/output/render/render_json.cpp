// A table as JSON: each group an object of its key and its figures, or (a pivot) a
// matrix of cells with the totals of its rows and columns.
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"

namespace aidstat::detail {
namespace {

using json = nlohmann::ordered_json;

// The JSON of one cell of `row`: its value, or {"suppressed": ...} for a cell
// suppressed on its own.
json cell_json(const column& c, const row_view& row) {
  const suppression s = row.cell_state(c);
  if (s != suppression::none) return {{"suppressed", std::string(key_of(s))}};
  return json_value(c, row.cell_of(c));
}

// The figures of one row, or its suppression; columns naming a json_array gather there.
json figures(const table& tab, const row_view& row, bool total) {
  json j = json::object();
  if (row.suppressed != suppression::none) {
    j["suppressed"] = std::string(key_of(row.suppressed));
    return j;
  }
  for (std::size_t i : tab.json) {
    const column& c = tab.columns[i];
    if (total && !c.json_in_total) continue;
    if (c.json_omit_empty && std::holds_alternative<std::monostate>(row.cell_of(c))) continue;
    if (c.json_array.empty()) {
      j[c.name] = cell_json(c, row);
      continue;
    }
    if (!j.contains(c.json_array)) j[c.json_array] = json::array();
    j[c.json_array].push_back(cell_json(c, row));
  }
  return j;
}

void add_facts(json& doc, const std::vector<table_fact>& facts) {
  for (const table_fact& f : facts) {
    column c;
    c.type = f.type;
    if (!f.list) {
      doc[f.name] = json_value(c, f.value);
      continue;
    }
    doc[f.name] = json::array();
    for (const cell& v : *f.list) doc[f.name].push_back(json_value(c, v));
  }
}

void add_groups(json& doc, const table& tab) {
  const std::vector<std::size_t> keys = key_columns(tab);
  json& groups = doc[tab.json_groups_name] = json::array();
  for (std::size_t r = 0; r < tab.rows; ++r) {
    json g = json::object();
    if (tab.json_group_key) g["key"] = json::object();
    for (std::size_t k : keys)
      g["key"][tab.columns[k].name] = json_value(tab.columns[k], tab.columns[k].cells[r]);
    g.update(figures(tab, row_at(tab, r), false));
    groups.push_back(std::move(g));
  }
}

// A pivot: "cells" row by row over the json layout, each row's total, each column's.
void add_matrix(json& doc, const table& tab) {
  doc["cells"] = json::array();
  json row_totals = json::array();
  const column& total = tab.columns[tab.matrix_total];
  for (std::size_t r = 0; r < tab.rows; ++r) {
    const row_view row = row_at(tab, r);
    json cells = json::array();
    for (std::size_t i : tab.json) cells.push_back(cell_json(tab.columns[i], row));
    doc["cells"].push_back(std::move(cells));
    row_totals.push_back(cell_json(total, row));
  }
  doc["row_totals"] = std::move(row_totals);
  doc["col_totals"] = json::array();
  const row_view totals = total_row(tab);
  for (std::size_t i : tab.json) doc["col_totals"].push_back(cell_json(tab.columns[i], totals));
  doc["total"] = cell_json(total, totals);
}

}  // namespace

void render_json(std::ostream& out, const table& tab) {
  json doc;
  if (tab.json_by) {
    doc["by"] = json::array();
    for (std::size_t k : key_columns(tab)) doc["by"].push_back(tab.columns[k].name);
  }
  add_facts(doc, tab.json_before);
  if (tab.shape == json_shape::matrix) {
    add_matrix(doc, tab);
    if (tab.min_cell) doc["min_cell"] = *tab.min_cell;
    add_facts(doc, tab.json_after);
    out << doc.dump(2) << '\n';
    return;
  }
  add_groups(doc, tab);
  add_facts(doc, tab.json_after);
  if (tab.has_total && tab.json_total) {
    json total = json::object();
    if (tab.json_total_key) total["key"] = json::object();
    total.update(figures(tab, total_row(tab), true));
    doc[tab.json_total_name] = std::move(total);
  }
  if (tab.min_cell) doc["min_cell"] = *tab.min_cell;
  out << doc.dump(2) << '\n';
}

}  // namespace aidstat::detail
