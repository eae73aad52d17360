// Writing a file so that a crash or an error never leaves a half-written file in
// its place. Internal: used by the archive writer and the CSV export.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace aidstat::detail {

/// Calls `write` on a temporary file in the same directory as `target`, flushes and
/// syncs it, then renames it over `target`. If `write` throws or any step fails,
/// the temporary file is removed, `target` is left as it was, and the error is
/// rethrown (I/O failures as aidstat::io_error naming the file).
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write);

}  // namespace aidstat::detail
