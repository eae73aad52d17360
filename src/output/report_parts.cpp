// The parts of the report after the tables: charts, commitments, reconciliation and
// data quality.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "aidstat/disclosure.hpp"
#include "aidstat/progress.hpp"
#include "aidstat/table.hpp"
#include "output/report_html.hpp"

namespace aidstat::detail {
namespace {

// The totals of every year of the dataset, protected when asked.
totals year_totals(const report_page& p) {
  totals_query q;
  q.by = {dimension{dimension_kind::year, 0}};
  q.threads = p.o.threads;
  totals t = compute_totals(p.d, q);
  if (p.o.min_cell) t = suppress_small_cells(std::move(t), *p.o.min_cell);
  return t;
}

// The amount of a group as a chart shows it: none when suppressed.
std::optional<money_interval> shown(const std::map<std::string, const group_totals*>& groups,
                                    const std::string& key) {
  const auto it = groups.find(key);
  if (it == groups.end()) return money_interval{};
  if (it->second->suppressed != suppression::none) return std::nullopt;
  return it->second->figures.amount;
}

}  // namespace

std::string heading(const char* tag, std::string_view zh, std::string_view en) {
  return fmt::format("<{0}>{1}<small>{2}</small></{0}>\n", tag, zh, en);
}

void write_charts_part(const report_page& p, const yoy_result& y, const totals& base,
                       const totals& current) {
  std::map<std::string, const group_totals*> in_base, in_current;
  for (const auto& g : base.groups) in_base[g.key[0]] = &g;
  for (const auto& g : current.groups) in_current[g.key[0]] = &g;
  std::vector<bar_entry> bars;
  for (const yoy_group& g : y.groups)
    bars.push_back({g.key[0], g.labels[0], shown(in_base, g.key[0]), shown(in_current, g.key[0])});
  p.out << "<section class=\"page\">\n"
        << heading("h2", "三、图表", "Charts")
        << heading("h3", fmt::format("分类对比：{}年与{}年", y.base_year, y.current_year),
                   fmt::format("By category, {} and {}", y.base_year, y.current_year))
        << bar_chart_svg(bars, y.base_year, y.current_year, p.o.unit) << "\n";

  const totals years = year_totals(p);
  std::vector<trend_point> points;
  for (const group_totals& g : years.groups) {
    if (g.key[0].empty()) continue;
    const int year = std::stoi(g.key[0]);
    while (!points.empty() && points.back().year + 1 < year)
      points.push_back({points.back().year + 1, money_interval{}});
    points.push_back(
        {year, g.suppressed == suppression::none ? std::optional(g.figures.amount) : std::nullopt});
  }
  const std::string span = points.empty()
                               ? std::string()
                               : fmt::format("{}–{}", points.front().year, points.back().year);
  p.out << heading("h3", "历年趋势 " + span, "Trend over every year, " + span)
        << trend_chart_svg(points, p.o.unit) << "\n"
        << R"(<p class="note">浅色部分为约数的范围。The lighter part of a bar, and the band, )"
           "is the range an approximate figure stands for.</p>\n</section>\n";
}

void write_commitments_part(const report_page& p) {
  progress_query q;
  q.year = p.o.current_year;
  q.by = {progress_dimension::category};
  table tab = to_table(compute_progress(p.d, q));
  tab.html_class = "progress";
  tab.html = tab.layout({"planned", "in_progress", "done", "dropped", "total", "completion"});
  p.out << "<section class=\"page\">\n"
        << heading("h2", fmt::format("四、{}年实事项目完成情况", p.o.current_year),
                   "Commitments (the practical things) and their completion");
  render_html(p.out, tab, p.o.unit);
}

void write_reconciliation_part(const report_page& p) {
  p.out << heading("h2", "五、核对报告数", "Reconciliation of stated totals");
  if (p.quality.reconciliations.empty()) {
    p.out << "<p>无报告数 No stated totals.</p>\n";
    return;
  }
  table tab = to_table(p.quality.reconciliations);
  const bool quantities =
      std::any_of(p.quality.reconciliations.begin(), p.quality.reconciliations.end(),
                  [](const reconciliation& r) { return r.stated_quantity.has_value(); });
  tab.html = quantities ? tab.layout({"stated", "recorded", "stated_quantity", "recorded_quantity",
                                      "records", "status", "gap", "quantity_gap"})
                        : tab.layout({"stated", "recorded", "records", "status", "gap"});
  render_html(p.out, tab, p.o.unit);
}

void write_quality_part(const report_page& p) {
  const check_report& q = p.quality;
  std::size_t notes = 0;
  for (const finding& f : q.findings) notes += f.level == finding_level::note;
  p.out
      << heading("h2", "六、数据质量", "Data quality")
      << fmt::format(
             R"(<table class="quality"><tbody><tr data-errors="{0}"><td>错误 Errors</td><td>{0}</td></tr>)"
             R"(<tr data-warnings="{1}"><td>警告 Warnings</td><td>{1}</td></tr>)"
             R"(<tr data-notes="{2}"><td>提示 Notes</td><td>{2}</td></tr>)",
             q.errors(), q.warnings(), notes);
  totals_query by_recipient;
  by_recipient.by = {dimension{dimension_kind::recipient, 0}};
  const totals r = compute_totals(p.d, by_recipient);
  std::int64_t unnamed = 0;
  for (const group_totals& g : r.groups)
    if (g.key[0].empty()) unnamed = g.figures.records;
  p.out << fmt::format(
      R"(<tr data-no-recipient="{0}"><td>未写受援单位的记录 Records naming no recipient unit</td><td>{0}</td></tr></tbody></table>)"
      "\n",
      unnamed);
  if (q.findings.empty()) return;
  p.out << "<ul class=\"findings\">\n";
  std::size_t shown = 0;
  for (const finding& f : q.findings) {
    if (++shown > 12) {
      p.out << fmt::format("<li>… {} more (aidstat check lists them all)</li>\n",
                           q.findings.size() - 12);
      break;
    }
    p.out << "<li>" << escape_html(f.to_string()) << "</li>\n";
  }
  p.out << "</ul>\n";
}

}  // namespace aidstat::detail
