// write_yoy, write_trend, write_pivot, write_progress: each result through its table,
// in the format asked for.
#include "aidstat/analysis_output.hpp"

#include "aidstat/pivot.hpp"
#include "aidstat/table.hpp"

namespace aidstat {

void write_yoy(std::ostream& out, const yoy_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

void write_trend(std::ostream& out, const trend_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

void write_pivot(std::ostream& out, const pivot_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

void write_progress(std::ostream& out, const progress_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

}  // namespace aidstat
