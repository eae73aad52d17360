#include "mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aidstat/error.hpp"
#include "table_reader.hpp"

namespace aidstat::detail {

mapped_file::mapped_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      ::madvise(p, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
      map_ = p;
      map_size_ = static_cast<std::size_t>(st.st_size);
      bytes_ = std::string_view(static_cast<const char*>(p), map_size_);
    }
  }
  if (fd >= 0) ::close(fd);
  if (!map_) {  // empty, special or unmappable: read it (this reports a missing file)
    copy_ = read_csv_file(path).text;
    bytes_ = copy_;
  }
}

mapped_file::~mapped_file() {
  if (map_) ::munmap(map_, map_size_);
}

}  // namespace aidstat::detail
