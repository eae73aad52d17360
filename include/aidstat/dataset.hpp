// A dataset: the units, beneficiaries, categories and aid items of one office,
// built in code or loaded from files (load_csv.hpp).
//
// Items are stored column by column with ids interned to dense integers, so
// queries over tens of millions of records run at memory speed; the API still
// speaks in entities with the user's string ids:
//
//   dataset d;                                   // default taxonomy
//   d.add_unit({"city", "市委市政府", unit_kind::government, side::civilian});
//   d.add_unit({"73051", "73051部队", unit_kind::military_unit, side::military});
//   d.add_item({.date = date(2023, 7, 29), .category = "condolence", .provider = "city",
//               .recipient = "73051", .amount = parse_money("319万元")});
//   d.item(0).direction;                         // direction::support_military (derived)
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aidstat/entities.hpp"
#include "aidstat/item_fields.hpp"
#include "aidstat/taxonomy.hpp"

namespace aidstat {

class dataset;

namespace detail {
struct item_columns;  // the column store's layout, internal to the library
struct archive_access;
struct item_appender;

/// The column store of `d`, for the query engine and the archive (inside the library).
const item_columns& columns_of(const dataset& d) noexcept;

/// Owns a dataset's item columns behind a pointer, so that their layout stays inside
/// the library, and copies them with the dataset, so that a dataset stays a value.
class item_store {
 public:
  /// No items.
  item_store();
  /// A copy of every column.
  item_store(const item_store& other);
  /// Takes the columns; `other` is left empty.
  item_store(item_store&& other) noexcept;
  /// Copies every column.
  item_store& operator=(const item_store& other);
  /// Takes the columns; `other` is left empty.
  item_store& operator=(item_store&& other) noexcept;
  ~item_store();

  /// The columns (empty ones after a move).
  const item_columns& get() const noexcept;
  /// The columns, to change; forgets what was found about them.
  item_columns& edit();
  /// Whether any item has form `transfer`: the form column read once after each edit.
  bool holds_transfers() const;

 private:
  std::unique_ptr<item_columns> columns_;
  mutable std::atomic<signed char> transfers_{-1};  // -1 not read since the last edit
};
}  // namespace detail

/// Units, beneficiaries, a taxonomy and aid items, with ids interned to dense indexes.
class dataset {
 public:
  /// An empty dataset with the default taxonomy.
  dataset();
  /// An empty dataset with the given taxonomy.
  explicit dataset(taxonomy categories);

  /// The category taxonomy.
  const taxonomy& categories() const noexcept { return categories_; }

  /// Adds a unit; its parent (if any) must already be present. Throws aidstat::error
  /// on a duplicate id or an unknown parent. Returns its index.
  std::uint32_t add_unit(unit u);
  /// Number of units.
  std::size_t unit_count() const noexcept { return units_.size(); }
  /// The unit at `index`.
  const unit& unit_at(std::uint32_t index) const { return units_.at(index); }
  /// The index of unit `id`, or empty.
  std::optional<std::uint32_t> find_unit(std::string_view id) const;
  /// The index of the parent of unit `index`; empty for a root.
  std::optional<std::uint32_t> unit_parent(std::uint32_t index) const;
  /// Depth of unit `index` in its tree (a root has depth 0).
  std::uint32_t unit_depth(std::uint32_t index) const { return unit_depth_.at(index); }
  /// The ancestor of unit `index` at `depth`, or the unit itself when it is shallower.
  std::uint32_t unit_ancestor(std::uint32_t index, std::uint32_t depth) const;

  /// Adds a beneficiary; its unit (if any) must be present. Throws aidstat::error on
  /// a duplicate id, an unknown unit or a headcount below 1. Returns its index.
  std::uint32_t add_beneficiary(beneficiary b);
  /// Number of beneficiaries.
  std::size_t beneficiary_count() const noexcept { return beneficiaries_.size(); }
  /// The beneficiary at `index`.
  const beneficiary& beneficiary_at(std::uint32_t index) const { return beneficiaries_.at(index); }
  /// The index of beneficiary `id`, or empty.
  std::optional<std::uint32_t> find_beneficiary(std::string_view id) const;

  /// Adds a commitment; its category and owner unit must exist and its id be new.
  /// Throws aidstat::error saying which rule failed.
  void add_commitment(commitment c);
  /// The commitments, in the order added.
  const std::vector<commitment>& commitments() const noexcept { return commitments_; }

  /// Adds a stated total; its category, units and id are checked like a commitment's.
  void add_stated_total(stated_total t);
  /// The stated totals, in the order added.
  const std::vector<stated_total>& stated_totals() const noexcept { return stated_totals_; }

  /// Adds an aid item. Its category, units and beneficiary must exist; it needs a
  /// recipient or a beneficiary; a quantity needs a measure and vice versa; amounts
  /// and quantities cannot be negative; a transfer names its recipient. Throws aidstat::error
  /// saying which rule failed. The direction is derived from the sides when not given.
  void add_item(const aid_item& item);
  /// Number of aid items.
  std::size_t item_count() const noexcept;
  /// The item at `row`, rebuilt as an entity with string ids. Needs every column.
  aid_item item(std::size_t row) const;
  /// Whether any item has form `transfer` (then every aggregate says how many transfer
  /// records it left out: docs/transfers.md). Reads the form column once after each
  /// change to the items; needs it loaded.
  bool holds_transfers() const;
  /// Removes every item (units, beneficiaries and the taxonomy stay).
  void clear_items();
  /// The item column groups this dataset holds: all, unless it was loaded from an
  /// archive for one query.
  item_fields loaded_fields() const noexcept { return loaded_; }
  /// Throws query_error naming the groups of `wanted` this dataset was loaded
  /// without, and `purpose` ("totals by region"), when there are any.
  void require_fields(item_fields wanted, std::string_view purpose) const;
  /// Reserves room for `n` items.
  void reserve_items(std::size_t n);

  /// Equal when taxonomy, units, beneficiaries, commitments, stated totals and
  /// items (with their order) are all equal.
  friend bool operator==(const dataset& a, const dataset& b);

 private:
  friend const detail::item_columns& detail::columns_of(const dataset& d) noexcept;

  taxonomy categories_;
  std::vector<unit> units_;
  std::vector<std::uint32_t> unit_parent_;
  std::vector<std::uint32_t> unit_depth_;
  std::unordered_map<std::string, std::uint32_t> unit_index_;
  std::vector<beneficiary> beneficiaries_;
  std::unordered_map<std::string, std::uint32_t> beneficiary_index_;
  std::vector<commitment> commitments_;
  std::vector<stated_total> stated_totals_;
  detail::item_store items_;
  item_fields loaded_ = item_fields::all;

  friend struct detail::archive_access;  // loads the columns of a checked archive
  friend struct detail::item_appender;   // appends items the CSV loader checked in bulk
};

/// The side a beneficiary of this kind belongs to (military for active members,
/// veterans, families...; civilian for 群众; unknown for other).
side side_of(beneficiary_kind kind) noexcept;

/// The direction support from a unit on side `from` to side `to` takes, or empty
/// when it is neither 拥军 nor 爱民 (same side, or a side unknown).
std::optional<direction> derive_direction(side from, side to) noexcept;

}  // namespace aidstat
