// What to group by and what to keep: the dimensions and filters (docs/cli.md).
//
//   totals_query q;
//   q.by = {dimension::parse("category"), dimension::parse("provider@1")};
//   q.filter.year = 2023;
//   q.filter.where.push_back(condition::parse("direction=support_military"));
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/date.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/item_fields.hpp"

namespace aidstat {

/// The dimensions a query can group or filter by (the names of docs/cli.md). The
/// order is a wire format: partial sums (partial.hpp) write a dimension as this
/// enumerator's number, so a new dimension goes at the end and none is reordered.
enum class dimension_kind : std::uint8_t {
  category,          ///< category key
  category_parent,   ///< the parent category (a top-level category is its own parent)
  year,              ///< calendar year, "2023"
  quarter,           ///< "2023-Q3"; empty for year-precision records
  month,             ///< "2023-07"; empty for year-precision records
  provider,          ///< giving unit id
  recipient,         ///< receiving unit id; empty when none
  unit_kind,         ///< kind of the providing unit
  direction,         ///< support_military / support_civilians; empty when not derivable
  beneficiary_kind,  ///< kind of the beneficiary; empty when none
  form,              ///< form of aid; empty when not stated
  measure,           ///< what the quantity counts; empty when none
  region,            ///< region of the providing unit (units.csv); empty when none
  provider_at,       ///< provider@N: ancestor of the provider at depth N
  recipient_at,      ///< recipient@N: ancestor of the recipient at depth N
};

/// Where a dimension's key comes from; the engine has one key function for each.
enum class key_source : std::uint8_t {
  category,        ///< the item's category, through the taxonomy
  date,            ///< the item's date
  item_code,       ///< a coded column of the item itself (form, direction, measure)
  provider_unit,   ///< the providing unit, through units.csv
  recipient_unit,  ///< the receiving unit, through units.csv
  beneficiary,     ///< the beneficiary, through beneficiaries.csv
};

/// Everything the library knows about one kind of dimension: one row of dimension_table.
struct dimension_info {
  dimension_kind kind;   ///< which dimension (the row's index)
  std::string_view key;  ///< its name in queries and output headers
  std::string_view zh;   ///< its Chinese name, for tables and reports
  item_fields reads;     ///< the item column group it reads from an archive
  key_source source;     ///< where its key comes from
  /// Whether totals by it are summed a block at a time while items.csv is read,
  /// rather than after a full load, from any CSV directory (totals_at.hpp). The unit
  /// keys (false here) stream too when the directory has units.csv: without it, units
  /// are numbered in the order items.csv first names them, which only a full read knows.
  bool streams_from_csv;
  /// Whether its groups split the units, so that a transfer between two units of one
  /// group is inside it and one between groups counts on both sides (docs/transfers).
  bool bounds_transfers;
};

/// Every dimension kind, in the enum's order.
inline constexpr auto dimension_table = std::to_array<dimension_info>({
    {dimension_kind::category, "category", "类别", item_fields::category, key_source::category,
     true, false},
    {dimension_kind::category_parent, "category_parent", "上级类别", item_fields::category,
     key_source::category, true, false},
    {dimension_kind::year, "year", "年", item_fields::dates, key_source::date, true, false},
    {dimension_kind::quarter, "quarter", "季度", item_fields::dates, key_source::date, true, false},
    {dimension_kind::month, "month", "月", item_fields::dates, key_source::date, true, false},
    {dimension_kind::provider, "provider", "提供单位", item_fields::units,
     key_source::provider_unit, false, true},
    {dimension_kind::recipient, "recipient", "接受单位", item_fields::units,
     key_source::recipient_unit, false, false},
    {dimension_kind::unit_kind, "unit_kind", "单位类型", item_fields::units,
     key_source::provider_unit, false, false},
    {dimension_kind::direction, "direction", "方向", item_fields::direction, key_source::item_code,
     true, false},
    {dimension_kind::beneficiary_kind, "beneficiary_kind", "对象类别", item_fields::beneficiaries,
     key_source::beneficiary, true, false},
    {dimension_kind::form, "form", "形式", item_fields::form, key_source::item_code, true, false},
    {dimension_kind::measure, "measure", "计量", item_fields::quantities, key_source::item_code,
     true, false},
    {dimension_kind::region, "region", "地区", item_fields::units, key_source::provider_unit, false,
     false},
    {dimension_kind::provider_at, "provider@N", "上级提供单位", item_fields::units,
     key_source::provider_unit, false, true},
    {dimension_kind::recipient_at, "recipient@N", "上级接受单位", item_fields::units,
     key_source::recipient_unit, false, false},
});

/// The row of dimension_table for `kind`.
constexpr const dimension_info& info_of(dimension_kind kind) noexcept {
  return dimension_table[static_cast<std::size_t>(kind)];
}

namespace detail {
/// Whether every row of dimension_table sits at its kind's number.
constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < dimension_table.size(); ++i)
    if (static_cast<std::size_t>(dimension_table[i].kind) != i) return false;
  return true;
}
static_assert(table_in_enum_order(), "dimension_table must list the kinds in enum order");
}  // namespace detail

/// The vocabulary of dimension_kind (key_of, parse_enum, keys_of), read from dimension_table.
template <>
struct enum_vocabulary<dimension_kind> {
  static constexpr std::string_view what = "dimension";
  static constexpr auto entries = [] {
    std::array<enum_entry<dimension_kind>, dimension_table.size()> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = {dimension_table[i].kind, dimension_table[i].key, dimension_table[i].zh};
    return out;
  }();
};

/// A dimension, with a depth for provider@N and recipient@N.
struct dimension {
  dimension_kind kind = dimension_kind::category;  ///< which dimension
  std::uint32_t depth = 0;                         ///< N of provider@N / recipient@N

  /// Reads a dimension name ("category", "provider@1"); throws query_error listing the names.
  static dimension parse(std::string_view name);
  /// The name, also the CSV column header ("provider@1").
  std::string name() const;
  /// Equal when kind and depth are equal.
  friend bool operator==(const dimension&, const dimension&) = default;
};

/// How finely a key bounds transfers: -1 when it does not, N for provider@N, and the
/// most for provider (one unit a group).
std::int64_t transfer_fineness(const dimension& d) noexcept;

/// The index in `by` of the key that bounds transfers most finely (the first of equals),
/// or -1 when none does. Totals by `by` count a transfer at this key's groups.
int transfer_boundary(const std::vector<dimension>& by) noexcept;

/// Keep records whose value on `on` is one of `values`. For provider and recipient
/// (and @N) a value matches that unit and every unit below it; for category and
/// category_parent a value matches that category and its subcategories. An empty
/// value matches records that have no value.
struct condition {
  dimension on;                     ///< the dimension compared
  std::vector<std::string> values;  ///< accepted values (any of them)

  /// Reads "DIM=VALUE[,VALUE...]"; throws query_error when malformed.
  static condition parse(std::string_view text);
  /// Equal when every field is.
  friend bool operator==(const condition&, const condition&) = default;
};

/// A day of the year, for year-to-date cuts ("06-30").
struct month_day {
  int month = 12;  ///< 1..12
  int day = 31;    ///< 1..31 (29 February stands for the 28th in other years)

  /// Reads "MM-DD"; throws query_error when it is not a day of the year.
  static month_day parse(std::string_view text);
  /// Back to "MM-DD".
  std::string to_string() const;
  /// Equal when every field is.
  friend bool operator==(const month_day&, const month_day&) = default;
};

/// Which records a query looks at, and which calendar its years follow. All parts must hold.
struct record_filter {
  std::optional<int> year;       ///< only this year (a fiscal year, see below)
  std::optional<date> from;      ///< only records from the first day of `from` ...
  std::optional<date> to;        ///< ... to the last day of `to`
  std::vector<condition> where;  ///< further conditions, all of which must hold
  /// The month years start in: 1 for calendar years, 4 for fiscal years from April.
  /// The year and quarter dimensions and `year` then count fiscal years, each named
  /// by the calendar year it starts in (2023 = April 2023 to March 2024); records
  /// dated only to a year cannot be placed and are an error.
  int fiscal_year_start = 1;
  /// Year to date: only records from the start of their year up to this day of it
  /// (a record whose month or year straddles the day is an error, never split).
  std::optional<month_day> through;
  /// Equal when every field is.
  friend bool operator==(const record_filter&, const record_filter&) = default;
};

/// A totals query: group keys and a filter.
struct totals_query {
  std::vector<dimension> by;  ///< group keys, in output order; empty for one grand total
  record_filter filter;       ///< which records count
  /// Threads to scan with; 0 for the hardware's concurrency. Small datasets use fewer.
  unsigned threads = 0;
};

}  // namespace aidstat
