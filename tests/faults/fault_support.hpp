// Helpers of the fault tests: running the `aidstat` command under the write-fault
// shim, or killing it, and looking at what it left behind.
#pragma once

#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "items_sample.hpp"
#include "test_support.hpp"

namespace aidstat::test {

/// The files of a folder by name, each with its bytes (leftovers included).
inline std::map<std::string, std::string> folder_files(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    out[it->path().filename().string()] = file_text(it->path());
  return out;
}

/// What a write left in `dir` that is not one of its results: temporaries.
inline std::vector<std::string> leftovers(const std::filesystem::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos)
      out.push_back(e.path().filename().string());
  return out;
}

/// What a destination holds: a file's bytes (under ""), or a folder's files.
inline std::map<std::string, std::string> state_of(const std::filesystem::path& dest) {
  if (std::filesystem::is_directory(dest)) return folder_files(dest);
  return {{"", file_text(dest)}};
}

/// A dataset folder of `rows` sample records (a few megabytes for 40,000).
inline std::filesystem::path write_sample(const std::filesystem::path& dir, std::size_t rows,
                                          std::uint64_t seed) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "units.csv", std::ios::binary) << kUnitsCsv;
  std::ofstream(dir / "beneficiaries.csv", std::ios::binary) << kPeopleCsv;
  std::ofstream(dir / "items.csv", std::ios::binary) << items_csv(rows, seed);
  return dir;
}

/// Quotes `p` for the shell.
inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace aidstat::test
