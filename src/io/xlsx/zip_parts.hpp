// The parts of a workbook's zip container, read with libzip: each part inflated a
// chunk at a time, never beyond the size its directory entry declares nor beyond a
// cap, so that a zip bomb is an error and not an allocation. Internal.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

struct zip;

namespace aidstat::detail {

/// An open zip file.
class zip_parts {
 public:
  /// Opens `file`; throws data_error when it is not a zip file (naming it), io_error
  /// when it cannot be read.
  explicit zip_parts(const std::filesystem::path& file);
  ~zip_parts();
  zip_parts(const zip_parts&) = delete;
  zip_parts& operator=(const zip_parts&) = delete;

  /// True when the part `name` ("xl/workbook.xml") is in the file.
  bool has(const std::string& name) const;
  /// Inflates part `name` and hands its bytes to `sink` in chunks. Throws data_error
  /// when the part is missing, declares or inflates to more than `cap` bytes, inflates
  /// to other than it declares, or fails its checksum.
  void read(const std::string& name, std::uint64_t cap,
            const std::function<void(std::string_view)>& sink) const;

 private:
  [[noreturn]] void damaged(const std::string& what) const;
  std::string shown_;
  ::zip* zip_ = nullptr;
};

}  // namespace aidstat::detail
