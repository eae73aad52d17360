// A whole file as read-only bytes, read on demand with pread into memory of the
// process's own (never a mapping of the file: another program that overwrites or
// cuts the file while it is read would end the process with SIGBUS). A reader asks
// for the parts it needs with load(); a file changed underneath is an io_error
// naming it. And the one other piece of memory advice the loaders give the system
// (huge pages). Internal.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aidstat::detail {

class file_bytes {
 public:
  /// Opens `path`, which must be a regular file; throws io_error naming it.
  explicit file_bytes(const std::filesystem::path& path);
  /// The same for the open file `fd`, which stays the caller's; `path` names it.
  file_bytes(int fd, const std::filesystem::path& path);
  ~file_bytes();
  file_bytes(const file_bytes&) = delete;
  file_bytes& operator=(const file_bytes&) = delete;

  /// The address range of the whole file, valid while this object lives. Only the
  /// parts passed to load() hold the file's bytes (the rest reads as zeros).
  std::string_view bytes() const noexcept { return bytes_; }
  /// Reads `part` of bytes() from the file, unless it was read already; safe to call
  /// from several threads. Throws io_error when the file has changed.
  void load(std::string_view part) const;
  /// load(bytes()).
  void load_all() const { load(bytes_); }
  /// Throws io_error, naming the file, if it has changed since it was opened.
  void check_unchanged() const;
  /// True when the file has changed since it was opened.
  bool changed() const noexcept;
  /// Reads n bytes of the file at `offset` into `to` (memory of the caller's, not
  /// bytes()). Throws io_error when they cannot be read or the file has been cut.
  void read_into(std::uint64_t offset, char* to, std::size_t n) const;
  /// Tells the system that `part` of bytes() has been read and will not be again:
  /// its whole pages leave the process's resident memory.
  void release(std::string_view part) const noexcept;

 private:
  void open_from(int fd);
  void load_chunk(std::size_t chunk) const;
  [[noreturn]] void changed_error() const;

  std::filesystem::path path_;
  int fd_ = -1;
  bool own_fd_ = false;
  off_t size_ = 0;
  struct timespec mtime_ {};
  void* memory_ = nullptr;
  std::string_view bytes_;
  // Per chunk: 0 not read, 1 being read, 2 read.
  std::unique_ptr<std::atomic<unsigned char>[]> state_;
};

/// Asks the system to back [data, data + bytes) with huge pages where it can: a
/// column that fills hundreds of megabytes then costs hundreds of page faults, not
/// tens of thousands. Advice only; nothing changes where the system does not take it.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

/// The same for the capacity of a vector.
template <class T>
void advise_huge_pages(const std::vector<T>& v) noexcept {
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace aidstat::detail
