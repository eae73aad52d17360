// The item sections of an archive: which column groups each format holds, in file
// order, and the one list of columns per group that saving and loading both follow
// (visit_group, over an archive_writer or an archive_reader). Internal.
#pragma once

#include <cstdint>
#include <span>

#include "aidstat/dataset.hpp"
#include "aidstat/item_fields.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

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
      io.amounts("amount_min", c.amount_min);
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
