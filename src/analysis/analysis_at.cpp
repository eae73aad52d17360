#include "aidstat/analysis_at.hpp"

#include "aidstat/totals_at.hpp"

namespace aidstat {
namespace {

// The totals `q` is computed from, and after them those without its keys when a key
// bounds transfers (each year's total then needs them): one reading for both.
std::vector<totals> keyed_and_yearly(const std::filesystem::path& path, const totals_query& q,
                                     work_meter* meter) {
  std::vector<totals_query> qs{q};
  if (bounds_transfers(q.by)) qs.push_back(without_keys(q));
  return totals_at(path, qs, meter);
}

// The second totals of keyed_and_yearly when the first need them, else none.
const totals* yearly_if_needed(const std::vector<totals>& t) {
  return t.size() > 1 && t[0].holds_transfers ? &t[1] : nullptr;
}

}  // namespace

yoy_result yoy_at(const std::filesystem::path& path, const yoy_query& q, work_meter* meter) {
  const std::vector<totals> t = keyed_and_yearly(path, yoy_totals_query(q), meter);
  return compare_years(t[0], yearly_if_needed(t), q);
}

trend_result trend_at(const std::filesystem::path& path, const trend_query& q, work_meter* meter) {
  const std::vector<totals> t = keyed_and_yearly(path, trend_totals_query(q), meter);
  return trend_of_totals(t[0], yearly_if_needed(t), q);
}

pivot_result pivot_at(const std::filesystem::path& path, const pivot_query& q, work_meter* meter) {
  const std::vector<totals> t = totals_at(path, pivot_totals_queries(q), meter);
  return pivot_of_totals(t[0], t[1], t[2], q);
}

}  // namespace aidstat
