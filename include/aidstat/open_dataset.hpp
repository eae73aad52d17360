// Opening a dataset wherever it is kept: a directory of CSV files or an archive file.
//
//   dataset d = open_dataset(path);  // examples/data/city-2023 or city-2023.bin
#pragma once

#include <filesystem>

#include "aidstat/dataset.hpp"
#include "aidstat/item_fields.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// True when `path` names an archive file; otherwise it is taken for a dataset directory.
bool is_archive_path(const std::filesystem::path& path);

/// A dataset from a directory of CSV files (load_dataset) or from an archive file
/// (load_archive); `fields` as for load_archive (a directory always loads whole);
/// `meter`, when given, counts the bytes read.
dataset open_dataset(const std::filesystem::path& path, item_fields fields = item_fields::all,
                     work_meter* meter = nullptr);

}  // namespace aidstat
