// Writing totals: CSV (the machine contract of docs/cli.md), and tables, Markdown and
// JSON for people and programs.
#pragma once

#include <ostream>

#include "aidstat/amount_text.hpp"
#include "aidstat/output_format.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// Writes totals in format `f` (write_table of to_table(t), aidstat/table.hpp). CSV is the
/// machine contract of docs/cli.md: the key columns, records,amount_min,amount_max,headcount,
/// then quantity_min,quantity_max when `measure` is a key, amounts in yuan with two
/// decimals, empty where no record has the figure; without keys, one grand row. The
/// aligned table and Markdown show amounts as reports write them (1100余万元), with a
/// share column and a total row; JSON holds every figure of every group.
void write_totals(std::ostream& out, const totals& t, output_format f,
                  money_unit unit = money_unit::yuan);

}  // namespace aidstat
