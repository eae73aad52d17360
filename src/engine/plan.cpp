#include <algorithm>
#include <optional>

#include "aidstat/error.hpp"
#include "engine/scan.hpp"

namespace aidstat::detail {
namespace {

// Whether a dimension's key codes depend on the year.
bool dated(dimension_kind k) {
  return k == dimension_kind::year || k == dimension_kind::quarter || k == dimension_kind::month;
}

// The year range of the records, read only when a key or condition depends on it.
// Fiscal years may start a year earlier than calendar ones; an unused code costs nothing.
std::pair<int, int> year_range(const item_columns& c, const totals_query& q,
                               const std::optional<std::pair<int, int>>& window) {
  if (!dated_query(q)) return {2000, 2000};
  if (window) return *window;
  const record_filter& f = q.filter;
  if (c.size() == 0) return {2000, 2000};
  const auto [lo, hi] = c.year.span();
  return {lo - (f.fiscal_year_start != 1 ? 1 : 0), hi};
}

// The key columns of the grouping dimensions and the conditions of the filter.
void add_columns(plan& pl, const dataset& d, const totals_query& q,
                 const std::optional<std::pair<int, int>>& window) {
  const auto [min_year, max_year] = year_range(pl.c, q, window);
  const int fs = q.filter.fiscal_year_start;
  for (const dimension& dim : q.by) {
    pl.keys.push_back(make_key_column(d, dim, min_year, max_year, fs));
    if (__builtin_mul_overflow(pl.key_space, pl.keys.back().cardinality, &pl.key_space))
      throw_error<query_error>(
          "too many grouping dimensions at once for this dataset; group by fewer dimensions");
  }
  for (const condition& cond : q.filter.where) {
    auto col = make_key_column(d, cond.on, min_year, max_year, fs);
    auto ok = accepted_codes(d, col, cond);
    pl.conditions.emplace_back(std::move(col), std::move(ok));
  }
  pl.read_rows();
}

}  // namespace

bool dated_query(const totals_query& q) noexcept {
  const auto& where = q.filter.where;
  return std::any_of(q.by.begin(), q.by.end(), [](const dimension& d) { return dated(d.kind); }) ||
         std::any_of(where.begin(), where.end(),
                     [](const condition& w) { return dated(w.on.kind); });
}

void plan::read_rows() {
  for (key_column& k : keys) k.read_rows(c);
  for (auto& [col, ok] : conditions) col.read_rows(c);
}

plan make_plan(const dataset& d, const totals_query& q) {
  return make_plan(d, columns_of(d), q, d.holds_transfers());
}

plan make_plan(const dataset& d, const item_columns& c, const totals_query& q, bool transfers,
               std::optional<std::pair<int, int>> years) {
  const record_filter& f = q.filter;
  const int fs = f.fiscal_year_start;
  if (fs < 1 || fs > 12)
    throw_error<query_error>("the fiscal year must start in a month from 1 to 12, not " +
                             std::to_string(fs));
  plan pl{c, {}, {}, f};
  add_columns(pl, d, q, years);
  pl.from_day = f.from ? f.from->first_day() : INT32_MIN;
  pl.to_day = f.to ? f.to->last_day() : INT32_MAX;
  if (f.from && f.to && pl.from_day > pl.to_day)
    throw_error<query_error>("the date range " + f.from->to_string() + " .. " + f.to->to_string() +
                             " is empty: it starts after it ends");
  pl.by_dates = f.from || f.to || f.through;
  pl.transfers = transfers;
  pl.boundary = transfer_boundary(q.by);
  pl.filtered = pl.transfers || fs != 1 || f.year || pl.by_dates || !pl.conditions.empty();
  pl.year_only = !pl.transfers && f.year && fs == 1 && !pl.by_dates && pl.conditions.empty() &&
                 *f.year >= 1 && *f.year <= 9999;
  const auto direct_column = [](dimension_kind k) {
    return k == dimension_kind::category || k == dimension_kind::provider;
  };
  pl.direct_keys = (pl.keys.size() == 1 && direct_column(pl.keys[0].dim.kind)) ||
                   (pl.keys.size() == 2 && direct_column(pl.keys[0].dim.kind) &&
                    pl.keys[1].dim.kind == dimension_kind::year && fs == 1);
  return pl;
}

}  // namespace aidstat::detail
