// What every result's to_table shares: making its columns, filling them row by row,
// and laying them out per format. Internal to output.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "aidstat/table.hpp"

namespace aidstat::detail {

/// A measure column with its machine name, headings and type, still without cells.
inline column figure_column(std::string name, std::string en, std::string zh, cell_type type) {
  column c;
  c.name = std::move(name), c.heading_en = std::move(en), c.heading_zh = std::move(zh);
  c.type = type;
  return c;
}

/// A status column whose cells are words of E's vocabulary (`none` left out: an
/// empty cell says it).
template <class E>
column status_column(std::string name, std::string en, std::string zh) {
  column c = figure_column(std::move(name), std::move(en), std::move(zh), cell_type::status);
  for (std::string& k : keys_of<E>())
    if (k != "none") c.vocabulary.push_back(std::move(k));
  return c;
}

/// Appends one key column per key of `groups` (each with `key` and `labels`), named
/// by `names` and `zh`, in order.
template <class Group>
void add_key_columns(table& tab, const std::vector<std::string>& names,
                     const std::vector<std::string>& zh, const std::vector<Group>& groups) {
  for (std::size_t k = 0; k < names.size(); ++k) {
    column c = figure_column(names[k], names[k], zh[k], cell_type::text);
    c.role = column_role::key;
    for (const Group& g : groups) {
      c.cells.emplace_back(g.key[k]);
      c.labels.push_back(g.labels[k]);
    }
    tab.columns.push_back(std::move(c));
  }
}

/// Fills `figures` with the cells of each row (cells_of(group) gives one per figure)
/// and of the total, and appends them to `tab` after its keys; sets tab.rows.
template <class Group, class CellsOf>
void add_figure_columns(table& tab, std::vector<column> figures, const std::vector<Group>& groups,
                        CellsOf cells_of, std::vector<cell> total) {
  for (const Group& g : groups) {
    std::vector<cell> v = cells_of(g);
    for (std::size_t f = 0; f < figures.size(); ++f) figures[f].cells.push_back(std::move(v[f]));
  }
  for (std::size_t f = 0; f < figures.size(); ++f) figures[f].total = std::move(total[f]);
  for (column& c : figures) tab.columns.push_back(std::move(c));
  tab.rows = groups.size();
  tab.has_total = true;
}

/// Starts the CSV and people layouts with the `keys` key columns.
inline void lay_out_keys(table& tab, std::size_t keys) {
  for (table_layout* l : {&tab.csv, &tab.people})
    for (std::size_t k = 0; k < keys; ++k) l->push_back(k);
}

/// Appends figures (indexes among the figure columns, which follow `keys` keys) to `l`.
inline void lay_out(table_layout& l, std::size_t keys, std::initializer_list<std::size_t> figures) {
  for (std::size_t f : figures) l.push_back(keys + f);
}

/// The legend below a protected table, for a threshold of `min_cell` people.
inline std::string suppression_legend(std::int64_t min_cell) {
  return "×p suppressed: fewer than " + std::to_string(min_cell) +
         " people; ×s suppressed so that totals cannot give a ×p cell away";
}

}  // namespace aidstat::detail
