// Formatting aidstat's value types with fmt: include this header (it needs fmt, which
// aidstat itself uses only inside) to write fmt::format("{}", amount).
//
//   fmt::print("{} on {}\n", parse_money("1100余万元"), date(2023, 1));
//   // [11000000.00元, 12000000.00元] on 2023-01
#pragma once

#include <fmt/ostream.h>

#include "aidstat/date.hpp"
#include "aidstat/interval.hpp"
#include "aidstat/money.hpp"

/// money as operator<< writes it.
template <>
struct fmt::formatter<aidstat::money> : fmt::ostream_formatter {};
/// count as operator<< writes it.
template <>
struct fmt::formatter<aidstat::count> : fmt::ostream_formatter {};
/// Intervals as operator<< writes them.
template <class T>
struct fmt::formatter<aidstat::interval<T>> : fmt::ostream_formatter {};
/// date as operator<< writes it.
template <>
struct fmt::formatter<aidstat::date> : fmt::ostream_formatter {};
