// The field-by-field writer and reader of archive bodies, over any Boost archive
// (binary, text, XML), and the one list of item column groups and their columns
// that both visit. Never through Boost's own std::string or std::vector loaders,
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
#include "io/archive/compact_columns.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/fs/file_bytes.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The first format whose id and year columns are compact (compact_columns.hpp).
inline constexpr std::uint32_t kCompactSince = 4;

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
  /// An id column at its fewest bytes (format 4): the width, then the column.
  template <class T>
  void ids(const char* name, const std::vector<T>& v) {
    const unsigned w = id_width(v);
    num("width", static_cast<std::uint8_t>(w));
    if (w == 1)
      column(name, narrow_ids<std::uint8_t>(v));
    else if (w == 2 && sizeof(T) > 2)
      column(name, narrow_ids<std::uint16_t>(v));
    else
      column(name, v);
  }
  /// The year column (format 4): the smallest year, the width, then each year's
  /// offset from it.
  void years(const char* name, const std::vector<std::int16_t>& v) {
    const auto span = year_span(v);
    const unsigned w = year_width(span);
    num("year_base", span.first);
    num("width", static_cast<std::uint8_t>(w));
    if (w == 1)
      column(name, year_offsets<std::uint8_t>(v, span.first));
    else
      column(name, year_offsets<std::uint16_t>(v, span.first));
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
  /// bytes; in text it takes at least 2); `padded` for item columns of format 3 on,
  /// `compact` for the compact id and year columns of format 4 on.
  archive_reader(Ar& ar, std::uint64_t budget, bool binary, bool padded, bool compact = false)
      : ar_(ar), budget_(budget), binary_(binary), padded_(padded), compact_(compact) {}
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
    if (padded_) {
      const auto pad = num<std::uint8_t>("pad");
      if (pad >= kSectionAlignment || (pad && !binary_))
        archive_damaged("bad padding before " + std::string(name));
      char zeros[kSectionAlignment];
      if (pad) read_array("pad", zeros, pad);
    }
    if (!to.empty()) read_array(name, to.data(), to.size());
  }
  /// The width of a compact column of T: 1, 2 or 4 bytes, at most sizeof(T).
  unsigned width(std::size_t of) {
    const auto w = num<std::uint8_t>("width");
    if ((w != 1 && w != 2 && w != 4) || w > of) archive_damaged("bad width " + std::to_string(w));
    return w;
  }
  /// An id column, as archive_writer::ids wrote it (as column wrote it before format 4).
  template <class T>
  void ids(const char* name, std::vector<T>& to) {
    const unsigned w = compact_ ? width(sizeof(T)) : sizeof(T);
    if (w == 1)
      widened<std::uint8_t>(name, to, [](const void* from, T* at, std::size_t n) {
        widen_ids<std::uint8_t>(from, at, n);
      });
    else if (w == 2 && sizeof(T) > 2)
      widened<std::uint16_t>(name, to, [](const void* from, T* at, std::size_t n) {
        widen_ids<std::uint16_t>(from, at, n);
      });
    else
      column(name, to);
  }
  /// The year column, as archive_writer::years wrote it (as column wrote it before
  /// format 4).
  void years(const char* name, std::vector<std::int16_t>& to) {
    if (!compact_) return column(name, to);
    const auto base = num<std::int16_t>("year_base");
    if (width(2) == 1)
      widened<std::uint8_t>(name, to, [base](const void* from, std::int16_t* at, std::size_t n) {
        widen_years<std::uint8_t>(from, at, n, base);
      });
    else
      widened<std::uint16_t>(name, to, [base](const void* from, std::int16_t* at, std::size_t n) {
        widen_years<std::uint16_t>(from, at, n, base);
      });
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

  // A column of N read whole, then widened into `to` by widen(from, to, n).
  template <class N, class T, class Widen>
  void widened(const char* name, std::vector<T>& to, const Widen& widen) {
    std::vector<N> narrow;
    column(name, narrow);
    to.reserve(narrow.size());
    advise_huge_pages(to.data(), to.capacity() * sizeof(T));
    to.resize(narrow.size());
    widen(narrow.data(), to.data(), narrow.size());
  }

  Ar& ar_;
  std::uint64_t budget_;
  bool binary_;
  bool padded_;
  bool compact_;
};

/// Checks that the item columns of the groups in `loaded` are consistent with each
/// other and with the dataset (`n` items); throws archive_damaged otherwise.
void check_columns(const dataset& d, const item_columns& c, std::uint64_t n, item_fields loaded);

/// The item sections of one archive format, after `entities`, in file order.
struct section_list {
  std::uint32_t since;                   ///< the first format that holds them
  std::span<const item_group> sections;  ///< a group a section, named after it
};

/// The section lists of the sectioned formats (3 on), oldest first. A later format
/// that adds a section adds a list here from its version on; a reader walks the list
/// of the file's own version, so older files keep loading.
inline constexpr section_list kSectionLists[] = {
    {3, item_groups},
};

/// The item sections of format `version` (3 or later, up to archive_version).
inline std::span<const item_group> item_sections(std::uint32_t version) {
  std::span<const item_group> out = kSectionLists[0].sections;
  for (const section_list& l : kSectionLists)
    if (l.since <= version) out = l.sections;
  return out;
}

/// The columns of one group, in archive order: `io` is an archive_writer (with
/// const columns) or an archive_reader. The one list both saving and loading follow.
template <class IO, class Columns>
void visit_group(IO& io, item_fields group, Columns& c) {
  switch (group) {
    case item_fields::dates:
      io.years("year", c.year), io.column("month", c.month), io.column("day", c.day);
      break;
    case item_fields::category:
      io.ids("category", c.category);
      break;
    case item_fields::units:
      io.ids("provider", c.provider), io.ids("recipient", c.recipient);
      break;
    case item_fields::form:
      io.column("form", c.form);
      break;
    case item_fields::direction:
      io.column("direction", c.direction);
      break;
    case item_fields::amounts:
      io.column("amount_min", c.amount_min);
      io.approx("amount_approx_rows", "amount_approx_max", c.amount_approx);
      break;
    case item_fields::quantities:
      io.column("quantity_rows", c.quantity.rows);
      io.column("quantity_measures", c.quantity.measures);
      io.column("quantity_mins", c.quantity.mins);
      io.approx("quantity_approx_rows", "quantity_approx_max", c.quantity_approx);
      break;
    case item_fields::beneficiaries:
      io.column("beneficiary_rows", c.beneficiary.rows);
      io.ids("beneficiary_ids", c.beneficiary.ids);
      break;
    case item_fields::notes:
      io.column("note_rows", c.notes.rows), io.column("note_ends", c.notes.ends);
      io.column("note_chars", c.notes.chars);
      break;
    default:
      break;
  }
}

}  // namespace aidstat::detail
