// Writing totals: CSV (the machine contract of docs/cli.md), and tables, Markdown and
// JSON for people and programs.
#pragma once

#include <ostream>

#include "aidstat/amount_text.hpp"
#include "aidstat/output_format.hpp"
#include "aidstat/totals.hpp"

namespace aidstat {

/// Writes `totals` CSV (docs/cli.md): the key columns, records,amount_min,amount_max,headcount,
/// then quantity_min,quantity_max when `measure` is a key. Amounts in yuan with two
/// decimals; empty cells where no record has the figure. Without keys, one grand row.
void write_totals_csv(std::ostream& out, const totals& t);

/// Writes an aligned text table (display width aware), amounts shown as reports
/// write them (1100余万元), with a share column and a total row.
void write_totals_table(std::ostream& out, const totals& t, money_unit unit = money_unit::yuan);

/// Writes a GitHub-flavoured Markdown table with the same columns as the text table.
void write_totals_markdown(std::ostream& out, const totals& t, money_unit unit = money_unit::yuan);

/// Writes JSON: {"by": [...], "groups": [{"key": {...}, "records": ..., "amount":
/// {"min": "...", "max": "..."}, ...}], "total": {...}}; amounts are decimal strings in yuan.
void write_totals_json(std::ostream& out, const totals& t);

/// Writes totals in format `f`: the CSV, JSON, aligned table or Markdown writer above.
void write_totals(std::ostream& out, const totals& t, output_format f,
                  money_unit unit = money_unit::yuan);

}  // namespace aidstat
