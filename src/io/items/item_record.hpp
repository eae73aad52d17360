// One regular record of items.csv into item columns, for the readers that take a
// file without problems (io/items_fast.hpp reads a mapped file at once,
// io/items_stream.hpp reads one block at a time). A record that is not regular is
// refused, never guessed at: the checking reader then names its problems. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/load_tables.hpp"
#include "aidstat/work_meter.hpp"
#include "io/csv/record_split.hpp"
#include "io/items/items_csv.hpp"
#include "model/id_table.hpp"

namespace aidstat::detail {

/// Where each of item_column_names stands in a header (-1: absent).
using column_index = std::array<int, item_column_names.size()>;

/// The positions of the known columns in a header of `width` fields; false for an
/// unknown or repeated column or a missing required one.
bool index_columns(const std::array<std::string_view, kMaxFields>& fields, std::size_t width,
                   column_index& index);

/// The header of items.csv at the start of `text` (after a byte-order mark, if any):
/// its width and column index, and the line breaks it spans. Returns where the
/// records begin, or nullptr when the header is not regular (or not whole in `text`).
const char* read_items_header(std::string_view text, std::size_t& width, column_index& index,
                              std::uint32_t& newlines);

/// What the reading threads share: read-only lookups built from the dataset.
struct item_lookups {
  item_lookups(const dataset& d, bool units_defined);
  id_table categories, units, people;
  std::vector<side> unit_side, person_side;
  bool units_defined;  ///< with units.csv; without it, unknown unit ids become units
  /// Whether a unit first met gets a number of its own (fresh_units); when not, it is
  /// only checked, and every such unit reads as kFresh | 0.
  bool number_fresh_units = true;
  bool keep_notes = true;  ///< whether notes go into the columns (they are checked always)
  /// Whether every text given to read_records is known to be UTF-8 (its reader checks
  /// each block first: the fields of such a text, split at ASCII bytes, are UTF-8 too).
  bool text_checked = false;
};

/// Marks a unit id that a reader met for the first time (without units.csv): the
/// reader's own number for it, until the readers are joined.
inline constexpr std::uint32_t kFresh = std::uint32_t{1} << 31;

/// The units one reader met that the dataset does not have, in the order it met them.
struct fresh_units {
  id_table table{64};
  std::vector<std::string> ids;  ///< copies: a field may live in a scratch buffer

  /// kFresh | the id's number; no_id for text that is not UTF-8 (the checking
  /// reader names it).
  std::uint32_t find_or_add(std::string_view id);
};

/// One reader's place in a text: the lines it has passed and the fields of its
/// current record.
struct record_cursor {
  std::uint32_t newlines = 0;  ///< line breaks passed, quoted ones included
  std::array<std::string_view, kMaxFields> fields;
  std::array<std::string, kMaxFields> scratch;  ///< unquoted fields
};

/// Reads the records of [p, end) (a whole number of them) into `out`, skipping blank
/// lines; `lines` (when given) gets each record's line, counted from c.newlines;
/// `meter` (when given) is advanced every few megabytes. Returns the end of what was read: `end`,
/// or the start of the first record that is not regular.
const char* read_records(const item_lookups& l, std::size_t width, const column_index& index,
                         const char* p, const char* end, record_cursor& c, fresh_units& fresh,
                         item_columns& out, std::vector<std::uint32_t>* lines,
                         work_meter* meter = nullptr);

/// Reads rows [first, last) of `table`, its columns placed by `index`, into `out`;
/// `lines` (when given) gets each row's 1-based number. Returns `last`, or the first
/// row that is not regular.
std::size_t read_table_rows(const item_lookups& l, const column_table& table,
                            const column_index& index, std::size_t first, std::size_t last,
                            fresh_units& fresh, item_columns& out,
                            std::vector<std::uint32_t>* lines);

}  // namespace aidstat::detail
