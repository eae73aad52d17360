// Excel workbooks (.xlsx) both ways. Results out: each table a sheet, amounts as numbers
// a spreadsheet can SUM, exact to the fen. A dataset out: one sheet per CSV file of
// docs/file-formats.md. A dataset in: a workbook with those sheets loads as a CSV
// directory does, and every problem names its sheet and cell ("items!G12").
//
//   const totals t = compute_totals(d, {{dimension::parse("category")}, {}});
//   save_workbook("totals.xlsx", {{"totals", to_table(t)}});
//   export_workbook(d, "city-2023.xlsx");
//   const dataset same = load_workbook("city-2023.xlsx");  // same == d
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "aidstat/amount_text.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/table.hpp"

namespace aidstat {

/// Writes `sheets` as the workbook `file`, one sheet each, atomically (a fault leaves an
/// old `file` whole). Two header rows, frozen and bold: the Chinese headings, then the
/// CSV column names. Amounts are numbers in yuan (in 万元 when `unit` is wan): a min and
/// a max column, as in CSV, and a text column in the report's notation. Two runs over
/// the same tables write the same bytes. Throws error for an amount beyond 2^53 fen
/// (never written rounded), io_error when the file cannot be written.
void save_workbook(const std::filesystem::path& file, const std::vector<named_table>& sheets,
                   money_unit unit = money_unit::yuan);

/// Writes `d` as the workbook `file`, atomically: sheets items, units, beneficiaries,
/// categories, commitments and stated_totals with the CSV files' columns. Exact amounts
/// and quantities are numbers, approximate ones text ("[319, 330]"); dates are date
/// cells showing their precision. load_workbook reads it back equal to `d`.
void export_workbook(const dataset& d, const std::filesystem::path& file);

/// Loads the workbook `file` as a dataset: its sheets named like the CSV files (items
/// required), each with a header row of CSV columns in any order; other sheets are
/// ignored (`ignored_sheets` lists them). Text, number, date and formula cells are read
/// as docs/file-formats.md says. Throws validation_error listing every problem, each
/// named by sheet and cell; data_error when the file is not a readable workbook.
dataset load_workbook(const std::filesystem::path& file, dataset_sources* sources = nullptr,
                      std::vector<std::string>* ignored_sheets = nullptr);

}  // namespace aidstat
