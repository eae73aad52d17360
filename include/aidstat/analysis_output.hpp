// Writing year-over-year comparisons, trends, pivots and commitment progress
// as aligned tables, Markdown, CSV or JSON. `yoy` CSV is the machine contract
// of docs/cli.md; the other CSV layouts are documented with each writer.
#pragma once

#include <ostream>

#include "aidstat/amount_text.hpp"
#include "aidstat/output_format.hpp"
#include "aidstat/progress.hpp"
#include "aidstat/trend.hpp"
#include "aidstat/yoy.hpp"

namespace aidstat {

struct pivot_result;  // aidstat/pivot.hpp, which brings Eigen: include it to make pivots

/// Year over year. CSV (docs/cli.md): the keys, then
/// base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,status.
void write_yoy(std::ostream& out, const yoy_result& r, output_format f,
               money_unit unit = money_unit::yuan);

/// A trend. CSV: the keys, then Y_min,Y_max for each year, then
/// cagr_pct,slope_per_year,projection_Y,residual_se (yuan, two decimals; empty when absent).
void write_trend(std::ostream& out, const trend_result& r, output_format f,
                 money_unit unit = money_unit::yuan);

/// A pivot. CSV: the row key, then one column per column key (C_min,C_max for amounts),
/// then the row total; a last row "total" holds the column totals.
void write_pivot(std::ostream& out, const pivot_result& r, output_format f,
                 money_unit unit = money_unit::yuan);

/// Commitment progress. CSV: the keys, then planned,in_progress,done,dropped,total,
/// completion_pct,target_min,target_max,recorded_min,recorded_max.
void write_progress(std::ostream& out, const progress_result& r, output_format f,
                    money_unit unit = money_unit::yuan);

}  // namespace aidstat
