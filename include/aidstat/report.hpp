// The report an office hands out (docs/cli.md): one self-contained HTML page, no network
// and no other file, that opens from a USB stick and prints cleanly on A4. For the
// current year against the base year it holds the totals by category (figures as
// the report writes them, with how much is estimated), the year-over-year table, a
// bar chart of both years by category (an interval is a bar with its range marked),
// a trend chart over every year of the dataset, the commitments' completion, the
// reconciliation of stated totals and a data quality summary. Headings are in
// Chinese and English; charts are inline SVG.
//
// Every figure equals the CSV output of the matching command (totals, yoy, trend,
// progress, check), and each carries it in data- attributes (yuan with two
// decimals, as in CSV) beside the text people read.
//
//   report_options o;
//   o.base_year = 2022;
//   o.current_year = 2023;
//   o.min_cell = 5;  // disclosure control, as `--min-cell 5`
//   std::ofstream html("report.html");
//   write_report(html, d, check_dataset(d), o);
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "aidstat/amount_text.hpp"
#include "aidstat/check.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat {

/// What a report shows and how.
struct report_options {
  int base_year = 0;                       ///< the year compared against
  int current_year = 0;                    ///< the year reported on
  std::optional<std::int64_t> min_cell;    ///< disclosure control (suppress_small_cells)
  money_unit unit = money_unit::wan;       ///< 元 or 万元 in tables and charts
  std::string title = "双拥工作统计报告";  ///< the page's title, above the English one
  unsigned threads = 0;                    ///< threads to scan with; 0 for all
};

/// Writes the report of dataset `d` as one HTML page. `quality` is the check of the
/// files `d` came from (check_dataset_at), or check_dataset(d). Throws query_error
/// when the years are equal or either is missing (0).
void write_report(std::ostream& out, const dataset& d, const check_report& quality,
                  const report_options& o);

/// Writes the report into `file` atomically: a failure leaves no half-written file.
void save_report(const std::filesystem::path& file, const dataset& d, const check_report& quality,
                 const report_options& o);

}  // namespace aidstat
