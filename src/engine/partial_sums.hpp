// The running sums of one thread's share of a scan: per key slot, records and the
// amount (hot), and the sparse columns' sums (cold), some of them packed into one
// word per slot. Internal to the engine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aidstat/enums.hpp"

namespace aidstat::detail {

constexpr std::size_t kChunk = 2048;           // rows per inner batch
constexpr std::size_t kRowsPerThread = 16384;  // fewer rows than this: fewer threads
constexpr std::uint64_t kDenseKeys = 1 << 16;  // key spaces up to this use direct arrays
constexpr std::uint64_t kLaneKeys = 1 << 8;    // key spaces up to this get lanes of sums
constexpr unsigned kLanes = 8;                 // ... this many
constexpr unsigned kQuantityLanes = 4;         // ... and this many of packed quantities
constexpr std::uint64_t kRecord = std::uint64_t{1} << 32;  // one record in hot_sum::counts
constexpr std::uint64_t kPackSlots = 4096;  // key spaces up to this may pack (see packed_words)
// Measure codes are 1..9 (0 unused): a slot's measures seen are one 16-bit mask.
static_assert(enum_vocabulary<measure>::entries.size() + 1 <= 16);

// The sums every row adds to: records (high 32 bits) and records with an amount (low
// 32 bits) packed in one word, and the lower bound of the amount. Rows are 32-bit ids,
// so neither count can carry into the other.
struct hot_sum {
  std::uint64_t counts = 0;
  std::uint64_t amount = 0;  // two's complement, so that a batch can be taken back exactly
};

// The sums only the sparse columns add to.
struct cold_sum {
  std::int64_t approx = 0, amount_width = 0;
  std::int64_t quantity_records = 0, quantity_min = 0, quantity_width = 0;
  std::uint32_t measures = 0;           // bit m set: a quantity of measure code m
  std::int64_t transfers_excluded = 0;  // transfer records the group leaves out
};

// Records and a sum in one word per slot, so that a row costs one addition: records
// from bit 44 up, the sum of values below. A word takes rows until a million of them,
// or values that may add up to 2^44, have gone in since the last flush; the owner
// then flushes the words into its full sums.
struct packed_words {
  static constexpr unsigned shift = 44;
  static constexpr std::uint64_t one = std::uint64_t{1} << shift;  // one record
  static constexpr std::uint64_t value_mask = one - 1;
  static constexpr std::uint64_t max_rows = (std::uint64_t{1} << (64 - shift)) - 1;

  std::vector<std::uint64_t> words;
  std::uint64_t rows = 0;   // rows added since the last flush
  std::uint64_t bound = 0;  // a bound on the sum of the values added since then

  // Whether m rows of values at most `bits` (their OR) could go in after a flush.
  static bool could_take(std::uint64_t bits, std::size_t m) {
    std::uint64_t more = 0;
    return !__builtin_mul_overflow(bits, m, &more) && more < one && m <= max_rows;
  }
  // Whether they can go in now, without a flush (could_take() holds).
  bool has_room(std::uint64_t bits, std::size_t m) const {
    return rows + m <= max_rows && bound + bits * m < one;
  }
  void took(std::uint64_t bits, std::size_t m) {
    rows += m;
    bound += bits * m;
  }
  // Calls f(index, records, sum) for every word that took rows, and clears them.
  template <class F>
  void flush(F f) {
    if (rows == 0) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (const std::uint64_t w = words[i]) {
        f(i, w >> shift, w & value_mask);
        words[i] = 0;
      }
    }
    rows = bound = 0;
  }
};

// Per-thread running sums, by slot. A slot is the key itself in dense mode, else the
// order in which the key was first seen. One extra slot (the last in dense mode, the
// first in hashed mode) takes the rows the filter drops, so that no loop branches.
// Small key spaces keep kLanes lanes of sums (row i adds to lane i % kLanes): neighbouring
// rows of one key then do not wait for each other's stores.
struct alignas(64) partial {  // own cache lines: each thread writes its own
  explicit partial(std::uint64_t dense_slots)
      : dense(dense_slots != 0),
        lanes(dense_slots != 0 && dense_slots <= kLaneKeys ? kLanes : 1),
        quantity_lanes(lanes == kLanes ? kQuantityLanes : 1) {
    if (dense) {
      dump = static_cast<std::uint32_t>(dense_slots);
      resize(dense_slots + 1);
    } else {
      dump = 0;
      keys.push_back(0);
      resize(1);
    }
  }
  void resize(std::size_t n) {
    hot.resize(n * lanes);
    cold.resize(n);
    if (dense && n <= kPackSlots + 1) {
      amounts.words.resize(2 * n * lanes);
      quantities.words.resize(n * quantity_lanes);
      quantity_measures.resize(n * quantity_lanes);
    }
  }
  bool packs() const { return !amounts.words.empty(); }
  // Where the packed words of rows without an amount begin.
  std::size_t unstated_offset() const { return amounts.words.size() / 2; }
  // Moves the packed amounts into the hot sums; checked, since rows added checked may
  // be there already.
  void flush_amounts() {
    amounts.flush([&](std::size_t i, std::uint64_t records, std::uint64_t sum) {
      if (i >= unstated_offset()) {
        hot[i - unstated_offset()].counts += records * kRecord;
        return;
      }
      hot[i].counts += records * (kRecord + 1);
      auto total = static_cast<std::int64_t>(hot[i].amount);
      overflow |= __builtin_add_overflow(total, static_cast<std::int64_t>(sum), &total);
      hot[i].amount = static_cast<std::uint64_t>(total);
    });
  }
  // Moves the packed quantities and the measures seen into the cold sums.
  void flush_quantities() {
    quantities.flush([&](std::size_t i, std::uint64_t records, std::uint64_t sum) {
      cold_sum& x = cold[i / quantity_lanes];
      x.quantity_records += static_cast<std::int64_t>(records);
      overflow |=
          __builtin_add_overflow(x.quantity_min, static_cast<std::int64_t>(sum), &x.quantity_min);
    });
    for (std::size_t i = 0; i < quantity_measures.size(); ++i) {
      cold[i / quantity_lanes].measures |= quantity_measures[i];
      quantity_measures[i] = 0;
    }
  }
  std::uint32_t slot(std::uint64_t key) {
    const auto [it, fresh] = slot_of.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (fresh) {
      keys.push_back(key);
      resize(keys.size());
    }
    return it->second;
  }
  std::uint64_t key_of_slot(std::size_t s) const { return dense ? s : keys[s]; }
  std::size_t slots() const { return cold.size(); }
  std::uint64_t counts(std::size_t s) const {
    std::uint64_t sum = 0;
    for (unsigned l = 0; l < lanes; ++l) sum += hot[s * lanes + l].counts;
    return sum;
  }

  bool dense;
  unsigned lanes;
  unsigned quantity_lanes;  // of the packed quantities and measures seen
  std::uint32_t dump;
  std::vector<std::uint64_t> keys;  // hashed mode: slot -> key
  std::unordered_map<std::uint64_t, std::uint32_t> slot_of;
  std::vector<hot_sum> hot;  // slot * lanes + lane
  std::vector<cold_sum> cold;
  // Key spaces up to kPackSlots: the amounts of packable batches (slot * lanes + lane),
  // and quantities, with the bit of each quantity's measure code (both
  // slot * quantity_lanes + lane).
  packed_words amounts, quantities;
  std::vector<std::uint16_t> quantity_measures;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> people;  // (slot, beneficiary)
  // No amount sum can overflow while rows-so-far x largest-amount-so-far stays below
  // 2^63; past that bound every addition is checked.
  std::uint64_t amount_bound = 0;
  bool checked = false, overflow = false;
  bool unstated_seen = false;  // a batch had rows without an amount
  std::size_t cut = 0, yearly = 0;
  std::string cut_example;
};

// Whether m more values at most `bits` keep the running `bound` on a sum at or below
// 2^63 - 1, so that no addition can overflow; adds them to the bound if so.
inline bool within_bound(std::uint64_t& bound, std::uint64_t bits, std::size_t m) {
  std::uint64_t more = 0, sum = 0;
  if (__builtin_mul_overflow(bits, m, &more) || __builtin_add_overflow(bound, more, &sum) ||
      sum > INT64_MAX)
    return false;
  bound = sum;
  return true;
}

}  // namespace aidstat::detail
