// to_table(progress_result): the commitments of each status, completion and targets.
#include <fmt/format.h>

#include "aidstat/progress.hpp"
#include "aidstat/table.hpp"
#include "output/table_build.hpp"

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

using detail::figure_column;

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
    const std::string pct = format_percent_digits(*rate);
    v[completion_pct] = pct;
    v[completion_text] = fmt::format("{}/{} = {}%", g.done, g.total(), pct);
  }
  if (g.targeted) v[target] = g.target, v[recorded] = g.recorded;
  return v;
}

void set_layouts(table& tab, std::size_t keys) {
  using detail::lay_out;
  detail::lay_out_keys(tab, keys);
  lay_out(tab.csv, keys,
          {planned, in_progress, done, dropped, total, completion_pct, target, recorded});
  lay_out(tab.json, keys,
          {planned, in_progress, done, dropped, total, completion_rate, target, recorded});
  lay_out(tab.people, keys,
          {planned, in_progress, done, dropped, completion_text, target, recorded});
}

}  // namespace

table to_table(const progress_result& r) {
  table tab;
  std::vector<std::string> names, zh;
  for (const progress_dimension d : r.by)
    names.emplace_back(key_of(d)), zh.emplace_back(zh_name_of(d));
  detail::add_key_columns(tab, names, zh, r.groups);
  detail::add_figure_columns(tab, figure_columns(), r.groups, group_cells, group_cells(r.overall));
  tab.total_alone_without_keys = true;
  tab.json_by = false;
  tab.json_total_name = "overall";
  tab.json_total_key = true;
  set_layouts(tab, r.by.size());
  return tab;
}

}  // namespace aidstat
