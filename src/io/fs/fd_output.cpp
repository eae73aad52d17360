#include "io/fs/fd_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aidstat::detail {
namespace {
constexpr std::size_t kBufferSize = std::size_t{1} << 16;
}

fd_output::fd_output(int fd) : fd_(fd), buffer_(kBufferSize) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool fd_output::write_all(const char* s, std::size_t n) {
  if (error_) return false;
  while (n > 0) {
    const ssize_t w = ::write(fd_, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      error_ = w < 0 ? errno : ENOSPC;  // a write of nothing: the device took no more
      return false;
    }
    s += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool fd_output::flush_all() {
  const auto n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return write_all(buffer_.data(), n);
}

fd_output::int_type fd_output::overflow(int_type ch) {
  if (!flush_all()) return traits_type::eof();
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  *pptr() = traits_type::to_char_type(ch);
  pbump(1);
  return ch;
}

std::streamsize fd_output::xsputn(const char* s, std::streamsize n) {
  if (n < static_cast<std::streamsize>(kBufferSize / 4)) return std::streambuf::xsputn(s, n);
  // Large blocks (columns) go straight through.
  if (!flush_all() || !write_all(s, static_cast<std::size_t>(n))) return 0;
  return n;
}

int fd_output::sync() { return flush_all() ? 0 : -1; }

fd_output::pos_type fd_output::seekoff(off_type off, std::ios_base::seekdir dir,
                                       std::ios_base::openmode) {
  if (!flush_all()) return pos_type(off_type(-1));
  const int whence = dir == std::ios_base::beg   ? SEEK_SET
                     : dir == std::ios_base::cur ? SEEK_CUR
                                                 : SEEK_END;
  const off_t at = ::lseek(fd_, static_cast<off_t>(off), whence);
  if (at < 0) {
    error_ = errno;
    return pos_type(off_type(-1));
  }
  return pos_type(static_cast<off_type>(at));
}

fd_output::pos_type fd_output::seekpos(pos_type pos, std::ios_base::openmode mode) {
  return seekoff(off_type(pos), std::ios_base::beg, mode);
}

std::string reason_of(int e) {
  char buffer[256];
  // GNU strerror_r: returns the message, which may or may not be in `buffer`.
  return ::strerror_r(e, buffer, sizeof buffer);
}

}  // namespace aidstat::detail
