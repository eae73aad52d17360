// The records behind a figure: the records a filter keeps, with the file and line
// each came from, so that "where does 1100余万元 come from?" has an answer. The same
// filter as totals, with the same meaning: their count and the sum of their amounts
// are the totals of that filter.
//
//   dataset_sources sources;
//   const dataset d = load_dataset(dir, &sources);  // e.g. examples/data/city-2023
//   record_filter f;
//   f.year = 2023;
//   f.where = {{dimension::parse("category"), {"condolence"}}};
//   write_table(std::cout, to_table(list_records(d, f), d, &sources), output_format::csv);
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/query.hpp"
#include "aidstat/table.hpp"

namespace aidstat {

/// The records a filter keeps, as the totals of that filter count them.
struct record_list {
  std::vector<std::size_t> rows;  ///< the records' rows in the dataset, in its order
  /// Transfer records the filter keeps that totals leave out (docs/transfers.md): not
  /// in `rows`.
  std::int64_t transfers_excluded = 0;
  /// Equal when every field is.
  friend bool operator==(const record_list&, const record_list&) = default;
};

/// The records of `d` that `filter` keeps. Throws query_error as compute_totals does
/// (a fiscal year for a record dated only to a year, a range cutting a record's date).
record_list list_records(const dataset& d, const record_filter& filter);

/// The records as a table, one row each: date, category, provider, recipient,
/// beneficiary, the amount (min, max and the report's notation), quantity and measure,
/// note, and the file and line it came from (when `sources` has them).
table to_table(const record_list& list, const dataset& d, const dataset_sources* sources = nullptr);

}  // namespace aidstat
