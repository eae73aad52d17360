// Archive format 4's compact columns: ids at 1, 2 or 4 bytes and years as offsets,
// at each width's edges, read back whole and a block at a time; and a width or a
// year base that a hostile writer set, refused by both readers alike.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "aidstat/archive.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_at.hpp"
#include "archive_patch.hpp"
#include "engine/stream_totals.hpp"
#include "test_support.hpp"

using namespace aidstat;
using aidstat::test::temp_dir;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `units` units u0, u1, ...; 1,000 items, the even ones in the first year and the odd
// ones in the last, every third without a recipient, the last unit among both the
// providers and the recipients.
dataset with_units(std::size_t units, int first_year, int last_year) {
  dataset d;
  for (std::size_t u = 0; u < units; ++u)
    d.add_unit(unit("u" + std::to_string(u), "unit", unit_kind::government, side::civilian));
  for (std::size_t i = 0; i < 1000; ++i) {
    aid_item it;
    it.date = date(i % 2 ? last_year : first_year, static_cast<int>(i % 12) + 1);
    it.category = i % 2 ? "medical" : "education";
    it.provider = "u" + std::to_string(i % 7 == 0 ? units - 1 : i % units);
    if (i % 3) it.recipient = "u" + std::to_string(i % 5 == 0 ? units - 1 : (i * 7) % units);
    it.amount = money_interval::exact(money(static_cast<std::int64_t>(i) * 100 + 1));
    d.add_item(std::move(it));
  }
  return d;
}

// The length of section `name`'s payload.
std::size_t section_bytes(const std::filesystem::path& file, const char* name) {
  return test::find_section(slurp(file), name).length;
}

// The totals of query `q` from archive `file`, read a block at a time.
totals streamed(const std::filesystem::path& file, const totals_query& q) {
  const auto s = detail::stream_archive_totals(file, std::span(&q, 1), nullptr);
  REQUIRE(s);
  return s->front();
}

// The totals by `key`.
totals_query by(const char* key) { return {{dimension::parse(key)}, {}, 0}; }

// The totals by category of the items of `year` (a filter that reads the years).
totals_query of_year(int year) {
  totals_query q = by("category");
  q.filter.year = year;
  return q;
}

}  // namespace

TEST_CASE("format 4 keeps unit ids at 1, 2 or 4 bytes, whichever holds them all", "[archive]") {
  const temp_dir dir;
  // 255 units number 0..254, below 0xFF (which stands for "no recipient"): 1 byte.
  // 256 take 2 bytes; 65,535 still 2; 65,536 take 4.
  for (const auto& [units, width] :
       {std::pair{std::size_t{3}, 1u}, std::pair{std::size_t{255}, 1u},
        std::pair{std::size_t{256}, 2u}, std::pair{std::size_t{65'535}, 2u},
        std::pair{std::size_t{65'536}, 4u}}) {
    INFO(units << " units");
    const dataset d = with_units(units, 2023, 2023);
    const auto file = dir.path() / ("u" + std::to_string(units));
    save_archive(d, file);
    // Two columns of 1,000 ids, each with a width byte, a count, a pad byte and at
    // most 63 bytes of padding.
    const std::size_t bytes = section_bytes(file, "units");
    CHECK(bytes >= 2 * 1000 * width);
    CHECK(bytes <= 2 * (1000 * width + 1 + 8 + 1 + 63));
    const dataset back = load_archive(file);
    CHECK(back == d);
    CHECK(back.item(1).recipient == d.item(1).recipient);
    CHECK(back.item(0).recipient.empty());
    for (const char* key : {"provider", "recipient"})
      CHECK(streamed(file, by(key)) == compute_totals(d, by(key)));
  }
}

TEST_CASE("format 4 keeps years as 1-byte offsets while they are below 255, else 2", "[archive]") {
  const temp_dir dir;
  // Offsets 0..254 take a byte (255, a byte's largest value, stands for "none").
  for (const auto& [last, width] : {std::pair{2023, 1u}, std::pair{1901 + 254, 1u},
                                    std::pair{1901 + 255, 2u}, std::pair{9999, 2u}}) {
    INFO("1901 to " << last);
    const dataset d = with_units(3, 1901, last);
    const auto file = dir.path() / ("y" + std::to_string(last));
    save_archive(d, file);
    // The year base, a width byte, then three columns (years, months, days) of 1,000,
    // each with a count, a pad byte and at most 63 bytes of padding.
    const std::size_t bytes = section_bytes(file, "dates");
    CHECK(bytes >= 1000 * (width + 2));
    CHECK(bytes <= 1000 * (width + 2) + 2 + 1 + 3 * (8 + 1 + 63));
    const dataset back = load_archive(file);
    CHECK(back == d);
    CHECK(back.item(0).date.year() == 1901);
    CHECK(back.item(1).date.year() == last);
    CHECK(streamed(file, of_year(last)) == compute_totals(d, of_year(last)));
    CHECK(totals_at(file, by("year")) == compute_totals(d, by("year")));
  }
}

TEST_CASE("a compact column's width or year base set wrong is refused by every reader alike",
          "[archive]") {
  const temp_dir dir;
  const dataset d = with_units(300, 2020, 2023);
  const auto file = dir.path() / "a";
  save_archive(d, file);
  const std::string original = slurp(file);
  // Rewrites the payload of section `name` from byte 0 on to `bytes`, its checksum
  // made right, as a hostile writer would.
  const auto patched = [&](const char* name, std::initializer_list<char> bytes) {
    std::string data = original;
    std::copy(bytes.begin(), bytes.end(),
              data.begin() + static_cast<std::ptrdiff_t>(test::find_section(data, name).payload));
    test::fix_checksum(data, name);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
  };
  // The block reader gives the archive up to the full load, which names the damage.
  const auto both_refuse = [&](const totals_query& q, const std::string& why) {
    CHECK_FALSE(detail::stream_archive_totals(file, std::span(&q, 1), nullptr));
    CHECK_THROWS_WITH(load_archive(file), Catch::Contains(why));
    CHECK_THROWS_WITH(totals_at(file, q), Catch::Contains(why));
  };
  // The units section starts with the provider column's width: 2 here.
  REQUIRE(original[test::find_section(original, "units").payload] == 2);
  patched("units", {3});
  both_refuse(by("provider"), "bad width 3");
  patched("units", {8});
  both_refuse(by("provider"), "bad width 8");
  // A category id takes 2 bytes at most.
  patched("category", {4});
  both_refuse(by("category"), "bad width 4");
  // The dates section starts with the year base (2 bytes, little-endian): 2020 made
  // 9990 puts 2023 at 9993, a year still; 9999 puts it past the last year.
  patched("dates", {static_cast<char>(9990 & 0xFF), static_cast<char>(9990 >> 8)});
  const dataset moved = load_archive(file);
  CHECK(moved.item(0).date.year() == 9990);
  CHECK(moved.item(1).date.year() == 9993);
  CHECK(streamed(file, of_year(9993)) == compute_totals(moved, of_year(9993)));
  patched("dates", {static_cast<char>(9999 & 0xFF), static_cast<char>(9999 >> 8)});
  both_refuse(of_year(2023), "an item year is out of range");
}

TEST_CASE("a year offset of 255 in a 1-byte column is the same year to every reader", "[archive]") {
  // No offset means "none": 255 at 1 byte, which no writer writes, is base + 255 to
  // the load, the check and the block scan alike.
  const temp_dir dir;
  const dataset d = with_units(3, 2020, 2023);
  const auto file = dir.path() / "a";
  save_archive(d, file);
  std::string data = slurp(file);
  const std::size_t years = test::find_section(data, "dates").payload + 64;
  REQUIRE(data[years] == 0);  // item 0: 2020, offset 0
  data[years] = static_cast<char>(0xFF);
  test::fix_checksum(data, "dates");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << data;
  const dataset loaded = load_archive(file);
  CHECK(loaded.item(0).date.year() == 2020 + 255);
  CHECK(compute_totals(loaded, of_year(2275)).groups.size() == 1);
  CHECK(streamed(file, of_year(2275)) == compute_totals(loaded, of_year(2275)));
  CHECK(totals_at(file, by("year")) == compute_totals(loaded, by("year")));
}
