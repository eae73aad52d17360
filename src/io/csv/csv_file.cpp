#include "io/csv/csv_file.hpp"

#include "aidstat/error.hpp"
#include "io/fs/file_bytes.hpp"

namespace aidstat::detail {
namespace {
csv_text read_all(const file_bytes& f, const std::filesystem::path& p) {
  f.load_all();
  f.check_unchanged();
  return csv_text{p.string(), std::string(f.bytes())};
}
}  // namespace

csv_text read_csv_file(const std::filesystem::path& p) { return read_all(file_bytes(p), p); }

std::optional<csv_text> read_optional_csv_file(int fd, const std::filesystem::path& p) {
  if (fd < 0) return std::nullopt;
  return read_all(file_bytes(fd, p), p);
}

}  // namespace aidstat::detail
