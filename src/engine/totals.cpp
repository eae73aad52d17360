#include "aidstat/totals.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <thread>
#include <unordered_map>

#include "aidstat/error.hpp"
#include "core/int128.hpp"
#include "core/run_parallel.hpp"
#include "engine/gather.hpp"
#include "engine/key_order.hpp"
#include "engine/scan.hpp"

namespace aidstat {

std::int64_t aggregate::headcount() const {
  std::int64_t sum = 0;
  for (const auto& [id, n] : beneficiaries) sum = detail::checked_add(sum, n, "headcount");
  return sum;
}

void aggregate::merge(const aggregate& o) {
  records += o.records;
  amount_records += o.amount_records;
  approximate_records += o.approximate_records;
  transfers_excluded += o.transfers_excluded;
  amount += o.amount;
  quantity_records += o.quantity_records;
  quantity += o.quantity;
  if (o.mixed_measures ||
      (quantity_measure && o.quantity_measure && *quantity_measure != *o.quantity_measure)) {
    mixed_measures = true;
  }
  // Mixed quantities have no one measure (the field's promise), whichever part came first.
  if (mixed_measures)
    quantity_measure.reset();
  else if (!quantity_measure)
    quantity_measure = o.quantity_measure;
  if (o.beneficiaries.empty()) return;
  std::vector<std::pair<std::string, std::int64_t>> merged;
  merged.reserve(beneficiaries.size() + o.beneficiaries.size());
  auto a = beneficiaries.cbegin();
  auto b = o.beneficiaries.cbegin();
  while (a != beneficiaries.cend() || b != o.beneficiaries.end()) {
    if (b == o.beneficiaries.end() || (a != beneficiaries.cend() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == beneficiaries.cend() || b->first < a->first) {
      merged.push_back(*b++);
    } else {
      if (a->second != b->second)
        detail::throw_error<data_error>(
            "beneficiary '" + a->first + "' has headcount " + std::to_string(a->second) +
            " in one part and " + std::to_string(b->second) + " in another; the parts disagree");
      merged.push_back(*a++);
      ++b;
    }
  }
  beneficiaries = std::move(merged);
}

std::optional<double> amount_share(const aggregate& part, const aggregate& whole) {
  if (part.amount_records == 0 || whole.amount_records == 0) return std::nullopt;
  const double total = whole.amount_midpoint_yuan();
  if (total == 0) return std::nullopt;
  return part.amount_midpoint_yuan() / total;
}

std::optional<double> totals::amount_share(const group_totals& g) const {
  return aidstat::amount_share(g.figures, grand);
}

bool detail::key_less(const std::vector<dimension>& by, const std::vector<std::string>& a,
                      const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (i < by.size() && by[i].kind == dimension_kind::year && !a[i].empty() && !b[i].empty() &&
        a[i].size() != b[i].size())
      return a[i].size() < b[i].size();  // whole numbers without leading zeros
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

void totals::merge(const totals& other) {
  if (other.by != by)
    detail::throw_error<query_error>("only totals of the same query can be merged");
  std::map<std::vector<std::string>, std::size_t> index;
  for (std::size_t i = 0; i < groups.size(); ++i) index.emplace(groups[i].key, i);
  for (const group_totals& g : other.groups) {
    const auto it = index.find(g.key);
    if (it == index.end()) {
      index.emplace(g.key, groups.size());
      groups.push_back(g);
    } else {
      groups[it->second].figures.merge(g.figures);
    }
  }
  grand.merge(other.grand);
  holds_transfers = holds_transfers || other.holds_transfers;
  std::sort(groups.begin(), groups.end(), [&](const group_totals& x, const group_totals& y) {
    return detail::key_less(by, x.key, y.key);
  });
}

namespace {

using detail::partial;
using detail::plan;

// Scans the rows in parallel: each thread sums its own share into its own partial.
std::vector<partial> scan_in_parallel(const plan& pl, unsigned wanted_threads) {
  const std::size_t n = pl.c.size();
  unsigned threads = wanted_threads ? wanted_threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(
      std::clamp<std::size_t>(n / detail::kRowsPerThread, 1, std::max(1u, threads)));
  const std::uint64_t dense = pl.key_space <= detail::kDenseKeys ? pl.key_space : 0;
  std::vector<partial> parts(threads, partial(dense));
  detail::run_parallel(
      threads, [&](unsigned t) { pl.scan(n * t / threads, n * (t + 1) / threads, parts[t]); });
  return parts;
}

}  // namespace

bool bounds_transfers(const std::vector<dimension>& by) noexcept {
  return transfer_boundary(by) >= 0;
}

item_fields fields_for(const totals_query& q) {
  const auto of = [](dimension_kind k) { return info_of(k).reads; };
  // Every query reads the forms: transfer records follow their own rule.
  item_fields f = item_fields::amounts | item_fields::quantities | item_fields::beneficiaries |
                  item_fields::form;
  for (const dimension& dim : q.by) f = f | of(dim.kind);
  for (const condition& c : q.filter.where) f = f | of(c.on.kind);
  const record_filter& r = q.filter;
  if (r.year || r.from || r.to || r.through || r.fiscal_year_start != 1) f = f | item_fields::dates;
  return f;
}

totals compute_totals(const dataset& d, const totals_query& q) {
  d.require_fields(fields_for(q), "these totals");
  const plan pl = detail::make_plan(d, q);
  const std::vector<partial> parts = scan_in_parallel(pl, q.threads);
  detail::require_all_placed(parts, q.filter);
  totals out = detail::gather(parts, pl, d, q.by);
  out.holds_transfers = pl.transfers;
  // The grand total's units are every unit: a transfer the groups count is left out.
  if (pl.transfers && pl.boundary >= 0) out.grand = totals_without_keys(d, q).grand;
  return out;
}

totals_query without_keys(const totals_query& q) {
  totals_query whole = q;
  std::erase_if(whole.by, [](const dimension& k) { return k.kind != dimension_kind::year; });
  return whole;
}

totals totals_without_keys(const dataset& d, const totals_query& q) {
  return compute_totals(d, without_keys(q));
}

}  // namespace aidstat
