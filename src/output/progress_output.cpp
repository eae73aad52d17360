// write_progress: commitment progress through its table, in the format asked for.
#include "aidstat/analysis_output.hpp"
#include "aidstat/table.hpp"

namespace aidstat {

void write_progress(std::ostream& out, const progress_result& r, output_format f, money_unit unit) {
  write_table(out, to_table(r), f, unit);
}

}  // namespace aidstat
