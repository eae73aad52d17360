// RFC 4180 CSV reading with positions, for the dataset loader. Internal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/error.hpp"

namespace aidstat::detail {

/// The first byte of [p, end) that is ',', '\n', '"' or '\r', or end: where an
/// unquoted field may end or needs a look. Eight bytes at a time.
const char* next_special(const char* p, const char* end) noexcept;

/// One field of a record, unquoted, with where it starts.
struct csv_field {
  std::string text;        ///< the field's value
  std::uint32_t line = 0;  ///< 1-based line where the field starts
};

/// Reads records one at a time from a whole file's text. Handles quoted fields
/// with embedded commas, quotes ("") and newlines, LF and CRLF, a UTF-8 BOM, and
/// reports malformed quoting and invalid UTF-8 as problems with line and column.
class csv_reader {
 public:
  /// Reads `text`; `file` names it in problems.
  csv_reader(std::string_view text, std::string file);
  /// Reads the next non-blank record into `fields`; false at the end. A record with
  /// a structural problem is reported into `problems` and still returned (its
  /// fields as far as they could be read) with `ok` false.
  bool next(std::vector<csv_field>& fields, bool& ok, std::vector<problem>& problems);
  /// The line where the last record started.
  std::uint32_t record_line() const noexcept { return record_line_; }

 private:
  // One record's problems go to `problems`, and clear `ok`.
  struct sink {
    std::vector<problem>& problems;
    bool& ok;
  };
  void report(sink& s, std::uint32_t line, std::size_t column, const std::string& what) const;
  // Reads a quoted field from the opening quote; false when it is never closed.
  bool read_quoted(csv_field& f, std::size_t column, sink& s);
  // Reads an unquoted field up to its comma or line break.
  void read_unquoted(csv_field& f, std::size_t column, sink& s);

  std::string_view text_;
  std::string file_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t record_line_ = 0;
};

/// True when `s` is valid UTF-8.
bool valid_utf8(std::string_view s) noexcept;

}  // namespace aidstat::detail
