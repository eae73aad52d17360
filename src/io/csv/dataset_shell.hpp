// A dataset directory without its items, for the readers that take items.csv a
// block at a time (io/items_stream.hpp). Internal.
#pragma once

#include <filesystem>
#include <optional>

#include "aidstat/dataset.hpp"
#include "io/fs/dataset_folder.hpp"

namespace aidstat::detail {

/// The dataset in `folder` with every file but items.csv read as load_dataset
/// reads it (commitments' owners are added before any unit the items name, where
/// load_dataset adds them after). Empty when `dir` is not a directory or any of those
/// files cannot be read or has a problem: load_dataset then says what. Sets
/// `units_defined` to whether units.csv is there.
std::optional<dataset> read_dataset_shell(const dataset_folder& folder, bool& units_defined);

}  // namespace aidstat::detail
