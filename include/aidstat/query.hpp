// What to group by and what to keep: the dimensions and filters of SPEC 4.
//
//   totals_query q;
//   q.by = {dimension::parse("category"), dimension::parse("provider@1")};
//   q.filter.year = 2023;
//   q.filter.where.push_back(condition::parse("direction=support_military"));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/date.hpp"

namespace aidstat {

/// The dimensions a query can group or filter by (SPEC 7 names).
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
  region,            ///< region of the providing unit; empty when none
  provider_at,       ///< provider@N: ancestor of the provider at depth N
  recipient_at,      ///< recipient@N: ancestor of the recipient at depth N
};

/// A dimension, with a depth for provider@N and recipient@N.
struct dimension {
  dimension_kind kind = dimension_kind::category;  ///< which dimension
  std::uint32_t depth = 0;                         ///< N of provider@N / recipient@N

  /// Reads a SPEC 7 name ("category", "provider@1"); throws query_error listing the names.
  static dimension parse(std::string_view name);
  /// The SPEC 7 name, also the CSV column header ("provider@1").
  std::string name() const;
  /// Equal when kind and depth are equal.
  friend bool operator==(const dimension&, const dimension&) = default;
};

/// Keep records whose value on `on` is one of `values`. For provider and recipient
/// (and @N) a value matches that unit and every unit below it; for category and
/// category_parent a value matches that category and its subcategories. An empty
/// value matches records that have no value.
struct condition {
  dimension on;                     ///< the dimension compared
  std::vector<std::string> values;  ///< accepted values (any of them)

  /// Reads "DIM=VALUE[,VALUE...]"; throws query_error when malformed.
  static condition parse(std::string_view text);
};

/// A day of the year, for year-to-date cuts ("06-30").
struct month_day {
  int month = 12;  ///< 1..12
  int day = 31;    ///< 1..31 (29 February stands for the 28th in other years)

  /// Reads "MM-DD"; throws query_error when it is not a day of the year.
  static month_day parse(std::string_view text);
  /// Back to "MM-DD".
  std::string to_string() const;
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
};

/// A totals query: group keys and a filter.
struct totals_query {
  std::vector<dimension> by;  ///< group keys, in output order; empty for one grand total
  record_filter filter;       ///< which records count
  /// Threads to scan with; 0 for the hardware's concurrency. Small datasets use fewer.
  unsigned threads = 0;
};

}  // namespace aidstat
