#include "io/fs/dataset_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "aidstat/error.hpp"
#include "io/fs/fd_output.hpp"

namespace aidstat::detail {

const std::vector<std::string>& dataset_file_names() {
  static const std::vector<std::string> names{"units.csv",         "beneficiaries.csv",
                                              "categories.csv",    "commitments.csv",
                                              "stated_totals.csv", "items.csv"};
  return names;
}

void require_regular_file(int fd, const std::filesystem::path& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0)
    throw_error<io_error>("cannot read " + path.string() + ": " + reason_of(errno));
  if (!S_ISREG(st.st_mode))
    throw_error<io_error>("cannot read " + path.string() + ": it is not a regular file (" +
                          (S_ISDIR(st.st_mode)                          ? "a folder"
                           : S_ISFIFO(st.st_mode)                       ? "a pipe"
                           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
                                                                        : "a special file") +
                          ")");
}

dataset_folder::dataset_folder(const std::filesystem::path& dir) : dir_(dir) {
  // A folder swapped by an export between the first and the last open is opened
  // again; a few tries are plenty, as an export holds the old folder for a moment.
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (open_all()) return;
    close_all();
  }
  throw_error<io_error>("cannot read " + dir.string() +
                        ": it was replaced 100 times while its files were being opened");
}

dataset_folder::~dataset_folder() { close_all(); }

int dataset_folder::fd(std::string_view name) const noexcept {
  const auto& names = dataset_file_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return fds_[i];
  return -1;
}

bool dataset_folder::open_all() {
  const int dir = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) {
    const int e = errno;
    if (e == ENOENT || e == ENOTDIR)
      throw_error<io_error>("'" + dir_.string() + "' is not a dataset directory");
    throw_error<io_error>("cannot read " + dir_.string() + ": " + reason_of(e));
  }
  const auto& names = dataset_file_names();
  int failed = 0;
  // Opened without blocking, so that a FIFO named items.csv is refused, not waited on.
  for (std::size_t i = 0; i < names.size() && !failed; ++i) {
    fds_[i] = ::openat(dir, names[i].c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fds_[i] < 0 && errno != ENOENT) failed = errno;
  }
  struct stat opened {
  }, now{};
  const bool same = ::fstat(dir, &opened) == 0 && ::stat(dir_.c_str(), &now) == 0 &&
                    opened.st_ino == now.st_ino && opened.st_dev == now.st_dev;
  ::close(dir);
  if (!same) return false;
  if (failed)
    throw_error<io_error>("cannot read a file of " + dir_.string() + ": " + reason_of(failed));
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (fds_[i] < 0) continue;
    require_regular_file(fds_[i], dir_ / names[i]);
    ::fcntl(fds_[i], F_SETFL, ::fcntl(fds_[i], F_GETFL) & ~O_NONBLOCK);
  }
  return true;
}

void dataset_folder::close_all() noexcept {
  for (int& fd : fds_)
    if (fd >= 0) ::close(fd), fd = -1;
}

}  // namespace aidstat::detail
