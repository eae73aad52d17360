// Datasets in one file (docs/archive-format.md): Boost.Serialization archives, binary, text or
// XML, that carry a format version, load every earlier version, are written
// atomically, and refuse damaged or hostile files with an aidstat::error (never a
// crash, a hang or an allocation beyond the file's own size).
//
// Archives cannot lie: the file declares its length, and each section (the
// entities, each group of item columns, the notes) carries an XXH3 checksum. A
// load checks the length and the checksum of every section it reads before a
// figure is computed from it, so a truncated or altered archive gives the same
// answer as the original or an error naming the damaged section. Item columns are
// stored as arrays aligned to 64 bytes in the file, so binary archives save and
// load at close to disk speed. The layout is in docs/archive-format.md.
//
//   save_archive(d, "city.aidstat");                        // binary
//   dataset back = load_archive("city.aidstat");
//   dataset any = open_dataset(path);                        // directory or archive
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat {

/// The Boost archive kinds aidstat writes.
enum class archive_format : std::uint8_t { binary, text, xml };

/// The vocabulary of archive_format (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<archive_format> {
  static constexpr std::string_view what = "archive kind";
  static constexpr auto entries = std::to_array<enum_entry<archive_format>>({
      {archive_format::binary, "binary", "二进制"},
      {archive_format::text, "text", "文本"},
      {archive_format::xml, "xml", "XML"},
  });
};

/// The format version this library writes. Version 1: taxonomy, units,
/// beneficiaries, commitments, stated totals, item columns. Version 2: quantities,
/// measures and beneficiaries of items as sparse (row, value) columns. Version 3:
/// the declared length, sections with XXH3 checksums, columns aligned to 64 bytes.
/// Version 4: compact columns: category, unit and beneficiary ids at the fewest
/// bytes that hold them (1, 2 or 4), years as 1- or 2-byte offsets from the
/// smallest. Version 5: the amount column at 4 bytes a value when every amount fits
/// (at most 21,474,836.47 yuan), else 8.
inline constexpr std::uint32_t archive_version = 5;

/// What an archive's first line says.
struct archive_info {
  archive_format format;  ///< binary, text or XML
  std::uint32_t version;  ///< its format version
  /// Whether it carries a length and checksums (format 3 on); older archives still
  /// load, but damage to them can go unnoticed.
  bool checksummed() const noexcept { return version >= 3; }
};

/// Reads the first line of an archive file; throws io_error when it cannot be read
/// and aidstat::error when it is not an archive.
archive_info read_archive_info(const std::filesystem::path& file);

/// Writes `d` to `file` atomically (a locked temporary file, synced, closed, then
/// renamed; an existing file's mode and owner kept, a symbolic link written
/// through). Throws io_error naming the file and the system's reason when it
/// cannot; the previous file stays as it was. `meter`, when given,
/// counts the archive's sections written.
void save_archive(const dataset& d, const std::filesystem::path& file,
                  archive_format format = archive_format::binary, work_meter* meter = nullptr);

/// Reads an archive of any format and any version up to archive_version. Throws
/// io_error when it cannot be read or is changed by another program while it is
/// read, memory_error when memory runs out, and aidstat::error when it is damaged,
/// naming the file and the damaged section. With `fields`, an archive of format 3 or later
/// loads (and checks the checksums of) only those item column groups: a query on a
/// large archive then reads a few columns of the file instead of all; the length
/// is always checked. Older archives load whole. `meter`, when given, counts the
/// file's bytes read.
dataset load_archive(const std::filesystem::path& file, item_fields fields = item_fields::all,
                     work_meter* meter = nullptr);

/// Reads an archive held in memory (a database blob, a network message); `name`
/// names it in messages. Same checks, and `fields`, as load_archive.
dataset read_archive(std::string_view bytes, const std::string& name = "archive",
                     item_fields fields = item_fields::all, work_meter* meter = nullptr);

}  // namespace aidstat
