#include "aidstat/totals_at.hpp"

#include <algorithm>

#include "aidstat/open_dataset.hpp"
#include "engine/stream_totals.hpp"

namespace aidstat {

bool streams_from_csv(const totals_query& q) noexcept {
  const auto row_local = [](dimension_kind k) { return info_of(k).streams_from_csv; };
  return std::all_of(q.by.begin(), q.by.end(),
                     [&](const dimension& d) { return row_local(d.kind); }) &&
         std::all_of(q.filter.where.begin(), q.filter.where.end(),
                     [&](const condition& c) { return row_local(c.on.kind); });
}

std::vector<totals> totals_at(const std::filesystem::path& path,
                              const std::vector<totals_query>& qs, work_meter* meter) {
  const dataset_storage storage = storage_of(path);
  if (storage != dataset_storage::workbook) {
    auto t = storage == dataset_storage::csv_directory
                 ? detail::stream_totals(path, qs, meter)
                 : detail::stream_archive_totals(path, qs, meter);
    if (t) return std::move(*t);
    if (meter) meter->done = 0;  // read again, in full
  }
  item_fields fields = item_fields::none;
  for (const totals_query& q : qs) fields = fields | fields_for(q);
  const dataset d = open_dataset(path, fields, meter);
  std::vector<totals> out;
  for (const totals_query& q : qs) out.push_back(compute_totals(d, q));
  return out;
}

totals totals_at(const std::filesystem::path& path, const totals_query& q, work_meter* meter) {
  return std::move(totals_at(path, std::vector<totals_query>{q}, meter).front());
}

}  // namespace aidstat
