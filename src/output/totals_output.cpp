// write_totals: totals through their table, in the format asked for.
#include "aidstat/totals_output.hpp"

#include "aidstat/table.hpp"

namespace aidstat {

void write_totals(std::ostream& out, const totals& t, output_format f, money_unit unit) {
  write_table(out, to_table(t), f, unit);
}

}  // namespace aidstat
