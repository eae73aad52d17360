// Groups of item columns. A dataset loaded from a binary archive for one query
// may hold only the groups that query reads (load_archive); everything else needs
// all of them and says so when some are missing.
//
//   totals_query q;  q.by = {dimension::parse("category")};
//   dataset d = load_archive("city.aidstat", fields_for(q));  // 4 groups of 9
//   compute_totals(d, q);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace aidstat {

/// A set of item column groups (a bit mask).
enum class item_fields : std::uint16_t {
  none = 0,
  dates = 1 << 0,          ///< year, month, day
  category = 1 << 1,       ///< category
  units = 1 << 2,          ///< provider and recipient
  form = 1 << 3,           ///< form of aid
  direction = 1 << 4,      ///< 拥军 / 爱民 direction
  amounts = 1 << 5,        ///< amounts, exact and approximate
  quantities = 1 << 6,     ///< quantities with their measures
  beneficiaries = 1 << 7,  ///< the beneficiaries items name
  notes = 1 << 8,          ///< notes
  all = (1 << 9) - 1,      ///< every group
};

/// The union of two sets.
constexpr item_fields operator|(item_fields a, item_fields b) noexcept {
  return static_cast<item_fields>(static_cast<std::uint16_t>(a) | static_cast<std::uint16_t>(b));
}
/// The intersection of two sets.
constexpr item_fields operator&(item_fields a, item_fields b) noexcept {
  return static_cast<item_fields>(static_cast<std::uint16_t>(a) & static_cast<std::uint16_t>(b));
}
/// Whether `set` holds every group of `wanted`.
constexpr bool contains(item_fields set, item_fields wanted) noexcept {
  return (set & wanted) == wanted;
}

/// One item column group and its name (in messages, and its section's in archives).
struct item_group {
  item_fields group;      ///< the group
  std::string_view name;  ///< "dates", "units"...
};

/// Every item column group, in the order archives hold them: the one list of groups.
inline constexpr auto item_groups = std::to_array<item_group>({
    {item_fields::dates, "dates"},
    {item_fields::category, "category"},
    {item_fields::units, "units"},
    {item_fields::form, "form"},
    {item_fields::direction, "direction"},
    {item_fields::amounts, "amounts"},
    {item_fields::quantities, "quantities"},
    {item_fields::beneficiaries, "beneficiaries"},
    {item_fields::notes, "notes"},
});

/// "dates, units" (the groups' names, for messages); "none" for the empty set.
std::string names_of(item_fields set);

}  // namespace aidstat
