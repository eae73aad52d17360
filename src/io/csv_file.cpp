#include "io/csv_file.hpp"

#include <fstream>
#include <sstream>

#include "aidstat/error.hpp"

namespace aidstat::detail {

csv_text read_csv_file(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec))
    throw_error<io_error>("cannot find " + p.string() + ": it is required");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw_error<io_error>("cannot open " + p.string() + " for reading");
  // One read of the whole file into its final place (no stream copy).
  std::string text;
  const auto size = std::filesystem::file_size(p, ec);
  if (!ec) {
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw_error<io_error>("cannot read " + p.string());
  // Whatever is there beyond the size first seen (a file still growing, a pipe).
  std::ostringstream rest;
  in.clear();
  rest << in.rdbuf();
  text += std::move(rest).str();
  return csv_text{p.string(), std::move(text)};
}

std::optional<csv_text> read_optional_csv_file(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) return std::nullopt;
  return read_csv_file(p);
}

}  // namespace aidstat::detail
