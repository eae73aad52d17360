#include "aidstat/open_dataset.hpp"

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"

namespace aidstat {

bool is_archive_path(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

dataset open_dataset(const std::filesystem::path& path, item_fields fields, work_meter* meter) {
  return is_archive_path(path) ? load_archive(path, fields, meter)
                               : load_dataset(path, nullptr, 0, meter);
}

}  // namespace aidstat
