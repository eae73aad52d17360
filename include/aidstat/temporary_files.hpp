// Temporary files of interrupted writes. Every save, export and report writes a
// temporary file (or folder) beside its destination and renames it into place, so
// that a fault never leaves a half-written destination. A writer that is killed
// leaves its temporary behind; the next write to the same destination, and a check
// of it, remove such leftovers (a writer still at work holds a lock on its own, so
// it is never taken for dead).
//
//   remove_temporary_files_on_signals();  // first thing in main(): Ctrl-C leaves nothing
//   save_archive(d, "city.aidstat");
//   remove_stale_temporaries("city.aidstat");  // 0: the save left nothing behind
#pragma once

#include <cstddef>
#include <filesystem>

namespace aidstat {

/// Makes SIGINT, SIGTERM and SIGHUP first remove the temporary files and folders
/// that aidstat is writing at that moment, then end the process as the signal
/// would have. For programs: a library never takes a process's signals on its own.
void remove_temporary_files_on_signals();

/// Removes the temporaries that dead writers left beside `destination` (a file or a
/// CSV folder); returns how many. Those of a writer still at work are left alone.
std::size_t remove_stale_temporaries(const std::filesystem::path& destination);

}  // namespace aidstat
