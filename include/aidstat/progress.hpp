// Completion of planned commitments (实事项目): counts by status, the
// completion rate, and targets against the amounts actually recorded.
//
// "All ten practical things were implemented" is a completion rate of 10/10.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/item_fields.hpp"

namespace aidstat {

/// What commitments can be grouped by.
enum class progress_dimension : std::uint8_t { year, category, category_parent, owner };

/// The vocabulary of progress_dimension (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<progress_dimension> {
  static constexpr std::string_view what = "dimension of commitments";
  static constexpr auto entries = std::to_array<enum_entry<progress_dimension>>({
      {progress_dimension::year, "year", "年度"},
      {progress_dimension::category, "category", "类别"},
      {progress_dimension::category_parent, "category_parent", "上级类别"},
      {progress_dimension::owner, "owner", "责任单位"},
  });
};

/// Which commitments, grouped how.
struct progress_query {
  std::optional<int> year;             ///< only commitments of this year
  std::vector<progress_dimension> by;  ///< group keys; empty for one overall row
};

/// The progress of one group of commitments.
struct progress_group {
  std::vector<std::string> key;     ///< key values
  std::vector<std::string> labels;  ///< display names
  std::int64_t planned = 0;         ///< commitments planned, not started
  std::int64_t in_progress = 0;     ///< commitments under way
  std::int64_t done = 0;            ///< commitments carried out
  std::int64_t dropped = 0;         ///< commitments given up
  std::int64_t targeted = 0;        ///< commitments with a target amount
  money_interval target;            ///< sum of the target amounts
  /// Amounts recorded for the same owner (and the units below it), category (and
  /// its subcategories) and year as the targeted commitments, each such
  /// combination counted once.
  money_interval recorded;

  /// Number of commitments.
  std::int64_t total() const noexcept { return planned + in_progress + done + dropped; }
  /// done / total (dropped ones count against it); empty when there are none.
  std::optional<double> completion_rate() const noexcept;
  /// Equal when every field is.
  friend bool operator==(const progress_group&, const progress_group&) = default;
};

/// Every group's progress, and the overall row.
struct progress_result {
  std::vector<progress_dimension> by;  ///< the grouping dimensions
  std::vector<progress_group> groups;  ///< sorted by key
  progress_group overall;              ///< all selected commitments
  /// Equal when every field is.
  friend bool operator==(const progress_result&, const progress_result&) = default;
};

/// Computes the progress of the dataset's commitments.
progress_result compute_progress(const dataset& d, const progress_query& q);

/// The item columns compute_progress reads (the dates, units, categories and amounts of the
/// records): what to load of an archive for it.
item_fields fields_for(const progress_query& q);

}  // namespace aidstat
