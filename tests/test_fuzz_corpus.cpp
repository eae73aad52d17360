// Every fuzz input ever kept (seeds, and each crash the fuzzers found) runs here
// through the fuzz harnesses in the regular suite, with or without clang.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fuzz/harness.hpp"

namespace {
std::vector<std::filesystem::path> inputs(const char* target) {
  std::vector<std::filesystem::path> out;
  const auto dir = std::filesystem::path(AIDSTAT_SOURCE_DIR) / "tests/fuzz/corpus" / target;
  for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST_CASE("fuzz corpus: amount parser", "[fuzz]") {
  const auto files = inputs("amount_text");
  CHECK(files.size() >= 20);
  for (const auto& f : files) aidstat::fuzz::amount_text(slurp(f));
}

TEST_CASE("fuzz corpus: CSV loader", "[fuzz]") {
  const auto files = inputs("csv_loader");
  CHECK(files.size() >= 3);
  for (const auto& f : files) aidstat::fuzz::csv_loader(slurp(f));
}

TEST_CASE("fuzz corpus: archive loader", "[fuzz]") {
  const auto files = inputs("archive");
  CHECK(files.size() >= 3);
  for (const auto& f : files) aidstat::fuzz::archive(slurp(f));
}
