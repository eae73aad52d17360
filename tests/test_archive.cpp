#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/open_dataset.hpp"
#include "aidstat/totals.hpp"
#include "archive_fixture.hpp"
#include "archive_patch.hpp"
#include "io/archive/archive_io.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/fs/atomic_file.hpp"
#include "items_sample.hpp"
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
  for (const char* name :
       {"v1.bin", "v1.txt", "v1.xml", "v2.bin", "v2.txt", "v2.xml", "v3.bin", "v3.txt", "v3.xml",
        "v4.bin", "v4.txt", "v4.xml", "v5.bin", "v5.txt", "v5.xml"}) {
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
  // Text and XML archives load part too; archives of format 2 and earlier load whole.
  save_archive(whole, dir.path() / "city.txt", archive_format::text);
  const item_fields per_category = fields_for(query({"category"}, {}));
  const dataset text_part = load_archive(dir.path() / "city.txt", per_category);
  CHECK(text_part.loaded_fields() == per_category);
  CHECK(compute_totals(text_part, query({"category"}, {})).grand.amount ==
        compute_totals(whole, query({"category"}, {})).grand.amount);
  CHECK(load_archive(fixture("v2.bin"), item_fields::category).loaded_fields() == item_fields::all);
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

TEST_CASE("a large archive, its sections read side by side and released, round-trips",
          "[archive]") {
  // Sections of megabytes: many pages each, released from the mapping once copied.
  test::temp_dir dir;
  dir.write("items.csv", test::items_csv(60'000, 17));
  dir.write("units.csv", test::kUnitsCsv);
  dir.write("beneficiaries.csv", test::kPeopleCsv);
  const dataset d = load_dataset(dir.path());
  const auto file = dir.path() / "big.aidstat";
  save_archive(d, file);
  REQUIRE(std::filesystem::file_size(file) > (std::size_t{2} << 20));
  CHECK(load_archive(file) == d);
  const totals_query q{{dimension::parse("category")}, {}, 0};
  CHECK(compute_totals(load_archive(file, fields_for(q)), q) == compute_totals(d, q));
  // Two sections damaged, read side by side: the first in the file is named, always.
  std::string bytes = slurp(file);
  for (const char* name : {"amounts", "notes"}) {
    const test::section_span s = test::find_section(bytes, name);
    REQUIRE(s.length > 100);
    bytes[s.payload + s.length / 2] = static_cast<char>(bytes[s.payload + s.length / 2] ^ 0x10);
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  for (int run = 0; run < 5; ++run)
    CHECK_THROWS_WITH(load_archive(file), Catch::Contains("section 'amounts' is damaged"));
}

TEST_CASE("the archive starts with its format version and declares its length", "[archive]") {
  test::temp_dir dir;
  save_archive(test::fixture_v1(), dir.path() / "a", archive_format::text);
  const std::string bytes = slurp(dir.path() / "a");
  const std::string header = "aidstat-archive text " + std::to_string(archive_version);
  REQUIRE(bytes.starts_with(header + " "));
  CHECK(std::stoull(bytes.substr(header.size() + 1, 20)) == bytes.size());
  CHECK(read_archive_info(dir.path() / "a").version == archive_version);
  CHECK(read_archive_info(dir.path() / "a").checksummed());
  CHECK_FALSE(read_archive_info(fixture("v2.txt")).checksummed());
  // Every section's payload starts at a multiple of 64 bytes, ready to be mapped.
  save_archive(test::fixture_v1(), dir.path() / "b", archive_format::binary);
  const std::string binary = slurp(dir.path() / "b");
  std::size_t sections = 0;
  for (std::size_t at = binary.find('\n') + 1; at < binary.size(); ++sections) {
    REQUIRE(binary.compare(at, 8, "section ") == 0);
    const std::size_t payload = binary.find('\n', at) + 1;
    CHECK(payload % 64 == 0);
    const std::size_t name_end = binary.find(' ', at + 8);
    at = payload + std::stoull(binary.substr(name_end + 1, 20));
  }
  CHECK(sections == 10);  // the entities and nine groups of item columns
  // A newer version is refused with a clear message.
  std::string newer = bytes;
  newer.replace(0, header.size(), "aidstat-archive text " + std::to_string(archive_version + 1));
  std::ofstream(dir.path() / "c", std::ios::binary) << newer;
  CHECK_THROWS_WITH(load_archive(dir.path() / "c"), Catch::Contains("newer aidstat"));
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

namespace {

// Loads `bytes` whole and for a per-category query: each must equal the load of the
// undamaged archive or throw aidstat::error with a message in valid UTF-8.
// Returns false when anything else happened.
bool same_or_refused(const std::string& bytes, const dataset& whole, const dataset& part,
                     item_fields fields) {
  for (const bool partial : {false, true}) {
    try {
      const dataset d = partial ? read_archive(bytes, "damaged", fields) : read_archive(bytes);
      if (!(d == (partial ? part : whole))) return false;
    } catch (const aidstat::error& e) {
      if (!detail::valid_utf8(e.what())) return false;
    } catch (...) {
      return false;
    }
  }
  return true;
}

}  // namespace

// Every damaged copy of a small archive of each kind, built in memory: each byte
// flipped (XOR 0x01, then XOR 0x80) and the file cut at every length.
TEST_CASE("a flipped or truncated archive gives the same dataset or an error", "[archive]") {
  test::temp_dir dir;
  dataset original = test::fixture_v1();
  test::add_record(original, "2023", "condolence", "city", "", "", "80万余元", "3400余人");
  const item_fields fields = fields_for(totals_query{{dimension::parse("category")}, {}});
  std::size_t tried = 0;
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(original, dir.path() / "full", f);
    const std::string full = slurp(dir.path() / "full");
    const dataset whole = read_archive(full), part = read_archive(full, "part", fields);
    REQUIRE(whole == original);
    std::size_t bad = 0;
    for (std::size_t at = 0; at < full.size(); ++at) {
      for (const char mask : {'\x01', '\x80'}) {
        std::string flipped = full;
        flipped[at] = static_cast<char>(flipped[at] ^ mask);
        bad += !same_or_refused(flipped, whole, part, fields);
      }
      bad += !same_or_refused(full.substr(0, at), whole, part, fields);
      tried += 3;
    }
    INFO("format " << static_cast<int>(f) << ", " << full.size() << " bytes");
    CHECK(bad == 0);
  }
  CHECK(tried > 3 * 20'000);
}

TEST_CASE("damage is reported with the file and the damaged section", "[archive]") {
  test::temp_dir dir;
  const auto file = dir.path() / "city.aidstat";
  save_archive(test::fixture_v1(), file);
  const std::string full = slurp(file);
  // A flip inside the amounts: the message names the section.
  const std::size_t amounts = full.find("section amounts ");
  REQUIRE(amounts != std::string::npos);
  std::string flipped = full;
  const std::size_t payload = full.find('\n', amounts) + 20;
  flipped[payload] = static_cast<char>(flipped[payload] ^ 0x01);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << flipped;
  CHECK_THROWS_WITH(load_archive(file), Catch::Contains(file.string()) &&
                                            Catch::Contains("section 'amounts' is damaged"));
  // A query that does not read the amounts is not misled by them: it answers.
  CHECK(load_archive(file, item_fields::category).item_count() == 5);
  // Sections are read side by side, in any order; with the notes damaged too, the
  // first damaged section in the file is the one named, on every load.
  std::string two = flipped;
  const test::section_span notes = test::find_section(two, "notes");
  REQUIRE(notes.length > 2);
  two[notes.payload + notes.length - 1] =
      static_cast<char>(two[notes.payload + notes.length - 1] ^ 0x01);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << two;
  for (int run = 0; run < 20; ++run)
    CHECK_THROWS_WITH(load_archive(file), Catch::Contains("section 'amounts' is damaged"));
  CHECK_THROWS_WITH(load_archive(file, item_fields::notes),
                    Catch::Contains("section 'notes' is damaged"));
  // The last byte cut off: found by every load, even one that reads no notes.
  std::ofstream(file, std::ios::binary | std::ios::trunc) << full.substr(0, full.size() - 1);
  CHECK_THROWS_WITH(load_archive(file, item_fields::category), Catch::Contains("cut short"));
  // A damaged header line.
  flipped = full;
  flipped[30] = static_cast<char>(flipped[30] ^ 0x01);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << flipped;
  CHECK_THROWS_WITH(load_archive(file), Catch::Contains("header line is damaged"));
  // Bytes that are not UTF-8 in the file are shown as \xNN in the message.
  std::string junk = full;
  junk.replace(0, 22, "aidstat-archive \xff\xfe 3");
  CHECK_THROWS_WITH(read_archive(junk, "junk"), Catch::Contains("\\xFF\\xFE"));
}

TEST_CASE("check says an archive without checksums is unprotected", "[archive][check]") {
  const check_report old = check_dataset_at(fixture("v2.bin"));
  REQUIRE_FALSE(old.findings.empty());
  CHECK(old.findings[0].kind == finding_kind::protection);
  CHECK(old.findings[0].level == finding_level::warning);
  CHECK_THAT(old.findings[0].message, Catch::Contains("format 2 carries no checksums"));
  const check_report current = check_dataset_at(fixture("v3.bin"));
  for (const finding& f : current.findings) CHECK(f.kind != finding_kind::protection);
  // A damaged archive is an error finding naming the section.
  test::temp_dir dir;
  std::string bytes = slurp(fixture("v3.bin"));
  bytes[bytes.size() - 3] = static_cast<char>(bytes[bytes.size() - 3] ^ 0x01);
  std::ofstream(dir.path() / "d", std::ios::binary) << bytes;
  const check_report damaged = check_dataset_at(dir.path() / "d");
  REQUIRE(damaged.errors() == 1);
  CHECK_THAT(damaged.findings[0].message, Catch::Contains("section 'notes' is damaged"));
}

TEST_CASE("a hostile length field is refused before allocating", "[archive]") {
  test::temp_dir dir;
  save_archive(test::fixture_v1(), dir.path() / "full", archive_format::binary);
  std::string data = slurp(dir.path() / "full");
  // The category count is the first field of the entities: 13 + 1 = 14 as u64. Its
  // section's checksum is made right again, as a hostile writer would.
  const std::uint64_t categories = 14;
  const std::string needle(reinterpret_cast<const char*>(&categories), 8);
  const auto at = data.find(needle);
  REQUIRE(at != std::string::npos);
  const std::uint64_t hostile = std::uint64_t{1} << 60;
  data.replace(at, 8, std::string(reinterpret_cast<const char*>(&hostile), 8));
  test::fix_checksum(data, "entities");
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

TEST_CASE("an archive's days are checked against the calendar", "[archive]") {
  // Three rows: 2024-02-28, 2023-01-31 and 2023-12 (a month, day 0). The dates
  // section holds the year base (2 bytes) and the years' width (1 byte), then each
  // column as its count (8 bytes), a pad byte, zeros up to a multiple of 64 from the
  // payload's start, then its elements: year offsets (1 byte each) at 64, months at
  // 128, days at 192.
  dataset d;
  d.add_unit(unit("city", "市", unit_kind::government, side::civilian));
  for (const char* when : {"2024-02-28", "2023-01-31", "2023-12"})
    d.add_item({date::parse(when), "other", "city", "", "", {}, {}, {}, {}, {}, ""});
  test::temp_dir dir;
  save_archive(d, dir.path() / "a");
  const std::string original = slurp(dir.path() / "a");
  const std::size_t payload = test::find_section(original, "dates").payload;
  const auto patched = [&](std::size_t at, std::uint8_t value) {
    std::string data = original;
    data[payload + at] = static_cast<char>(value);
    test::fix_checksum(data, "dates");
    return data;
  };
  REQUIRE(original[payload + 192] == 28);
  REQUIRE(original[payload + 128 + 2] == 12);
  // 2024 is a leap year: February 29 is a day; 30 is not.
  CHECK(read_archive(patched(192, 29)).item(0).date == date::parse("2024-02-29"));
  CHECK_THROWS_WITH(read_archive(patched(192, 30)), Catch::Contains("an item day is out of range"));
  CHECK_THROWS_WITH(read_archive(patched(193, 32)), Catch::Contains("an item day is out of range"));
  CHECK(read_archive(patched(194, 5)).item(2).date == date::parse("2023-12-05"));
  // A day without a month is no date.
  CHECK_THROWS_WITH(read_archive(patched(128 + 1, 0)), Catch::Contains("day is out of range"));
}

TEST_CASE("format 3's item sections are the item groups, in their one order", "[archive]") {
  const auto sections = detail::item_sections(3);
  REQUIRE(sections.size() == item_groups.size());
  std::string names;
  for (const item_group& g : sections) names += std::string(g.name) + " ";
  CHECK(names == "dates category units form direction amounts quantities beneficiaries notes ");
  CHECK(detail::item_sections(archive_version).data() == sections.data());
  CHECK(names_of(item_fields::units | item_fields::notes) == "units, notes");
}
