// write_report: the HTML page an office hands out, part by part.
#include "aidstat/report.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

#include "aidstat/disclosure.hpp"
#include "aidstat/error.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/version.hpp"
#include "aidstat/yoy.hpp"
#include "io/fs/atomic_file.hpp"
#include "output/report_html.hpp"

namespace aidstat {
namespace {

using detail::escape_html;

using page = detail::report_page;

using detail::heading;
using detail::label;
using detail::yuan;

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

// The cells of a suppressed row: `n` marked cells.
std::string suppressed_cells(suppression s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out +=
        fmt::format(R"(<td class="suppressed">{}</td>)", s == suppression::primary ? "×p" : "×s");
  return out;
}

// One row of the totals table; `share` is the group's share text.
std::string totals_row(const std::string& key, const std::string& name, const aggregate& a,
                       suppression s, const std::string& share, const page& p, bool transfers,
                       bool total) {
  std::string row =
      fmt::format(R"(<tr{} data-key="{}" data-suppressed="{}">)", total ? R"( class="total")" : "",
                  escape_html(key), s == suppression::none ? "" : key_of(s));
  row += "<td>" + label(key, name) + "</td>";
  if (s != suppression::none) return row + suppressed_cells(s, transfers ? 6 : 5) + "</tr>\n";
  row += fmt::format(R"(<td data-records="{0}">{0}</td>)", a.records);
  if (a.amount_records)
    row += fmt::format(R"(<td data-amount-min="{}" data-amount-max="{}">{}</td>)",
                       yuan(a.amount.min()), yuan(a.amount.max()),
                       escape_html(format_money(a.amount, p.o.unit)));
  else
    row += R"(<td data-amount-min="" data-amount-max=""></td>)";
  row += a.approximate_records
             ? fmt::format("<td>{} / {}</td>", a.approximate_records, a.amount_records)
             : "<td></td>";
  row += "<td>" + share + "</td>";
  row += fmt::format(R"(<td data-headcount="{0}">{0}</td>)", a.headcount());
  if (transfers) row += fmt::format("<td>{}</td>", a.transfers_excluded);
  return row + "</tr>\n";
}

void write_totals_part(const page& p, const totals& t) {
  p.out << heading("h2", fmt::format("一、{}年分类合计", p.o.current_year),
                   fmt::format("Totals by category, {}", p.o.current_year));
  p.out << R"(<table class="totals"><thead><tr><th>类别 Category</th><th>记录 Records</th>)"
           R"(<th>金额 Amount</th><th>估计 Estimated</th><th>占比 Share</th><th>人数 People</th>)";
  if (t.holds_transfers) p.out << "<th>未计转拨 Transfers excluded</th>";
  p.out << "</tr></thead><tbody>\n";
  const bool grand_hidden = t.grand_suppressed != suppression::none;
  for (const group_totals& g : t.groups) {
    const auto share = t.amount_share(g);
    const std::string text = share && g.figures.amount_records && !grand_hidden
                                 ? fmt::format("{:.1f}%", *share * 100.0)
                                 : "";
    p.out << totals_row(g.key[0], g.labels[0], g.figures, g.suppressed, text, p, t.holds_transfers,
                        false);
  }
  p.out << totals_row("", "", t.grand, t.grand_suppressed, grand_hidden ? "" : "100.0%", p,
                      t.holds_transfers, true);
  p.out
      << "</tbody></table>\n"
         R"(<p class="note">估计：金额为约数（如“1100余万元”“约5万元”）的记录数 / 有金额的记录数。)"
         "Estimated: records whose amount is approximate, of the records stating one. "
         "An approximate figure is written as the report writes it and stands for a range "
         "(1100余万元 = [1100, 1200]万元).</p>\n";
}

// The yoy cells of one side: amount, or marks when suppressed.
std::string yoy_side(const char* name, const aggregate& a, suppression s, money_unit unit) {
  if (s != suppression::none) return suppressed_cells(s, 1);
  return fmt::format(R"(<td data-{0}-min="{1}" data-{0}-max="{2}">{3}</td>)", name,
                     yuan(a.amount.min()), yuan(a.amount.max()),
                     a.amount_records ? escape_html(format_money(a.amount, unit)) : "");
}

void write_yoy_part(const page& p, const yoy_result& y, const totals& base, const totals& current) {
  std::map<std::string, suppression> base_state, current_state;
  for (const auto& g : base.groups) base_state[g.key[0]] = g.suppressed;
  for (const auto& g : current.groups) current_state[g.key[0]] = g.suppressed;
  p.out << heading("h2", "二、同比",
                   fmt::format("Year over year, {} → {}", y.base_year, y.current_year));
  p.out << fmt::format(
      R"(<table class="yoy"><thead><tr><th>类别 Category</th><th>{}</th><th>{}</th>)"
      R"(<th>变化 Change</th><th>% </th><th>状态 Status</th></tr></thead><tbody>)"
      "\n",
      y.base_year, y.current_year);
  for (const yoy_group& g : y.groups) {
    const suppression bs = base_state[g.key[0]], cs = current_state[g.key[0]];
    const bool shown = bs == suppression::none && cs == suppression::none;
    p.out << fmt::format(R"(<tr data-key="{}" data-status="{}">)", escape_html(g.key[0]),
                         key_of(g.status))
          << "<td>" << label(g.key[0], g.labels[0]) << "</td>"
          << yoy_side("base", g.base, bs, p.o.unit) << yoy_side("current", g.current, cs, p.o.unit);
    if (shown)
      p.out << fmt::format(
          R"(<td data-delta-min="{0}" data-delta-max="{1}">{2}</td><td data-pct-change="{3}">{3}</td>)",
          yuan(g.delta.min()), yuan(g.delta.max()), escape_html(format_money(g.delta, p.o.unit)),
          g.pct_change_text());
    else
      p.out << "<td></td><td></td>";
    p.out << "<td>" << key_of(g.status) << "</td></tr>\n";
  }
  p.out << "</tbody></table>\n";
}

}  // namespace

void write_report(std::ostream& out, const dataset& d, const check_report& quality,
                  const report_options& o) {
  if (o.base_year == 0 || o.current_year == 0 || o.base_year == o.current_year)
    detail::throw_error<query_error>(
        "a report needs two different years: --base and --year (the year reported on)");
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
  write_totals_part(p, current);
  write_yoy_part(p, y, base, current);
  detail::write_charts_part(p, y, base, current);
  detail::write_commitments_part(p);
  detail::write_reconciliation_part(p);
  detail::write_quality_part(p);
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
