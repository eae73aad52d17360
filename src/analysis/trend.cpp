#include "aidstat/trend.hpp"

#include <Eigen/Dense>
#include <charconv>
#include <cmath>
#include <map>

#include "aidstat/error.hpp"
#include "engine/key_order.hpp"

namespace aidstat {

trend_fit fit_trend(const std::vector<double>& values) {
  trend_fit fit;
  const auto n = static_cast<Eigen::Index>(values.size());
  if (n == 0) return fit;
  if (n == 1) {
    fit.intercept = fit.projection = values[0];
    return fit;
  }
  Eigen::MatrixXd x(n, 2);
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    x(i, 0) = 1.0;
    x(i, 1) = static_cast<double>(i);
    y(i) = values[static_cast<std::size_t>(i)];
  }
  const Eigen::Vector2d beta = x.colPivHouseholderQr().solve(y);
  fit.intercept = beta(0);
  fit.slope = beta(1);
  fit.projection = beta(0) + beta(1) * static_cast<double>(n);
  if (n > 2) fit.residual_se = std::sqrt((y - x * beta).squaredNorm() / static_cast<double>(n - 2));
  return fit;
}

namespace {

void finish(trend_group& g) {
  std::vector<double> mids;
  for (const auto& a : g.years) mids.push_back(a.amount_midpoint_yuan());
  g.fit = fit_trend(mids);
  const bool ends_stated =
      !g.years.empty() && !g.years.front().amount_unstated() && !g.years.back().amount_unstated();
  if (mids.size() >= 2 && ends_stated && mids.front() > 0 && mids.back() >= 0)
    g.cagr = std::pow(mids.back() / mids.front(), 1.0 / static_cast<double>(mids.size() - 1)) - 1.0;
}

}  // namespace

// One scan grouped by the year and then the keys, over the years of the trend.
totals_query trend_totals_query(const trend_query& q) {
  totals_query tq;
  tq.by.push_back(dimension{dimension_kind::year, 0});
  tq.by.insert(tq.by.end(), q.by.begin(), q.by.end());
  tq.filter = q.filter;
  tq.threads = q.threads;
  condition years{dimension{dimension_kind::year, 0}, {}};
  for (int y = q.from_year; y <= q.to_year; ++y) years.values.push_back(std::to_string(y));
  tq.filter.where.push_back(years);
  return tq;
}

namespace {

// A group of the scan (the year first): its year's place in the series, and its
// figures in the query's prices.
std::pair<std::size_t, aggregate> in_prices(const group_totals& g, const trend_query& q) {
  int year = 0;
  std::from_chars(g.key[0].data(), g.key[0].data() + g.key[0].size(), year);
  aggregate a = g.figures;
  if (q.prices) a.amount = q.prices->table.restate(a.amount, year, q.prices->year);
  return {static_cast<std::size_t>(year - q.from_year), a};
}

// Throws query_error for a trend that cannot be followed.
void require_followable(const trend_query& q) {
  if (q.to_year < q.from_year)
    detail::throw_error<query_error>("the series runs from " + std::to_string(q.from_year) +
                                     " to " + std::to_string(q.to_year) +
                                     ": the first year is after the last");
  if (q.to_year - q.from_year >= 200)
    detail::throw_error<query_error>("a series can span at most 200 years");
  if (q.filter.year)
    detail::throw_error<query_error>("a trend chooses its own years; drop the year filter");
  for (const auto& dim : q.by)
    if (dim.kind == dimension_kind::year)
      detail::throw_error<query_error>("'year' cannot be a key of a trend; it is the series");
  if (q.prices) {
    for (int y = q.from_year; y <= q.to_year; ++y)
      if (!q.prices->table.has(y))
        detail::throw_error<query_error>("the deflator table has no index for " +
                                         std::to_string(y));
  }
}

}  // namespace

item_fields fields_for(const trend_query& q) { return fields_for(trend_totals_query(q)); }

trend_result compute_trend(const dataset& d, const trend_query& q) {
  require_followable(q);
  const totals t = compute_totals(d, trend_totals_query(q));
  if (!t.holds_transfers || !bounds_transfers(q.by)) return trend_of_totals(t, nullptr, q);
  const totals by_year = totals_without_keys(d, trend_totals_query(q));
  return trend_of_totals(t, &by_year, q);
}

trend_result trend_of_totals(const totals& t, const totals* by_year, const trend_query& q) {
  require_followable(q);
  if (t.by != trend_totals_query(q).by ||
      (by_year && by_year->by != without_keys(trend_totals_query(q)).by))
    detail::throw_error<query_error>(
        "these totals do not follow the trend: they must be grouped by the year and then its "
        "keys (and the year totals by the year alone)");
  // Each year's total has every unit as its bound: transfers the groups count are out.
  const bool own_total = t.holds_transfers && bounds_transfers(q.by);
  if (own_total && !by_year)
    detail::throw_error<query_error>(
        "these totals hold transfers and a key bounds them, so each year's total needs the "
        "totals by the year alone");
  const std::size_t n = static_cast<std::size_t>(q.to_year - q.from_year + 1);

  trend_result out;
  out.by = q.by;
  out.from_year = q.from_year;
  out.to_year = q.to_year;
  if (q.prices) out.prices_of = q.prices->year;
  out.holds_transfers = t.holds_transfers;
  out.total.years.assign(n, aggregate{});
  std::map<std::vector<std::string>, trend_group> groups;
  for (const auto& g : t.groups) {
    const auto [at, a] = in_prices(g, q);
    const std::vector<std::string> key(g.key.begin() + 1, g.key.end());
    trend_group& tg = groups[key];
    if (tg.years.empty()) {
      tg.key = key;
      tg.labels.assign(g.labels.begin() + 1, g.labels.end());
      tg.years.assign(n, aggregate{});
    }
    tg.years[at].merge(a);
    if (!own_total) out.total.years[at].merge(a);
  }
  if (own_total) {
    for (const auto& g : by_year->groups) {
      const auto [at, a] = in_prices(g, q);
      out.total.years[at].merge(a);
    }
  }
  for (auto& [key, g] : groups) {
    finish(g);
    out.groups.push_back(std::move(g));
  }
  finish(out.total);
  std::sort(out.groups.begin(), out.groups.end(), [&](const trend_group& a, const trend_group& b) {
    return detail::key_less(out.by, a.key, b.key);
  });
  return out;
}

}  // namespace aidstat
