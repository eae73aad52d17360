// The text of one CSV file with its name: what every CSV reader of aidstat takes.
#pragma once

#include <string>

namespace aidstat {

/// The text of one CSV file and the name that messages use for it.
struct csv_text {
  std::string name;  ///< e.g. "data/items.csv"
  std::string text;  ///< the whole file, UTF-8, with or without BOM
};

}  // namespace aidstat
