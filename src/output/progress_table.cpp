// to_table(progress_result): the commitments of each status, completion and targets.
#include <fmt/format.h>

#include "aidstat/progress.hpp"
#include "aidstat/table.hpp"

namespace aidstat {
namespace {

// The figures of progress, column by column, in the order the table holds them.
enum figure : std::size_t {
  planned,
  in_progress,
  done,
  dropped,
  total,
  completion_rate,
  completion_pct,
  completion_text,
  target,
  recorded,
  figure_count
};

column figure_column(std::string name, std::string en, std::string zh, cell_type type) {
  column c;
  c.name = std::move(name), c.heading_en = std::move(en), c.heading_zh = std::move(zh);
  c.type = type;
  return c;
}

std::vector<column> figure_columns() {
  return {figure_column("planned", "planned", "未开始", cell_type::count),
          figure_column("in_progress", "in progress", "进行中", cell_type::count),
          figure_column("done", "done", "已完成", cell_type::count),
          figure_column("dropped", "dropped", "已取消", cell_type::count),
          figure_column("total", "total", "合计", cell_type::count),
          figure_column("completion_rate", "completion rate", "完成率", cell_type::ratio),
          figure_column("completion_pct", "completion %", "完成率%", cell_type::text),
          figure_column("completion", "completion", "完成情况", cell_type::text),
          figure_column("target", "target", "目标金额", cell_type::money),
          figure_column("recorded", "recorded", "记录金额", cell_type::money)};
}

std::vector<cell> group_cells(const progress_group& g) {
  std::vector<cell> v(figure_count);
  v[planned] = g.planned, v[in_progress] = g.in_progress, v[done] = g.done;
  v[dropped] = g.dropped, v[total] = g.total();
  if (const auto rate = g.completion_rate()) {
    v[completion_rate] = *rate;
    const std::string pct = fmt::format("{:.1f}", *rate * 100.0);
    v[completion_pct] = pct;
    v[completion_text] = fmt::format("{}/{} = {}%", g.done, g.total(), pct);
  }
  if (g.targeted) v[target] = g.target, v[recorded] = g.recorded;
  return v;
}

void set_layouts(table& tab, std::size_t keys) {
  const auto add = [&](table_layout& l, std::initializer_list<std::size_t> figures) {
    for (std::size_t f : figures) l.push_back(keys + f);
  };
  for (table_layout* l : {&tab.csv, &tab.people})
    for (std::size_t k = 0; k < keys; ++k) l->push_back(k);
  add(tab.csv, {planned, in_progress, done, dropped, total, completion_pct, target, recorded});
  add(tab.json, {planned, in_progress, done, dropped, total, completion_rate, target, recorded});
  add(tab.people, {planned, in_progress, done, dropped, completion_text, target, recorded});
}

}  // namespace

table to_table(const progress_result& r) {
  table tab;
  for (std::size_t k = 0; k < r.by.size(); ++k) {
    const std::string name(key_of(r.by[k]));
    column c = figure_column(name, name, std::string(zh_name_of(r.by[k])), cell_type::text);
    c.role = column_role::key;
    for (const progress_group& g : r.groups) {
      c.cells.emplace_back(g.key[k]);
      c.labels.push_back(g.labels[k]);
    }
    tab.columns.push_back(std::move(c));
  }
  std::vector<column> figures = figure_columns();
  for (const progress_group& g : r.groups) {
    std::vector<cell> v = group_cells(g);
    for (std::size_t f = 0; f < figure_count; ++f) figures[f].cells.push_back(std::move(v[f]));
  }
  std::vector<cell> overall = group_cells(r.overall);
  for (std::size_t f = 0; f < figure_count; ++f) figures[f].total = std::move(overall[f]);
  for (column& c : figures) tab.columns.push_back(std::move(c));
  tab.rows = r.groups.size();
  tab.has_total = true;
  tab.total_alone_without_keys = true;
  tab.json_by = false;
  tab.json_total_name = "overall";
  tab.json_total_key = true;
  set_layouts(tab, r.by.size());
  return tab;
}

}  // namespace aidstat
