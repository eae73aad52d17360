#include "io/xlsx/zip_parts.hpp"

#include <zip.h>

#include <memory>
#include <vector>

#include "aidstat/error.hpp"

namespace aidstat::detail {

zip_parts::zip_parts(const std::filesystem::path& file) : shown_(file.string()) {
  int code = 0;
  zip_ = zip_open(file.c_str(), ZIP_RDONLY, &code);
  if (zip_) return;
  zip_error_t err;
  zip_error_init_with_code(&err, code);
  const std::string reason = zip_error_strerror(&err);
  zip_error_fini(&err);
  if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
    throw_error<data_error>(shown_ + " is not an Excel workbook (.xlsx): it is not a zip file (" +
                            reason + ")");
  throw_error<io_error>("cannot read " + shown_ + ": " + reason);
}

zip_parts::~zip_parts() {
  if (zip_) zip_discard(zip_);
}

void zip_parts::damaged(const std::string& what) const {
  throw_error<data_error>(shown_ + " is damaged: " + what);
}

bool zip_parts::has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

void zip_parts::read(const std::string& name, std::uint64_t cap,
                     const std::function<void(std::string_view)>& sink) const {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0)
    throw_error<data_error>(shown_ + " is not a complete workbook: it has no part " + name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE))
    damaged("the size of " + name + " cannot be read");
  if (st.size > cap)
    damaged(name + " would inflate to " + std::to_string(st.size) + " bytes, beyond the " +
            std::to_string(cap) + " this reader accepts for it");
  const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> part(
      zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  if (!part) damaged(name + " cannot be opened: " + zip_strerror(zip_));
  std::vector<char> chunk(1 << 16);
  std::uint64_t total = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(part.get(), chunk.data(), chunk.size());
    if (n < 0) damaged(name + " cannot be inflated: " + zip_file_strerror(part.get()));
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (total > st.size) damaged(name + " inflates to more than the size it declares");
    sink({chunk.data(), static_cast<std::size_t>(n)});
  }
  if (total != st.size) damaged(name + " inflates to less than the size it declares");
}

}  // namespace aidstat::detail
