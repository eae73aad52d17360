// An output stream buffer over a file descriptor that keeps the system's reason for
// the first failed write, so that a full disk is reported as "No space left on
// device" naming the file, never as a bare stream error. Seekable (the archive
// frame writes its lengths back). Internal.
#pragma once

#include <streambuf>
#include <string>
#include <vector>

namespace aidstat::detail {

class fd_output : public std::streambuf {
 public:
  /// Writes to `fd`, which the caller owns and closes.
  explicit fd_output(int fd);
  fd_output(const fd_output&) = delete;
  fd_output& operator=(const fd_output&) = delete;

  /// The errno of the first write or seek that failed; 0 while none has.
  int error() const noexcept { return error_; }
  /// Writes what is buffered; false (and error() set) when that fails.
  bool flush_all();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override;
  pos_type seekpos(pos_type pos, std::ios_base::openmode mode) override;

 private:
  bool write_all(const char* s, std::size_t n);

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

/// "No space left on device": the system's words for errno `e`.
std::string reason_of(int e);

}  // namespace aidstat::detail
