// What the writers of analysis results share: number cells, JSON pieces, key cells,
// and the one choice between an aligned table and Markdown. Internal to output.
#pragma once

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/query.hpp"
#include "io/csv/csv_writer.hpp"
#include "output/text_table.hpp"

namespace aidstat::detail {

using json = nlohmann::ordered_json;

/// A number with two decimals ("12.30"); empty for an absent one (opt_fixed2).
inline std::string fixed2(double v) { return fmt::format("{:.2f}", v); }
inline std::string opt_fixed2(const std::optional<double>& v) { return v ? fixed2(*v) : ""; }
/// A share 0..1 as a percentage with one decimal ("12.3%"), or empty.
inline std::string percent(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f}%", *share * 100.0) : "";
}
/// {"min": "...", "max": "..."}: an amount interval in yuan, as decimal strings.
inline json yuan_pair(money_interval m) {
  return {{"min", format_yuan_decimal(m.min())}, {"max", format_yuan_decimal(m.max())}};
}
/// A number, or null when absent.
inline json opt_number(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

/// Human tables and Markdown share one builder per result; CSV and JSON are separate.
inline void write_human(std::ostream& out, const text_table& t, output_format f) {
  if (f == output_format::md)
    t.write_markdown(out);
  else
    t.write_aligned(out);
}

/// The cells of a key as tables show them (the label beside the key where it differs).
inline std::vector<std::string> key_cells(const std::vector<std::string>& key,
                                          const std::vector<std::string>& labels) {
  std::vector<std::string> cells;
  for (std::size_t i = 0; i < key.size(); ++i) cells.push_back(key_cell(key[i], labels[i]));
  return cells;
}

/// {"category": "education", ...}: a key as a JSON object by dimension name.
inline json key_object(const std::vector<dimension>& by, const std::vector<std::string>& key) {
  json k = json::object();
  for (std::size_t i = 0; i < key.size(); ++i) k[by[i].name()] = key[i];
  return k;
}

/// Writes result `r` in format `f`: CSV and JSON by their writers, the aligned table
/// and Markdown by the one table writer.
template <class R, class CsvWriter, class JsonWriter, class TableWriter>
void write_in_format(std::ostream& out, const R& r, output_format f, money_unit unit, CsvWriter csv,
                     JsonWriter json_writer, TableWriter table) {
  if (f == output_format::csv) return csv(out, r);
  if (f == output_format::json) return json_writer(out, r);
  table(out, r, f, unit);
}

/// The table rows of `groups` (each row_of(group, its key cells)) and the total row
/// labelled "total"; without keys, the total alone is the one row.
template <class Group, class RowOf>
void add_group_rows(text_table& t, const std::vector<Group>& groups, const Group& total,
                    std::size_t keys, RowOf row_of) {
  if (keys == 0) {
    t.rows.push_back(row_of(total, {}));
    return;
  }
  for (const Group& g : groups) t.rows.push_back(row_of(g, key_cells(g.key, g.labels)));
  std::vector<std::string> cells(keys, "");
  cells[0] = "total";
  t.total = row_of(total, cells);
}

}  // namespace aidstat::detail
