// The parallel items.csv reader against the checking one: the same dataset and the
// same lines for every file without problems, and nothing at all otherwise.
#include <catch2/catch.hpp>
#include <random>

#include "aidstat/amount_text.hpp"
#include "aidstat/load_csv.hpp"
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"
#include "items_sample.hpp"

using namespace aidstat;
using aidstat::test::items_csv;
using aidstat::test::kPeopleCsv;
using aidstat::test::kUnitsCsv;

namespace {

// Units and beneficiaries loaded, no items yet.
dataset with_entities() {
  dataset_texts t;
  t.items = {"items.csv", "date,category,provider\n"};
  t.units = csv_text{"units.csv", kUnitsCsv};
  t.beneficiaries = csv_text{"beneficiaries.csv", kPeopleCsv};
  return read_dataset(t);
}

}  // namespace

TEST_CASE("plain amounts and counts read as parse_money and parse_quantity read them",
          "[load_csv]") {
  for (const char* text : {"0", "1", "10", "123.4", "123.45", "0.05", "999999999999999"}) {
    INFO(text);
    const auto fen = detail::plain_yuan(text);
    REQUIRE(fen);
    CHECK(money_interval::exact(money{*fen}) == parse_money(text));
  }
  for (const char* text : {"", "01", "1.", ".5", "1.234", "-1", "1e5", "12余", "1 000",
                           "1234567890123456", "99999999999999999999999999999.5"}) {
    INFO(text);
    CHECK_FALSE(detail::plain_yuan(text));
  }
  for (const char* text : {"0", "7", "250"}) {
    const auto n = detail::plain_count(text);
    REQUIRE(n);
    CHECK(count_interval::exact(count{*n}) == parse_quantity(text).value);
  }
  CHECK_FALSE(detail::plain_count("007"));
  CHECK_FALSE(detail::plain_count("2.5"));
}

TEST_CASE("the parallel items reader gives exactly what the checking reader gives", "[load_csv]") {
  // About 4 MB, so that up to four threads each take a share.
  const csv_text file{"items.csv", items_csv(72'000, 11)};
  REQUIRE(file.text.size() > (std::size_t{4} << 20));
  const dataset base = with_entities();
  dataset checked = base;
  std::vector<problem> problems;
  std::vector<std::uint32_t> checked_lines;
  detail::read_items_checked(detail::view_of(file), checked, true, true, problems, &checked_lines);
  if (!problems.empty()) FAIL(problems.front().to_string());
  REQUIRE(checked.item_count() == 72'000);
  for (unsigned threads : {1u, 2u, 3u, 4u}) {
    INFO(threads << " threads");
    dataset fast = base;
    std::vector<std::uint32_t> lines;
    REQUIRE(detail::read_items_fast(detail::view_of(file), fast, threads, &lines));
    CHECK(fast == checked);
    CHECK(lines == checked_lines);
  }
}

TEST_CASE("without units.csv the parallel reader makes the units the checking reader makes",
          "[load_csv]") {
  // Units first met in every thread's share; they must come out in file order.
  const csv_text file{"items.csv", items_csv(72'000, 13, true)};
  dataset_texts t;
  t.items = {"items.csv", "date,category,provider\n"};
  t.beneficiaries = csv_text{"beneficiaries.csv",
                             "id,kind,unit,headcount\nneedy,active_member,,27\n"
                             "town,civilian,,300\nvet,veteran,,1\n"};
  const dataset base = read_dataset(t);
  dataset checked = base;
  std::vector<problem> problems;
  std::vector<std::uint32_t> checked_lines;
  detail::read_items_checked(detail::view_of(file), checked, false, true, problems, &checked_lines);
  if (!problems.empty()) FAIL(problems.front().to_string());
  REQUIRE(checked.unit_count() > 20'000);
  CHECK(checked.find_unit("q\"3"));
  for (unsigned threads : {1u, 2u, 3u, 4u}) {
    INFO(threads << " threads");
    dataset fast = base;
    std::vector<std::uint32_t> lines;
    REQUIRE(detail::read_items_fast(detail::view_of(file), fast, threads, &lines, false));
    CHECK(fast == checked);
    CHECK(lines == checked_lines);
  }
  // An id that is not UTF-8, or none, is for the checking reader to name.
  for (const char* bad : {"2023,other,u\xff\n", "2023,other,\n"}) {
    dataset d = base;
    const csv_text one{"items.csv", std::string("date,category,provider\n") + bad};
    CHECK_FALSE(detail::read_items_fast(detail::view_of(one), d, 1, nullptr, false));
    CHECK(d.unit_count() == 0);
  }
  // With units.csv the same ids are undefined: the parallel reader leaves the file.
  dataset strict = base;
  CHECK_FALSE(detail::read_items_fast(detail::view_of(file), strict, 2, nullptr, true));
  CHECK(strict.item_count() == 0);
}

TEST_CASE("the parallel items reader adds nothing when any row needs checking", "[load_csv]") {
  const std::string good = items_csv(30'000, 5);
  const dataset base = with_entities();
  for (const std::string bad :
       {"x,1,2023-02-30,city,education,firm,,,,,\n",  // no such day
        "x,1,2023,nowhere,education,firm,,,,,\n",     // unknown unit
        "x,1,2023,city,educaton,firm,,,,,\n",         // unknown category
        "x,-5,2023,city,education,firm,,,,,\n",       // negative amount
        "x,1,2023,city,education,firm,,,25,,\n",      // no measure
        "x,1,2023,city,education,firm,,,,\n",         // a field short
        "x\"y,1,2023,city,education,firm,,,,,\n",     // a stray quote
        "\"x\"y,1,2023,city,education,firm,,,,,\n",   // text after quote
        "x,1,2023,city,education,firm,,,,,\xff\n",    // not UTF-8
        // Not UTF-8 in the note (the one text kept), a quoted note,
        // a category and a notation: each is refused here.
        "x\xff,1,2023,city,education,firm,,,,,\n", "\"a\xff, b\",1,2023,city,education,firm,,,,,\n",
        "x,1,2023,city,educ\xe4tion,firm,,,,,\n",
        "x,5\xe4\xb8\xe4\xb8\x87\xe5\x85\x83,2023,city,education,firm,,,,,\n"}) {
    INFO(bad);
    for (unsigned threads : {1u, 3u}) {
      // The bad row in the middle of the file, in some thread's share.
      const std::size_t middle = good.find('\n', good.size() / 2) + 1;
      const csv_text file{"items.csv", good.substr(0, middle) + bad + good.substr(middle)};
      dataset d = base;
      CHECK_FALSE(detail::read_items_fast(detail::view_of(file), d, threads, nullptr));
      CHECK(d.item_count() == 0);
    }
  }
}
