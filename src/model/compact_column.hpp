// Columns held at the fewest bytes that hold their values: an id column (category,
// unit, beneficiary) at 1, 2 or 4 bytes a value, and the year column as 1- or 2-byte
// offsets from its smallest year. A row of the dense item columns then takes 16 to 18 bytes
// instead of 24, and a scan reads that much less. Internal.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace aidstat::detail {

/// An unsigned column of T held at the fewest bytes (1, 2, or 4, at most sizeof(T))
/// that hold its values, growing wider as larger values come. T's largest value
/// (no_id: "none") is kept as the width's largest, so a width holds the values
/// below that.
template <class T>
class compact_ids {
 public:
  /// The value meaning "none".
  static constexpr T none = std::numeric_limits<T>::max();

  /// Number of values.
  std::size_t size() const noexcept { return size_; }
  /// Whether there are none.
  bool empty() const noexcept { return size_ == 0; }
  /// Bytes a value: 1, 2 or 4.
  unsigned width() const noexcept { return width_; }

  /// Value i.
  T operator[](std::size_t i) const noexcept {
    if (width_ == 1) return wide(n1_[i]);
    if constexpr (sizeof(T) > 2) {
      if (width_ == 2) return wide(n2_[i]);
      return n4_[i];
    } else {
      return n2_[i];
    }
  }
  /// Appends v, widening the column first when v needs it.
  void push_back(T v) {
    if (v != none && v >= limit()) widen(width_for(v));
    put(size_++, v, true);
  }
  /// Value i as stored, none not told apart: the width's largest value stays as it is.
  std::uint32_t raw(std::size_t i) const noexcept {
    if (width_ == 1) return n1_[i];
    if constexpr (sizeof(T) > 2)
      if (width_ == 4) return n4_[i];
    return n2_[i];
  }
  /// Sets value i to v, widening the column first when v needs it.
  void set(std::size_t i, T v) {
    if (v != none && v >= limit()) widen(width_for(v));
    put(i, v, false);
  }
  /// Room for n values at the present width.
  void reserve(std::size_t n) {
    visit_storage([n](auto& s) { s.reserve(n); });
  }
  /// No values, at 1 byte a value again; the room of each width stays.
  void clear() noexcept {
    visit_storage([](auto& s) { s.clear(); });
    size_ = 0;
    width_ = 1;
  }
  /// Makes the column n values of N (its width becomes sizeof(N)), their bytes to be
  /// written through the returned pointer; whatever it held is gone.
  template <class N>
  N* assign_raw(std::size_t n) {
    static_assert(sizeof(N) <= sizeof(T));
    visit_storage([](auto& s) { s.clear(); });
    width_ = sizeof(N);
    size_ = n;
    auto& s = storage<N>();
    s.resize(n);
    return s.data();
  }
  /// assign_raw at `width` bytes a value (1, 2 or 4, at most sizeof(T)), as bytes.
  char* assign_bytes(unsigned width, std::size_t n) {
    if (width == 1) return reinterpret_cast<char*>(assign_raw<std::uint8_t>(n));
    if constexpr (sizeof(T) > 2)
      if (width == 4) return reinterpret_cast<char*>(assign_raw<std::uint32_t>(n));
    return reinterpret_cast<char*>(assign_raw<std::uint16_t>(n));
  }
  /// Appends every value of `other`, at the wider of the two widths.
  void append(const compact_ids& other) {
    if (other.width_ == width_) {  // the common case: one copy
      visit_storage([&](auto& s) {
        const auto& from =
            other.storage<typename std::remove_reference_t<decltype(s)>::value_type>();
        s.insert(s.end(), from.begin(), from.end());
      });
      size_ += other.size_;
      return;
    }
    if (other.width_ > width_) widen(other.width_);
    reserve(size_ + other.size_);
    for (std::size_t i = 0; i < other.size_; ++i) put(size_ + i, other[i], true);
    size_ += other.size_;
  }
  /// Makes the column as narrow as its values allow (after values were set wider).
  void narrow() {
    T top = 0;
    for (std::size_t i = 0; i < size_; ++i)
      if (const T v = (*this)[i]; v != none) top = std::max(top, v);
    const unsigned w = width_for(top);
    if (w >= width_) return;
    compact_ids out;
    out.widen(w);
    out.reserve(size_);
    for (std::size_t i = 0; i < size_; ++i) out.push_back((*this)[i]);
    *this = std::move(out);
  }
  /// Whether pred holds for every value.
  template <class Pred>
  bool all_of(Pred pred) const {
    return visit([&](const auto* p) {
      std::uint32_t bad = 0;  // a count without early exit, which vectorizes
      for (std::size_t i = 0; i < size_; ++i) bad += pred(wide(p[i])) ? 0u : 1u;
      return bad == 0;
    });
  }
  /// f(data) with the values' storage as a pointer to uint8_t, uint16_t or uint32_t
  /// (none being the largest value of that type); what f returns.
  template <class F>
  decltype(auto) visit(F&& f) const {
    if (width_ == 1) return f(static_cast<const std::uint8_t*>(n1_.data()));
    if constexpr (sizeof(T) > 2)
      if (width_ == 4) return f(static_cast<const std::uint32_t*>(n4_.data()));
    return f(static_cast<const std::uint16_t*>(n2_.data()));
  }

  /// Equal when the values are (whatever the widths).
  friend bool operator==(const compact_ids& a, const compact_ids& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  // The widest storage is 4 bytes for uint32_t columns, 2 for uint16_t ones.
  using wide4 = std::conditional_t<(sizeof(T) > 2), std::uint32_t, std::uint16_t>;

  template <class N>
  static T wide(N x) noexcept {
    return x == std::numeric_limits<N>::max() ? none : static_cast<T>(x);
  }
  static unsigned width_for(T v) noexcept {
    const unsigned w = v < 0xFF ? 1 : v < 0xFFFF ? 2 : 4;
    return std::min<unsigned>(w, sizeof(T));
  }
  // The first value the present width cannot hold.
  T limit() const noexcept {
    if (width_ == 1) return 0xFF;
    if (width_ == 2 && sizeof(T) > 2) return static_cast<T>(0xFFFF);
    return none;
  }

  template <class N>
  std::vector<N>& storage() noexcept {
    if constexpr (sizeof(N) == 1)
      return n1_;
    else if constexpr (sizeof(N) == 2)
      return n2_;
    else
      return n4_;
  }
  template <class N>
  const std::vector<N>& storage() const noexcept {
    return const_cast<compact_ids*>(this)->storage<N>();
  }
  template <class F>
  void visit_storage(F&& f) {
    if (width_ == 1) return f(n1_);
    if constexpr (sizeof(T) > 2)
      if (width_ == 4) return f(n4_);
    f(n2_);
  }
  // Writes v at i (appending when `grow`), at the present width.
  void put(std::size_t i, T v, bool grow) {
    visit_storage([&](auto& s) {
      using N = typename std::remove_reference_t<decltype(s)>::value_type;
      const N x = v == none ? std::numeric_limits<N>::max() : static_cast<N>(v);
      if (grow)
        s.push_back(x);
      else
        s[i] = x;
    });
  }
  // Moves the values to width w (> the present one).
  void widen(unsigned w) {
    if (w <= width_) return;
    std::vector<std::uint8_t> n1;
    std::vector<std::uint16_t> n2;
    std::vector<wide4> n4;
    if (w == 2) n2.reserve(std::max(size_, capacity()));
    if (w == 4) n4.reserve(std::max(size_, capacity()));
    for (std::size_t i = 0; i < size_; ++i) {
      const T v = (*this)[i];
      if (w == 2)
        n2.push_back(v == none ? 0xFFFF : static_cast<std::uint16_t>(v));
      else
        n4.push_back(static_cast<wide4>(v));
    }
    n1_.swap(n1), n2_.swap(n2), n4_.swap(n4);
    width_ = w;
  }
  std::size_t capacity() const noexcept {
    return width_ == 1 ? n1_.capacity() : width_ == 2 ? n2_.capacity() : n4_.capacity();
  }

  std::vector<std::uint8_t> n1_;
  std::vector<std::uint16_t> n2_;
  std::vector<wide4> n4_;  // used only when T is 4 bytes
  std::size_t size_ = 0;
  unsigned width_ = 1;
};

/// The year column: each year as an offset from `base`, the column's smallest year
/// (1 byte a year while every offset is below 255, else 2). Offsets are read as
/// stored (raw): no offset means "none", so every reader, the scans' raw pointers
/// included, sees the same year, even one that damage put out of range.
class compact_years {
 public:
  /// Number of years.
  std::size_t size() const noexcept { return offsets_.size(); }
  /// Whether there are none.
  bool empty() const noexcept { return offsets_.empty(); }
  /// The year of offset 0.
  std::int16_t base() const noexcept { return base_; }
  /// The offsets from base.
  const compact_ids<std::uint16_t>& offsets() const noexcept { return offsets_; }

  /// Year i.
  std::int16_t operator[](std::size_t i) const noexcept {
    return static_cast<std::int16_t>(base_ + static_cast<int>(offsets_.raw(i)));
  }
  /// Appends year y (moving the base down first when y is below it).
  void push_back(std::int16_t y) {
    if (offsets_.empty()) base_ = y;
    if (y < base_) rebase(y);
    offsets_.push_back(static_cast<std::uint16_t>(y - base_));
  }
  /// Room for n years.
  void reserve(std::size_t n) { offsets_.reserve(n); }
  /// No years, at 1 byte a year again; the room stays.
  void clear() noexcept { offsets_.clear(); }
  /// Makes the column n offsets of N from `base`, to be written through the returned
  /// pointer.
  template <class N>
  N* assign_raw(std::int16_t base, std::size_t n) {
    base_ = base;
    return offsets_.assign_raw<N>(n);
  }
  /// assign_raw at `width` bytes an offset (1 or 2), as bytes.
  char* assign_bytes(std::int16_t base, unsigned width, std::size_t n) {
    base_ = base;
    return offsets_.assign_bytes(width, n);
  }
  /// Appends every year of `other`.
  void append(const compact_years& other) {
    if (other.empty()) return;
    if (empty()) base_ = other.base_;
    if (other.base_ < base_) rebase(other.base_);
    if (other.base_ == base_) return offsets_.append(other.offsets_);  // one copy, as a rule
    const auto shift = static_cast<std::uint16_t>(other.base_ - base_);
    offsets_.reserve(size() + other.size());
    for (std::size_t i = 0; i < other.size(); ++i)
      offsets_.push_back(static_cast<std::uint16_t>(other.offsets_.raw(i) + shift));
  }
  /// The smallest and largest year ({0, 0} when empty), as ints: damage can put a
  /// year of an archive past 9999.
  std::pair<int, int> span() const noexcept {
    if (empty()) return {0, 0};
    int lo = 0, hi = 0;
    offsets_.visit([&](const auto* p) {  // compared at the offsets' own width: one pass, wide
      using offset = std::remove_cv_t<std::remove_pointer_t<decltype(p)>>;
      offset l = p[0], h = p[0];
      for (const offset *q = p, *end = p + size(); q != end; ++q)
        l = *q < l ? *q : l, h = *q > h ? *q : h;
      lo = l, hi = h;
    });
    return {base_ + lo, base_ + hi};
  }

  /// Equal when the years are.
  friend bool operator==(const compact_years& a, const compact_years& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  // Moves the base down to y, every offset up by as much.
  void rebase(std::int16_t y) {
    const auto shift = static_cast<std::uint16_t>(base_ - y);
    compact_ids<std::uint16_t> moved;
    moved.reserve(offsets_.size());
    for (std::size_t i = 0; i < offsets_.size(); ++i)
      moved.push_back(static_cast<std::uint16_t>(offsets_.raw(i) + shift));
    offsets_ = std::move(moved);
    base_ = y;
  }

  std::int16_t base_ = 0;
  compact_ids<std::uint16_t> offsets_;
};

}  // namespace aidstat::detail
