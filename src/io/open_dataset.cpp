#include "aidstat/open_dataset.hpp"

#include <cctype>

#include "aidstat/archive.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/workbook.hpp"

namespace aidstat {

dataset_storage storage_of(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".xlsx") return dataset_storage::workbook;
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) ? dataset_storage::archive
                                                    : dataset_storage::csv_directory;
}

dataset open_dataset(const std::filesystem::path& path, item_fields fields, work_meter* meter,
                     dataset_sources* sources) {
  dataset_storage storage = dataset_storage::csv_directory;
  try {
    storage = storage_of(path);
  } catch (const std::bad_alloc&) {
    detail::throw_error<memory_error>("not enough memory to load " + path.string() +
                                      "; the data is not at fault: free memory and try again");
  }
  switch (storage) {
    case dataset_storage::archive:
      if (sources) *sources = {};
      return load_archive(path, fields, meter);
    case dataset_storage::workbook:
      return load_workbook(path, sources);
    case dataset_storage::csv_directory:
      break;
  }
  return load_dataset(path, sources, 0, meter);
}

}  // namespace aidstat
