// Reading a whole file into memory for the CSV readers: io's file layer. Internal.
#pragma once

#include <filesystem>
#include <optional>

#include "aidstat/csv_text.hpp"

namespace aidstat::detail {

/// Reads the whole file at `p`; throws io_error naming it when it cannot, or when it
/// is not a regular file (a FIFO or a device is never waited on or read forever).
csv_text read_csv_file(const std::filesystem::path& p);
/// Reads the whole open file `fd` (the caller's), named `p`; empty when fd is -1.
std::optional<csv_text> read_optional_csv_file(int fd, const std::filesystem::path& p);

}  // namespace aidstat::detail
