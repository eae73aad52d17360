// The hot loops of a scan: a batch of rows added to (or taken back from) the sums,
// and the key functors that give each row its slot. Internal to the engine.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/partial_sums.hpp"

namespace aidstat::detail {

// Amounts are asked for this many rows (4 KB) before the scan reaches them.
constexpr std::size_t kPrefetchRows = 512;

// Asks for the amount kPrefetchRows after `at` into the cache; an address past the
// column's end is only a hint, never read (computed as an integer for that reason).
template <class A>
[[gnu::always_inline]] inline void prefetch_ahead(const A* at) {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(at) +
                                                   kPrefetchRows * sizeof(A)));
}

// Adds (Sign +1) or takes back (Sign -1) rows [b, b + m) into the hot sums, in L
// lanes; the slot of row r is key(r). Returns the OR of the stated amounts, which
// bounds the batch's largest amount within a factor of two. Checked: every addition is checked
// for overflow, reported through `overflow`. Amounts A are int64_t or int32_t
// (compact_amounts: negative exactly where absent).
template <unsigned L, bool Checked, int Sign, class Key, class A>
std::uint64_t add_hot(hot_sum* h, const Key& key_ref, const A* amount, std::size_t b, std::size_t m,
                      bool& overflow_out) {
  const Key key = key_ref;  // in registers, not reloaded through a reference per row
  std::uint64_t bits = 0;
  bool overflow = false;
  const auto add = [&](std::size_t r, unsigned lane) __attribute__((always_inline)) {
    hot_sum& x = h[key(r) * L + lane];
    // Amounts are never negative; no_value is. `missing` is all ones for it, else 0,
    // so that the row adds without a branch or a compare.
    const std::int64_t a = amount[r];
    const auto missing = static_cast<std::uint64_t>(a >> 63);
    const std::uint64_t counts = kRecord + 1 + missing;  // + 1 - 1 when missing
    const std::uint64_t value = static_cast<std::uint64_t>(a) & ~missing;
    bits |= value;
    if constexpr (Sign > 0) {
      x.counts += counts;
      if constexpr (Checked) {
        auto sum = static_cast<std::int64_t>(x.amount);
        overflow |= __builtin_add_overflow(sum, static_cast<std::int64_t>(value), &sum);
        x.amount = static_cast<std::uint64_t>(sum);
      } else {
        x.amount += value;
      }
    } else {
      x.counts -= counts;
      x.amount -= value;
    }
  };
  std::size_t i = b;
  const std::size_t end = b + m;
  for (; i + L <= end; i += L)
    for (unsigned lane = 0; lane < L; ++lane) add(i + lane, lane);  // unrolled: L is a constant
  for (; i < end; ++i) add(i, 0);
  overflow_out |= overflow;
  return bits;
}

// Adds (Sign +1) or takes back (Sign -1) rows [b, b + m) into packed words, in L
// lanes, and returns the OR of the amounts. With Unstated, rows without an amount go
// `unstated` words further and the OR is of the stated amounts; without, every amount
// is taken as stated, and a no_value shows as the sign bit of the OR. Amounts as for
// add_hot.
template <unsigned L, bool Unstated, int Sign, class Key, class A>
std::uint64_t add_packed(std::uint64_t* words, std::size_t unstated, const Key& key_ref,
                         const A* amount, std::size_t b, std::size_t m) {
  const Key key = key_ref;
  std::uint64_t bits = 0;
  const auto add = [&](std::size_t r, unsigned lane) __attribute__((always_inline)) {
    const std::int64_t a = amount[r];
    std::uint64_t value = static_cast<std::uint64_t>(a);
    std::size_t at = key(r) * L + lane;
    if constexpr (Unstated) {
      const auto missing = static_cast<std::uint64_t>(a >> 63);  // all ones for no_value
      value &= ~missing;
      at += missing & unstated;
    }
    bits |= value;
    if constexpr (Sign > 0)
      words[at] += packed_words::one + value;
    else
      words[at] -= packed_words::one + value;
  };
  std::size_t i = b;
  const std::size_t end = b + m;
  // Eight rows a step, each in lane j % L, and the amounts asked for kPrefetchRows
  // ahead: without it the scan falls behind the hardware's fetching of the column
  // (measured one thread, 10M rows: per-provider 1.1e9 rows/s without, 1.3e9 with).
  static_assert(8 % L == 0, "lanes divide a step");
  for (; i + 8 <= end; i += 8) {
    prefetch_ahead(amount + i);
    for (unsigned j = 0; j < 8; ++j) add(i + j, j % L);  // unrolled: L is a constant
  }
  for (; i < end; ++i) add(i, 0);
  return bits;
}

// Adds (Sign +1) or takes back (Sign -1) the quantities [first, end) into packed
// words, in L lanes (quantity k in lane k % L of its slot), and (when adding) sets
// the bit of each one's measure code in `measures_seen`, laid out as the words: one
// word and one mask a slot keep a wide key's sums in the first-level cache, and
// lanes keep a narrow key's neighbouring quantities from waiting for each other's
// stores. Returns the OR of their values.
template <unsigned L, int Sign, class Key>
std::uint64_t add_packed_quantities(std::uint64_t* words, std::uint16_t* measures_seen,
                                    const Key& key_ref, const std::uint32_t* rows,
                                    const std::uint8_t* measures, const std::int64_t* values,
                                    std::size_t first, std::size_t end) {
  const Key key = key_ref;
  std::uint64_t bits = 0;
  const auto add = [&](std::size_t k, unsigned lane) __attribute__((always_inline)) {
    const auto value = static_cast<std::uint64_t>(values[k]);
    bits |= value;
    const std::size_t s = key(rows[k]) * L + lane;
    if constexpr (Sign > 0) {
      words[s] += packed_words::one + value;
      measures_seen[s] |= static_cast<std::uint16_t>(1u << measures[k]);
    } else {
      words[s] -= packed_words::one + value;  // the measures stay seen: the rows are added again
    }
  };
  std::size_t k = first;
  for (; k + L <= end; k += L)
    for (unsigned lane = 0; lane < L; ++lane) add(k + lane, lane);  // unrolled: L is a constant
  for (; k < end; ++k) add(k, 0);
  return bits;
}

// Key functors: the slot of a row. The scan is compiled once per functor, so that
// the common keys cost a load or two per row and no intermediate buffer.

// Slots computed a batch at a time into a buffer (any dimensions, any filter).
struct buffered_key {
  const std::uint32_t* slot;
  std::size_t base;
  [[gnu::always_inline]] std::uint32_t operator()(std::size_t r) const { return slot[r - base]; }
};

// A category or provider column, whose codes are index + 1, optionally times a
// calendar year, optionally only the rows of one calendar year (else the dump slot).
// The years are offsets of type Year from the column's base year.
template <class Col, class Year, bool WithYear, bool OneYear>
struct direct_key {
  const Col* col;
  const Year* year;          // offsets from the base year
  std::int32_t year_offset;  // code of the year of offset o: o - year_offset
  std::uint32_t year_codes;  // cardinality of the year dimension
  std::int32_t wanted;       // OneYear: the offset of the year kept (any int: none may match)
  std::uint32_t dump;
  [[gnu::always_inline]] std::uint32_t operator()(std::size_t r) const {
    std::uint32_t s = static_cast<std::uint32_t>(col[r]) + 1;
    if constexpr (WithYear)
      s = s * year_codes +
          static_cast<std::uint32_t>(static_cast<std::int32_t>(year[r]) - year_offset);
    if constexpr (OneYear) s = static_cast<std::int32_t>(year[r]) == wanted ? s : dump;
    return s;
  }
};

}  // namespace aidstat::detail
