// The amount column at 4 bytes a value while every amount fits, else at 8: a row of
// a per-category scan then reads 5 bytes of dense columns instead of 9. Amounts are
// fen, never negative, or `none` (absent). At 4 bytes `none` is stored as INT32_MIN,
// so that a scan reading either width sign-extended sees a negative value exactly
// where an amount is absent. Internal.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace aidstat::detail {

/// Amounts in fen (or none), held at 4 bytes a value while each is at most
/// INT32_MAX fen (21,474,836.47 yuan), widened to 8 bytes for good by the first
/// value that is not.
class compact_amounts {
 public:
  /// The value meaning "absent".
  static constexpr std::int64_t none = std::numeric_limits<std::int64_t>::min();
  /// How `none` is stored at 4 bytes.
  static constexpr std::int32_t narrow_none = std::numeric_limits<std::int32_t>::min();

  /// Number of values.
  std::size_t size() const noexcept { return size_; }
  /// Whether there are none.
  bool empty() const noexcept { return size_ == 0; }
  /// Bytes a value: 4 or 8.
  unsigned width() const noexcept { return wide_ ? 8 : 4; }

  /// Value i (none where absent).
  std::int64_t operator[](std::size_t i) const noexcept {
    return wide_ ? n8_[i] : widen_value(n4_[i]);
  }
  /// Appends v, widening the column first when v needs it.
  void push_back(std::int64_t v) {
    if (!wide_ && !fits(v)) widen();
    if (wide_)
      n8_.push_back(v);
    else
      n4_.push_back(narrow_value(v));
    ++size_;
  }
  /// Sets value i to v, widening the column first when v needs it.
  void set(std::size_t i, std::int64_t v) {
    if (!wide_ && !fits(v)) widen();
    if (wide_)
      n8_[i] = v;
    else
      n4_[i] = narrow_value(v);
  }
  /// Room for n values at the present width.
  void reserve(std::size_t n) { wide_ ? n8_.reserve(n) : n4_.reserve(n); }
  /// No values, at 4 bytes a value again; the room of each width stays.
  void clear() noexcept {
    n4_.clear(), n8_.clear();
    size_ = 0;
    wide_ = false;
  }
  /// Makes the column n values of N (int32_t or int64_t: its width becomes sizeof(N)),
  /// their bytes to be written through the returned pointer; whatever it held is gone.
  /// `prepare(data, bytes)` sees the room before its pages are first touched (a
  /// reader asks for huge pages there).
  template <class N, class Prepare>
  N* assign_raw(std::size_t n, const Prepare& prepare) {
    static_assert(std::is_same_v<N, std::int32_t> || std::is_same_v<N, std::int64_t>);
    clear();
    wide_ = sizeof(N) == 8;
    size_ = n;
    auto& v = storage<N>();
    v.reserve(n);
    prepare(static_cast<const void*>(v.data()), v.capacity() * sizeof(N));
    v.resize(n);
    return v.data();
  }
  /// assign_raw with nothing to prepare.
  template <class N>
  N* assign_raw(std::size_t n) {
    return assign_raw<N>(n, [](const void*, std::size_t) {});
  }
  /// assign_raw at `width` bytes a value (4 or 8), as bytes.
  char* assign_bytes(unsigned width, std::size_t n) {
    if (width == 8) return reinterpret_cast<char*>(assign_raw<std::int64_t>(n));
    return reinterpret_cast<char*>(assign_raw<std::int32_t>(n));
  }
  /// Appends every value of `other`, at the wider of the two widths.
  void append(const compact_amounts& other) {
    if (other.wide_ && !wide_) widen();
    if (wide_ == other.wide_) {  // the common case: one copy
      if (wide_)
        n8_.insert(n8_.end(), other.n8_.begin(), other.n8_.end());
      else
        n4_.insert(n4_.end(), other.n4_.begin(), other.n4_.end());
      size_ += other.size_;
      return;
    }
    n8_.reserve(size_ + other.size_);
    for (std::size_t i = 0; i < other.size_; ++i) n8_.push_back(other[i]);
    size_ += other.size_;
  }
  /// Makes the column 4 bytes a value when every value fits (after they were read at 8).
  void narrow() {
    if (!wide_ || !all_of([](std::int64_t v) { return fits(v); })) return;
    std::vector<std::int32_t> n4(size_);
    for (std::size_t i = 0; i < size_; ++i) n4[i] = narrow_value(n8_[i]);
    n4_.swap(n4);
    n8_ = {};
    wide_ = false;
  }
  /// Every value, at 8 bytes.
  std::vector<std::int64_t> to_vector() const {
    if (wide_) return n8_;
    std::vector<std::int64_t> out(size_);
    for (std::size_t i = 0; i < size_; ++i) out[i] = widen_value(n4_[i]);
    return out;
  }
  /// Whether pred holds for every value.
  template <class Pred>
  bool all_of(Pred pred) const {
    std::uint32_t bad = 0;  // a count without early exit, which vectorizes
    if (wide_)
      for (const std::int64_t v : n8_) bad += pred(v) ? 0u : 1u;
    else
      for (const std::int32_t x : n4_) bad += pred(widen_value(x)) ? 0u : 1u;
    return bad == 0;
  }
  /// f(data) with the values' storage as a pointer to int32_t (none stored as
  /// narrow_none) or int64_t; what f returns.
  template <class F>
  decltype(auto) visit(F&& f) const {
    if (wide_) return f(static_cast<const std::int64_t*>(n8_.data()));
    return f(static_cast<const std::int32_t*>(n4_.data()));
  }
  /// f(storage) with the vector that holds the values at the present width.
  template <class F>
  void visit_storage(F&& f) {
    wide_ ? f(n8_) : f(n4_);
  }

  /// Equal when the values are (whatever the widths).
  friend bool operator==(const compact_amounts& a, const compact_amounts& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  static bool fits(std::int64_t v) noexcept {
    return v == none || (v >= 0 && v <= std::numeric_limits<std::int32_t>::max());
  }
  static std::int32_t narrow_value(std::int64_t v) noexcept {
    return v == none ? narrow_none : static_cast<std::int32_t>(v);
  }
  static std::int64_t widen_value(std::int32_t x) noexcept { return x == narrow_none ? none : x; }
  // Moves the values to 8 bytes.
  void widen() {
    std::vector<std::int64_t> n8;
    n8.reserve(std::max(size_, n4_.capacity()));
    for (std::size_t i = 0; i < size_; ++i) n8.push_back(widen_value(n4_[i]));
    n8_.swap(n8);
    n4_ = {};
    wide_ = true;
  }

  template <class N>
  std::vector<N>& storage() noexcept {
    if constexpr (sizeof(N) == 8)
      return n8_;
    else
      return n4_;
  }

  std::vector<std::int32_t> n4_;
  std::vector<std::int64_t> n8_;
  std::size_t size_ = 0;
  bool wide_ = false;
};

}  // namespace aidstat::detail
