// A whole file as read-only bytes: mapped into memory where the system allows it
// (no copy, no fresh pages to clear), else read into a string; and the one other
// piece of memory advice the loaders give the system (huge pages). Internal.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace aidstat::detail {

class mapped_file {
 public:
  /// Maps or reads `path`; throws io_error naming it when it cannot.
  explicit mapped_file(const std::filesystem::path& path);
  ~mapped_file();
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;

  /// The file's bytes, valid while this object lives.
  std::string_view bytes() const noexcept { return bytes_; }

  /// Tells the system that `part` of bytes() has been read and will not be soon
  /// again: its whole pages leave the process's resident memory (the page cache
  /// keeps them, and a later read maps them back). Nothing for a file read, not mapped.
  void release(std::string_view part) const noexcept;

 private:
  void* map_ = nullptr;
  std::size_t map_size_ = 0;
  std::string copy_;  // when mapping is not possible
  std::string_view bytes_;
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
