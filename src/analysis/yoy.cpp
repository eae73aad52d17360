#include "aidstat/yoy.hpp"

#include <algorithm>
#include <map>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "core/int128.hpp"
#include "engine/key_order.hpp"

namespace aidstat {

using detail::i128;

std::optional<std::int64_t> pct_change_hundredths(money_interval base, money_interval current) {
  // Midpoints are (min + max) / 2; their ratio needs only the sums.
  const i128 b = static_cast<i128>(base.min().fen()) + base.max().fen();
  const i128 c = static_cast<i128>(current.min().fen()) + current.max().fen();
  if (b == 0) return std::nullopt;
  const i128 num = (c - b) * 10000;  // hundredths of a percent
  const i128 den = b < 0 ? -b : b;
  const i128 mag = num < 0 ? -num : num;
  i128 q = mag / den;
  if (2 * (mag % den) >= den) ++q;  // halves away from zero
  const i128 v = (num < 0) != (b < 0) ? -q : q;
  if (v > INT64_MAX || v < INT64_MIN)
    detail::throw_error<overflow_error>("the percent change is too large");
  return static_cast<std::int64_t>(v);
}

std::string pct_change_text(std::optional<std::int64_t> hundredths) {
  return hundredths ? format_hundredths(*hundredths) : "";
}

std::string yoy_group::pct_change_text() const {
  return aidstat::pct_change_text(pct_change_hundredths);
}

namespace {

std::optional<double> per_head(const aggregate& a) {
  const std::int64_t people = a.headcount();
  if (people == 0 || a.amount_records == 0) return std::nullopt;
  return a.amount_midpoint_yuan() / static_cast<double>(people);
}

// Throws query_error for a comparison that cannot be made.
void require_comparable(const yoy_query& q) {
  if (q.base_year == q.current_year)
    detail::throw_error<query_error>("the base year and the current year are both " +
                                     std::to_string(q.base_year) + "; compare two different years");
  if (q.filter.year)
    detail::throw_error<query_error>(
        "a year-over-year comparison chooses its own two years; "
        "drop the year filter");
  for (const auto& dim : q.by)
    if (dim.kind == dimension_kind::year)
      detail::throw_error<query_error>("'year' cannot be a key of a year-over-year comparison");
  if (q.prices) {
    for (int y : {q.base_year, q.current_year, q.prices->year})
      if (!q.prices->table.has(y))
        detail::throw_error<query_error>("the deflator table has no index for " +
                                         std::to_string(y));
  }
}

// The groups of `year` out of totals grouped by the keys and then the year, in the
// query's prices.
totals year_totals(const totals& by_year, const yoy_query& q, int year) {
  const std::string wanted = std::to_string(year);
  totals t;
  t.by = q.by;
  for (const group_totals& g : by_year.groups) {
    if (g.key.back() != wanted) continue;
    group_totals row = g;
    row.key.pop_back();
    row.labels.pop_back();
    t.grand.merge(row.figures);
    t.groups.push_back(std::move(row));
  }
  if (q.prices) {
    const auto restate = [&](aggregate& a) {
      a.amount = q.prices->table.restate(a.amount, year, q.prices->year);
    };
    for (auto& g : t.groups) restate(g.figures);
    restate(t.grand);
  }
  return t;
}

// Fills the figures of a group that derive from its two years' and the totals.
void compare(yoy_group& y, const yoy_result& out) {
  y.delta = y.current.amount - y.base.amount;
  if (!y.base.amount_unstated() && !y.current.amount_unstated())
    y.pct_change_hundredths = pct_change_hundredths(y.base.amount, y.current.amount);
  y.status = y.base.records == 0      ? yoy_status::new_
             : y.current.records == 0 ? yoy_status::discontinued
                                      : yoy_status::continuing;
  y.base_share = amount_share(y.base, out.base_total);
  y.current_share = amount_share(y.current, out.current_total);
  if (y.base_share && y.current_share)
    y.share_change_pp = (*y.current_share - *y.base_share) * 100.0;
  y.base_per_head = per_head(y.base);
  y.current_per_head = per_head(y.current);
  if (y.base_per_head && y.current_per_head)
    y.per_head_change = *y.current_per_head - *y.base_per_head;
}

}  // namespace

// One scan grouped by the keys and then the year gives both years' figures, each
// exact and separate.
totals_query yoy_totals_query(const yoy_query& q) {
  totals_query tq;
  tq.by = q.by;
  tq.by.push_back(dimension{dimension_kind::year, 0});
  tq.filter = q.filter;
  tq.threads = q.threads;
  return tq;
}

item_fields fields_for(const yoy_query& q) { return fields_for(yoy_totals_query(q)); }

yoy_result compare_years(const totals& by_keys_and_year, const totals* by_year,
                         const yoy_query& q) {
  require_comparable(q);
  yoy_query whole = q;
  whole.by.clear();
  if (by_keys_and_year.by != yoy_totals_query(q).by ||
      (by_year && by_year->by != yoy_totals_query(whole).by))
    detail::throw_error<query_error>(
        "these totals do not answer the comparison: they must be grouped by its keys and then "
        "the year (and the year totals by the year alone)");
  if (!by_year && by_keys_and_year.holds_transfers && bounds_transfers(q.by))
    detail::throw_error<query_error>(
        "these totals hold transfers and a key bounds them, so each year's total needs the "
        "totals by the year alone");
  const totals base = year_totals(by_keys_and_year, q, q.base_year);
  const totals current = year_totals(by_keys_and_year, q, q.current_year);

  yoy_result out;
  out.by = q.by;
  out.base_year = q.base_year;
  out.current_year = q.current_year;
  out.base_total = base.grand;
  out.current_total = current.grand;
  out.holds_transfers = by_keys_and_year.holds_transfers;
  if (by_year) {
    out.base_total = year_totals(*by_year, whole, q.base_year).grand;
    out.current_total = year_totals(*by_year, whole, q.current_year).grand;
  }
  if (q.prices) out.prices_of = q.prices->year;

  std::map<std::vector<std::string>, yoy_group> groups;
  for (const auto& [from, figures] :
       {std::pair{&base, &yoy_group::base}, {&current, &yoy_group::current}}) {
    for (const auto& g : from->groups) {
      yoy_group& y = groups[g.key];
      y.key = g.key;
      y.labels = g.labels;
      y.*figures = g.figures;
    }
  }
  for (auto& [key, y] : groups) {
    compare(y, out);
    out.groups.push_back(std::move(y));
  }
  std::sort(out.groups.begin(), out.groups.end(), [&](const yoy_group& a, const yoy_group& b) {
    return detail::key_less(out.by, a.key, b.key);
  });
  return out;
}

yoy_result compute_yoy(const dataset& d, const yoy_query& q) {
  require_comparable(q);
  const totals by_keys_and_year = compute_totals(d, yoy_totals_query(q));
  if (!by_keys_and_year.holds_transfers || !bounds_transfers(q.by))
    return compare_years(by_keys_and_year, nullptr, q);
  // Each year's total has every unit as its bound: transfers the groups count are out.
  const totals by_year = totals_without_keys(d, yoy_totals_query(q));
  return compare_years(by_keys_and_year, &by_year, q);
}

}  // namespace aidstat
