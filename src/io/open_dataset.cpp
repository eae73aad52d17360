#include "aidstat/open_dataset.hpp"

#include "aidstat/archive.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"

namespace aidstat {

bool is_archive_path(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

dataset open_dataset(const std::filesystem::path& path, item_fields fields, work_meter* meter) {
  bool archive = false;
  try {
    archive = is_archive_path(path);
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>("not enough memory to load " + path.string() +
                                      "; the data is not at fault: free memory and try again");
  }
  return archive ? load_archive(path, fields, meter) : load_dataset(path, nullptr, 0, meter);
}

}  // namespace aidstat
