#include "aidstat/progress.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "aidstat/error.hpp"
#include "aidstat/totals.hpp"
#include "engine/key_order.hpp"

namespace aidstat {

std::optional<double> progress_group::completion_rate() const noexcept {
  if (total() == 0) return std::nullopt;
  return static_cast<double>(done) / static_cast<double>(total());
}

namespace {

using target_key = std::tuple<std::string, std::string, int>;  // owner, category, year

// The query of the amount recorded for one owner subtree, category subtree and year.
totals_query recorded_query(const target_key& k) {
  totals_query q;
  q.filter.year = std::get<2>(k);
  q.filter.where.push_back(condition{dimension{dimension_kind::provider, 0}, {std::get<0>(k)}});
  q.filter.where.push_back(condition{dimension{dimension_kind::category, 0}, {std::get<1>(k)}});
  return q;
}
// The amount recorded for one owner subtree, category subtree and year.
money_interval recorded_for(const dataset& d, const target_key& k) {
  return compute_totals(d, recorded_query(k)).grand.amount;
}

void tally(progress_group& g, const commitment& c) {
  switch (c.status) {
    case commitment_status::planned:
      ++g.planned;
      break;
    case commitment_status::in_progress:
      ++g.in_progress;
      break;
    case commitment_status::done:
      ++g.done;
      break;
    case commitment_status::dropped:
      ++g.dropped;
      break;
  }
  if (c.target_amount) {
    ++g.targeted;
    g.target += *c.target_amount;
  }
}

}  // namespace

item_fields fields_for(const progress_query&) { return fields_for(recorded_query({"", "", 2000})); }

progress_result compute_progress(const dataset& d, const progress_query& q) {
  progress_result out;
  out.by = q.by;
  std::map<std::vector<std::string>, progress_group> groups;
  std::map<std::vector<std::string>, std::set<target_key>> targets;
  std::set<target_key> all_targets;
  std::map<target_key, money_interval> recorded;
  for (const commitment& c : d.commitments()) {
    if (q.year && c.year != *q.year) continue;
    std::vector<std::string> key, labels;
    for (progress_dimension dim : q.by) {
      switch (dim) {
        case progress_dimension::year:
          key.push_back(std::to_string(c.year));
          labels.push_back(key.back());
          break;
        case progress_dimension::category:
        case progress_dimension::category_parent: {
          std::uint32_t cat = *d.categories().find(c.category);
          if (dim == progress_dimension::category_parent) cat = d.categories().parent_of(cat);
          key.push_back(d.categories().at(cat).key);
          labels.push_back(d.categories().at(cat).name_zh);
          break;
        }
        case progress_dimension::owner:
          key.push_back(c.owner);
          labels.push_back(d.unit_at(*d.find_unit(c.owner)).name);
          break;
      }
    }
    progress_group& g = groups[key];
    g.key = key;
    g.labels = labels;
    tally(g, c);
    tally(out.overall, c);
    if (c.target_amount) {
      const target_key k{c.owner, c.category, c.year};
      if (!recorded.contains(k)) recorded.emplace(k, recorded_for(d, k));
      targets[key].insert(k);
      all_targets.insert(k);
    }
  }
  for (auto& [key, g] : groups) {
    for (const auto& k : targets[key]) g.recorded += recorded.at(k);
    out.groups.push_back(std::move(g));
  }
  for (const auto& k : all_targets) out.overall.recorded += recorded.at(k);
  std::vector<dimension> sort_dims;
  for (auto dim : q.by)
    sort_dims.push_back(dimension{
        dim == progress_dimension::year ? dimension_kind::year : dimension_kind::category, 0});
  std::sort(out.groups.begin(), out.groups.end(), [&](const auto& a, const auto& b) {
    return detail::key_less(sort_dims, a.key, b.key);
  });
  return out;
}

}  // namespace aidstat
