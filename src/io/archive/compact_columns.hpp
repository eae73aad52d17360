// The compact item columns of archive format 4: an id column (category, unit,
// beneficiary) at the fewest bytes that hold its values, 1, 2 or 4; the year column
// as 1- or 2-byte offsets from its smallest year. Narrowing for the writer, widening
// for the readers (in place, for a block read straight into its column). Internal.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace aidstat::detail {

/// The width (1, 2 or 4 bytes, at most sizeof(T)) that holds every value of an id
/// column: the width's largest value stands for T's largest (no_id), so the other
/// values must lie below it.
template <class T>
unsigned id_width(const std::vector<T>& v) noexcept {
  constexpr T none = std::numeric_limits<T>::max();
  T top = 0;
  for (const T x : v)
    if (x != none) top = std::max(top, x);
  const unsigned w = top < 0xFF ? 1 : top < 0xFFFF ? 2 : 4;
  return std::min<unsigned>(w, sizeof(T));
}

/// `v` at the narrower type N, T's largest value (no_id) as N's largest.
template <class N, class T>
std::vector<N> narrow_ids(const std::vector<T>& v) {
  std::vector<N> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    out[i] = v[i] == std::numeric_limits<T>::max() ? std::numeric_limits<N>::max()
                                                   : static_cast<N>(v[i]);
  return out;
}

/// Widens n ids of N at `from` into `to` (which may be the same bytes: it goes from
/// the last value back), N's largest value becoming T's largest (no_id).
template <class N, class T>
void widen_ids(const void* from, T* to, std::size_t n) noexcept {
  static_assert(sizeof(N) <= sizeof(T));
  const auto* src = static_cast<const unsigned char*>(from);
  auto* dst = reinterpret_cast<unsigned char*>(to);
  for (std::size_t i = n; i-- > 0;) {
    N x;
    std::memcpy(&x, src + i * sizeof(N), sizeof(N));
    const T wide =
        x == std::numeric_limits<N>::max() ? std::numeric_limits<T>::max() : static_cast<T>(x);
    std::memcpy(dst + i * sizeof(T), &wide, sizeof(T));
  }
}

/// The smallest and largest year of a year column ({0, 0} when it is empty).
inline std::pair<std::int16_t, std::int16_t> year_span(const std::vector<std::int16_t>& v) {
  if (v.empty()) return {0, 0};
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  return {*lo, *hi};
}

/// The width of a year column's offsets from its smallest year: 1 byte when the
/// years span 256 or fewer, else 2.
inline unsigned year_width(std::pair<std::int16_t, std::int16_t> span) noexcept {
  return span.second - span.first <= 0xFF ? 1 : 2;
}

/// Each year of `v` less `base`, as N.
template <class N>
std::vector<N> year_offsets(const std::vector<std::int16_t>& v, std::int16_t base) {
  std::vector<N> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = static_cast<N>(v[i] - base);
  return out;
}

/// Widens n year offsets of N at `from` into years from `base` at `to` (which may be
/// the same bytes). A year past 9999, which only damage makes, becomes 0, which the
/// column check reports as out of range.
template <class N>
void widen_years(const void* from, std::int16_t* to, std::size_t n, std::int16_t base) noexcept {
  const auto* src = static_cast<const unsigned char*>(from);
  auto* dst = reinterpret_cast<unsigned char*>(to);
  for (std::size_t i = n; i-- > 0;) {
    N x;
    std::memcpy(&x, src + i * sizeof(N), sizeof(N));
    const int year = base + static_cast<int>(x);
    const auto wide = static_cast<std::int16_t>(year > 9999 ? 0 : year);
    std::memcpy(dst + i * sizeof(std::int16_t), &wide, sizeof(std::int16_t));
  }
}

}  // namespace aidstat::detail
