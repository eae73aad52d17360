#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "aidstat/error.hpp"

namespace aidstat::detail {
namespace {

// fsync on a path (a file, or a directory so that a rename is durable).
bool sync_path(const std::filesystem::path& p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw_error<io_error>("cannot write " + target.string() + ": folder " + dir.string() +
                          " does not exist");
  std::random_device rd;
  const std::filesystem::path tmp = dir / ("." + target.filename().string() + ".tmp-" +
                                           std::to_string(::getpid()) + "-" + std::to_string(rd()));
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw_error<io_error>("cannot create a file in " + dir.string());
      write(out);
      out.flush();
      if (!out) throw_error<io_error>("cannot write " + target.string() + " (disk full?)");
    }
    if (!sync_path(tmp, false))
      throw_error<io_error>("cannot sync " + target.string() + " to disk");
    std::filesystem::rename(tmp, target, ec);
    if (ec) throw_error<io_error>("cannot replace " + target.string() + ": " + ec.message());
    sync_path(dir, true);  // best effort: makes the rename itself durable
  } catch (...) {
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

}  // namespace aidstat::detail
