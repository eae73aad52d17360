// Partial totals as bytes (docs/python.md): every field survives the trip, shards merged
// from their bytes equal the totals of the union, comparisons made from merged
// partials equal the comparison of the union, and damaged or hostile bytes are refused.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <random>

#include "aidstat/aidstat.hpp"
#include "aidstat/disclosure.hpp"
#include "archive_patch.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// Units in two subtrees, beneficiaries shared by every shard.
void add_entities(dataset& d) {
  d.add_unit(unit("city", "市", unit_kind::government, side::civilian));
  d.add_unit(unit("fund", "市基金", unit_kind::social_org, side::civilian, "city"));
  d.add_unit(unit("east", "东区", unit_kind::government, side::civilian, "city"));
  d.add_unit(unit("west", "西区", unit_kind::government, side::civilian, "city"));
  d.add_unit(unit("garrison", "驻军", unit_kind::military_unit, side::military));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military, "garrison"));
  d.add_beneficiary(beneficiary("kids", beneficiary_kind::member_child, "", 94));
  d.add_beneficiary(beneficiary("vets", beneficiary_kind::veteran, "", 12));
  d.add_beneficiary(beneficiary("one", beneficiary_kind::veteran));
}

const char* const kUnits[] = {"city", "fund", "east", "west", "garrison", "73051"};

// Two years of records: approximate amounts, quantities of three measures, transfers
// (always with a recipient), shared beneficiaries.
dataset random_shardable(std::uint64_t seed, std::size_t n) {
  std::mt19937_64 rng(seed);
  const auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  dataset d;
  add_entities(d);
  static const char* const cats[] = {"condolence", "education", "medical", "other"};
  for (std::size_t i = 0; i < n; ++i) {
    aid_item it;
    it.date = date(2022 + static_cast<int>(pick(2)), 1 + static_cast<int>(pick(12)));
    it.category = cats[pick(4)];
    it.provider = kUnits[pick(6)];
    it.form = static_cast<aid_form>(pick(6));
    if (it.form == aid_form::transfer || pick(2)) it.recipient = kUnits[pick(6)];
    static const char* const people[] = {"kids", "vets", "one"};
    if (pick(2)) it.beneficiary = people[pick(3)];
    const auto lo = static_cast<std::int64_t>(pick(100'000'000));
    if (pick(5)) it.amount = money_interval(money{lo}, money{lo + (pick(3) ? 0 : 1'000'000)});
    if (pick(2)) {
      const auto q = static_cast<std::int64_t>(pick(300));
      it.quantity = count_interval(count{q}, count{q + (pick(4) ? 0 : 50)});
      it.measure = static_cast<measure>(pick(3));
    }
    d.add_item(it);
  }
  return d;
}

// `whole` split by rows into `n` shards at random, each with every unit and beneficiary.
std::vector<dataset> split(const dataset& whole, std::size_t n, std::mt19937_64& rng) {
  std::vector<dataset> parts(n);
  for (dataset& p : parts) add_entities(p);
  for (std::size_t i = 0; i < whole.item_count(); ++i) parts[rng() % n].add_item(whole.item(i));
  return parts;
}

totals_query by(std::initializer_list<const char*> names) {
  totals_query q;
  for (const char* n : names) q.by.push_back(dimension::parse(n));
  return q;
}

}  // namespace

TEST_CASE("partial totals keep every field through their bytes", "[partial]") {
  const dataset d = random_shardable(1, 3000);
  for (const totals_query& q : {by({}), by({"category"}), by({"category", "year", "measure"}),
                                by({"provider", "recipient@1"}), by({"provider@1", "form"})}) {
    const totals t = compute_totals(d, q);
    CHECK(t.holds_transfers);
    CHECK(totals_from_bytes(totals_to_bytes(t)) == t);
  }
  // Suppression marks and the minimum cell size too.
  const totals protected_ =
      suppress_small_cells(compute_totals(d, by({"provider", "category"})), 100);
  CHECK(protected_.min_cell == 100);
  CHECK(totals_from_bytes(totals_to_bytes(protected_)) == protected_);
  // A group with no beneficiary and an empty key cell.
  dataset small;
  add_entities(small);
  small.add_item({date(2023), "other", "city", "", "", {}, {}, {}, {}, {}, ""});
  const totals t = compute_totals(small, by({"recipient"}));
  REQUIRE(t.groups.size() == 1);
  CHECK(t.groups[0].key == std::vector<std::string>{""});
  CHECK(totals_from_bytes(totals_to_bytes(t)) == t);
}

TEST_CASE("partials of random shards, merged from their bytes, equal the totals of the union",
          "[partial][merge]") {
  std::mt19937_64 rng(12);
  for (int round = 0; round < 8; ++round) {
    const dataset whole = random_shardable(50 + static_cast<std::uint64_t>(round), 1500);
    const std::vector<dataset> shards = split(whole, 2 + rng() % 4, rng);
    for (const totals_query& q :
         {by({}), by({"category"}), by({"measure"}), by({"provider"}), by({"provider@1", "year"}),
          by({"beneficiary_kind", "category_parent"})}) {
      totals merged = totals_from_bytes(totals_to_bytes(compute_totals(shards[0], q)));
      for (std::size_t s = 1; s < shards.size(); ++s)
        merged.merge(totals_from_bytes(totals_to_bytes(compute_totals(shards[s], q))));
      const totals expected = compute_totals(whole, q);
      CHECK(merged.grand == expected.grand);
      CHECK(merged == expected);
    }
  }
}

TEST_CASE("a comparison from merged partials equals the comparison of the union",
          "[partial][yoy]") {
  std::mt19937_64 rng(13);
  const dataset whole = random_shardable(77, 4000);
  const std::vector<dataset> shards = split(whole, 4, rng);
  for (const char* key : {"category", "provider", "provider@1", "measure"}) {
    INFO("by " << key);
    yoy_query q;
    q.base_year = 2022;
    q.current_year = 2023;
    q.by = {dimension::parse(key)};
    yoy_query whole_query = q;
    whole_query.by.clear();
    totals by_keys = compute_totals(shards[0], yoy_totals_query(q));
    totals by_year = compute_totals(shards[0], yoy_totals_query(whole_query));
    for (std::size_t s = 1; s < shards.size(); ++s) {
      by_keys.merge(
          totals_from_bytes(totals_to_bytes(compute_totals(shards[s], yoy_totals_query(q)))));
      by_year.merge(compute_totals(shards[s], yoy_totals_query(whole_query)));
    }
    const yoy_result expected = compute_yoy(whole, q);
    CHECK(compare_years(by_keys, &by_year, q) == expected);
    // With a provider key, transfers the groups count are out of each year's total:
    // the year totals must come from totals by the year alone, and are asked for.
    if (std::string(key).starts_with("provider")) {
      CHECK_THROWS_WITH(compare_years(by_keys, nullptr, q),
                        Catch::Contains("needs the totals by the year alone"));
    } else {
      CHECK(compare_years(by_keys, nullptr, q) == expected);
    }
  }
  yoy_query q;
  q.base_year = 2022;
  q.current_year = 2023;
  q.by = {dimension::parse("category")};
  CHECK_THROWS_AS(compare_years(compute_totals(whole, by({"category"})), nullptr, q), query_error);
}

TEST_CASE("damaged or hostile partial bytes are refused with the partial's name", "[partial]") {
  const totals t = compute_totals(random_shardable(3, 500), by({"category", "year"}));
  const std::string bytes = totals_to_bytes(t);
  const auto refused = [](const std::string& b, const std::string& why) {
    try {
      totals_from_bytes(b, "shard 7");
      FAIL("damaged bytes were read");
    } catch (const error& e) {
      const std::string what = e.what();
      CHECK_THAT(what, Catch::StartsWith("shard 7") && Catch::Contains(why));
    }
  };
  refused(bytes.substr(0, bytes.size() - 1), "cut short");
  refused(bytes + "x", "bytes were added");
  std::string flipped = bytes;
  flipped[bytes.size() - 10] ^= 1;
  refused(flipped, "checksum");
  // Every byte of the payload flipped in turn: refused, never read wrongly.
  const test::section_span s = test::find_section(bytes, "totals");
  for (std::size_t at = s.payload; at < s.payload + s.length; at += 7) {
    std::string b = bytes;
    b[at] ^= 0x20;
    CHECK_THROWS_AS(totals_from_bytes(b), error);
  }
  // A dataset archive is not a partial.
  const test::temp_dir dir;
  save_archive(random_shardable(4, 10), dir.path() / "d.aidstat");
  std::ifstream in(dir.path() / "d.aidstat", std::ios::binary);
  refused(std::string(std::istreambuf_iterator<char>(in), {}),
          "of kind 'binary', not partial totals");
  // Hostile bytes whose checksum is right: 2^60 beneficiaries, groups out of order.
  std::string huge = bytes;
  const std::size_t people_at = s.payload + 8 + 2 * 5;  // after the two dimensions
  for (std::size_t i = 0; i < 8; ++i) huge[people_at + i] = i == 7 ? 0x10 : 0;
  test::fix_checksum(huge, "totals");
  refused(huge, "more than the file holds");
  totals swapped = t;
  std::swap(swapped.groups[0], swapped.groups[1]);
  refused(totals_to_bytes(swapped), "out of order");
  totals twice = t;
  twice.groups[1].key = twice.groups[0].key;
  refused(totals_to_bytes(twice), "out of order or listed twice");
}

TEST_CASE("a partial stores each beneficiary once, and refuses one with two headcounts",
          "[partial]") {
  const dataset d = random_shardable(9, 2000);
  const totals by_month = compute_totals(d, by({"month", "category"}));
  std::size_t places = 0;
  for (const auto& g : by_month.groups) places += g.figures.beneficiaries.size();
  // Three beneficiaries named by hundreds of groups: each id is written once (a
  // length, the id, a headcount), and each group's beneficiaries as 4-byte places.
  const std::string bytes = totals_to_bytes(by_month);
  totals without = by_month;
  for (auto& g : without.groups) g.figures.beneficiaries.clear();
  without.grand.beneficiaries.clear();
  const std::size_t table = (8 + 4 + 8) + (8 + 4 + 8) + (8 + 3 + 8);  // kids, vets, one
  CHECK(places > 250);
  CHECK(bytes.size() - totals_to_bytes(without).size() ==
        table + 4 * (places + by_month.grand.beneficiaries.size()));
  CHECK(totals_from_bytes(bytes) == by_month);
  totals odd = by_month;
  odd.groups[0].figures.beneficiaries = {{"kids", 94}};
  odd.groups[1].figures.beneficiaries = {{"kids", 95}};
  CHECK_THROWS_WITH(totals_to_bytes(odd), Catch::Contains("'kids' has two headcounts"));
}
