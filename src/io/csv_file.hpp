// Reading a whole file into memory for the CSV readers: io's file layer. Internal.
#pragma once

#include <filesystem>
#include <optional>

#include "aidstat/csv_text.hpp"

namespace aidstat::detail {

/// Reads the whole file at `p`; throws io_error naming it when it cannot.
csv_text read_csv_file(const std::filesystem::path& p);
/// Reads the file at `p` when it exists; empty when it does not.
std::optional<csv_text> read_optional_csv_file(const std::filesystem::path& p);

}  // namespace aidstat::detail
