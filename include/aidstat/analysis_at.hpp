// The analyses that need several totals, straight from where a dataset is kept:
// each reads the dataset once, through totals_at (totals_at.hpp), so that from a CSV
// directory they are summed while items.csv is read, in memory that does not grow
// with the file.
//
//   const yoy_query q{.base_year = 2022, .current_year = 2023};
//   yoy_result r = yoy_at(dir, q);                          // a CSV directory
//   r == compute_yoy(open_dataset(dir, fields_for(q)), q);  // true, always
#pragma once

#include <filesystem>

#include "aidstat/pivot.hpp"
#include "aidstat/trend.hpp"
#include "aidstat/work_meter.hpp"
#include "aidstat/yoy.hpp"

namespace aidstat {

/// compute_yoy(open_dataset(path, fields_for(q)), q), from one reading of the dataset;
/// `meter`, when given, counts the bytes read. Throws as they throw: a problem of the
/// files first, then one of the query.
yoy_result yoy_at(const std::filesystem::path& path, const yoy_query& q,
                  work_meter* meter = nullptr);

/// compute_trend(open_dataset(path, fields_for(q)), q), from one reading of the dataset.
trend_result trend_at(const std::filesystem::path& path, const trend_query& q,
                      work_meter* meter = nullptr);

/// compute_pivot(open_dataset(path, fields_for(q)), q), from one reading of the dataset.
pivot_result pivot_at(const std::filesystem::path& path, const pivot_query& q,
                      work_meter* meter = nullptr);

}  // namespace aidstat
