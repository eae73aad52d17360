// Totals straight from a CSV directory, read a block at a time, against the totals
// of the dataset loaded whole: the same figures for every file without problems,
// and the same problems, positions and all, for every file with one.
#include <catch2/catch.hpp>
#include <fstream>
#include <variant>

#include "aidstat/load_csv.hpp"
#include "aidstat/totals_at.hpp"
#include "engine/stream_totals.hpp"
#include "items_sample.hpp"
#include "test_support.hpp"

using namespace aidstat;
using aidstat::test::items_csv;
using aidstat::test::temp_dir;
using aidstat::test::write_sample;

namespace {

// The queries a stream answers: row-local keys and conditions, and date filters.
std::vector<totals_query> streamed_queries() {
  const auto by = [](std::initializer_list<const char*> names) {
    std::vector<dimension> out;
    for (const char* n : names) out.push_back(dimension::parse(n));
    return out;
  };
  std::vector<totals_query> qs;
  for (auto keys : {by({}), by({"category"}), by({"category_parent"}), by({"form"}),
                    by({"direction"}), by({"category", "form"}), by({"form", "direction"})})
    qs.push_back({keys, {}, 0});
  totals_query q{by({"category"}), {}, 0};
  q.filter.year = 2021;
  qs.push_back(q);
  q.filter = {};
  q.filter.from = date(2021), q.filter.to = date(2022);
  qs.push_back(q);
  // Refused by the engine, each with its count: records a range cuts through, and
  // records dated only to a year under a fiscal year.
  q.filter.from = date(2021, 3);
  qs.push_back(q);
  q.filter = {};
  q.filter.fiscal_year_start = 4;
  q.filter.year = 2022;
  qs.push_back(q);
  q.filter = {};
  q.filter.where.push_back(condition::parse("form=cash,in_kind"));
  qs.push_back(q);
  return qs;
}

// The answer of load_dataset + compute_totals, or the message of what it threw.
std::variant<totals, std::string> loaded_whole(const std::filesystem::path& dir,
                                               const totals_query& q) {
  try {
    return compute_totals(load_dataset(dir), q);
  } catch (const error& e) {
    return std::string(e.what());
  }
}

// The same through totals_at.
std::variant<totals, std::string> streamed(const std::filesystem::path& dir,
                                           const totals_query& q) {
  try {
    return totals_at(dir, q);
  } catch (const error& e) {
    return std::string(e.what());
  }
}

}  // namespace

TEST_CASE("totals read from items.csv a block at a time equal the loaded dataset's",
          "[totals_at]") {
  for (const bool with_units : {true, false}) {
    INFO((with_units ? "with" : "without") << " units.csv");
    const temp_dir dir;
    // Over 2 MB: two threads, several blocks, quoted line breaks across their edges.
    write_sample(dir, 40'000, with_units ? 21 : 22, with_units);
    REQUIRE(std::filesystem::file_size(dir.path() / "items.csv") > (std::size_t{2} << 20));
    int refused = 0;
    const dataset whole_dataset = load_dataset(dir.path());
    for (totals_query q : streamed_queries()) {
      REQUIRE(streams_from_csv(q));
      std::variant<totals, std::string> whole;
      try {
        whole = compute_totals(whole_dataset, q);
      } catch (const error& e) {
        whole = std::string(e.what());
      }
      refused += std::holds_alternative<std::string>(whole);
      for (unsigned threads : {1u, 2u}) {
        q.threads = threads;
        INFO(q.by.size() << " keys, " << threads << " threads");
        if (const auto* t = std::get_if<totals>(&whole)) {
          const std::optional<totals> s = detail::stream_totals(dir.path(), q, nullptr);
          REQUIRE(s);  // read as a stream, not loaded
          CHECK(*s == *t);
        } else {
          CHECK(streamed(dir.path(), q) == whole);
        }
      }
    }
    CHECK(refused == 2);
  }
}

TEST_CASE("the streamed totals hold what the sample holds, counted by hand", "[totals_at]") {
  const temp_dir dir;
  dir.write("units.csv", test::kUnitsCsv);
  dir.write("beneficiaries.csv", test::kPeopleCsv);
  dir.write("items.csv",
            "date,category,provider,recipient,beneficiary,form,amount,quantity,measure\n"
            "2023-01-05,education,city,,needy,cash,1100余万元,,\n"
            "2023-02,education,city,,town,cash,\"[1, 2]万元\",3000余,person_time\n"
            "2023,medical,firm,,needy,in_kind,12.5,,\n"
            "2023-03-01,education,city,firm,,transfer,5000,,\n");
  totals_query q{{dimension::parse("category")}, {}, 0};
  work_meter meter;
  const totals t = totals_at(dir.path(), q, &meter);
  CHECK(meter.total == std::filesystem::file_size(dir.path() / "items.csv"));
  CHECK(meter.done == meter.total);
  REQUIRE(t.groups.size() == 2);
  const aggregate& education = t.groups[0].figures;
  CHECK(t.groups[0].key[0] == "education");
  CHECK(education.records == 2);
  CHECK(education.transfers_excluded == 1);
  CHECK(education.approximate_records == 2);
  // 1100余万元 is [1100万, 1200万); [1, 2]万元: 11,010,000 .. 12,020,000 yuan.
  CHECK(education.amount.min() == money{1'101'000'000});
  CHECK(education.amount.max() == money{1'202'000'000});
  CHECK(education.headcount() == 27 + 300);
  CHECK(t.groups[1].figures.amount.min() == money{1250});
  CHECK(t.holds_transfers);
}

TEST_CASE("a file with a problem is reported as the full load reports it", "[totals_at]") {
  // Over 1 MB: the bad rows are in the second block (and the last).
  const std::string good = items_csv(20'000, 5);
  const std::size_t middle = good.find('\n', good.size() * 3 / 5) + 1;
  const totals_query q{{dimension::parse("category")}, {}, 0};
  SECTION("a bad record in items.csv, of every kind") {
    for (const std::string bad :
         {"x,1,2023-02-30,city,education,firm,,,,,\n",  // no such day
          "x,1,2023,nowhere,education,firm,,,,,\n",     // unknown unit
          "x,1,2023,city,educaton,firm,,,,,\n",         // unknown category
          "x,1,2023,city,education,firm,ghost,,,,\n",   // unknown beneficiary
          "x,-5,2023,city,education,firm,,,,,\n",       // negative amount
          "x,1,2023,city,education,,,transfer,,,\n",    // a transfer to no unit
          "x,1,2023,city,education,firm,,,25,,\n",      // no measure
          "x,1,2023,city,education,firm,,,,\n",         // a field short
          "x\"y,1,2023,city,education,firm,,,,,\n",     // a stray quote
          "x,1,2023,city,education,firm,,,,,\xff\n",    // not UTF-8
          "\"a\xff, b\",1,2023,city,education,firm,,,,,\n"}) {
      INFO(bad);
      const temp_dir dir;
      dir.write("units.csv", test::kUnitsCsv);
      dir.write("beneficiaries.csv", test::kPeopleCsv);
      dir.write("items.csv", good.substr(0, middle) + bad + good.substr(middle) + bad);
      REQUIRE(std::filesystem::file_size(dir.path() / "items.csv") > (std::size_t{1} << 20));
      const auto whole = loaded_whole(dir.path(), q);
      REQUIRE(std::holds_alternative<std::string>(whole));
      CHECK_FALSE(detail::stream_totals(dir.path(), q, nullptr));
      CHECK(streamed(dir.path(), q) == whole);
    }
  }
  SECTION("a problem in another file") {
    const temp_dir dir;
    dir.write("items.csv", good);
    dir.write("units.csv", std::string(test::kUnitsCsv) + "city,Again,government,,,\n");
    dir.write("beneficiaries.csv", std::string(test::kPeopleCsv) + "lost,veteran,,x\n");
    dir.write("commitments.csv",
              "id,year,category,owner,title,target_amount,status\n"
              "c1,2023,nothing,city,t,1,done\n");
    const auto whole = loaded_whole(dir.path(), q);
    REQUIRE(std::holds_alternative<std::string>(whole));
    CHECK(streamed(dir.path(), q) == whole);
  }
  SECTION("a problem and a query the engine refuses: the problem comes first") {
    const temp_dir dir;
    write_sample(dir, 100, 3, true);
    dir.write("items.csv", items_csv(100, 3) + "x,1,2023,city,educaton,firm,,,,,\n");
    totals_query empty_range = q;
    empty_range.filter.from = date(2023), empty_range.filter.to = date(2022);
    const auto whole = loaded_whole(dir.path(), empty_range);
    REQUIRE(std::holds_alternative<std::string>(whole));
    CHECK(std::get<std::string>(whole).find("educaton") != std::string::npos);
    CHECK(streamed(dir.path(), empty_range) == whole);
  }
  SECTION("no items.csv, or no directory") {
    const temp_dir dir;
    dir.write("units.csv", test::kUnitsCsv);
    CHECK(streamed(dir.path(), q) == loaded_whole(dir.path(), q));
    CHECK(streamed(dir.path() / "nowhere", q) == loaded_whole(dir.path() / "nowhere", q));
  }
}

TEST_CASE("the block edges of a stream hold at every kind of record end", "[totals_at]") {
  const totals_query q{{dimension::parse("category")}, {}, 2};
  const std::string head = "date,category,provider,amount,note\n";
  const std::string row = "2023-01-02,education,city,12.5,\"a, \"\"b\"\"\nc\"\r\n";
  std::string many;
  while (many.size() < (std::size_t{3} << 20)) many += row;
  const std::string huge_note = "2023,medical,firm,1,\"" + std::string(std::size_t{3} << 20, 'n') +
                                "\n" + std::string(1000, ',') + "\"\n";
  const std::string text_without_end = head + many + "2024,other,city,7,last";
  for (const std::string& text : {text_without_end, head + many + huge_note + many, head,
                                  "\xEF\xBB\xBF" + head + many, head + "\n\n" + many + "\n\n"}) {
    INFO(text.size() << " bytes");
    const temp_dir dir;
    dir.write("units.csv", test::kUnitsCsv);
    dir.write("items.csv", text);
    const auto whole = loaded_whole(dir.path(), q);
    REQUIRE(std::holds_alternative<totals>(whole));
    CHECK(detail::stream_totals(dir.path(), q, nullptr));
    CHECK(streamed(dir.path(), q) == whole);
  }
}

namespace {

// Every key, alone and in pairs, and conditions on every kind of key.
std::vector<totals_query> every_key_queries() {
  std::vector<totals_query> qs;
  for (const dimension_info& row : dimension_table) {
    const std::string key = row.key == "provider@N"    ? "provider@1"
                            : row.key == "recipient@N" ? "recipient@1"
                                                       : std::string(row.key);
    qs.push_back({{dimension::parse(key)}, {}, 0});
  }
  for (auto [a, b] : {std::pair{"year", "category"},
                      {"provider", "year"},
                      {"category", "month"},
                      {"quarter", "form"},
                      {"beneficiary_kind", "measure"},
                      {"region", "unit_kind"},
                      {"recipient", "provider@1"}})
    qs.push_back({{dimension::parse(a), dimension::parse(b)}, {}, 0});
  for (const char* where : {"provider=city", "region=east", "year=2021,2023", "measure=person",
                            "beneficiary_kind=veteran", "month=2022-03", "unit_kind=government"}) {
    totals_query q{{dimension::parse("category")}, {}, 0};
    q.filter.where.push_back(condition::parse(where));
    qs.push_back(q);
  }
  totals_query fiscal{{dimension::parse("year"), dimension::parse("provider")}, {}, 0};
  fiscal.filter.fiscal_year_start = 4;  // refused: records dated only to a year
  qs.push_back(fiscal);
  return qs;
}

}  // namespace

TEST_CASE("every key and condition streams where the directory allows, with the same answer",
          "[totals_at]") {
  for (const bool with_units : {true, false}) {
    INFO((with_units ? "with" : "without") << " units.csv");
    const temp_dir dir;
    write_sample(dir, 30'000, with_units ? 31 : 32, with_units);
    REQUIRE(std::filesystem::file_size(dir.path() / "items.csv") > (std::size_t{1} << 20));
    const dataset whole_dataset = load_dataset(dir.path());
    for (totals_query q : every_key_queries()) {
      for (unsigned threads : {1u, 2u}) {
        q.threads = threads;
        INFO(q.by.front().name() << " and " << q.by.size() - 1 << " more keys, "
                                 << q.filter.where.size() << " conditions, " << threads
                                 << " threads");
        std::variant<totals, std::string> whole;
        try {
          whole = compute_totals(whole_dataset, q);
        } catch (const error& e) {
          whole = std::string(e.what());
        }
        CHECK(streamed(dir.path(), q) == whole);
        if (!std::holds_alternative<totals>(whole)) continue;
        // Unit keys stream only beside units.csv; the rest from any directory.
        const std::optional<totals> s = detail::stream_totals(dir.path(), q, nullptr);
        CHECK(s.has_value() == (with_units || streams_from_csv(q)));
        if (s) CHECK(*s == std::get<totals>(whole));
      }
    }
  }
}

TEST_CASE("several queries from one reading are each the query's own totals", "[totals_at]") {
  const temp_dir dir;
  write_sample(dir, 20'000, 41, true);
  const dataset d = load_dataset(dir.path());
  std::vector<totals_query> qs = every_key_queries();
  qs.pop_back();  // the refused one is in the next section
  const std::vector<totals> t = totals_at(dir.path(), qs);
  REQUIRE(t.size() == qs.size());
  for (std::size_t i = 0; i < qs.size(); ++i) CHECK(t[i] == compute_totals(d, qs[i]));
  // A transfer between two providers counts in both their groups, and the grand total
  // leaves it out: the stream reads the totals without keys for that in the same pass.
  const totals by_provider = t[5];
  REQUIRE(by_provider.by == std::vector{dimension::parse("provider")});
  CHECK(by_provider.holds_transfers);
  CHECK(by_provider.grand == totals_without_keys(d, qs[5]).grand);
}

TEST_CASE("a record outside the stream's years goes to the full load, with the same answer",
          "[totals_at]") {
  for (const char* date : {"1900-12-31", "2156-01", "1899"}) {
    INFO(date);
    const temp_dir dir;
    write_sample(dir, 2000, 9, true);
    std::ofstream(dir.path() / "items.csv", std::ios::app)
        << ",7," << date << ",city,education,,,cash,,,\n";
    for (const char* key : {"year", "month", "category"}) {
      const totals_query q{{dimension::parse(key)}, {}, 0};
      const totals whole = compute_totals(load_dataset(dir.path()), q);
      CHECK(totals_at(dir.path(), q) == whole);
      // Only a period key needs the years; totals by category stream all the same.
      CHECK(detail::stream_totals(dir.path(), q, nullptr).has_value() == (key[0] == 'c'));
    }
  }
}
