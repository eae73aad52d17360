// The pieces of the HTML report: its parts, its style sheet, and the two SVG charts (its
// tables are the typed tables, rendered by output/render).
// Internal to output.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/report.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/yoy.hpp"
#include "output/render/render.hpp"

namespace aidstat::detail {

/// A heading in both languages: <tag>zh<small>en</small></tag>.
std::string heading(const char* tag, std::string_view zh, std::string_view en);

/// What every part of the report reads: where it writes, the dataset, its check and
/// the options.
struct report_page {
  std::ostream& out;
  const dataset& d;
  const check_report& quality;
  const report_options& o;
};

/// The charts: both years by category (from the yoy groups, suppressed sides left
/// out), and every year's total.
void write_charts_part(const report_page& p, const yoy_result& y, const totals& base,
                       const totals& current);
/// The commitments of the current year, by category, and their completion.
void write_commitments_part(const report_page& p);
/// Every stated total against its records.
void write_reconciliation_part(const report_page& p);
/// check's counts, its findings, and the records naming no recipient.
void write_quality_part(const report_page& p);

/// The summary's sentences (summarize), in Chinese and then English, each figure
/// about records linked to them in the appendix.
void write_summary_part(const report_page& p);
/// The links of the totals by category to their records in the appendix, a row each
/// (none for a suppressed row).
std::vector<std::string> category_links(const totals& t);
/// The appendix: the records of each published category of the year, under the
/// anchors the links name; a suppressed category's records are never listed.
void write_appendix_part(const report_page& p, const totals& current);

/// The report's style sheet: a CJK font stack office PCs have, then sans-serif; A4
/// pages in print, each part starting a page.
extern const std::string_view report_css;

/// One category of the bar chart: its amount in each year, empty where it has none
/// or is suppressed.
struct bar_entry {
  std::string key;    ///< category key
  std::string label;  ///< its display name
  std::optional<money_interval> base, current;
};

/// The bar chart of both years by category: one <g class="bar-group"> a category, each
/// year a bar to the lower bound and a lighter range to the upper one, whiskered.
std::string bar_chart_svg(const std::vector<bar_entry>& bars, int base_year, int current_year,
                          money_unit unit);

/// One year of the trend chart: its total amount, empty when suppressed.
struct trend_point {
  int year = 0;
  std::optional<money_interval> amount;
};

/// The trend chart: the range of every year as a band, its midpoints as a line.
std::string trend_chart_svg(const std::vector<trend_point>& years, money_unit unit);

}  // namespace aidstat::detail
