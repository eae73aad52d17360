// The one exception family of aidstat. Every error the library throws derives
// from aidstat::error, and its what() is a sentence a program officer can act on:
// what is wrong, where, and what would be right.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aidstat {

/// Root of every exception aidstat throws. Its message is always valid UTF-8 and safe
/// to print: bytes that are not UTF-8, NUL and control characters from the data are
/// shown as \xNN; quoted data longer than 60 characters is cut there with "…".
class error : public std::runtime_error {
 public:
  /// An error saying `what`, made printable as above.
  explicit error(const std::string& what);
  /// An error saying `what`.
  explicit error(const char* what) : error(std::string(what)) {}
};

/// A figure, date or key that cannot be read ("12x万元"); the message names the text.
class parse_error : public error {
 public:
  using error::error;
};

/// A sum or product of money or counts that does not fit in 64 bits.
class overflow_error : public error {
 public:
  using error::error;
};

/// A query or call that cannot be answered as asked (unknown dimension, bad filter).
class query_error : public error {
 public:
  using error::error;
};

/// Data that breaks a rule of the model: an undefined unit, a category defined twice,
/// a damaged archive. (A CSV file's problems come all at once, as validation_error.)
class data_error : public error {
 public:
  using error::error;
};

/// A file that cannot be opened or read.
class io_error : public error {
 public:
  using error::error;
};

/// Not enough memory for what was asked, such as loading a large file under a memory
/// limit. The data is not at fault: with more memory, or fewer fields, it loads.
class memory_error : public error {
 public:
  using error::error;
};

/// Where a problem was found: file, 1-based line, 1-based column (CSV field number), or
/// in a workbook the sheet and cell, or in a table given as columns (load_tables.hpp)
/// its row; with the column's name wherever the header gave one.
struct source_location {
  std::string file;          ///< file name as given, e.g. "items.csv" or "book.xlsx"
  std::uint32_t line = 0;    ///< 0 when not applicable (in a workbook or a table: the 1-based row)
  std::uint32_t column = 0;  ///< CSV field number, or a workbook's 1-based column; 0: n/a
  std::string cell = {};     ///< a workbook's sheet and cell, "items!G12"; empty for CSV
  std::string field = {};    ///< the column's name in the header ("amount"); empty: n/a
  bool in_table = false;     ///< in a table given as columns: `file` names the table
  /// Equal when every part is.
  friend bool operator==(const source_location&, const source_location&) = default;
};

/// One problem found while validating data.
struct problem {
  source_location where;  ///< where it was found
  std::string message;    ///< what is wrong and what would be right

  /// "items.csv:12:7: message", "book.xlsx: items!G12: message", or for a table
  /// "items, row 3, column 'amount': message" (parts that are unknown are left out).
  std::string to_string() const;
  /// Equal when place and message are.
  friend bool operator==(const problem&, const problem&) = default;
};

/// A load keeps at most this many problems, and stops reading once it has them.
inline constexpr std::size_t max_problems = 1000;

/// Every problem found in a dataset at once (the first max_problems); what() lists
/// the first 100, one per line.
class validation_error : public data_error {
 public:
  /// Takes the list of problems (must not be empty); `stopped` when reading stopped
  /// at max_problems, so that more may follow.
  explicit validation_error(std::vector<problem> problems, bool stopped = false);
  /// The problems, in file and line order.
  const std::vector<problem>& problems() const noexcept { return problems_; }
  /// True when reading stopped at max_problems problems.
  bool stopped() const noexcept { return stopped_; }

 private:
  std::vector<problem> problems_;
  bool stopped_ = false;
};

namespace detail {
/// Throws E constructed from `args` (for aidstat's errors, the message); the single
/// throw point of the library, so that every throw names its type.
template <class E, class... Args>
[[noreturn]] void throw_error(Args&&... args) {
  throw E(std::forward<Args>(args)...);
}

/// Inside a catch block: throws the caught aidstat error again, of the same type,
/// with `prefix` (e.g. a file name and ": ") before its message; a validation_error,
/// whose problems name their files, unchanged.
[[noreturn]] void rethrow_with_prefix(const std::string& prefix);

}  // namespace detail

}  // namespace aidstat
