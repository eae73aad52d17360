// One section of an archive read from its file as it is parsed: what a column takes
// goes from the file straight into the column, and the XXH3 of every byte is kept in
// order, so that a section is read once and never held whole beside its columns.
// Internal.
#pragma once

#include <cstdint>
#include <streambuf>
#include <string_view>
#include <vector>

#include "io/archive/archive_frame.hpp"
#include "io/fs/file_bytes.hpp"

namespace aidstat::detail {

/// A read-only stream buffer over `payload`, a part of file.bytes() that need not be
/// loaded: each read is a pread of the file. Throws io_error as file_bytes does.
class section_stream : public std::streambuf {
 public:
  section_stream(const file_bytes& file, std::string_view payload);
  section_stream(const section_stream&) = delete;
  section_stream& operator=(const section_stream&) = delete;

  /// Reads what the parse left of the payload, and returns the checksum of all of it.
  std::uint64_t finish();
  /// The offset in the file of the next byte the parse will take.
  std::uint64_t position() const noexcept;
  /// Reads past the next n bytes, keeping their checksum; throws data_error when the
  /// payload ends before them.
  void skip(std::uint64_t n);

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char* s, std::streamsize n) override;

 private:
  // Reads the next n bytes of the payload into `to`, hashing them.
  void read(char* to, std::size_t n);

  const file_bytes& file_;
  std::uint64_t next_, end_;  // offsets in the file
  running_checksum checksum_;
  std::vector<char> buffer_;  // for the small reads of counts and fields
};

}  // namespace aidstat::detail
