// A table as JSON: each group an object of its key and its figures.
#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"

namespace aidstat::detail {
namespace {

using json = nlohmann::ordered_json;

// The figures of one row (cell_of gives each column's cell), or its suppression.
json figures(const table& tab, suppression s, bool total, auto cell_of) {
  json j = json::object();
  if (s != suppression::none) {
    j["suppressed"] = std::string(key_of(s));
    return j;
  }
  for (std::size_t i : tab.json) {
    const column& c = tab.columns[i];
    const cell& v = cell_of(c);
    if (total && !c.json_in_total) continue;
    if (c.json_omit_empty && std::holds_alternative<std::monostate>(v)) continue;
    j[c.name] = json_value(c, v);
  }
  return j;
}

}  // namespace

void render_json(std::ostream& out, const table& tab) {
  const std::vector<std::size_t> keys = key_columns(tab);
  json doc;
  if (tab.json_by) {
    doc["by"] = json::array();
    for (std::size_t k : keys) doc["by"].push_back(tab.columns[k].name);
  }
  const auto facts = [&](const std::vector<table_fact>& list) {
    for (const table_fact& f : list) {
      column c;
      c.type = f.type;
      doc[f.name] = json_value(c, f.value);
    }
  };
  facts(tab.json_before);
  doc["groups"] = json::array();
  for (std::size_t r = 0; r < tab.rows; ++r) {
    json g;
    g["key"] = json::object();
    for (std::size_t k : keys)
      g["key"][tab.columns[k].name] = json_value(tab.columns[k], tab.columns[k].cells[r]);
    const suppression s = tab.suppressed.empty() ? suppression::none : tab.suppressed[r];
    g.update(figures(tab, s, false, [r](const column& c) -> const cell& { return c.cells[r]; }));
    doc["groups"].push_back(std::move(g));
  }
  facts(tab.json_after);
  if (tab.has_total && tab.json_total) {
    json total = json::object();
    if (tab.json_total_key) total["key"] = json::object();
    total.update(figures(tab, tab.total_suppressed, true,
                         [](const column& c) -> const cell& { return c.total; }));
    doc[tab.json_total_name] = std::move(total);
  }
  if (tab.min_cell) doc["min_cell"] = *tab.min_cell;
  out << doc.dump(2) << '\n';
}

}  // namespace aidstat::detail
