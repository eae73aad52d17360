// Summing a query's totals over blocks of rows as a reader hands them over, one
// thread's partial sums kept across its blocks: what the streamed ways of totals_at
// (items.csv, an archive file) share. Internal.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/totals.hpp"
#include "model/item_columns.hpp"

namespace aidstat::detail {

/// The (fiscal) years a stream's period keys span: a record outside them sends the
/// dataset to the full load, which spans the years its records hold.
constexpr int kStreamFirstYear = 1900;
constexpr int kStreamLastYear = 2155;

/// A reader of blocks: puts each block of rows into thread t's columns[t] (emptied
/// first, rows numbered from 0), then calls take(t); true when every row was read and
/// taken, false when it stopped (a problem, or take() returning false).
using block_feed = std::function<bool(std::vector<item_columns>& columns,
                                      const std::function<bool(unsigned)>& take)>;

/// The totals of every query of `qs`, each as compute_totals gives it over the rows
/// `feed` reads on `threads` threads (`shell`: the dataset without its items); empty
/// when the engine refuses a query before reading, a record lies outside the stream's
/// years, or the feed stops. Throws as compute_totals does for rows it cannot place.
std::optional<std::vector<totals>> scan_blocks(const dataset& shell,
                                               std::span<const totals_query> qs, unsigned threads,
                                               const block_feed& feed);

}  // namespace aidstat::detail
