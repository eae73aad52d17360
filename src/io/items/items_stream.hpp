// Reading items.csv a block at a time, for a query that needs nothing but the items
// and can sum each block as it comes: memory stays within a block and its columns
// per thread, however large the file. Internal.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/work_meter.hpp"

namespace aidstat::detail {

/// Reads the items of the open file `fd` (the caller's) on columns.size() threads, a block of whole
/// records at a time, as read_items_fast reads a whole file: each block's records go into thread
/// t's columns[t] (emptied first), then take(t) consumes them. `d` is the dataset without its items
/// (the lookups); `units_defined` as for read_items_fast. The columns hold no notes, and without
/// units.csv every unit first met in the file reads as the same number (kFresh | 0) in the provider
/// and recipient columns: a caller that reads notes or units cannot use this reader. Returns true
/// when every record was read and taken. Returns false, having stopped every thread, when the file
/// cannot be read, when a record is not regular or longer than the largest block, or when take()
/// returns false: the caller then loads the file in full, which reports every problem with its
/// position.
bool stream_items(int fd, const dataset& d, bool units_defined, std::vector<item_columns>& columns,
                  const std::function<bool(unsigned)>& take, work_meter* meter = nullptr);

/// Empties every column, keeping their room for the next block.
void clear_keeping_room(item_columns& c) noexcept;

}  // namespace aidstat::detail
