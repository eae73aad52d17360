// Datasets in one file (SPEC 6): Boost.Serialization archives, binary, text or
// XML, that carry a format version, load every earlier version, are written
// atomically, and refuse damaged or hostile files with an aidstat::error (never a
// crash, a hang or an allocation beyond the file's own size).
//
// The file starts with one plain line, "aidstat-archive FORMAT VERSION", then the
// Boost archive. Item columns are stored as arrays, so binary archives save and
// load at close to disk speed.
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

namespace aidstat {

/// The Boost archive kinds aidstat writes.
enum class archive_format : std::uint8_t { binary, text, xml };

/// The format version this library writes. Version 1: taxonomy, units,
/// beneficiaries, commitments, stated totals, item columns. Version 2: quantities,
/// measures and beneficiaries of items as sparse (row, value) columns.
inline constexpr std::uint32_t archive_version = 2;

/// Reads "binary", "text" or "xml".
std::optional<archive_format> parse_archive_format(std::string_view name) noexcept;

/// Writes `d` to `file` atomically (a temporary file, synced, then renamed). Throws
/// io_error when it cannot; the previous file stays as it was.
void save_archive(const dataset& d, const std::filesystem::path& file,
                  archive_format format = archive_format::binary);

/// Reads an archive of any format and any version up to archive_version. Throws
/// io_error when it cannot be read and aidstat::error when it is damaged. With
/// `fields`, a binary archive of format 2 or later loads only those item column
/// groups (and checks only those): a query on a large archive then reads a few
/// columns of the file instead of all. Other archives load whole.
dataset load_archive(const std::filesystem::path& file, item_fields fields = item_fields::all);

/// Reads an archive held in memory (a database blob, a network message); `name`
/// names it in messages. Same checks, and `fields`, as load_archive.
dataset read_archive(std::string_view bytes, const std::string& name = "archive",
                     item_fields fields = item_fields::all);

/// A dataset from a directory of CSV files or from an archive file; `fields` as
/// for load_archive (a directory always loads whole).
dataset open_dataset(const std::filesystem::path& path, item_fields fields = item_fields::all);

}  // namespace aidstat
