// The field-by-field writer and reader of archive bodies, over any Boost archive
// (binary, text, XML); the item columns both visit are listed in item_sections.hpp.
// Never through Boost's own std::string or std::vector loaders,
// whose length fields a hostile file could set to 2^60: every count read is
// checked against the bytes left. Internal.
#pragma once

#include <boost/serialization/array_wrapper.hpp>
#include <boost/serialization/nvp.hpp>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/interval.hpp"
#include "io/archive/archive_frame.hpp"
#include "io/archive/item_sections.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/fs/file_bytes.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The first format whose id and year columns are compact (model/compact_column.hpp).
inline constexpr std::uint32_t kCompactSince = 4;
/// The first format whose amount column is compact (model/compact_amounts.hpp).
inline constexpr std::uint32_t kCompactAmountsSince = 5;

/// "no value" for optional enums.
inline constexpr std::uint8_t kNoEnum = 255;

/// Throws: "the archive is damaged or not an aidstat archive: why".
[[noreturn]] void archive_damaged(const std::string& why);

/// The rows and upper bounds of approximate values, as two columns.
struct approx_columns {
  std::vector<std::uint32_t> rows;  ///< rows, ascending
  std::vector<std::int64_t> maxes;  ///< upper bound of each
};
/// Splits entries into columns.
approx_columns split_approx(const std::vector<approx_entry>& v);
/// Joins columns into entries; throws when they differ in length.
std::vector<approx_entry> join_approx(const approx_columns& a, const char* what);

/// Writes fields to a Boost output archive.
template <class Ar>
class archive_writer {
 public:
  /// Writes to `ar` a body of format 3: columns carry a pad byte, and with `section`
  /// (binary archives) as many bytes of padding as make them start at multiples of
  /// kSectionAlignment in the file.
  archive_writer(Ar& ar, const hashing_buffer* section)
      : ar_(ar), section_(section), padded_(true) {}
  template <class T>
  void num(const char* name, T v) {
    ar_ << boost::serialization::make_nvp(name, v);
  }
  void str(const char* name, const std::string& s) { array(name, s.data(), s.size()); }
  template <class T>
  void vec(const char* name, const std::vector<T>& v) {
    array(name, v.data(), v.size());
  }
  /// An item column (a vector or the characters of a string): its length, padding
  /// (format 3), then its elements.
  template <class C>
  void column(const char* name, const C& v) {
    num(name, static_cast<std::uint64_t>(v.size()));
    std::uint8_t pad = 0;
    if (section_) {
      const std::uint64_t at = section_->position() + 1;  // after the pad byte
      pad = static_cast<std::uint8_t>((kSectionAlignment - at % kSectionAlignment) %
                                      kSectionAlignment);
    }
    if (padded_) num("pad", pad);
    if (pad) {
      const char zeros[kSectionAlignment] = {};
      ar_ << boost::serialization::make_nvp("pad", boost::serialization::make_array(zeros, pad));
    }
    if (!v.empty())
      ar_ << boost::serialization::make_nvp(name,
                                            boost::serialization::make_array(v.data(), v.size()));
  }
  /// A compact id column (format 4): its width, then the column at that width.
  template <class T>
  void ids(const char* name, const compact_ids<T>& v) {
    num("width", static_cast<std::uint8_t>(v.width()));
    v.visit([&](const auto* p) { column(name, std::span(p, v.size())); });
  }
  /// The amount column (format 5): its width (4 or 8), then the column at that width.
  void amounts(const char* name, const compact_amounts& v) {
    num("width", static_cast<std::uint8_t>(v.width()));
    v.visit([&](const auto* p) { column(name, std::span(p, v.size())); });
  }
  /// The year column (format 4): the smallest year, the offsets' width, then each
  /// year's offset from it.
  void years(const char* name, const compact_years& v) {
    num("year_base", v.base());
    ids(name, v.offsets());
  }
  /// Approximate values as two columns: rows, then upper bounds.
  void approx(const char* rows, const char* maxes, const std::vector<approx_entry>& v) {
    const approx_columns a = split_approx(v);
    column(rows, a.rows);
    column(maxes, a.maxes);
  }
  template <class E>
  void opt_enum(const char* name, const std::optional<E>& v) {
    num(name, v ? static_cast<std::uint8_t>(*v) : kNoEnum);
  }
  template <class T>
  void opt_interval(const char* name, const std::optional<interval<T>>& v) {
    num(name, static_cast<std::uint8_t>(v.has_value()));
    num(name, v ? v->min().units() : 0);
    num(name, v ? v->max().units() : 0);
  }

  // One field of an entity, by its type: what `fields(visitor, entity)` calls, here
  // and in archive_reader, so that one field list serves both.
  void field(const char* name, const std::string& s) { str(name, s); }
  template <std::integral T>
  void field(const char* name, const T& v) {
    num(name, v);
  }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* name, const E& v) { num(name, static_cast<std::uint8_t>(v)); }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* name, const std::optional<E>& v) { opt_enum(name, v); }
  template <class T>
  void field(const char* name, const std::optional<interval<T>>& v) {
    opt_interval(name, v);
  }

 private:
  template <class T>
  void array(const char* name, const T* data, std::size_t n) {
    num(name, static_cast<std::uint64_t>(n));
    if (n) ar_ << boost::serialization::make_nvp(name, boost::serialization::make_array(data, n));
  }

  Ar& ar_;
  const hashing_buffer* section_;
  bool padded_;
};

/// Reads fields from a Boost input archive, each count checked against `budget`,
/// the bytes the archive has left.
template <class Ar>
class archive_reader {
 public:
  /// Reads from `ar`; `binary` for binary archives (an element of n bytes takes n
  /// bytes; in text it takes at least 2); `padded` for item columns of format 3 on;
  /// `version`, the file's format (compact id and year columns from 4 on, a compact
  /// amount column from 5 on).
  archive_reader(Ar& ar, std::uint64_t budget, bool binary, bool padded, std::uint32_t version = 0)
      : ar_(ar),
        budget_(budget),
        binary_(binary),
        padded_(padded),
        compact_(version >= kCompactSince),
        compact_amounts_(version >= kCompactAmountsSince) {}
  /// Whether id and year columns are compact (format 4 on).
  bool compact() const noexcept { return compact_; }
  template <class T>
  T num(const char* name) {
    T v{};
    ar_ >> boost::serialization::make_nvp(name, v);
    return v;
  }
  /// A count of elements of `size` bytes, checked against what the file has left.
  std::uint64_t count(const char* name, std::size_t size) {
    const auto n = num<std::uint64_t>(name);
    const std::uint64_t each = binary_ ? size : 2;
    if (n > budget_ / each)
      archive_damaged(std::string(name) + " claims " + std::to_string(n) +
                      " elements, more than the file holds");
    budget_ -= n * each;
    return n;
  }
  /// Text, checked as the CSV loader checks it: UTF-8 only.
  std::string str(const char* name) {
    std::string s(count(name, 1), '\0');
    if (!s.empty()) read_array(name, s.data(), s.size());
    if (!valid_utf8(s)) archive_damaged("the text of " + std::string(name) + " is not valid UTF-8");
    return s;
  }
  template <class T>
  std::vector<T> vec(const char* name) {
    std::vector<T> v(count(name, sizeof(T)));
    if (!v.empty()) read_array(name, v.data(), v.size());
    return v;
  }
  /// An item column, as archive_writer::column wrote it (without padding before
  /// format 3).
  template <class C>
  void column(const char* name, C& to) {
    const std::uint64_t n = count(name, sizeof(typename C::value_type));
    to.reserve(n);
    advise_huge_pages(to.data(), to.capacity() * sizeof(typename C::value_type));
    to.resize(n);
    skip_padding(name);
    if (!to.empty()) read_array(name, to.data(), to.size());
  }
  /// The width of a compact column of T: 1, 2 or 4 bytes, at most sizeof(T).
  unsigned width(std::size_t of) {
    const auto w = num<std::uint8_t>("width");
    if ((w != 1 && w != 2 && w != 4) || w > of) archive_damaged("bad width " + std::to_string(w));
    return w;
  }
  /// The width of the amount column: 4 or 8 bytes (8 before format 5).
  unsigned amount_width() {
    if (!compact_amounts_) return 8;
    const auto w = num<std::uint8_t>("width");
    if (w != 4 && w != 8) archive_damaged("bad amount width " + std::to_string(w));
    return w;
  }
  /// The amount column, as archive_writer::amounts wrote it, read at its width (at
  /// 8 bytes before format 5, then narrowed where every amount fits 4).
  void amounts(const char* name, compact_amounts& to) {
    const auto huge = [](const void* data, std::size_t bytes) { advise_huge_pages(data, bytes); };
    if (amount_width() == 4)
      read_raw(name, 4, [&](std::size_t n) { return to.assign_raw<std::int32_t>(n, huge); });
    else
      read_raw(name, 8, [&](std::size_t n) { return to.assign_raw<std::int64_t>(n, huge); });
    if (!compact_amounts_) to.narrow();
  }
  /// A compact id column, as archive_writer::ids wrote it, read at its width (at
  /// full width before format 4, then narrowed).
  template <class T>
  void ids(const char* name, compact_ids<T>& to) {
    const unsigned w = compact_ ? width(sizeof(T)) : sizeof(T);
    if (w == 1) {
      raw_column<std::uint8_t>(name, to);
    } else if constexpr (sizeof(T) > 2) {
      if (w == 2)
        raw_column<std::uint16_t>(name, to);
      else
        raw_column<std::uint32_t>(name, to);
    } else {
      raw_column<std::uint16_t>(name, to);
    }
    if (!compact_) to.narrow();
  }
  /// The year column, as archive_writer::years wrote it (as column wrote it before
  /// format 4).
  void years(const char* name, compact_years& to) {
    if (!compact_) {
      std::vector<std::int16_t> full;
      column(name, full);
      to = compact_years();
      to.reserve(full.size());
      for (const std::int16_t y : full) to.push_back(y);
      return;
    }
    const auto base = num<std::int16_t>("year_base");
    if (width(2) == 1)
      read_raw(name, 1, [&](std::size_t n) { return to.assign_raw<std::uint8_t>(base, n); });
    else
      read_raw(name, 2, [&](std::size_t n) { return to.assign_raw<std::uint16_t>(base, n); });
  }
  /// Approximate values, as archive_writer::approx wrote them.
  void approx(const char* rows, const char* maxes, std::vector<approx_entry>& to) {
    approx_columns a;
    column(rows, a.rows);
    column(maxes, a.maxes);
    to = join_approx(a, rows);
  }
  template <class E>
  E enum_value(const char* name) {
    const auto v = num<std::uint8_t>(name);
    if (v >= enum_vocabulary<E>::entries.size())
      archive_damaged(std::string(name) + " has the unknown code " + std::to_string(v));
    return static_cast<E>(v);
  }
  template <class E>
  std::optional<E> opt_enum(const char* name) {
    const auto v = num<std::uint8_t>(name);
    if (v == kNoEnum) return std::nullopt;
    if (v >= enum_vocabulary<E>::entries.size())
      archive_damaged(std::string(name) + " has the unknown code " + std::to_string(v));
    return static_cast<E>(v);
  }
  template <class T>
  std::optional<interval<T>> opt_interval(const char* name) {
    const auto has = num<std::uint8_t>(name);
    const auto lo = num<std::int64_t>(name), hi = num<std::int64_t>(name);
    if (has > 1 || lo > hi) archive_damaged(std::string(name) + " is not a valid interval");
    if (!has) return std::nullopt;
    return interval<T>(T{lo}, T{hi});
  }

  // One field of an entity, read in place: the counterpart of archive_writer::field.
  void field(const char* name, std::string& s) { s = str(name); }
  template <std::integral T>
  void field(const char* name, T& v) {
    v = num<T>(name);
  }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* name, E& v) { v = enum_value<E>(name); }
  template <class E>
  requires std::is_enum_v<E>
  void field(const char* name, std::optional<E>& v) { v = opt_enum<E>(name); }
  template <class T>
  void field(const char* name, std::optional<interval<T>>& v) {
    v = opt_interval<T>(name);
  }

 private:
  template <class T>
  void read_array(const char* name, T* data, std::size_t n) {
    ar_ >> boost::serialization::make_nvp(name, boost::serialization::make_array(data, n));
  }

  // A column of values of `size` bytes read straight into the room room(n) gives.
  template <class Room>
  void read_raw(const char* name, std::size_t size, const Room& room) {
    const std::uint64_t n = count(name, size);
    skip_padding(name);
    auto* data = room(static_cast<std::size_t>(n));
    if (n) read_array(name, data, static_cast<std::size_t>(n));
  }
  // An id column of N read straight into `to` at N's width.
  template <class N, class T>
  void raw_column(const char* name, compact_ids<T>& to) {
    read_raw(name, sizeof(N), [&](std::size_t n) { return to.template assign_raw<N>(n); });
  }
  // The padding before a column's elements (format 3 on).
  void skip_padding(const char* name) {
    if (!padded_) return;
    const auto pad = num<std::uint8_t>("pad");
    if (pad >= kSectionAlignment || (pad && !binary_))
      archive_damaged("bad padding before " + std::string(name));
    char zeros[kSectionAlignment];
    if (pad) read_array("pad", zeros, pad);
  }

  Ar& ar_;
  std::uint64_t budget_;
  bool binary_;
  bool padded_;
  bool compact_;
  bool compact_amounts_;
};

}  // namespace aidstat::detail
