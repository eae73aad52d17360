// How far a long load or save has got, for a program to show (docs/cli.md: `aidstat`
// shows it on a terminal when the work takes more than a second). The library only
// adds to the counters, from any of its threads; the caller reads them from its own.
//
//   work_meter meter;  // another thread may show meter.fraction() meanwhile
//   dataset loaded = open_dataset(dir, item_fields::all, &meter);
//   std::cout << *meter.fraction() * 100 << "%\n";  // 100%: every byte read
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

namespace aidstat {

/// Work done of work in all, in units of the work's own choosing (bytes of a CSV
/// file or an archive, sections of an archive written).
struct work_meter {
  std::atomic<std::uint64_t> done{0};   ///< advanced as the work goes
  std::atomic<std::uint64_t> total{0};  ///< set when the work knows its size

  /// done / total in [0, 1]; empty while the total is unknown.
  std::optional<double> fraction() const noexcept {
    const std::uint64_t t = total.load(std::memory_order_relaxed);
    if (t == 0) return std::nullopt;
    const std::uint64_t d = done.load(std::memory_order_relaxed);
    return d >= t ? 1.0 : static_cast<double>(d) / static_cast<double>(t);
  }
  /// Adds n units of work done.
  void advance(std::uint64_t n) noexcept { done.fetch_add(n, std::memory_order_relaxed); }
};

}  // namespace aidstat
