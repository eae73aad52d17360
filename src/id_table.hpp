// A read-only map from short strings (ids, category keys) to dense indexes: open
// addressing with the keys' bytes kept side by side, for lookups from many threads
// at once while a CSV file is parsed. Internal.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/detail/item_columns.hpp"

namespace aidstat::detail {

class id_table {
 public:
  /// A table with room for `expected` keys at most a quarter full.
  explicit id_table(std::size_t expected) {
    std::size_t size = 16;
    while (size < expected * 4) size *= 2;
    slots_.resize(size);
    mask_ = size - 1;
  }
  id_table(const id_table&) = delete;  // slots point into chars_
  id_table& operator=(const id_table&) = delete;

  /// Adds `key` -> `value` (a copy of the key is kept); the first value of a key stays.
  void add(std::string_view key, std::uint32_t value) {
    const std::uint64_t h = hash(key);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].value == no_id) {
        slots_[i] = {static_cast<std::uint32_t>(h >> 32), value, chars_.size(), key.size()};
        chars_.append(key);
        return;
      }
      if (key_of(slots_[i]) == key) return;
    }
  }

  /// The value of `key`, or no_id.
  std::uint32_t find(std::string_view key) const noexcept {
    const std::uint64_t h = hash(key);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const slot& s = slots_[i];
      if (s.value == no_id) return no_id;
      if (s.tag == tag && same(key_of(s), key)) return s.value;
    }
  }

 private:
  // 24 bytes, the key's bytes kept together in chars_ so that lookups stay in cache.
  struct slot {
    std::uint32_t tag = 0;  // high half of the hash: most mismatches end here
    std::uint32_t value = no_id;
    std::size_t offset = 0, size = 0;
  };
  std::string_view key_of(const slot& s) const noexcept {
    return std::string_view(chars_).substr(s.offset, s.size);
  }

  // Equality of short strings without a call to memcmp: whole words, the last one
  // overlapping the one before.
  static bool same(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const auto word = [](const char* p, auto tag) {
      decltype(tag) w;
      std::memcpy(&w, p, sizeof w);
      return w;
    };
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8)
        if (word(a.data() + i, std::uint64_t{}) != word(b.data() + i, std::uint64_t{})) return false;
      return word(a.data() + n - 8, std::uint64_t{}) == word(b.data() + n - 8, std::uint64_t{});
    }
    if (n >= 4)
      return word(a.data(), std::uint32_t{}) == word(b.data(), std::uint32_t{}) &&
             word(a.data() + n - 4, std::uint32_t{}) == word(b.data() + n - 4, std::uint32_t{});
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

  // Eight bytes at a time, multiply and fold; the last word overlaps the one before,
  // and short keys are read in two overlapping halves, so no load has a variable size.
  static std::uint64_t hash(std::string_view s) noexcept {
    const std::size_t n = s.size();
    const char* p = s.data();
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    const auto mix = [&](std::uint64_t w) {
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    };
    if (n >= 8) {
      std::uint64_t w;
      for (std::size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&w, p + i, 8);
        mix(w);
      }
      std::memcpy(&w, p + n - 8, 8);
      mix(w);
    } else if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      mix(lo | static_cast<std::uint64_t>(hi) << 32);
    } else if (n > 0) {
      mix(static_cast<unsigned char>(p[0]) | static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
  }

  std::vector<slot> slots_;
  std::string chars_;
  std::size_t mask_ = 0;
};

}  // namespace aidstat::detail
