// A binary archive's items a block of rows at a time, for a query that sums them as
// they come: memory holds the sparse columns (rows with a quantity, a beneficiary, an
// approximate figure) and a block per thread, never a dense column whole. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>

#include "aidstat/dataset.hpp"
#include "aidstat/item_fields.hpp"
#include "io/archive/archive_frame.hpp"
#include "io/fs/file_bytes.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The dense item columns, which are read a block at a time: their places in the file.
enum class dense_column : std::uint8_t {
  year,
  month,
  day,
  category,
  provider,
  recipient,
  form,
  direction,
  amount_min,
  count
};

class archive_blocks {
 public:
  /// Opens the archive `file` for the column groups `fields` (notes excepted): reads
  /// the entities and the sparse columns, walks past the dense ones noting where they
  /// lie, and checks the checksum of every section read, each byte read once. Throws
  /// for an archive of a format before 3 or not binary, and for anything the full
  /// load would report (which then says what, with its own words).
  archive_blocks(const std::filesystem::path& file, item_fields fields);

  /// The dataset without its items: categories, units, beneficiaries.
  const dataset& shell() const noexcept { return shell_; }
  /// The number of items.
  std::uint64_t rows() const noexcept { return rows_; }
  /// Rows [first, first + n) into `block`, its rows numbered from 0, checked as a
  /// load checks its columns (throws data_error otherwise).
  void read(std::uint64_t first, std::size_t n, item_columns& block) const;
  /// Whether the file has changed since it was opened.
  bool changed() const noexcept { return file_.changed(); }

  /// Where a dense column starts in the file (0: not read), and its values' width in
  /// bytes (model/compact_column.hpp).
  struct dense_place {
    std::uint64_t at = 0;
    std::uint8_t width = 0;
  };
  /// The place of each dense column of the groups read.
  using places = std::array<dense_place, static_cast<std::size_t>(dense_column::count)>;

 private:
  void read_sections(const std::filesystem::path& file);
  void read_section(const frame_reader& frame, item_fields group, const section_view& s);

  file_bytes file_;
  item_fields fields_;
  dataset shell_;
  std::uint64_t rows_ = 0;
  item_columns sparse_;  // the sparse columns only
  places at_{};
  std::uint32_t version_ = 0;   // the file's format
  bool compact_ = false;        // format 4 on: compact id and year columns
  std::int16_t year_base_ = 0;  // format 4 on: the year of offset 0
};

}  // namespace aidstat::detail
