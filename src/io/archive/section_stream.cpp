#include "io/archive/section_stream.hpp"

#include <algorithm>
#include <cstring>

#include "aidstat/error.hpp"

namespace aidstat::detail {
namespace {
constexpr std::size_t kSmallReads = std::size_t{64} << 10;  // the buffer of small reads
constexpr std::size_t kPiece = std::size_t{1} << 20;        // hashed while still in the cache
}  // namespace

section_stream::section_stream(const file_bytes& file, std::string_view payload)
    : file_(file),
      next_(static_cast<std::uint64_t>(payload.data() - file.bytes().data())),
      end_(next_ + payload.size()) {}

void section_stream::read(char* to, std::size_t n) {
  while (n > 0) {
    const std::size_t piece = std::min(n, kPiece);
    file_.read_into(next_, to, piece);
    checksum_.add(to, piece);
    to += piece, n -= piece, next_ += piece;
  }
}

section_stream::int_type section_stream::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kSmallReads, end_ - next_));
  if (n == 0) return traits_type::eof();
  buffer_.resize(kSmallReads);
  read(buffer_.data(), n);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

std::streamsize section_stream::xsgetn(char* s, std::streamsize count) {
  auto want = static_cast<std::size_t>(std::max<std::streamsize>(count, 0));
  const auto buffered = std::min(want, static_cast<std::size_t>(egptr() - gptr()));
  if (buffered) std::memcpy(s, gptr(), buffered);
  gbump(static_cast<int>(buffered));
  std::size_t got = buffered;
  want -= buffered;
  if (want >= kSmallReads) {  // a column: straight from the file into its place
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(want, end_ - next_));
    read(s + got, n);
    return static_cast<std::streamsize>(got + n);
  }
  while (want > 0 && underflow() != traits_type::eof()) {
    const auto n = std::min(want, static_cast<std::size_t>(egptr() - gptr()));
    std::memcpy(s + got, gptr(), n);
    gbump(static_cast<int>(n));
    got += n, want -= n;
  }
  return static_cast<std::streamsize>(got);
}

std::uint64_t section_stream::position() const noexcept {
  return next_ - static_cast<std::uint64_t>(egptr() - gptr());
}

void section_stream::skip(std::uint64_t n) {
  const auto buffered = static_cast<std::uint64_t>(egptr() - gptr());
  if (n <= buffered) return gbump(static_cast<int>(n));  // the rest of the buffer stays
  n -= buffered;
  if (n > end_ - next_) throw_error<data_error>("a column runs past the end of its section");
  buffer_.resize(kPiece);
  setg(nullptr, nullptr, nullptr);
  while (n > 0) {
    const auto piece = static_cast<std::size_t>(std::min<std::uint64_t>(n, kPiece));
    read(buffer_.data(), piece);
    n -= piece;
  }
}

std::uint64_t section_stream::finish() {
  setg(nullptr, nullptr, nullptr);  // what was buffered is hashed already
  buffer_.resize(kSmallReads);
  while (next_ < end_)
    read(buffer_.data(),
         static_cast<std::size_t>(std::min<std::uint64_t>(kSmallReads, end_ - next_)));
  return checksum_.value();
}

}  // namespace aidstat::detail
