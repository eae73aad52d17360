// The amount column at 4 bytes a value while every amount fits (at most
// 21,474,836.47 yuan), else at 8: the values, totals and archives (format 5) are the
// same at either width, an absent amount stays absent, and a width a hostile writer
// set is refused.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "aidstat/archive.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_at.hpp"
#include "archive_patch.hpp"
#include "engine/stream_totals.hpp"
#include "model/item_columns.hpp"
#include "test_support.hpp"

using namespace aidstat;
using aidstat::detail::compact_amounts;
using aidstat::test::temp_dir;

namespace {

constexpr std::int64_t kLargestNarrow = 2'147'483'647;  // 2^31 - 1 fen

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// 1,000 items in two categories, amounts 1.00 yuan apart from `first` fen on, every
// tenth without an amount (a quantity instead).
dataset with_amounts(std::int64_t first) {
  dataset d;
  d.add_unit(unit("u0", "unit", unit_kind::government, side::civilian));
  for (std::int64_t i = 0; i < 1000; ++i) {
    aid_item it;
    it.date = date(2023 + static_cast<int>(i % 2), 5);
    it.category = i % 3 ? "medical" : "education";
    it.provider = "u0";
    if (i % 10 == 9) {
      it.quantity = count_interval::exact(count(5));
      it.measure = measure::person;
    } else {
      it.amount = money_interval::exact(money(first + i * 100));
    }
    d.add_item(std::move(it));
  }
  return d;
}

// The sum, by hand, of the amounts with_amounts(first) gives category `medical`
// (i % 3 != 0) or `education`, and their number.
std::pair<std::int64_t, std::int64_t> expected_sum(std::int64_t first, bool medical) {
  std::int64_t sum = 0, n = 0;
  for (std::int64_t i = 0; i < 1000; ++i)
    if ((i % 3 != 0) == medical && i % 10 != 9) sum += first + i * 100, ++n;
  return {sum, n};
}

totals_query by(const char* key) { return {{dimension::parse(key)}, {}, 0}; }

const group_totals& group(const totals& t, const char* category) {
  for (const auto& g : t.groups)
    if (g.key.at(0) == category) return g;
  FAIL("no group " << category);
  throw;
}

}  // namespace

TEST_CASE("the amount column holds 4 bytes a value until one does not fit, then 8", "[amounts]") {
  compact_amounts c;
  CHECK(c.width() == 4);
  c.push_back(0);
  c.push_back(compact_amounts::none);
  c.push_back(kLargestNarrow);
  CHECK(c.width() == 4);
  CHECK(c[0] == 0);
  CHECK(c[1] == compact_amounts::none);
  CHECK(c[2] == kLargestNarrow);
  // One fen more takes the column to 8 bytes; every earlier value, the absent one
  // included, reads as before.
  c.push_back(kLargestNarrow + 1);
  CHECK(c.width() == 8);
  CHECK(c.size() == 4);
  CHECK(c[1] == compact_amounts::none);
  CHECK(c[2] == kLargestNarrow);
  CHECK(c[3] == kLargestNarrow + 1);
  // Equal by value, whatever the widths.
  compact_amounts narrow;
  for (std::int64_t v : {std::int64_t{0}, compact_amounts::none, kLargestNarrow})
    narrow.push_back(v);
  compact_amounts wide = narrow;
  wide.push_back(kLargestNarrow + 1);
  CHECK(wide == c);
  CHECK_FALSE(narrow == c);
  // Appending a wide column to a narrow one widens it; setting a value too.
  compact_amounts joined = narrow;
  compact_amounts tail;
  tail.push_back(kLargestNarrow + 1);
  joined.append(tail);
  CHECK(joined == c);
  compact_amounts set = narrow;
  set.set(0, std::int64_t{1} << 40);
  CHECK(set.width() == 8);
  CHECK(set[0] == std::int64_t{1} << 40);
  CHECK(set[1] == compact_amounts::none);
  // narrow() goes back to 4 bytes only when every value fits.
  c.narrow();
  CHECK(c.width() == 8);
  compact_amounts back;
  back.push_back(kLargestNarrow + 1);
  back.set(0, 7);
  back.narrow();
  CHECK(back.width() == 4);
  CHECK(back[0] == 7);
}

TEST_CASE("totals are the same whether the amounts are held at 4 or 8 bytes", "[amounts]") {
  // From 21,474,836.47 yuan minus 500 yuan on, the first 5 amounts fit 4 bytes, the
  // rest do not; from 1.00 yuan on, every one fits.
  for (const std::int64_t first : {kLargestNarrow - 50'000, std::int64_t{100}}) {
    INFO("first amount " << first << " fen");
    const dataset d = with_amounts(first);
    CHECK(detail::columns_of(d).amount_min.width() == (first == 100 ? 4u : 8u));
    for (const unsigned threads : {1u, 2u}) {
      totals_query q = by("category");
      q.threads = threads;
      const totals t = compute_totals(d, q);
      for (const bool medical : {true, false}) {
        const auto [sum, n] = expected_sum(first, medical);
        const group_totals& g = group(t, medical ? "medical" : "education");
        CHECK(g.figures.amount == money_interval::exact(money(sum)));
        CHECK(g.figures.amount_records == n);
        // The records without an amount are counted, with their quantities.
        CHECK(g.figures.records == (medical ? 666 : 334));
      }
    }
  }
}

TEST_CASE("format 5 keeps the amounts at their width, read back whole and a block at a time",
          "[archive][amounts]") {
  const temp_dir dir;
  for (const auto& [first, width] :
       {std::pair{std::int64_t{100}, 4u}, std::pair{kLargestNarrow - 50'000, 8u}}) {
    INFO("first amount " << first << " fen");
    const dataset d = with_amounts(first);
    const auto file = dir.path() / ("a" + std::to_string(width));
    save_archive(d, file);
    // A width byte, then two columns (the amounts, and the approximate ones' rows and
    // bounds, empty here) with a count, a pad byte and at most 63 bytes of padding.
    const std::size_t bytes = test::find_section(slurp(file), "amounts").length;
    CHECK(bytes >= 1000 * width);
    CHECK(bytes <= 1000 * width + 1 + 3 * (8 + 1 + 63));
    const dataset back = load_archive(file);
    CHECK(back == d);
    CHECK(detail::columns_of(back).amount_min.width() == width);
    CHECK_FALSE(back.item(9).amount);
    CHECK(back.item(8).amount == money_interval::exact(money(first + 800)));
    const totals_query q = by("category");
    const auto s = detail::stream_archive_totals(file, std::span(&q, 1), nullptr);
    REQUIRE(s);
    CHECK(s->front() == compute_totals(d, q));
    CHECK(totals_at(file, q) == compute_totals(d, q));
  }
}

TEST_CASE("an amount width set wrong is refused by every reader alike", "[archive][amounts]") {
  const temp_dir dir;
  const auto file = dir.path() / "a";
  save_archive(with_amounts(100), file);
  std::string data = slurp(file);
  const std::size_t at = test::find_section(data, "amounts").payload;
  REQUIRE(data[at] == 4);
  const totals_query q = by("category");
  for (const char width : {char{1}, char{2}, char{5}, char{16}}) {
    INFO("width " << int(width));
    data[at] = width;
    test::fix_checksum(data, "amounts");
    std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
    const std::string why = "bad amount width " + std::to_string(width);
    CHECK_FALSE(detail::stream_archive_totals(file, std::span(&q, 1), nullptr));
    CHECK_THROWS_WITH(load_archive(file), Catch::Contains(why));
    CHECK_THROWS_WITH(totals_at(file, q), Catch::Contains(why));
  }
}

TEST_CASE("an archive of format 4 loads with its amounts at 4 bytes", "[archive][amounts]") {
  const dataset d =
      load_archive(std::filesystem::path(AIDSTAT_SOURCE_DIR) / "tests/fixtures/v4.bin");
  CHECK(detail::columns_of(d).amount_min.width() == 4);
  CHECK(d.item(1).amount == parse_money("1100余万元"));
}
