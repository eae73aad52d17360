// A map from short strings (ids, category keys) to dense indexes: open addressing,
// for lookups from many threads at once while a CSV file is parsed (once filled,
// it is only read), and for one thread's table of ids it meets for the first time
// (it grows as keys are added).
// Keys of up to 8 bytes live in the slot itself; longer ones keep the rest of
// their bytes side by side in one string. Internal.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "model/item_columns.hpp"

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

  /// Adds `key` -> `value` (a copy of the key is kept); the first value of a key stays.
  /// The table doubles when it would be more than half full.
  void add(std::string_view key, std::uint32_t value) {
    if (find(key) != no_id) return;
    if ((count_ + 1) * 2 > slots_.size()) grow();
    place({head_of(key), value, static_cast<std::uint32_t>(key.size()), chars_.size()}, key);
    chars_.append(key);
    ++count_;
  }

  /// The number of keys.
  std::size_t size() const noexcept { return count_; }

  /// The value of `key`, or no_id.
  std::uint32_t find(std::string_view key) const noexcept {
    const std::uint64_t head = head_of(key);
    for (std::size_t i = hash(key, head) & mask_;; i = (i + 1) & mask_) {
      const slot& s = slots_[i];
      if (s.value == no_id) return no_id;
      if (s.head == head && s.size == key.size() &&
          (key.size() <= 8 || std::memcmp(chars_.data() + s.offset, key.data(), key.size()) == 0))
        return s.value;
    }
  }

 private:
  struct slot {
    std::uint64_t head = 0;  // head_of(key): the whole key when it has 8 bytes or fewer
    std::uint32_t value = no_id;
    std::uint32_t size = 0;
    std::size_t offset = 0;  // the key's bytes in chars_
  };

  // The first 8 bytes; a shorter key in two overlapping halves (or 3 bytes), which
  // for a given length determines it: no load has a variable size.
  static std::uint64_t head_of(std::string_view s) noexcept {
    const std::size_t n = s.size();
    const char* p = s.data();
    if (n >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      return w;
    }
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | static_cast<std::uint64_t>(hi) << 32;
    }
    if (n == 0) return 0;
    return static_cast<unsigned char>(p[0]) |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
  }

  // Multiply and fold over the head and any further words (the last overlapping).
  static std::uint64_t hash(std::string_view s, std::uint64_t head) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const auto mix = [&](std::uint64_t w) {
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    };
    mix(head);
    if (s.size() > 8) {
      std::uint64_t w;
      for (std::size_t i = 8; i + 8 < s.size(); i += 8) {
        std::memcpy(&w, s.data() + i, 8);
        mix(w);
      }
      std::memcpy(&w, s.data() + s.size() - 8, 8);
      mix(w);
    }
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
  }

  // Puts `s` (of `key`) in the first free slot of its probe sequence.
  void place(const slot& s, std::string_view key) {
    for (std::size_t i = hash(key, s.head) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].value == no_id) {
        slots_[i] = s;
        return;
      }
    }
  }

  // Twice the slots, every key placed again (each key's bytes are in chars_).
  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const slot& s : old)
      if (s.value != no_id) place(s, std::string_view(chars_.data() + s.offset, s.size));
  }

  std::vector<slot> slots_;
  std::string chars_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace aidstat::detail
