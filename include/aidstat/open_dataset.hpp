// Opening a dataset wherever it is kept: a directory of CSV files, an archive file or
// an Excel workbook.
//
//   dataset d = open_dataset(path);  // examples/data/city-2023 or city-2023.bin
#pragma once

#include <cstdint>
#include <filesystem>

#include "aidstat/dataset.hpp"
#include "aidstat/item_fields.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// How a dataset is kept. Every place that treats the kinds apart switches on this,
/// without a default, so that a new kind is a compile error until each handles it.
enum class dataset_storage : std::uint8_t {
  csv_directory,  ///< a directory of CSV files (load_dataset)
  archive,        ///< one archive file (load_archive)
  workbook,       ///< an Excel workbook, FILE.xlsx (load_workbook)
};

/// How the dataset at `path` is kept: a workbook when its name ends in .xlsx, an archive
/// when it is another file, otherwise a directory of CSV files. The one place this is
/// decided.
dataset_storage storage_of(const std::filesystem::path& path);

/// A dataset from a directory of CSV files (load_dataset), an archive file
/// (load_archive) or a workbook (load_workbook); `fields` as for load_archive (a
/// directory or a workbook always loads whole);
/// `meter`, when given, counts the bytes read; `sources`, when given, gets the file and
/// line (a workbook's row) of every record (an archive has none: left empty).
dataset open_dataset(const std::filesystem::path& path, item_fields fields = item_fields::all,
                     work_meter* meter = nullptr, dataset_sources* sources = nullptr);

}  // namespace aidstat
