// The temporary beside a destination: its name, its lock, and its registration for
// removal on a signal. Internal; the public side is aidstat/temporary_files.hpp.
#pragma once

#include <filesystem>

namespace aidstat::detail {

/// `p` as a write's destination: absolute, normal, without a trailing separator
/// ("out/" and "." name a folder, not something inside it).
std::filesystem::path destination_path(const std::filesystem::path& p);

/// ".NAME.tmp-PID-RANDOM" beside `destination` (a destination_path).
std::filesystem::path temporary_path_for(const std::filesystem::path& destination);

/// Holds `path` on the list that remove_temporary_files_on_signals() empties, for
/// as long as it lives (files are removed before folders). Without a free place on
/// the list (more than 64 at once) it does nothing.
class signal_cleanup {
 public:
  signal_cleanup(const std::filesystem::path& path, bool folder);
  ~signal_cleanup();
  signal_cleanup(const signal_cleanup&) = delete;
  signal_cleanup& operator=(const signal_cleanup&) = delete;

 private:
  int slot_ = -1;
};

/// Takes an exclusive lock on the open file or folder `fd` (flock), which dead
/// writers' leftovers never hold; throws io_error naming `path` when it cannot.
void lock_temporary(int fd, const std::filesystem::path& path);

}  // namespace aidstat::detail
