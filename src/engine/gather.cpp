#include "engine/gather.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "aidstat/error.hpp"
#include "core/int128.hpp"
#include "engine/key_order.hpp"

namespace aidstat::detail {
namespace {

[[noreturn]] void sum_overflow() {
  throw_error<overflow_error>(
      "the sum of amounts or quantities is too large to hold (over 9.2e18); split the data or "
      "check for a mistyped figure");
}

// The sums of one key over every partial.
struct group_sum {
  std::uint64_t key = 0;
  std::int64_t records = 0, amount_records = 0;
  i128 amount_min = 0;
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
  x.amount = money_interval(money{amount_min},
                            money{checked_add(amount_min, g.cold.amount_width, "sum of amounts")});
  x.quantity_records = g.cold.quantity_records;
  x.quantity = count_interval(
      count{g.cold.quantity_min},
      count{checked_add(g.cold.quantity_min, g.cold.quantity_width, "sum of quantities")});
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
  std::sort(
      out.groups.begin(), out.groups.end(),
      [&](const group_totals& a, const group_totals& b) { return key_less(out.by, a.key, b.key); });
  return out;
}

}  // namespace

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
    throw_error<query_error>(
        std::to_string(yearly) +
        " record(s) are dated only to a year, which cannot be placed in a fiscal year starting "
        "in month " +
        std::to_string(f.fiscal_year_start) + "; give them a month or a day");
  if (cut)
    throw_error<query_error>(
        std::to_string(cut) + " record(s) have dates (e.g. " + cut_example + ") that the " +
        (f.through ? "year-to-date cut at " + f.through->to_string() : std::string("range")) +
        " cuts through: they cover days both inside and outside it. Choose a range on whole "
        "months or years, or give those records exact days");
}

totals gather(const std::vector<partial>& parts, const plan& pl, const dataset& d,
              const std::vector<dimension>& by) {
  std::vector<group_sum> groups = merge_partials(parts);
  return decode(groups, pl, d, by);
}

}  // namespace aidstat::detail
