// Writing a file, or a folder of files, so that a fault (an error, a full disk, a
// kill) never leaves anything but the old destination whole or the new one whole.
// Internal: used by the archive writer, the CSV export and the report.
//
// A file: written to a locked temporary beside it (same mode and owner as the old
// one), synced through the descriptor that wrote it, closed (checked), renamed over
// the destination, and the folder synced. A symbolic link is written through, to
// its target. A folder: built as a temporary folder beside it, then swapped with
// the old one in one step (renameat2 RENAME_EXCHANGE), and the old one removed.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace aidstat::detail {

/// Calls `write` on the temporary, then puts it in place of `target`. If `write`
/// throws or any step fails, the temporary is removed, `target` is left as it was,
/// and an io_error names it with the system's reason (an error of `write` that is
/// not a write failure is rethrown as it is).
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write);

/// Writes the folder `dir` whole: `write` writes the files into the staging folder
/// it is given, each with write_staged_file; then the staging folder takes the
/// place of `dir`. An existing `dir` may hold only files named in `names` (and
/// leftovers of earlier writes); anything else is refused, naming it, before
/// anything is written.
void write_folder_atomically(const std::filesystem::path& dir,
                             const std::vector<std::string>& names,
                             const std::function<void(const std::filesystem::path&)>& write);

/// Writes `file` inside a staging folder (the folder's swap makes it atomic),
/// synced and closed with every failure reported as io_error naming `shown`.
void write_staged_file(const std::filesystem::path& file, const std::filesystem::path& shown,
                       const std::function<void(std::ostream&)>& write);

}  // namespace aidstat::detail
