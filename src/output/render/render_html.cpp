// A table as HTML, for the report: both headings, each figure's machine value beside
// its text as data- attributes, suppressed cells marked.
#include <fmt/format.h>

#include "output/render/cell_text.hpp"
#include "output/render/render.hpp"
#include "output/text_table.hpp"

namespace aidstat::detail {
namespace {

// "pct_change" as an attribute name: "data-pct-change".
std::string attribute(const std::string& name) {
  std::string a = "data-" + name;
  for (char& c : a)
    if (c == '_') c = '-';
  return a;
}

// One figure's cell: its machine value as attributes (an interval's two ends), its text.
std::string figure_td(const column& c, const row_view& row, money_unit unit,
                      const std::string& link) {
  const suppression s = row.suppressed != suppression::none ? row.suppressed : row.cell_state(c);
  if (s != suppression::none)
    return fmt::format(R"(<td class="suppressed">{}</td>)", suppression_mark(s));
  const cell& value = row.cell_of(c);
  const std::vector<std::string> fields = csv_fields(c, value);
  std::string td = "<td";
  if (c.type == cell_type::status && std::holds_alternative<std::string>(value))
    td += R"( class="status-)" + escape_html(std::get<std::string>(value)) + '"';
  const std::string a = attribute(c.name);
  if (fields.size() == 2)
    td += fmt::format(R"( {0}-min="{1}" {0}-max="{2}")", a, escape_html(fields[0]),
                      escape_html(fields[1]));
  else if (c.type != cell_type::text)
    td += fmt::format(R"( {}="{}")", a, escape_html(fields[0]));
  const std::string text = escape_html(people_cell(c, row, unit));
  if (link.empty() || text.empty()) return td + ">" + text + "</td>";
  return td + "><a href=\"" + escape_html(link) + "\">" + text + "</a></td>";
}

// The <tr> of one row: data-key (its keys joined by "/"), data-suppressed when the
// table is protected, a cell a column.
std::string row_html(const table& tab, const table_layout& cols, const row_view& row,
                     std::optional<std::size_t> at, money_unit unit) {
  std::string keys, cells;
  bool first = true;
  const std::string link = !at                           ? tab.html_total_link
                           : *at < tab.html_links.size() ? tab.html_links[*at]
                                                         : std::string();
  for (std::size_t i : cols) {
    const column& c = tab.columns[i];
    if (c.role == column_role::measure) {
      cells += figure_td(c, row, unit, link);
      continue;
    }
    const std::string key = at ? std::get<std::string>(c.cells[*at]) : "";
    const std::string label = at && !c.labels.empty() ? c.labels[*at] : "";
    keys += (first ? "" : "/") + key;
    cells += "<td>" + escape_html(at ? key_cell(key, label) : first ? "合计 total" : "") + "</td>";
    first = false;
  }
  std::string tr =
      fmt::format(R"(<tr{} data-key="{}")", at ? "" : R"( class="total")", escape_html(keys));
  if (tab.min_cell)
    tr += fmt::format(R"( data-suppressed="{}")",
                      row.suppressed == suppression::none ? "" : key_of(row.suppressed));
  return tr + ">" + cells + "</tr>\n";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void render_html(std::ostream& out, const table& tab, money_unit unit) {
  const table_layout& cols = tab.html.empty() ? tab.people : tab.html;
  out << fmt::format(R"(<table class="{}"><thead><tr>)", escape_html(tab.html_class));
  for (std::size_t i : cols) {
    const column& c = tab.columns[i];
    out << "<th>" << escape_html(c.heading_zh) << ' ' << escape_html(c.heading_en) << "</th>";
  }
  out << "</tr></thead><tbody>\n";
  const bool total_alone = key_columns(tab).empty() && tab.total_alone_without_keys;
  for (std::size_t r = 0; !total_alone && r < tab.rows; ++r)
    out << row_html(tab, cols, row_at(tab, r), r, unit);
  if (tab.has_total) out << row_html(tab, cols, total_row(tab), std::nullopt, unit);
  out << "</tbody></table>\n";
}

}  // namespace aidstat::detail
