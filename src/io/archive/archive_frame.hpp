// The frame of an archive of format 3 and later: a header line that declares the
// archive's kind, version and total length, with a checksum of its own, then
// sections, each a line with its name, length and XXH3 checksum and then that many
// bytes of payload (a Boost archive). Payloads start at multiples of 64 bytes, so
// that columns can later be mapped in place. Internal.
//
//   aidstat-archive binary 3 00000000000000002304 9f0c2d7e5b1a4c33\n
//   section entities 00000000000000000412 0123456789abcdef      ...\n<412 bytes>
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace aidstat::detail {

/// Payloads start at multiples of this many bytes from the start of the file.
inline constexpr std::size_t kSectionAlignment = 64;

/// XXH3 (64 bits) of `bytes`.
std::uint64_t checksum_of(std::string_view bytes) noexcept;

/// The XXH3 (64 bits) of bytes given in pieces, in order.
class running_checksum {
 public:
  running_checksum();
  ~running_checksum();
  running_checksum(const running_checksum&) = delete;
  running_checksum& operator=(const running_checksum&) = delete;
  /// Adds the next n bytes at `p`.
  void add(const char* p, std::size_t n) noexcept;
  /// The checksum of every byte added so far.
  std::uint64_t value() const noexcept;

 private:
  void* state_;  // XXH3_state_t
};

/// A stream buffer that passes bytes on to another one, counting them and keeping
/// their XXH3 checksum.
class hashing_buffer : public std::streambuf {
 public:
  /// Passes bytes on to `to`.
  explicit hashing_buffer(std::streambuf* to);
  ~hashing_buffer() override;
  hashing_buffer(const hashing_buffer&) = delete;
  hashing_buffer& operator=(const hashing_buffer&) = delete;

  /// Bytes written so far (passed on or still buffered).
  std::uint64_t position() const noexcept;
  /// Passes on what is buffered and returns the checksum of every byte written.
  std::uint64_t finish();

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool flush_buffer();

  std::streambuf* to_;
  void* state_;  // XXH3_state_t
  std::uint64_t passed_ = 0;
  std::vector<char> buffer_;
};

/// A read-only stream buffer over bytes in memory (a section's payload).
struct memory_buffer : std::streambuf {
  /// Reads `bytes`, which must outlive the buffer; they are never written through.
  explicit memory_buffer(std::string_view bytes) {
    char* b = const_cast<char*>(bytes.data());
    setg(b, b, b + bytes.size());
  }
};

/// Writes the frame around sections on a seekable stream: placeholders first, the
/// lengths and checksums once known.
class frame_writer {
 public:
  /// Starts the archive on `out` with the header line of `kind` ("binary"...).
  frame_writer(std::ostream& out, std::string_view kind, std::uint32_t version);
  /// Starts a section: its line, padded so that the payload is aligned. Write the
  /// payload to the returned buffer, then call end_section().
  hashing_buffer& begin_section(std::string_view name);
  /// Ends the section: writes its length and checksum into its line.
  void end_section();
  /// Writes the total length and the header's checksum into the header line.
  void finish();

 private:
  std::ostream& out_;
  std::string kind_;
  std::uint32_t version_;
  std::string name_;
  std::streampos line_at_ = 0;
  std::size_t padding_ = 0;
  std::unique_ptr<hashing_buffer> section_;
};

/// One section of an archive in memory.
struct section_view {
  std::string name;          ///< the section's name
  std::string_view payload;  ///< its bytes
  std::uint64_t checksum;    ///< the checksum its line declares
};

/// Reads the frame of an archive held in memory. Every problem is an aidstat::error
/// naming the archive and the damaged part.
class frame_reader {
 public:
  /// Checks the header line (its checksum) and that the archive has exactly the
  /// length it declares. `name` names the archive in messages. Where `bytes` are
  /// read on demand, `need` is called with each part before it is read (the header
  /// and section lines; payloads are the caller's to load).
  frame_reader(std::string_view bytes, std::string name,
               std::function<void(std::string_view)> need = {});
  /// The archive's kind, as its header says ("binary", "text" or "xml").
  const std::string& kind() const noexcept { return kind_; }
  /// The format version its header says.
  std::uint32_t version() const noexcept { return version_; }
  /// The next section, which must be named `expected`; its checksum is not checked.
  section_view next(std::string_view expected);
  /// Throws, naming the section, unless its payload matches its checksum.
  void verify(const section_view& s) const;
  /// The same, for `actual`, the checksum of its payload as read from the file.
  void verify(const section_view& s, std::uint64_t actual) const;
  /// Throws unless every byte of the archive has been read.
  void finish() const;

 private:
  [[noreturn]] void damaged(const std::string& why) const;

  // The line of at most 200 bytes at `at`, loaded; npos as its length when longer.
  std::string_view line_at(std::size_t at) const;

  std::string_view bytes_;
  std::string name_;
  std::function<void(std::string_view)> need_;
  std::string kind_;
  std::uint32_t version_ = 0;
  std::size_t at_ = 0;
};

}  // namespace aidstat::detail
