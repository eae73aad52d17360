// A dataset as the rows of its files, each field the text CSV holds: what the CSV
// export and the workbook export both write. Internal.
#pragma once

#include <string>
#include <vector>

#include "aidstat/dataset.hpp"

namespace aidstat::detail {

/// One file of a dataset: its name without ".csv", its header and its rows.
struct dataset_file {
  std::string name;                            ///< "items", "units"...
  std::vector<std::string> header;             ///< the CSV columns
  std::vector<std::vector<std::string>> rows;  ///< each row's fields, as CSV text
};

/// The files of `d`, categories first and items last, each field as export_csv writes
/// it: amounts exact ("3190000.50") or as "[min, max]", dates at their precision.
std::vector<dataset_file> dataset_files(const dataset& d);

}  // namespace aidstat::detail
