// write_yoy: a year-over-year comparison through its table, in the format asked for.
#include "aidstat/analysis_output.hpp"
#include "aidstat/table.hpp"

namespace aidstat {

void write_yoy(std::ostream& out, const yoy_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

}  // namespace aidstat
