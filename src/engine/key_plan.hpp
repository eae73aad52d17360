// Turning dimensions into dense integer key codes per record, and filters into
// code sets: the machinery shared by every aggregation. Internal.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/query.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The (fiscal) year of item `row` when years start in month `fiscal_start`.
inline int fiscal_year_of(const item_columns& c, std::size_t row, int fiscal_start) noexcept {
  return c.year[row] - (c.month[row] != 0 && c.month[row] < fiscal_start ? 1 : 0);
}

/// One dimension compiled against a dataset: codes 0..cardinality-1 (0 = no value).
struct key_column {
  dimension dim;
  std::uint32_t cardinality = 1;
  std::vector<std::uint32_t> table;  ///< lookup by category, unit or beneficiary index
  int base_year = 0;                 ///< smallest (fiscal) year, code 1
  int fiscal_start = 1;              ///< month years start in
  std::vector<std::uint8_t> by_row;  ///< the code of every row, for keys on sparse columns
  std::vector<std::string> texts;    ///< code -> key text
  std::vector<std::string> labels;   ///< code -> display label

  /// The key code of item `row`.
  std::uint32_t code(const item_columns& c, std::size_t row) const noexcept {
    switch (dim.kind) {
      case dimension_kind::category:
      case dimension_kind::category_parent:
        return table[c.category[row]];
      case dimension_kind::year:
        return static_cast<std::uint32_t>(fiscal_year_of(c, row, fiscal_start) - base_year + 1);
      case dimension_kind::quarter:
        return c.month[row] ? static_cast<std::uint32_t>(
                                  (fiscal_year_of(c, row, fiscal_start) - base_year) * 4 +
                                  (c.month[row] - fiscal_start + 12) % 12 / 3 + 1)
                            : 0;
      case dimension_kind::month:
        return c.month[row]
                   ? static_cast<std::uint32_t>((c.year[row] - base_year) * 12 + c.month[row])
                   : 0;
      case dimension_kind::provider:
      case dimension_kind::provider_at:
      case dimension_kind::unit_kind:
      case dimension_kind::region:
        return table[c.provider[row]];
      case dimension_kind::recipient:
      case dimension_kind::recipient_at:
        return c.recipient[row] == no_id ? 0 : table[c.recipient[row]];
      case dimension_kind::beneficiary_kind:
      case dimension_kind::measure:
        return by_row[row];
      case dimension_kind::direction:
        return c.direction[row];
      case dimension_kind::form:
        return c.form[row];
    }
    return 0;
  }

  /// Whether its codes are kept by row (by_row), to be read again for other columns.
  bool coded_by_row() const noexcept {
    return dim.kind == dimension_kind::beneficiary_kind || dim.kind == dimension_kind::measure;
  }
  /// Fills by_row for the rows of `c` (a key coded by row; otherwise nothing to do).
  void read_rows(const item_columns& c);

  /// keys[i] = keys[i] * cardinality + code of row begin + i, for i < n: the switch
  /// on the dimension is taken once per batch, not once per row.
  template <class Key>
  void add_codes(const item_columns& c, std::size_t begin, std::size_t n,
                 Key* keys) const noexcept {
    const Key card = cardinality;
    switch (dim.kind) {
      case dimension_kind::category:
      case dimension_kind::category_parent:
        return c.category.visit([&](const auto* col) {
          col += begin;
          for (std::size_t i = 0; i < n; ++i) keys[i] = keys[i] * card + table[col[i]];
        });
      case dimension_kind::provider:
      case dimension_kind::provider_at:
      case dimension_kind::unit_kind:
      case dimension_kind::region:  // a provider is never none: its raw value is its index
        return c.provider.visit([&](const auto* col) {
          col += begin;
          for (std::size_t i = 0; i < n; ++i) keys[i] = keys[i] * card + table[col[i]];
        });
      case dimension_kind::form:
      case dimension_kind::measure:
      case dimension_kind::beneficiary_kind:
      case dimension_kind::direction: {
        const std::uint8_t* col = (dim.kind == dimension_kind::form        ? c.form.data()
                                   : dim.kind == dimension_kind::direction ? c.direction.data()
                                                                           : by_row.data()) +
                                  begin;
        for (std::size_t i = 0; i < n; ++i) keys[i] = keys[i] * card + col[i];
        return;
      }
      default:
        for (std::size_t i = 0; i < n; ++i) keys[i] = keys[i] * card + code(c, begin + i);
    }
  }
};

/// Compiles `dim` for `d`, whose item (fiscal) years lie in [min_year, max_year]; a
/// key coded by row then needs read_rows for the columns it is to code.
key_column make_key_column(const dataset& d, dimension dim, int min_year, int max_year,
                           int fiscal_start = 1);

/// The codes of `col` that condition `c` accepts; throws query_error for a value
/// that can never match (an unknown unit, category or enum key).
std::vector<char> accepted_codes(const dataset& d, const key_column& col, const condition& c);

}  // namespace aidstat::detail
