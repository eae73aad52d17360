// Loading a dataset from CSV files (docs/file-formats.md).
//
// A dataset directory holds items.csv (required) and optionally units.csv,
// beneficiaries.csv, categories.csv, commitments.csv and stated_totals.csv. Every problem in every
// file is found before anything is thrown, and reported at once as a validation_error whose
// problems name file, line, column (the CSV field number) and what is wrong.
//
//   dataset d = load_dataset(dir);  // e.g. examples/data/city-2023
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "aidstat/csv_text.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// The CSV files of a dataset, already read into memory.
struct dataset_texts {
  csv_text items;                         ///< items.csv (required)
  std::optional<csv_text> units;          ///< units.csv; without it ids are their own names
  std::optional<csv_text> beneficiaries;  ///< beneficiaries.csv
  std::optional<csv_text> categories;     ///< categories.csv; without it the default taxonomy
  std::optional<csv_text> commitments;    ///< commitments.csv (实事项目)
  std::optional<csv_text> stated_totals;  ///< stated_totals.csv (figures a report states)
};

/// Where the records of a loaded dataset came from, for messages about them.
struct dataset_sources {
  std::string items_file;                         ///< name of items.csv as read
  std::vector<std::uint32_t> item_lines;          ///< line of each item, by row
  std::string stated_totals_file;                 ///< name of stated_totals.csv, if read
  std::vector<std::uint32_t> stated_total_lines;  ///< line of each stated total
  /// How messages name a record's place: "line" for a file; "row" for a table given as
  /// columns, whose lines are its rows from 1.
  std::string place_word = "line";
  /// The number messages give the first row of a table (1; a data frame's positions
  /// count from 0).
  std::uint32_t first_row = 1;

  /// "line 12", or a table's "row 11": the place of `line` in messages.
  std::string place_of(std::uint32_t line) const {
    return place_word + " " + std::to_string(place_word == "line" ? line : line - 1 + first_row);
  }
};

/// Builds a dataset from CSV texts. Throws validation_error listing every problem (the
/// first max_problems: reading stops there).
/// Fills `sources` (when given) with the line of every record. items.csv is read
/// on `threads` threads (0: one per core) when it has no problem; a file with
/// problems is read again by one thread that reports them all.
dataset read_dataset(const dataset_texts& texts, dataset_sources* sources = nullptr,
                     unsigned threads = 0);

/// Loads the dataset directory `dir`; `sources` and `threads` as for read_dataset;
/// `meter`, when given, counts the bytes of items.csv read. The folder's files are
/// opened at one moment, so an export replacing the folder meanwhile is never half
/// seen. Throws io_error when items.csv cannot be read, a file is not a regular
/// file (a FIFO, a device) or is changed while it is read; memory_error when memory
/// runs out; validation_error listing the problems in the files (the first
/// max_problems: reading stops there).
dataset load_dataset(const std::filesystem::path& dir, dataset_sources* sources = nullptr,
                     unsigned threads = 0, work_meter* meter = nullptr);

}  // namespace aidstat
