#include "io/fs/file_bytes.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <thread>

#include "aidstat/error.hpp"
#include "io/fs/dataset_folder.hpp"
#include "io/fs/fd_output.hpp"

namespace aidstat::detail {
namespace {
constexpr std::size_t kChunk = std::size_t{1} << 20;
}

file_bytes::file_bytes(const std::filesystem::path& path) : path_(path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) throw_error<io_error>("cannot find " + path.string() + ": it is required");
    throw_error<io_error>("cannot open " + path.string() + ": " + reason_of(e));
  }
  fd_ = fd;
  own_fd_ = true;
  open_from(fd);
}

file_bytes::file_bytes(int fd, const std::filesystem::path& path) : path_(path) {
  if (fd < 0) throw_error<io_error>("cannot find " + path.string() + ": it is required");
  fd_ = fd;
  open_from(fd);
}

void file_bytes::open_from(int fd) {
  try {
    require_regular_file(fd, path_);
  } catch (...) {
    if (own_fd_) ::close(fd_);
    throw;
  }
  struct stat st {};
  ::fstat(fd, &st);
  size_ = st.st_size;
  mtime_ = st.st_mtim;
  if (size_ == 0) return;
  const auto size = static_cast<std::size_t>(size_);
  void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    if (own_fd_) ::close(fd_);
    throw std::bad_alloc();
  }
  memory_ = p;
  advise_huge_pages(p, size);  // a fault per 2 MB read, not per 4 KB
  bytes_ = std::string_view(static_cast<const char*>(p), size);
  state_ = std::make_unique<std::atomic<unsigned char>[]>((size + kChunk - 1) / kChunk);
}

file_bytes::~file_bytes() {
  if (memory_) ::munmap(memory_, bytes_.size());
  if (own_fd_ && fd_ >= 0) ::close(fd_);
}

void file_bytes::load(std::string_view part) const {
  if (part.empty() || !memory_) return;
  const auto from = static_cast<std::size_t>(part.data() - bytes_.data());
  const std::size_t to = std::min(from + part.size(), bytes_.size());
  for (std::size_t chunk = from / kChunk; chunk * kChunk < to; ++chunk) load_chunk(chunk);
}

void file_bytes::load_chunk(std::size_t chunk) const {
  std::atomic<unsigned char>& s = state_[chunk];
  unsigned char expected = 0;
  if (!s.compare_exchange_strong(expected, 1)) {
    while (s.load(std::memory_order_acquire) == 1) std::this_thread::yield();
    if (s.load(std::memory_order_acquire) != 2) changed_error();  // the reader that tried failed
    return;
  }
  try {
    read_into(chunk * kChunk, static_cast<char*>(memory_) + chunk * kChunk,
              std::min(kChunk, bytes_.size() - chunk * kChunk));
  } catch (...) {
    s.store(3, std::memory_order_release);
    throw;
  }
  s.store(2, std::memory_order_release);
}

void file_bytes::read_into(std::uint64_t offset, char* to, std::size_t n) const {
  auto at = static_cast<off_t>(offset);
  while (n > 0) {
    const ssize_t got = ::pread(fd_, to, n, at);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      const int e = got < 0 ? errno : 0;
      if (e) throw_error<io_error>("cannot read " + path_.string() + ": " + reason_of(e));
      changed_error();  // shorter than when it was opened
    }
    to += got, n -= static_cast<std::size_t>(got), at += got;
  }
}

bool file_bytes::changed() const noexcept {
  struct stat st {};
  if (fd_ < 0 || ::fstat(fd_, &st) != 0) return false;
  return st.st_size != size_ || st.st_mtim.tv_sec != mtime_.tv_sec ||
         st.st_mtim.tv_nsec != mtime_.tv_nsec;
}

void file_bytes::check_unchanged() const {
  if (changed()) changed_error();
}

void file_bytes::changed_error() const {
  throw_error<io_error>(path_.string() +
                        ": it was changed by another program while it was being read; read it "
                        "again once that program is done");
}

void file_bytes::release(std::string_view part) const noexcept {
  if (!memory_ || part.empty()) return;
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto begin = reinterpret_cast<std::uintptr_t>(part.data());
  const std::uintptr_t from = (begin + page - 1) & ~(page - 1);  // whole pages inside only
  const std::uintptr_t to = (begin + part.size()) & ~(page - 1);
  const auto map_begin = reinterpret_cast<std::uintptr_t>(memory_);
  if (from < map_begin || to > map_begin + bytes_.size() || to <= from) return;
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
