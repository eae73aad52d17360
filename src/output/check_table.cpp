// to_table(check_report) and to_table(reconciliations): the findings of a check, and
// every stated total against its records.
#include "aidstat/check.hpp"
#include "aidstat/table.hpp"
#include "output/table_build.hpp"

namespace aidstat {
namespace {

using detail::figure_column;

cell nonzero(std::uint32_t v) { return v ? cell(std::int64_t{v}) : cell(); }

// A table with every column in every layout, and no total row.
void lay_out_all(table& tab) {
  for (std::size_t i = 0; i < tab.columns.size(); ++i) {
    tab.csv.push_back(i), tab.json.push_back(i), tab.people.push_back(i);
  }
  tab.json_by = false;
  tab.json_group_key = false;
}

}  // namespace

table to_table(const check_report& r) {
  table tab;
  tab.columns = {detail::status_column<finding_level>("level", "level", "级别"),
                 detail::status_column<finding_kind>("kind", "kind", "类型"),
                 figure_column("file", "file", "文件", cell_type::text),
                 figure_column("line", "line", "行", cell_type::count),
                 figure_column("column", "column", "列", cell_type::count),
                 figure_column("cell", "cell", "单元格", cell_type::text),
                 figure_column("message", "message", "说明", cell_type::text)};
  for (const finding& f : r.findings) {
    const cell v[] = {std::string(key_of(f.level)),
                      std::string(key_of(f.kind)),
                      f.where.file,
                      nonzero(f.where.line),
                      nonzero(f.where.column),
                      f.where.cell,
                      f.message};
    for (std::size_t c = 0; c < tab.columns.size(); ++c) tab.columns[c].cells.push_back(v[c]);
  }
  tab.rows = r.findings.size();
  tab.html_class = "findings";
  lay_out_all(tab);
  tab.json_groups_name = "findings";
  return tab;
}

table to_table(const std::vector<reconciliation>& list) {
  table tab;
  column id = figure_column("id", "stated total", "报告数", cell_type::text);
  id.role = column_role::key;
  tab.columns = {
      std::move(id),
      figure_column("records", "records", "记录数", cell_type::count),
      figure_column("stated", "stated", "报告", cell_type::money),
      figure_column("recorded", "recorded", "记录", cell_type::money),
      figure_column("stated_quantity", "stated quantity", "报告数量", cell_type::quantity),
      figure_column("recorded_quantity", "recorded quantity", "记录数量", cell_type::quantity),
      detail::status_column<reconciliation_status>("status", "status", "结果"),
      figure_column("gap", "gap", "差额", cell_type::money),
      figure_column("quantity_gap", "quantity gap", "数量差额", cell_type::count)};
  for (const reconciliation& r : list) {
    std::vector<cell> v(tab.columns.size());
    v[0] = r.id, v[1] = r.records, v[6] = std::string(key_of(r.status));
    if (r.stated_amount) v[2] = *r.stated_amount, v[3] = r.recorded_amount;
    if (r.stated_quantity) {
      v[4] = quantity_cell{*r.stated_quantity, std::nullopt};
      v[5] = quantity_cell{r.recorded_quantity, std::nullopt};
    }
    if (r.amount) v[7] = money_interval::exact(money{r.amount->gap});
    if (r.quantity) v[8] = r.quantity->gap;
    for (std::size_t c = 0; c < v.size(); ++c) tab.columns[c].cells.push_back(std::move(v[c]));
    tab.columns[0].labels.push_back(r.label.empty() ? r.id : r.label);
  }
  tab.rows = list.size();
  tab.html_class = "reconciliation";
  lay_out_all(tab);
  tab.json_groups_name = "reconciliations";
  tab.json_group_key = true;
  return tab;
}

}  // namespace aidstat
