#include "io/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>

#include "aidstat/error.hpp"
#include "io/csv_file.hpp"

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

void mapped_file::release(std::string_view part) const noexcept {
  if (!map_ || part.empty()) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(part.data());
  const std::uintptr_t from = (begin + page - 1) & ~(page - 1);  // whole pages inside only
  const std::uintptr_t to = (begin + part.size()) & ~(page - 1);
  const auto map_begin = reinterpret_cast<std::uintptr_t>(map_);
  if (from < map_begin || to > map_begin + map_size_ || to <= from) return;
  ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;  // whole huge pages inside only
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t from = (begin + huge - 1) & ~(huge - 1);
  const std::uintptr_t to = (begin + bytes) & ~(huge - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
#else
  (void)data, (void)bytes;
#endif
}

}  // namespace aidstat::detail
