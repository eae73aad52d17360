// The rules that follow from dimension_table (query.hpp): which key bounds transfers.
#include <cstdint>

#include "aidstat/query.hpp"

namespace aidstat {

std::int64_t transfer_fineness(const dimension& d) noexcept {
  if (!info_of(d.kind).bounds_transfers) return -1;
  return d.kind == dimension_kind::provider_at ? std::int64_t{d.depth} : INT64_MAX;
}

int transfer_boundary(const std::vector<dimension>& by) noexcept {
  int best = -1;
  std::int64_t finest = -1;
  for (std::size_t i = 0; i < by.size(); ++i) {
    if (transfer_fineness(by[i]) > finest) {
      finest = transfer_fineness(by[i]);
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace aidstat
