// The compact columns behind a dataset's ids and years: the width each value needs,
// "none" kept at any width, and values the same through widening, narrowing,
// appending and a year below the base.
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "model/compact_column.hpp"
#include "model/item_columns.hpp"

using aidstat::detail::compact_ids;
using aidstat::detail::compact_years;
using aidstat::detail::no_id;

namespace {

// The values of `c`, one by one.
template <class C>
auto values(const C& c) {
  std::vector<decltype(c[0])> out;
  for (std::size_t i = 0; i < c.size(); ++i) out.push_back(c[i]);
  return out;
}

}  // namespace

TEST_CASE("an id column takes 1 byte below 255, 2 below 65,535, else 4", "[compact]") {
  compact_ids<std::uint32_t> ids;
  CHECK(ids.width() == 1);
  ids.push_back(0), ids.push_back(254), ids.push_back(no_id);
  CHECK(ids.width() == 1);  // "none" fits any width
  ids.push_back(255);       // a byte's largest value stands for none: 255 needs 2 bytes
  CHECK(ids.width() == 2);
  ids.push_back(65'534);
  CHECK(ids.width() == 2);
  ids.push_back(65'535);
  CHECK(ids.width() == 4);
  ids.push_back(4'000'000'000u);
  CHECK(values(ids) ==
        std::vector<std::uint32_t>{0, 254, no_id, 255, 65'534, 65'535, 4'000'000'000u});
  // The raw values a scan reads: none is the width's largest.
  ids.visit([](const auto* p) { CHECK(static_cast<std::uint64_t>(p[2]) == 0xFFFF'FFFFu); });
}

TEST_CASE("a category column never passes 2 bytes", "[compact]") {
  compact_ids<std::uint16_t> ids;
  ids.push_back(3), ids.push_back(300), ids.push_back(65'534);
  CHECK(ids.width() == 2);
  CHECK(values(ids) == std::vector<std::uint16_t>{3, 300, 65'534});
}

TEST_CASE("set, narrow, append and clear keep the values", "[compact]") {
  compact_ids<std::uint32_t> ids;
  for (std::uint32_t v : {7u, no_id, 9u}) ids.push_back(v);
  ids.set(0, 0x8000'0001u);  // a wide value (as a first-met unit is numbered while read)
  CHECK(ids.width() == 4);
  ids.set(0, 300);
  ids.narrow();
  CHECK(ids.width() == 2);
  CHECK(values(ids) == std::vector<std::uint32_t>{300, no_id, 9});

  compact_ids<std::uint32_t> more;
  more.push_back(1), more.push_back(no_id);
  ids.append(more);  // a narrower column joins at the wider width
  CHECK(ids.width() == 2);
  more.append(ids);  // a wider one widens the column first
  CHECK(more.width() == 2);
  CHECK(values(more) == std::vector<std::uint32_t>{1, no_id, 300, no_id, 9, 1, no_id});
  // Equality is of the values: the same values at 1 byte and at 2 are equal.
  compact_ids<std::uint32_t> narrow, wide;
  for (std::uint32_t v : {1u, no_id, 300u}) narrow.push_back(v), wide.push_back(v);
  narrow.set(2, 3);
  wide.set(2, 3);
  narrow.narrow();
  REQUIRE(narrow.width() == 1);
  REQUIRE(wide.width() == 2);
  CHECK(narrow == wide);
  wide.set(1, 7);
  CHECK_FALSE(narrow == wide);
  CHECK_FALSE(more == ids);

  more.clear();
  CHECK(more.empty());
  CHECK(more.width() == 1);
}

TEST_CASE("years are offsets from the smallest, moved when a smaller one comes", "[compact]") {
  compact_years years;
  for (std::int16_t y : {2023, 2021, 2024, 1949}) years.push_back(y);
  CHECK(years.base() == 1949);
  CHECK(values(years) == std::vector<std::int16_t>{2023, 2021, 2024, 1949});
  CHECK(years.offsets().width() == 1);  // 2024 - 1949 = 75
  CHECK(years.span() == std::pair{1949, 2024});
  years.push_back(1949 + 255);  // offset 255: 2 bytes
  CHECK(years.offsets().width() == 2);

  compact_years other;
  other.push_back(1900), other.push_back(1901);
  compact_years joined = years;
  joined.append(other);
  CHECK(joined.base() == 1900);
  CHECK(values(joined) == std::vector<std::int16_t>{2023, 2021, 2024, 1949, 2204, 1900, 1901});
  CHECK(joined.span() == std::pair{1900, 2204});
  CHECK(compact_years().span() == std::pair{0, 0});
}
