// write_report: the HTML page an office hands out, part by part.
#include "aidstat/report.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "aidstat/disclosure.hpp"
#include "aidstat/error.hpp"
#include "aidstat/table.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/version.hpp"
#include "aidstat/yoy.hpp"
#include "io/fs/atomic_file.hpp"
#include "output/report_html.hpp"

namespace aidstat {
namespace {

using detail::escape_html;
using detail::heading;
using page = detail::report_page;

// Totals by category of one year, protected when asked.
totals category_totals(const page& p, int year) {
  totals_query q;
  q.by = {dimension{dimension_kind::category, 0}};
  q.filter.year = year;
  q.threads = p.o.threads;
  totals t = compute_totals(p.d, q);
  if (p.o.min_cell) t = suppress_small_cells(std::move(t), *p.o.min_cell);
  return t;
}

void write_totals_part(const page& p, const totals& t) {
  p.out << heading("h2", fmt::format("一、{}年分类合计", p.o.current_year),
                   fmt::format("Totals by category, {}", p.o.current_year));
  table tab = to_table(t);
  tab.html_class = "totals";
  tab.html = t.holds_transfers
                 ? tab.layout({"records", "amount", "estimated", "share", "headcount",
                               "transfers_excluded"})
                 : tab.layout({"records", "amount", "estimated", "share", "headcount"});
  tab.html_links = detail::category_links(t);
  tab.html_total_link = "#records-all";
  detail::render_html(p.out, tab, p.o.unit);
  p.out
      << R"(<p class="note">估计：金额为约数（如“1100余万元”“约5万元”）的记录数 / 有金额的记录数。)"
         "Estimated: records whose amount is approximate, of the records stating one. "
         "An approximate figure is written as the report writes it and stands for a range "
         "(1100余万元 = [1100, 1200]万元).</p>\n";
}

// Each row's suppression in `side` (the category totals of one year), by its key.
std::vector<suppression> side_suppression(const yoy_result& y, const totals& side) {
  std::map<std::string, suppression> state;
  for (const auto& g : side.groups) state[g.key[0]] = g.suppressed;
  std::vector<suppression> out;
  for (const yoy_group& g : y.groups) out.push_back(state[g.key[0]]);
  return out;
}

// The comparison as the report shows it: a side suppressed in its year's totals is
// marked, and the change of a row with a suppressed side is not shown.
table yoy_table(const yoy_result& y, const totals& base, const totals& current) {
  table tab = to_table(y);
  tab.html_class = "yoy";
  tab.html = tab.layout({"base", "current", "delta", "pct_change", "status"});
  column& b = tab.column_named("base");
  column& c = tab.column_named("current");
  b.suppressed = side_suppression(y, base);
  c.suppressed = side_suppression(y, current);
  b.blank_zero = c.blank_zero = true;  // a year with no amount stated shows none
  for (std::size_t r = 0; r < tab.rows; ++r)
    if (b.suppressed[r] != suppression::none || c.suppressed[r] != suppression::none)
      tab.column_named("delta").cells[r] = tab.column_named("pct_change").cells[r] = cell{};
  tab.has_total = false;
  return tab;
}

void write_yoy_part(const page& p, const yoy_result& y, const totals& base, const totals& current) {
  p.out << heading("h2", "二、同比",
                   fmt::format("Year over year, {} → {}", y.base_year, y.current_year));
  detail::render_html(p.out, yoy_table(y, base, current), p.o.unit);
}

}  // namespace

void write_report(std::ostream& out, const dataset& d, const check_report& quality,
                  const report_options& o) {
  if (o.base_year == 0 || o.current_year == 0 || o.base_year == o.current_year)
    detail::throw_error<query_error>(
        "a report needs two different years: a base year and the year reported on");
  const page p{out, d, quality, o};
  yoy_query yq;
  yq.base_year = o.base_year;
  yq.current_year = o.current_year;
  yq.by = {dimension{dimension_kind::category, 0}};
  yq.threads = o.threads;
  const yoy_result y = compute_yoy(d, yq);
  const totals base = category_totals(p, o.base_year), current = category_totals(p, o.current_year);

  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
      << "<title>" << escape_html(o.title) << " " << o.current_year << "</title>\n<style>"
      << detail::report_css << "</style></head><body>\n";
  out << "<header><h1>" << escape_html(o.title) << " · " << o.current_year
      << "<small>Support statistics report, " << o.current_year << " against " << o.base_year
      << "</small></h1>\n";
  out << "<p class=\"meta\">" << d.item_count() << " 条记录 records · 金额单位 amounts in "
      << (o.unit == money_unit::wan ? "万元" : "元");
  if (o.min_cell)
    out << " · 小格隐藏 cells of fewer than " << *o.min_cell
        << " people suppressed (×p), with cells that would give them away (×s)";
  out << " · aidstat " << version_string << "</p></header>\n";
  detail::write_summary_part(p);
  write_totals_part(p, current);
  write_yoy_part(p, y, base, current);
  detail::write_charts_part(p, y, base, current);
  detail::write_commitments_part(p);
  detail::write_reconciliation_part(p);
  detail::write_quality_part(p);
  detail::write_appendix_part(p, current);
  out << "<footer><p class=\"note\">" << detail::escape_html(o.title) << " · written by aidstat "
      << version_string
      << ". Every figure equals the CSV output of the matching aidstat command.</p></footer>\n";
  out << "</body></html>\n";
}

void save_report(const std::filesystem::path& file, const dataset& d, const check_report& quality,
                 const report_options& o) {
  std::ostringstream html;  // the whole page first: a query error writes nothing
  write_report(html, d, quality, o);
  detail::write_file_atomically(file, [&](std::ostream& out) { out << html.str(); });
}

}  // namespace aidstat
