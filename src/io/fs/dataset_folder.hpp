// The files of a CSV dataset folder, opened at one moment, so that a reader never
// mixes two datasets while `export` replaces the folder (it swaps a whole new folder
// in). Every file must be a regular file: a FIFO, a device or a folder named
// items.csv is refused, naming it. Internal.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace aidstat::detail {

/// The files of a dataset folder, items.csv last (the order they are read in).
const std::vector<std::string>& dataset_file_names();

class dataset_folder {
 public:
  /// Opens `dir` and each of its files that exists. Throws io_error when `dir` is not
  /// a folder, a file is not a regular file, or the folder keeps being replaced.
  explicit dataset_folder(const std::filesystem::path& dir);
  ~dataset_folder();
  dataset_folder(const dataset_folder&) = delete;
  dataset_folder& operator=(const dataset_folder&) = delete;

  /// The folder as given.
  const std::filesystem::path& path() const noexcept { return dir_; }
  /// The open file `name` (one of dataset_file_names()), or -1 when there is none.
  int fd(std::string_view name) const noexcept;

 private:
  bool open_all();  // false when the folder was replaced while its files were opened
  void close_all() noexcept;

  std::filesystem::path dir_;
  std::array<int, 6> fds_{-1, -1, -1, -1, -1, -1};
};

/// Throws io_error naming `path` unless the open file `fd` is a regular file.
void require_regular_file(int fd, const std::filesystem::path& path);

}  // namespace aidstat::detail
