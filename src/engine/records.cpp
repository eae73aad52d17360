// list_records: the rows a filter keeps, by the scan's own test of a row, so that the
// list and the totals of the same filter cannot disagree.
#include "aidstat/records.hpp"

#include "engine/gather.hpp"
#include "engine/scan.hpp"

namespace aidstat {

record_list list_records(const dataset& d, const record_filter& filter) {
  totals_query q;
  q.filter = filter;
  const detail::plan pl = detail::make_plan(d, q);
  std::vector<detail::partial> parts(1, detail::partial(1));
  record_list out;
  for (std::size_t r = 0; r < d.item_count(); ++r) {
    if (!pl.keeps(r, parts[0])) continue;
    if (pl.transfers && pl.left_out(r))
      ++out.transfers_excluded;  // a grand total leaves every transfer out
    else
      out.rows.push_back(r);
  }
  detail::require_all_placed(parts, filter);
  return out;
}

}  // namespace aidstat
