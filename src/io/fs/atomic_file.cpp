#include "io/fs/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>

#include "aidstat/error.hpp"
#include "aidstat/temporary_files.hpp"
#include "io/fs/fd_output.hpp"
#include "io/fs/temporary_files.hpp"

namespace aidstat::detail {
namespace {

namespace fs = std::filesystem;

// "cannot write X: No space left on device; X is unchanged".
[[noreturn]] void fail(const std::string& what, int e, const std::string& after = "") {
  throw_error<io_error>(what + ": " + reason_of(e) + after);
}

fs::path folder_of(const fs::path& p) { return p.has_parent_path() ? p.parent_path() : "."; }

// `target`, or the file its symbolic links lead to (a write goes through them).
fs::path resolve_destination(fs::path target) {
  target = destination_path(target);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(target, ec)) return target;
    const fs::path link = fs::read_symlink(target, ec);
    if (ec) fail("cannot write " + target.string(), ec.value());
    target = destination_path(link.is_absolute() ? link : folder_of(target) / link);
  }
  fail("cannot write " + target.string(), ELOOP);
}

// Mode and owner of an existing destination, to be given to what replaces it.
struct old_owner {
  bool exists = false;
  struct stat st {};
};
old_owner owner_of(const fs::path& p) {
  old_owner o;
  o.exists = ::stat(p.c_str(), &o.st) == 0;
  return o;
}
// Gives the file or folder `fd` the old destination's mode and owner. Changing the
// owner needs privileges: without them the file is the writer's, as editors do it.
void take_owner(int fd, const old_owner& o, const fs::path& shown) {
  if (!o.exists) return;
  if (::fchmod(fd, o.st.st_mode & 07777) != 0) fail("cannot write " + shown.string(), errno);
  if ((o.st.st_uid != ::geteuid() || o.st.st_gid != ::getegid()) &&
      ::fchown(fd, o.st.st_uid, o.st.st_gid) != 0 && errno != EPERM)
    fail("cannot write " + shown.string(), errno);
}

// A descriptor closed when it goes out of scope (where no close error matters).
struct owned_fd {
  int fd = -1;
  explicit owned_fd(int f) : fd(f) {}
  ~owned_fd() {
    if (fd >= 0) ::close(fd);
  }
  owned_fd(const owned_fd&) = delete;
  owned_fd& operator=(const owned_fd&) = delete;
};

// Calls `write` on `fd`, then flushes, syncs and closes it; closes it in any case.
void write_through(int fd, const fs::path& shown, const std::string& unchanged,
                   const std::function<void(std::ostream&)>& write) {
  fd_output buffer(fd);
  const std::string what = "cannot write " + shown.string();
  try {
    std::ostream out(&buffer);
    write(out);
    out.flush();
  } catch (const std::bad_alloc&) {
    ::close(fd);
    throw;
  } catch (...) {
    ::close(fd);
    if (buffer.error()) fail(what, buffer.error(), unchanged);
    throw;  // not a write failure: the writer's own error
  }
  if (!buffer.flush_all()) {
    const int e = buffer.error();
    ::close(fd);
    fail(what, e, unchanged);
  }
  if (::fsync(fd) != 0) {
    const int e = errno;
    ::close(fd);
    fail(what + " to disk", e, unchanged);
  }
  if (::close(fd) != 0) fail(what + " (closing it failed)", errno, unchanged);
}

// Makes a rename inside `folder` durable.
void sync_folder(const fs::path& folder, const fs::path& shown) {
  const owned_fd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.fd < 0 || ::fsync(fd.fd) != 0)
    fail(shown.string() + " was written, but its folder could not be synced to disk", errno);
}

void require_folder(const fs::path& folder, const fs::path& target) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw_error<io_error>("cannot write " + target.string() + ": folder " + folder.string() +
                          " does not exist");
}

}  // namespace

void write_file_atomically(const fs::path& target,
                           const std::function<void(std::ostream&)>& write) {
  const fs::path dest = resolve_destination(target);
  require_folder(folder_of(dest), target);
  remove_stale_temporaries(dest);
  const old_owner old = owner_of(dest);
  const fs::path tmp = temporary_path_for(dest);
  const signal_cleanup on_signal(tmp, false);  // listed before it exists: no moment unlisted
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail("cannot create a file in " + folder_of(dest).string(), errno);
  const std::string unchanged = old.exists ? "; " + target.string() + " is unchanged" : "";
  // The lock lives on a second descriptor, until after the rename.
  const owned_fd lock(::open(tmp.c_str(), O_RDONLY | O_CLOEXEC));
  try {
    try {
      if (lock.fd < 0) fail("cannot write " + target.string(), errno);
      lock_temporary(lock.fd, tmp);
      take_owner(fd, old, target);
    } catch (...) {
      ::close(fd);
      throw;
    }
    write_through(fd, target, unchanged, write);  // closes fd
    if (::rename(tmp.c_str(), dest.c_str()) != 0)
      fail("cannot replace " + target.string(), errno, unchanged);
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  sync_folder(folder_of(dest), target);
}

void write_staged_file(const fs::path& file, const fs::path& shown,
                       const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail("cannot write " + shown.string(), errno);
  write_through(fd, shown, "", write);
}

namespace {

// The names in `dir` that are neither in `names` nor leftovers of earlier writes.
std::vector<std::string> foreign_entries(const fs::path& dir,
                                         const std::vector<std::string>& names) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool ours = std::find(names.begin(), names.end(), name) != names.end();
    const bool leftover = name.starts_with(".") && name.find(".tmp-") != std::string::npos;
    if (!ours && !leftover) out.push_back(name);
  }
  return out;
}

void refuse_foreign(const fs::path& shown, const std::vector<std::string>& foreign) {
  std::string list;
  for (std::size_t i = 0; i < foreign.size() && i < 3; ++i) list += (i ? ", " : "") + foreign[i];
  if (foreign.size() > 3) list += " and " + std::to_string(foreign.size() - 3) + " more";
  throw_error<io_error>("cannot write into " + shown.string() + ": it holds " + list +
                        ", which is not part of a dataset; write into a new folder, or one "
                        "that holds only a dataset's CSV files");
}

// Gives the files of `staging` the mode and owner of their namesakes in `old_dir`.
void keep_file_owners(const fs::path& old_dir, const fs::path& staging,
                      const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const old_owner old = owner_of(old_dir / name);
    const owned_fd fd(::open((staging / name).c_str(), O_RDONLY | O_CLOEXEC));
    if (old.exists && fd.fd >= 0) take_owner(fd.fd, old, old_dir / name);
  }
}

}  // namespace

void write_folder_atomically(const fs::path& dir, const std::vector<std::string>& names,
                             const std::function<void(const fs::path&)>& write) {
  const fs::path dest = resolve_destination(dir);
  require_folder(folder_of(dest), dir);
  const old_owner old = owner_of(dest);
  if (old.exists && !S_ISDIR(old.st.st_mode))
    throw_error<io_error>("cannot write into " + dir.string() + ": it is a file, not a folder");
  if (old.exists) {
    const std::vector<std::string> foreign = foreign_entries(dest, names);
    if (!foreign.empty()) refuse_foreign(dir, foreign);
  }
  remove_stale_temporaries(dest);
  const fs::path staging = temporary_path_for(dest);
  // Listed before they exist, so that no moment leaves them unlisted.
  std::vector<std::unique_ptr<signal_cleanup>> on_signal;
  for (const std::string& name : names)
    on_signal.push_back(std::make_unique<signal_cleanup>(staging / name, false));
  on_signal.push_back(std::make_unique<signal_cleanup>(staging, true));
  if (::mkdir(staging.c_str(), 0777) != 0)
    fail("cannot create a folder in " + folder_of(dest).string(), errno);
  const std::string unchanged = old.exists ? "; " + dir.string() + " is unchanged" : "";
  try {
    const owned_fd lock(::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (lock.fd < 0) fail("cannot write " + dir.string(), errno);
    lock_temporary(lock.fd, staging);
    take_owner(lock.fd, old, dir);
    write(staging);
    if (old.exists) keep_file_owners(dest, staging, names);
    if (::fsync(lock.fd) != 0) fail("cannot write " + dir.string() + " to disk", errno, unchanged);
    const int swapped =
        old.exists ? ::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, dest.c_str(), RENAME_EXCHANGE)
                   : ::rename(staging.c_str(), dest.c_str());
    if (swapped != 0) fail("cannot replace " + dir.string(), errno, unchanged);
  } catch (const io_error& e) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    const std::string what = e.what();
    if (unchanged.empty() || what.ends_with(unchanged)) throw;
    throw_error<io_error>(what + unchanged);  // a file of the folder failed: the folder is whole
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  std::error_code ec;
  fs::remove_all(staging, ec);  // the old folder; a later write removes what is left
  sync_folder(folder_of(dest), dir);
}

}  // namespace aidstat::detail
