#include <catch2/catch.hpp>
#include <fstream>

#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/detail/atomic_file.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "archive_fixture.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(AIDSTAT_SOURCE_DIR) / "tests/fixtures" / name;
}
}  // namespace

// Run by hand (`aidstat_tests "[.generate]"`) only when a new format version is
// introduced: it writes the fixtures of the current version. Never rewrite an
// earlier version's.
TEST_CASE("write the archive fixtures of the current version", "[.generate]") {
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    const char* ext = f == archive_format::binary ? "bin"
                      : f == archive_format::text ? "txt"
                                                  : "xml";
    const std::string name = "v" + std::to_string(archive_version) + "." + ext;
    save_archive(test::fixture_v1(), fixture(name.c_str()), f);
  }
}

TEST_CASE("archives of every version committed under tests/ load forever", "[archive]") {
  const dataset expected = test::fixture_v1();
  for (const char* name : {"v1.bin", "v1.txt", "v1.xml", "v2.bin", "v2.txt", "v2.xml"}) {
    INFO(name);
    const dataset d = load_archive(fixture(name));
    CHECK(d == expected);
    CHECK(d.item_count() == 5);
    CHECK(d.item(0).note == "春节, \"八一\"\n慰问");
    CHECK(d.item(1).amount == parse_money("1100余万元"));
    CHECK(d.categories().parent_of(*d.categories().find("veteran_jobs")) ==
          *d.categories().find("employment"));
    CHECK(d.stated_totals().at(0).amount == parse_money("1100余万元"));
    CHECK(d.commitments().at(1).status == commitment_status::dropped);
  }
}

TEST_CASE("a binary archive loads only the column groups a query reads", "[archive]") {
  test::temp_dir dir;
  const dataset whole = load_dataset(test::demo_dataset());
  const auto file = dir.path() / "city.aidstat";
  save_archive(whole, file);
  const auto query = [](std::vector<const char*> by, std::vector<const char*> where) {
    totals_query q;
    for (const char* b : by) q.by.push_back(dimension::parse(b));
    for (const char* w : where) q.filter.where.push_back(condition::parse(w));
    return q;
  };
  for (const totals_query& q :
       {query({"category"}, {}), query({"provider", "year"}, {}), query({"measure"}, {"form=cash"}),
        query({"beneficiary_kind"}, {"direction=support_military"}), query({}, {})}) {
    const dataset part = load_archive(file, fields_for(q));
    CHECK(part.loaded_fields() == fields_for(q));
    CHECK(read_archive(slurp(file), "in memory", fields_for(q)) == part);
    CHECK(part.item_count() == whole.item_count());
    const totals a = compute_totals(whole, q), b = compute_totals(part, q);
    REQUIRE(a.groups.size() == b.groups.size());
    for (std::size_t i = 0; i < a.groups.size(); ++i) {
      CHECK(a.groups[i].key == b.groups[i].key);
      CHECK(a.groups[i].figures.amount == b.groups[i].figures.amount);
      CHECK(a.groups[i].figures.quantity == b.groups[i].figures.quantity);
      CHECK(a.groups[i].figures.beneficiaries == b.groups[i].figures.beneficiaries);
    }
  }
  // What the partial dataset cannot do, it says, naming the missing groups.
  const dataset by_category = load_archive(file, fields_for(query({"category"}, {})));
  CHECK_THROWS_WITH(compute_totals(by_category, query({"region"}, {})),
                    Catch::Contains("'units'") && Catch::Contains("load the archive whole"));
  CHECK_THROWS_AS(by_category.item(0), query_error);
  CHECK_THROWS_AS(save_archive(by_category, dir.path() / "copy.aidstat"), query_error);
  CHECK_THROWS_AS(check_dataset(by_category), query_error);
  // Text archives, and the whole set, load whole.
  save_archive(whole, dir.path() / "city.txt", archive_format::text);
  CHECK(load_archive(dir.path() / "city.txt", item_fields::category) == whole);
  CHECK(load_archive(file, item_fields::all) == whole);
}

TEST_CASE("every archive kind round-trips to an identical dataset", "[archive]") {
  test::temp_dir dir;
  const dataset d = load_dataset(test::demo_dataset());
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    const auto file = dir.path() / "city.aidstat";
    save_archive(d, file, f);
    CHECK(load_archive(file) == d);
    CHECK(open_dataset(file) == d);
  }
  CHECK(open_dataset(test::demo_dataset()) == d);
}

TEST_CASE("the archive starts with its format version", "[archive]") {
  test::temp_dir dir;
  save_archive(test::fixture_v1(), dir.path() / "a", archive_format::text);
  const std::string header = "aidstat-archive text " + std::to_string(archive_version);
  CHECK(slurp(dir.path() / "a").starts_with(header + "\n"));
  // A newer version is refused with a clear message.
  std::string newer = slurp(dir.path() / "a");
  newer.replace(0, header.size(), "aidstat-archive text " + std::to_string(archive_version + 1));
  std::ofstream(dir.path() / "b", std::ios::binary) << newer;
  CHECK_THROWS_WITH(load_archive(dir.path() / "b"), Catch::Contains("newer aidstat"));
}

TEST_CASE("saving is atomic: a failure midway leaves the old file in place", "[archive]") {
  test::temp_dir dir;
  const auto target = dir.path() / "data.aidstat";
  save_archive(test::fixture_v1(), target);
  const std::string before = slurp(target);
  CHECK_THROWS_WITH(detail::write_file_atomically(target,
                                                  [](std::ostream& out) {
                                                    out << std::string(100'000, 'x');
                                                    throw io_error("disk unplugged");
                                                  }),
                    "disk unplugged");
  CHECK(slurp(target) == before);
  // No temporary file is left behind.
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    files += e.is_regular_file();
  CHECK(files == 1);
  CHECK(load_archive(target) == test::fixture_v1());
  CHECK_THROWS_AS(save_archive(test::fixture_v1(), dir.path() / "missing" / "x"), io_error);
}

TEST_CASE("truncated archives are errors, never crashes", "[archive]") {
  test::temp_dir dir;
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(test::fixture_v1(), dir.path() / "full", f);
    const std::string full = slurp(dir.path() / "full");
    // (A text archive cut only in its trailing white space is still complete.)
    const std::size_t last = f == archive_format::binary ? full.size() - 1 : full.size() - 20;
    for (std::size_t cut : {std::size_t{0}, std::size_t{10}, std::size_t{30}, full.size() / 3,
                            full.size() / 2, last}) {
      INFO("format " << static_cast<int>(f) << " cut at " << cut);
      std::ofstream(dir.path() / "cut", std::ios::binary | std::ios::trunc) << full.substr(0, cut);
      CHECK_THROWS_AS(load_archive(dir.path() / "cut"), aidstat::error);
    }
  }
}

TEST_CASE("bit-flipped archives load correctly or fail with aidstat::error", "[archive]") {
  test::temp_dir dir;
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(test::fixture_v1(), dir.path() / "full", f);
    const std::string full = slurp(dir.path() / "full");
    const std::size_t stride = f == archive_format::xml ? 11 : f == archive_format::text ? 3 : 1;
    std::size_t refused = 0;
    for (std::size_t at = 0; at < full.size(); at += stride) {
      for (int bit : {0, 5}) {
        std::string flipped = full;
        flipped[at] = static_cast<char>(flipped[at] ^ (1 << bit));
        try {
          const dataset d = read_archive(flipped);
          // A flip in a value can still load: then the dataset is a valid one.
          CHECK(d.item_count() <= 5);
        } catch (const aidstat::error&) {
          ++refused;
        }
      }
    }
    CHECK(refused > 0);
  }
}

TEST_CASE("a hostile length field is refused before allocating", "[archive]") {
  test::temp_dir dir;
  save_archive(test::fixture_v1(), dir.path() / "full", archive_format::binary);
  std::string data = slurp(dir.path() / "full");
  // The category count is the first field after Boost's header: find 13 + 1 = 14 as u64.
  const std::uint64_t categories = 14;
  const std::string needle(reinterpret_cast<const char*>(&categories), 8);
  const auto at = data.find(needle);
  REQUIRE(at != std::string::npos);
  const std::uint64_t hostile = std::uint64_t{1} << 60;
  data.replace(at, 8, std::string(reinterpret_cast<const char*>(&hostile), 8));
  std::ofstream(dir.path() / "h", std::ios::binary) << data;
  CHECK_THROWS_WITH(load_archive(dir.path() / "h"),
                    Catch::Contains("claims 1152921504606846976 elements"));

  std::string text = "aidstat-archive text 1\n22 serialization::archive 18 1152921504606846976";
  std::ofstream(dir.path() / "t", std::ios::binary) << text;
  CHECK_THROWS_AS(load_archive(dir.path() / "t"), aidstat::error);
  std::ofstream(dir.path() / "n", std::ios::binary) << "not an archive at all";
  CHECK_THROWS_WITH(load_archive(dir.path() / "n"), Catch::Contains("not an aidstat archive"));
  CHECK_THROWS_AS(load_archive(dir.path() / "absent"), io_error);
}
