#include "aidstat/totals.hpp"

#include <algorithm>
#include <bit>
#include <map>
#include <thread>
#include <unordered_map>

#include "aidstat/error.hpp"
#include "core/int128.hpp"
#include "core/run_parallel.hpp"
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

std::optional<double> totals::amount_share(const group_totals& g) const {
  const double total = grand.amount_midpoint_yuan();
  if (grand.amount_records == 0 || total == 0) return std::nullopt;
  return g.figures.amount_midpoint_yuan() / total;
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

using detail::cold_sum;
using detail::partial;
using detail::plan;

[[noreturn]] void sum_overflow() {
  detail::throw_error<overflow_error>(
      "the sum of amounts or quantities is too large to hold (over 9.2e18); split the data or "
      "check for a mistyped figure");
}

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

// Throws for what a scan could not count: an overflow, records dated only to a year
// under a fiscal year, records whose dates the range cuts through.
void require_all_placed(const std::vector<partial>& parts, const record_filter& f) {
  std::size_t yearly = 0, cut = 0;
  std::string cut_example;
  for (const partial& p : parts) {
    if (p.overflow) sum_overflow();
    yearly += p.yearly;
    if (p.cut && cut == 0) cut_example = p.cut_example;
    cut += p.cut;
  }
  if (yearly)
    detail::throw_error<query_error>(
        std::to_string(yearly) +
        " record(s) are dated only to a year, which cannot be placed in a fiscal year starting "
        "in month " +
        std::to_string(f.fiscal_year_start) + "; give them a month or a day");
  if (cut)
    detail::throw_error<query_error>(
        std::to_string(cut) + " record(s) have dates (e.g. " + cut_example + ") that the " +
        (f.through ? "year-to-date cut at " + f.through->to_string() : std::string("range")) +
        " cuts through: they cover days both inside and outside it. Choose a range on whole "
        "months or years, or give those records exact days");
}

// The sums of one key over every partial.
struct group_sum {
  std::uint64_t key = 0;
  std::int64_t records = 0, amount_records = 0;
  detail::i128 amount_min = 0;
  cold_sum cold;
  std::vector<std::uint32_t> people;
};

// Adds slot s of partial p into g.
void add_slot(group_sum& g, const partial& p, std::size_t s) {
  const std::uint64_t counts = p.counts(s);
  g.records += static_cast<std::int64_t>(counts >> 32);
  g.amount_records += static_cast<std::int64_t>(counts & 0xffffffffu);
  for (unsigned l = 0; l < p.lanes; ++l)  // each lane's sum fits: see add_hot
    g.amount_min += static_cast<std::int64_t>(p.hot[s * p.lanes + l].amount);
  const cold_sum& x = p.cold[s];
  cold_sum& y = g.cold;
  y.approx += x.approx;
  y.quantity_records += x.quantity_records;
  y.measures |= x.measures;
  y.transfers_excluded += x.transfers_excluded;
  for (auto [to, from] : {std::pair{&y.amount_width, x.amount_width},
                          {&y.quantity_min, x.quantity_min},
                          {&y.quantity_width, x.quantity_width}})
    if (__builtin_add_overflow(*to, from, to)) sum_overflow();
}

// Merges the partials into one sum per key that has records, in order of first sight.
std::vector<group_sum> merge_partials(const std::vector<partial>& parts) {
  std::vector<group_sum> groups;
  std::unordered_map<std::uint64_t, std::size_t> group_of_key;
  for (const partial& p : parts) {
    std::vector<std::size_t> group_of_slot(p.slots(), SIZE_MAX);
    for (std::size_t s = 0; s < p.slots(); ++s) {
      if (s == p.dump || (p.counts(s) == 0 && p.cold[s].transfers_excluded == 0)) continue;
      const auto [it, fresh] = group_of_key.try_emplace(p.key_of_slot(s), groups.size());
      if (fresh) {
        groups.emplace_back();
        groups.back().key = p.key_of_slot(s);
      }
      group_of_slot[s] = it->second;
      add_slot(groups[it->second], p, s);
    }
    for (const auto& [s, person] : p.people) groups[group_of_slot[s]].people.push_back(person);
  }
  return groups;
}

// The figures of one group sum.
aggregate figures_of(group_sum& g, const dataset& d) {
  aggregate x;
  if (g.amount_min > INT64_MAX) sum_overflow();
  const auto amount_min = static_cast<std::int64_t>(g.amount_min);
  x.records = g.records;
  x.amount_records = g.amount_records;
  x.approximate_records = g.cold.approx;
  x.transfers_excluded = g.cold.transfers_excluded;
  x.amount =
      money_interval(money{amount_min},
                     money{detail::checked_add(amount_min, g.cold.amount_width, "sum of amounts")});
  x.quantity_records = g.cold.quantity_records;
  x.quantity = count_interval(
      count{g.cold.quantity_min},
      count{detail::checked_add(g.cold.quantity_min, g.cold.quantity_width, "sum of quantities")});
  x.mixed_measures = std::popcount(g.cold.measures) > 1;
  if (std::popcount(g.cold.measures) == 1)
    x.quantity_measure = static_cast<measure>(std::countr_zero(g.cold.measures) - 1);
  std::sort(g.people.begin(), g.people.end());
  g.people.erase(std::unique(g.people.begin(), g.people.end()), g.people.end());
  for (std::uint32_t b : g.people)
    x.beneficiaries.emplace_back(d.beneficiary_at(b).id, d.beneficiary_at(b).headcount);
  std::sort(x.beneficiaries.begin(), x.beneficiaries.end());
  return x;
}

// The totals of the group sums: each key decoded into its texts and labels, in key order.
totals decode(std::vector<group_sum>& groups, const plan& pl, const dataset& d,
              const std::vector<dimension>& by) {
  totals out;
  out.by = by;
  out.groups.reserve(groups.size());
  for (group_sum& g : groups) {
    group_totals row;
    std::uint64_t key = g.key;
    row.key.resize(pl.keys.size());
    row.labels.resize(pl.keys.size());
    for (std::size_t i = pl.keys.size(); i-- > 0;) {
      const auto code = static_cast<std::uint32_t>(key % pl.keys[i].cardinality);
      key /= pl.keys[i].cardinality;
      row.key[i] = pl.keys[i].texts[code];
      row.labels[i] = pl.keys[i].labels[code];
    }
    row.figures = figures_of(g, d);
    out.grand.merge(row.figures);
    out.groups.push_back(std::move(row));
  }
  std::sort(out.groups.begin(), out.groups.end(),
            [&](const group_totals& a, const group_totals& b) {
              return detail::key_less(out.by, a.key, b.key);
            });
  return out;
}

}  // namespace

bool bounds_transfers(const std::vector<dimension>& by) noexcept {
  return std::any_of(by.begin(), by.end(), [](const dimension& d) {
    return d.kind == dimension_kind::provider || d.kind == dimension_kind::provider_at;
  });
}

item_fields fields_for(const totals_query& q) {
  const auto of = [](dimension_kind k) {
    switch (k) {
      case dimension_kind::category:
      case dimension_kind::category_parent:
        return item_fields::category;
      case dimension_kind::year:
      case dimension_kind::quarter:
      case dimension_kind::month:
        return item_fields::dates;
      case dimension_kind::direction:
        return item_fields::direction;
      case dimension_kind::form:
        return item_fields::form;
      case dimension_kind::measure:
        return item_fields::quantities;
      case dimension_kind::beneficiary_kind:
        return item_fields::beneficiaries;
      default:
        return item_fields::units;  // provider, recipient and what derives from them
    }
  };
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
  require_all_placed(parts, q.filter);
  std::vector<group_sum> groups = merge_partials(parts);
  totals out = decode(groups, pl, d, q.by);
  out.holds_transfers = pl.transfers;
  if (pl.transfers && pl.boundary >= 0) {
    // The grand total's units are every unit: a transfer the groups count is left out.
    totals_query all = q;
    all.by.clear();
    out.grand = compute_totals(d, all).grand;
  }
  return out;
}

}  // namespace aidstat
