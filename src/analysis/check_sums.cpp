#include "analysis/check_sums.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include "aidstat/enums.hpp"
#include "core/int128.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {
namespace {

constexpr i128 kLargest = std::numeric_limits<std::int64_t>::max();

finding overflow(const std::string& what) {
  return {finding_level::error,
          finding_kind::overflow,
          {},
          what +
              " add up to more than a total can hold (over 9.2e18 fen or units); every "
              "total that includes them would be refused: check for a mistyped figure, "
              "or split the data"};
}

// Upper bounds of the amounts, summed per category.
std::vector<i128> amounts_by_category(const item_columns& c, std::size_t categories) {
  std::vector<i128> sums(categories, 0);
  for (std::size_t r = 0; r < c.size(); ++r)
    if (c.amount_min[r] != no_value) sums[c.category[r]] += c.amount_min[r];
  for (const approx_entry& e : c.amount_approx)
    sums[c.category[e.row]] += e.max - c.amount_min[e.row];
  return sums;
}

// Upper bounds of the quantities, summed per measure (index: measure + 1).
std::vector<i128> quantities_by_measure(const item_columns& c) {
  std::vector<i128> sums(256, 0);
  for (std::size_t k = 0; k < c.quantity.rows.size(); ++k)
    sums[c.quantity.measures[k]] += c.quantity.mins[k];
  for (const approx_entry& e : c.quantity_approx)
    if (const auto k = find_row(c.quantity.rows, e.row))
      sums[c.quantity.measures[*k]] += e.max - c.quantity.mins[*k];
  return sums;
}

}  // namespace

std::vector<finding> sum_overflow_findings(const dataset& d) {
  const item_columns& c = columns_of(d);
  std::vector<finding> out;
  const std::vector<i128> amounts = amounts_by_category(c, d.categories().size());
  i128 all = 0;
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    all += amounts[k];
    if (amounts[k] > kLargest)
      out.push_back(overflow("the amounts of category '" +
                             d.categories().at(static_cast<std::uint32_t>(k)).key + "'"));
  }
  if (out.empty() && all > kLargest) out.push_back(overflow("the amounts of all records"));
  const std::vector<i128> quantities = quantities_by_measure(c);
  for (std::size_t m = 1; m < quantities.size(); ++m)
    if (quantities[m] > kLargest)
      out.push_back(
          overflow("the quantities in " + std::string(key_of(static_cast<measure>(m - 1)))));
  return out;
}

}  // namespace aidstat::detail
