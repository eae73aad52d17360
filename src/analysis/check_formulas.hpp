// The check for text that a spreadsheet would open as a formula (a cell that starts
// with '=', '+', '-', '@', a tab or a carriage return). aidstat's CSV is a machine
// contract that loads back identical, so it keeps such text as it is; check warns,
// so that whoever opens the CSV in a spreadsheet knows. Internal to check.
#pragma once

#include <optional>

#include "aidstat/check.hpp"
#include "aidstat/dataset.hpp"

namespace aidstat::detail {

/// True when a spreadsheet would read `text` as a formula.
bool opens_as_formula(std::string_view text) noexcept;

/// One warning naming how many text cells (ids, names, titles, notes) would open as
/// a formula, and the first ten; empty when none would.
std::optional<finding> formula_finding(const dataset& d, const dataset_sources* sources);

}  // namespace aidstat::detail
