// to_table(record_list): one row a record, its fields as items.csv has them and the
// amount in the report's notation (in 万元 from 1万元 up) beside its bounds, then where it
// came from.
#include "aidstat/amount_text.hpp"
#include "aidstat/records.hpp"
#include "output/table_build.hpp"

namespace aidstat {
namespace {

using detail::figure_column;

std::vector<column> record_columns() {
  std::vector<column> cs = {
      figure_column("date", "date", "日期", cell_type::text),
      figure_column("category", "category", "类别", cell_type::text),
      figure_column("provider", "provider", "提供单位", cell_type::text),
      figure_column("recipient", "recipient", "接收单位", cell_type::text),
      figure_column("beneficiary", "beneficiary", "对象", cell_type::text),
      figure_column("amount", "amount", "金额", cell_type::money),
      figure_column("amount_text", "amount (report notation)", "金额（报告写法）", cell_type::text),
      figure_column("quantity", "quantity", "数量", cell_type::quantity),
      figure_column("note", "note", "备注", cell_type::text),
      figure_column("file", "file", "文件", cell_type::text),
      figure_column("line", "line", "行", cell_type::count)};
  cs[0].role = column_role::key;  // a record is named by its date, and then its place
  return cs;
}

// One record's cells, in record_columns' order.
std::vector<cell> record_cells(const dataset& d, std::size_t row, const dataset_sources* sources) {
  const aid_item it = d.item(row);
  std::vector<cell> v(11);
  v[0] = it.date.to_string(), v[1] = it.category, v[2] = it.provider;
  v[3] = it.recipient, v[4] = it.beneficiary;
  if (it.amount) v[5] = *it.amount, v[6] = format_money_in_text(*it.amount);
  if (it.quantity) v[7] = quantity_cell{*it.quantity, it.measure};
  v[8] = it.note;
  if (sources && row < sources->item_lines.size()) {
    v[9] = sources->items_file;
    v[10] = std::int64_t{sources->item_lines[row]};
  }
  return v;
}

}  // namespace

table to_table(const record_list& list, const dataset& d, const dataset_sources* sources) {
  table tab;
  tab.columns = record_columns();
  for (std::size_t row : list.rows) {
    std::vector<cell> v = record_cells(d, row, sources);
    for (std::size_t c = 0; c < v.size(); ++c) tab.columns[c].cells.push_back(std::move(v[c]));
    tab.columns[0].labels.emplace_back();
  }
  tab.rows = list.rows.size();
  for (std::size_t c = 0; c < tab.columns.size(); ++c) {
    tab.csv.push_back(c), tab.json.push_back(c);
    if (c != 5) tab.people.push_back(c);  // people read the amount as written
  }
  tab.html_class = "records";
  tab.json_groups_name = "records";
  tab.json_by = false;
  tab.json_total = false;
  return tab;
}

}  // namespace aidstat
