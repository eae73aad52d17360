// Reading commitments.csv and stated_totals.csv into a dataset (load_csv.cpp's part
// for plans).
#pragma once

#include <cstddef>
#include <vector>

#include "aidstat/dataset.hpp"
#include "aidstat/load_csv.hpp"
#include "io/csv/dataset_inputs.hpp"

namespace aidstat::detail {

/// Reads the commitments and stated totals of `inputs` into `d`, whose units and
/// categories are read: each file's problems go to `problems`, and where they end to
/// `file_starts`. The line of each stated total goes to `sources` when given.
void read_plans(const dataset_inputs& inputs, dataset& d, std::vector<problem>& problems,
                std::vector<std::size_t>& file_starts, dataset_sources* sources);

}  // namespace aidstat::detail
