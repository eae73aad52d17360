// Splitting the records of items.csv for the parallel reader: the common record
// without quotes 64 bytes at a time, any other record as csv_reader would. Inline,
// since the reader's loop calls them once a record. Internal.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "io/csv/csv_reader.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace aidstat::detail {

/// The most fields the parallel reader splits; a wider header goes to the checking reader.
inline constexpr std::size_t kMaxFields = 64;

// Splits one CSV record at p into fields, as csv_reader does for a record without
// problems. Returns the position after it, or nullptr when the record is irregular
// (any quoting problem, or more than `width` fields).
inline const char* split_record(const char* p, const char* end, std::size_t width,
                                std::array<std::string_view, kMaxFields>& fields, std::size_t& n,
                                std::array<std::string, kMaxFields>& scratch,
                                std::uint32_t& newlines) {
  n = 0;
  for (;;) {
    if (n == width) return nullptr;
    std::string_view field;
    if (p < end && *p == '"') {
      const char* start = ++p;
      bool doubled = false;
      for (;;) {
        const auto* q =
            static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!q) return nullptr;  // never closed
        for (const char* cr = p; (cr = static_cast<const char*>(std::memchr(
                                      cr, '\r', static_cast<std::size_t>(q - cr)))) != nullptr;
             ++cr)
          if (cr + 1 == q || cr[1] != '\n') return nullptr;  // a CR line: the checked reader
        newlines += static_cast<std::uint32_t>(std::count(p, q, '\n'));
        if (q + 1 < end && q[1] == '"') {
          doubled = true;
          p = q + 2;
          continue;
        }
        field = std::string_view(start, static_cast<std::size_t>(q - start));
        p = q + 1;
        break;
      }
      if (doubled) {
        std::string& s = scratch[n];
        s.clear();
        for (std::size_t i = 0; i < field.size(); ++i) {
          s += field[i];
          if (field[i] == '"') ++i;  // "" stands for one quote
        }
        field = s;
      }
      if (p < end && *p == '\r' && !(p + 1 == end || p[1] == '\n')) return nullptr;
      if (p < end && *p != ',' && *p != '\n' && *p != '\r') return nullptr;
    } else {
      const char* start = p;
      for (;;) {
        p = next_special(p, end);
        if (p < end && *p == '\r') {  // the end of a CRLF line, or a CR line end
          if (p + 1 == end || p[1] != '\n') return nullptr;  // CR alone: the checked reader
          ++p;
          continue;
        }
        break;
      }
      if (p < end && *p == '"') return nullptr;  // a quote inside an unquoted field
      const char* stop = p;
      if (stop > start && stop[-1] == '\r') --stop;
      field = std::string_view(start, static_cast<std::size_t>(stop - start));
    }
    fields[n++] = field;
    if (p >= end) return p;
    if (*p == ',') {
      ++p;
      continue;
    }
    if (*p == '\r') ++p;
    if (p < end && *p == '\n') {
      ++p;
      ++newlines;
    }
    return p;
  }
}

// The quotes in [p, end), by memchr jumps: files of numbers and ids have none.
inline std::size_t count_quotes(const char* p, const char* end) noexcept {
  std::size_t n = 0;
  while (p < end) {
    const auto* q =
        static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
    if (!q) break;
    ++n;
    p = q + 1;
  }
  return n;
}

#if defined(__SSE2__)
// Bit i set where p[i] == c, for i < 64.
inline std::uint64_t bits_of(const char* p, char c) noexcept {
  const __m128i want = _mm_set1_epi8(c);
  std::uint64_t out = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    out |= static_cast<std::uint64_t>(
               static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, want))))
           << (16 * k);
  }
  return out;
}
#endif

// Splits a record without quotes or carriage returns, 64 bytes at a time: the
// commas and the line break of a block are found at once. Returns nullptr when the
// record is not such a record (or lies near the end of the text): split_record then
// reads it.
inline const char* split_plain_record(const char* p, const char* end, std::size_t width,
                                      std::array<std::string_view, kMaxFields>& fields,
                                      std::size_t& n, std::uint32_t& newlines) {
#if defined(__SSE2__)
  n = 0;
  const char* field = p;
  for (const char* base = p; base + 64 <= end; base += 64) {
    const std::uint64_t line_end = bits_of(base, '\n');
    const std::uint64_t first_end = line_end & (~line_end + 1);  // lowest set bit, or 0
    const std::uint64_t span = first_end ? (first_end - 1) | first_end : ~std::uint64_t{0};
    if ((bits_of(base, '"') | bits_of(base, '\r')) & span) return nullptr;
    for (std::uint64_t commas = bits_of(base, ',') & span; commas; commas &= commas - 1) {
      if (n == width) return nullptr;
      const char* at = base + std::countr_zero(commas);
      fields[n++] = std::string_view(field, static_cast<std::size_t>(at - field));
      field = at + 1;
    }
    if (first_end) {
      if (n == width) return nullptr;
      const char* at = base + std::countr_zero(first_end);
      fields[n++] = std::string_view(field, static_cast<std::size_t>(at - field));
      ++newlines;
      return at + 1;
    }
  }
#else
  (void)p, (void)end, (void)width, (void)fields, (void)n, (void)newlines;
#endif
  return nullptr;
}

}  // namespace aidstat::detail
