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

namespace detail {
/// `text` with every byte that is not part of well-formed UTF-8 shown as `\xNN`, so
/// that messages quoting a damaged file are always valid UTF-8.
std::string printable_utf8(std::string_view text);
}  // namespace detail

/// Root of every exception aidstat throws. Its message is always valid UTF-8.
class error : public std::runtime_error {
 public:
  /// An error saying `what` (bytes that are not UTF-8 shown as \xNN).
  explicit error(const std::string& what) : std::runtime_error(detail::printable_utf8(what)) {}
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

/// Where a problem was found: file, 1-based line, 1-based column (CSV field number).
struct source_location {
  std::string file;          ///< file name as given, e.g. "items.csv"
  std::uint32_t line = 0;    ///< 0 when not applicable
  std::uint32_t column = 0;  ///< CSV field number; 0 when not applicable
  /// Equal when file, line and column are.
  friend bool operator==(const source_location&, const source_location&) = default;
};

/// One problem found while validating data.
struct problem {
  source_location where;  ///< where it was found
  std::string message;    ///< what is wrong and what would be right

  /// "items.csv:12:7: message" (parts that are unknown are left out).
  std::string to_string() const;
  /// Equal when place and message are.
  friend bool operator==(const problem&, const problem&) = default;
};

/// Every problem found in a dataset at once; what() lists them, one per line.
class validation_error : public data_error {
 public:
  /// Takes the list of problems (must not be empty).
  explicit validation_error(std::vector<problem> problems);
  /// The problems, in file and line order.
  const std::vector<problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<problem> problems_;
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
