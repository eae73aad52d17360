#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "aidstat/export_csv.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_at.hpp"
#include "engine/key_order.hpp"
#include "engine/stream_totals.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// Units: a two-level civilian tree, a military tree, a region-less unit.
void add_units(dataset& d) {
  d.add_unit(unit("city", "xx市", unit_kind::government, side::civilian, "", "east"));
  d.add_unit(unit("police", "公安局", unit_kind::government, side::civilian, "city", "east"));
  d.add_unit(unit("branch1", "一分局", unit_kind::government, side::civilian, "police", "east"));
  d.add_unit(unit("branch2", "二分局", unit_kind::government, side::civilian, "police", "west"));
  d.add_unit(unit("hospital", "中心医院", unit_kind::hospital, side::civilian, "city", "west"));
  d.add_unit(unit("firm", "联通", unit_kind::enterprise, side::civilian));
  d.add_unit(unit("garrison", "驻军", unit_kind::military_unit, side::military));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military, "garrison"));
  d.add_unit(unit("96164", "96164部队", unit_kind::military_unit, side::military, "garrison"));
  d.add_beneficiary(beneficiary("needy", beneficiary_kind::active_member, "garrison", 27));
  d.add_beneficiary(beneficiary("kids", beneficiary_kind::member_child, "", 94));
  d.add_beneficiary(beneficiary("vet1", beneficiary_kind::veteran));
  d.add_beneficiary(beneficiary("town", beneficiary_kind::civilian, "", 500));
}

const char* const kUnits[] = {"city", "police",   "branch1", "branch2", "hospital",
                              "firm", "garrison", "73051",   "96164"};
const char* const kBeneficiaries[] = {"needy", "kids", "vet1", "town"};

// A random item; amounts exact, approximate or missing; sometimes near overflow-free extremes.
// With `giants`, one amount in a thousand is near 2^52 fen: sums stay far below 2^63,
// but the scan's overflow bound is crossed, so its checked path runs too. Quantities
// are then sometimes near 2^31 or 2^36: too large for some batches to be packed.
// With `stated`, every record states an amount (batches the scan may add packed).
aid_item random_item(std::mt19937_64& rng, bool giants = false, bool stated = false) {
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  aid_item it;
  const int y = 2021 + static_cast<int>(pick(3));
  switch (pick(3)) {
    case 0:
      it.date = date(y);
      break;
    case 1:
      it.date = date(y, 1 + static_cast<int>(pick(12)));
      break;
    default:
      it.date = date(y, 1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28)));
  }
  static const char* const cats[] = {"condolence", "education", "medical", "legal_aid", "other"};
  it.category = cats[pick(5)];
  it.provider = kUnits[pick(9)];
  if (pick(4)) it.recipient = kUnits[pick(9)];
  if (it.recipient.empty() || pick(3) == 0) it.beneficiary = kBeneficiaries[pick(4)];
  if (pick(3)) it.form = static_cast<aid_form>(pick(5));
  const std::int64_t lo = giants && pick(1000) == 0
                              ? (std::int64_t{1} << 52) + static_cast<std::int64_t>(pick(1000))
                              : static_cast<std::int64_t>(pick(1'000'000'000));
  switch (stated ? 1 + pick(3) : pick(4)) {
    case 0:
      break;
    case 1:
      it.amount = money_interval(money{lo}, money{lo + static_cast<std::int64_t>(pick(5000))});
      break;
    default:
      it.amount = money_interval::exact(money{lo});
  }
  if (pick(2)) {
    const std::int64_t base = !giants           ? 0
                              : pick(5000) == 0 ? std::int64_t{1} << 36
                              : pick(200) == 0  ? std::int64_t{1} << 31
                                                : 0;
    const auto q = base + static_cast<std::int64_t>(pick(500));
    it.quantity = count_interval(count{q}, count{q + (pick(4) == 0 ? 100 : 0)});
    it.measure = static_cast<measure>(pick(3));
  }
  return it;
}

// The plain reference: group entities by key strings in a std::map.
struct reference_group {
  std::int64_t records = 0, amount_records = 0, approx = 0, quantity_records = 0;
  std::int64_t amount_lo = 0, amount_hi = 0, quantity_lo = 0, quantity_hi = 0;
  std::map<std::string, std::int64_t> people;
  std::set<measure> measures;
};

std::string reference_key(const dataset& d, const aid_item& it, const dimension& dim) {
  const unit& p = d.unit_at(*d.find_unit(it.provider));
  const auto ancestor = [&](std::string id, std::uint32_t depth) {
    if (id.empty()) return id;
    std::vector<std::string> chain;
    for (std::string u = id; !u.empty(); u = d.unit_at(*d.find_unit(u)).parent)
      chain.insert(chain.begin(), u);
    return depth < chain.size() ? chain[depth] : id;
  };
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  switch (dim.kind) {
    case dimension_kind::category:
      return it.category;
    case dimension_kind::category_parent: {
      const auto& c = d.categories().at(*d.categories().find(it.category));
      return c.parent.empty() ? c.key : c.parent;
    }
    case dimension_kind::year:
      return std::to_string(it.date.year());
    case dimension_kind::quarter:
      return it.date.month()
                 ? std::to_string(it.date.year()) + "-Q" + std::to_string(it.date.quarter())
                 : "";
    case dimension_kind::month:
      return it.date.month() ? std::to_string(it.date.year()) + "-" + two(it.date.month()) : "";
    case dimension_kind::provider:
      return it.provider;
    case dimension_kind::recipient:
      return it.recipient;
    case dimension_kind::provider_at:
      return ancestor(it.provider, dim.depth);
    case dimension_kind::recipient_at:
      return ancestor(it.recipient, dim.depth);
    case dimension_kind::unit_kind:
      return std::string(key_of(p.kind));
    case dimension_kind::region:
      return p.region;
    case dimension_kind::direction:
      return it.direction ? std::string(key_of(*it.direction)) : "";
    case dimension_kind::form:
      return it.form ? std::string(key_of(*it.form)) : "";
    case dimension_kind::measure:
      return it.measure ? std::string(key_of(*it.measure)) : "";
    case dimension_kind::beneficiary_kind:
      return it.beneficiary.empty()
                 ? ""
                 : std::string(key_of(d.beneficiary_at(*d.find_beneficiary(it.beneficiary)).kind));
  }
  return "?";
}

// Whether key value `v` of dimension `dim` is `want` or lies below it: the unit tree
// for unit dimensions, the category tree for category ones, equality otherwise.
bool reference_matches(const dataset& d, const dimension& dim, const std::string& v,
                       const std::string& want) {
  switch (dim.kind) {
    case dimension_kind::provider:
    case dimension_kind::recipient:
    case dimension_kind::provider_at:
    case dimension_kind::recipient_at:
      for (std::string u = v; !u.empty(); u = d.unit_at(*d.find_unit(u)).parent)
        if (u == want) return true;
      return v == want;
    case dimension_kind::category:
    case dimension_kind::category_parent:
      for (std::string c = v; !c.empty(); c = d.categories().at(*d.categories().find(c)).parent)
        if (c == want) return true;
      return v == want;
    default:
      return v == want;
  }
}

// Whether an item passes a filter of calendar years, a date range (of whole years or
// months: no item is cut through) and conditions, as the docs say.
bool reference_passes(const dataset& d, const aid_item& it, const record_filter& f) {
  if (f.year && it.date.year() != *f.year) return false;
  if (f.from && it.date.last_day() < f.from->first_day()) return false;
  if (f.to && it.date.first_day() > f.to->last_day()) return false;
  for (const condition& c : f.where) {
    const std::string v = reference_key(d, it, c.on);
    bool any = false;
    for (const std::string& want : c.values) any = any || reference_matches(d, c.on, v, want);
    if (!any) return false;
  }
  return true;
}

std::map<std::vector<std::string>, reference_group> reference_totals(
    const dataset& d, const std::vector<dimension>& by, const record_filter& f = {}) {
  std::map<std::vector<std::string>, reference_group> out;
  for (std::size_t i = 0; i < d.item_count(); ++i) {
    const aid_item it = d.item(i);
    if (!reference_passes(d, it, f)) continue;
    std::vector<std::string> key;
    for (const auto& dim : by) key.push_back(reference_key(d, it, dim));
    reference_group& g = out[key];
    ++g.records;
    if (it.amount) {
      ++g.amount_records;
      g.approx += it.amount->is_exact() ? 0 : 1;
      g.amount_lo += it.amount->min().fen();
      g.amount_hi += it.amount->max().fen();
    }
    if (it.quantity) {
      ++g.quantity_records;
      g.quantity_lo += it.quantity->min().value();
      g.quantity_hi += it.quantity->max().value();
      g.measures.insert(*it.measure);
    }
    if (!it.beneficiary.empty())
      g.people[it.beneficiary] = d.beneficiary_at(*d.find_beneficiary(it.beneficiary)).headcount;
  }
  return out;
}

// Checks totals `t` of d's items, grouped `by` and filtered by f, against the
// reference loop over d.
void check_totals_against_reference(const totals& t, const dataset& d,
                                    const std::vector<dimension>& by, const record_filter& f) {
  const auto ref = reference_totals(d, by, f);
  REQUIRE(t.groups.size() == ref.size());
  std::int64_t all_records = 0;
  for (const auto& g : t.groups) {
    INFO("group " << (g.key.empty() ? "" : g.key[0]));
    const auto it = ref.find(g.key);
    REQUIRE(it != ref.end());
    const reference_group& r = it->second;
    CHECK(g.figures.records == r.records);
    CHECK(g.figures.amount_records == r.amount_records);
    CHECK(g.figures.approximate_records == r.approx);
    CHECK(g.figures.amount.min().fen() == r.amount_lo);
    CHECK(g.figures.amount.max().fen() == r.amount_hi);
    CHECK(g.figures.quantity_records == r.quantity_records);
    CHECK(g.figures.quantity.min().value() == r.quantity_lo);
    CHECK(g.figures.quantity.max().value() == r.quantity_hi);
    CHECK(g.figures.mixed_measures == (r.measures.size() > 1));
    if (r.measures.size() == 1) {
      REQUIRE(g.figures.quantity_measure);
      CHECK(*g.figures.quantity_measure == *r.measures.begin());
    } else {
      CHECK_FALSE(g.figures.quantity_measure);
    }
    std::int64_t people = 0;
    for (const auto& [id, n] : r.people) people += n;
    CHECK(g.figures.headcount() == people);
    CHECK(g.figures.beneficiaries.size() == r.people.size());
    all_records += g.figures.records;
  }
  std::int64_t kept = 0;
  for (std::size_t i = 0; i < d.item_count(); ++i) kept += reference_passes(d, d.item(i), f);
  CHECK(all_records == kept);
  CHECK(t.grand.records == all_records);
  for (std::size_t i = 1; i < t.groups.size(); ++i)
    CHECK(detail::key_less(t.by, t.groups[i - 1].key, t.groups[i].key));
}

void check_against_reference(const dataset& d, const std::vector<dimension>& by,
                             unsigned threads = 1, const record_filter& f = {}) {
  totals_query q;
  q.by = by;
  q.threads = threads;
  q.filter = f;
  check_totals_against_reference(compute_totals(d, q), d, by, f);
}

// An item of 2023 in category "other", from the city to the firm, with no figures.
aid_item item_of_2023() {
  aid_item it;
  it.date = date(2023);
  it.category = "other";
  it.provider = "city";
  it.recipient = "firm";
  return it;
}

dataset random_records(std::uint64_t seed, std::size_t n, bool giants = false,
                       bool stated = false) {
  dataset d;
  add_units(d);
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < n; ++i) d.add_item(random_item(rng, giants, stated));
  return d;
}

}  // namespace

TEST_CASE("totals agree with a plain reference loop for every dimension", "[totals]") {
  const dataset d = random_records(42, 3000);
  for (const char* name :
       {"category", "category_parent", "year", "quarter", "month", "provider", "recipient",
        "unit_kind", "direction", "beneficiary_kind", "form", "measure", "region", "provider@0",
        "provider@1", "recipient@0", "recipient@2"}) {
    INFO("by " << name);
    check_against_reference(d, {dimension::parse(name)});
  }
  check_against_reference(d, {});
  check_against_reference(d, {dimension::parse("year"), dimension::parse("category"),
                              dimension::parse("provider@1"), dimension::parse("measure")});
  // Five unit dimensions: a key space beyond the direct array, through the hash map.
  check_against_reference(d, {dimension::parse("provider"), dimension::parse("recipient"),
                              dimension::parse("provider@1"), dimension::parse("recipient@1"),
                              dimension::parse("month"), dimension::parse("form")});
}

TEST_CASE("filtered totals agree with the reference loop", "[totals]") {
  const dataset d = random_records(43, 40'000);
  const auto where = [](std::initializer_list<const char*> conditions, std::optional<int> year) {
    record_filter f;
    for (const char* c : conditions) f.where.push_back(condition::parse(c));
    f.year = year;
    return f;
  };
  const record_filter filters[] = {
      where({}, 2022),  // the year alone: the scan's one-comparison path
      where({"category=education"}, std::nullopt),
      where({"category=condolence,medical"}, 2023),
      where({"provider=police"}, std::nullopt),  // the police and its two branches
      where({"recipient=garrison", "form=cash,in_kind"}, std::nullopt),
      where({"direction=support_military"}, 2021),
      where({"form="}, std::nullopt),  // records that state no form
      where({"beneficiary_kind=active_member,veteran", "provider@1=police"}, std::nullopt),
      where({"measure=person", "month=2022-03,2023-11"}, std::nullopt),
      where({"region=west"}, 2023),
  };
  for (const record_filter& f : filters) {
    for (unsigned threads : {1u, 2u}) {
      INFO("filter " << f.where.size() << " condition(s), year " << f.year.value_or(0) << ", "
                     << threads << " threads");
      check_against_reference(d, {dimension::parse("category")}, threads, f);
      check_against_reference(d, {dimension::parse("provider"), dimension::parse("year")}, threads,
                              f);
      check_against_reference(d, {dimension::parse("recipient@0"), dimension::parse("form")},
                              threads, f);
      check_against_reference(d, {}, threads, f);
    }
  }
}

TEST_CASE("totals streamed from a CSV directory agree with the reference loop",
          "[totals][totals_at]") {
  // Written out as CSV (amounts in report notation where approximate, some near 2^52
  // fen), then read back a block at a time: several blocks, on two threads.
  const dataset d = random_records(44, 36'000, true);
  const test::temp_dir dir;
  export_csv(d, dir.path());
  REQUIRE(std::filesystem::file_size(dir.path() / "items.csv") > (std::size_t{2} << 20));
  record_filter in_2022, cash, range;
  in_2022.year = 2022;
  cash.where.push_back(condition::parse("form=cash,in_kind"));
  range.from = date(2021), range.to = date(2022);
  for (const char* key : {"", "category", "category_parent", "form", "direction"}) {
    // Every filter with the category key; the other keys unfiltered.
    const std::vector<record_filter> filters =
        std::string(key) == "category" ? std::vector{record_filter{}, in_2022, cash, range}
                                       : std::vector{record_filter{}};
    for (const record_filter& f : filters) {
      INFO("by '" << key << "', " << f.where.size() << " condition(s)");
      std::vector<dimension> by;
      if (*key) by.push_back(dimension::parse(key));
      const totals_query q{by, f, 2};
      REQUIRE(streams_from_csv(q));
      const std::optional<totals> streamed = detail::stream_totals(dir.path(), q, nullptr);
      REQUIRE(streamed);  // read as a stream, not loaded whole
      check_totals_against_reference(*streamed, d, by, f);
    }
  }
}

TEST_CASE("the threaded scan agrees with the reference loop", "[totals]") {
  // Large enough that the rows are split between threads (16384 rows or more each).
  const dataset d = random_records(99, 50'000);
  for (unsigned threads : {1u, 2u, 3u}) {
    INFO(threads << " threads");
    check_against_reference(d, {dimension::parse("category")}, threads);
    check_against_reference(d, {dimension::parse("provider"), dimension::parse("month")}, threads);
    check_against_reference(d,
                            {dimension::parse("provider"), dimension::parse("recipient"),
                             dimension::parse("provider@1"), dimension::parse("recipient@1"),
                             dimension::parse("month"), dimension::parse("form")},
                            threads);
  }
  // Amounts large enough that the scan switches to checked sums midway.
  const dataset big = random_records(7, 50'000, true);
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads, giant amounts");
    for (const char* name : {"category", "provider", "month"})
      check_against_reference(big, {dimension::parse(name)}, threads);
    check_against_reference(big, {dimension::parse("category"), dimension::parse("year")}, threads);
  }
  // Every amount stated: most batches are added packed, the giant ones are not.
  for (bool giants : {false, true}) {
    const dataset stated = random_records(8, 50'000, giants, true);
    for (unsigned threads : {1u, 2u}) {
      INFO(threads << " threads, every amount stated, giants " << giants);
      for (const char* name : {"category", "form", "provider", "year"})
        check_against_reference(stated, {dimension::parse(name)}, threads);
      check_against_reference(stated, {dimension::parse("category"), dimension::parse("year")},
                              threads);
    }
  }
  // The direct keys (category or provider, optionally by year) and the generic ones.
  for (unsigned threads : {1u, 2u}) {
    INFO(threads << " threads");
    check_against_reference(d, {dimension::parse("provider")}, threads);
    check_against_reference(d, {dimension::parse("category"), dimension::parse("year")}, threads);
    check_against_reference(d, {dimension::parse("provider"), dimension::parse("year")}, threads);
    check_against_reference(d, {dimension::parse("year"), dimension::parse("category")}, threads);
  }
  // A year filter (its own fast path) gives the year's row of a by-year grouping.
  for (unsigned threads : {1u, 2u}) {
    totals_query by_year;
    by_year.by = {dimension::parse("year"), dimension::parse("category")};
    by_year.threads = threads;
    const totals all = compute_totals(d, by_year);
    totals_query one;
    one.by = {dimension::parse("category")};
    one.filter.year = 2022;
    one.threads = threads;
    const totals y2022 = compute_totals(d, one);
    std::size_t matched = 0;
    for (const auto& g : all.groups) {
      if (g.key[0] != "2022") continue;
      for (const auto& h : y2022.groups) {
        if (h.key[0] != g.key[1]) continue;
        ++matched;
        CHECK(h.figures.records == g.figures.records);
        CHECK(h.figures.amount == g.figures.amount);
        CHECK(h.figures.quantity == g.figures.quantity);
        CHECK(h.figures.beneficiaries == g.figures.beneficiaries);
      }
    }
    CHECK(matched == y2022.groups.size());
    CHECK(matched == 5);
  }
  // Filters, and rows that cannot be placed, are found in every thread's share.
  totals_query q;
  q.threads = 2;
  q.filter.through = month_day::parse("06-15");
  CHECK_THROWS_WITH(compute_totals(d, q), Catch::Contains("year-to-date cut at 06-15"));
}

TEST_CASE("totals of parts merge into the totals of the whole", "[totals]") {
  const dataset whole = random_records(7, 2000);
  dataset first, second;
  add_units(first);
  add_units(second);
  for (std::size_t i = 0; i < whole.item_count(); ++i)
    (i % 3 ? first : second).add_item(whole.item(i));
  const totals_query q{{dimension::parse("category"), dimension::parse("year")}, {}};
  totals merged = compute_totals(first, q);
  merged.merge(compute_totals(second, q));
  const totals expected = compute_totals(whole, q);
  REQUIRE(merged.groups.size() == expected.groups.size());
  for (std::size_t i = 0; i < merged.groups.size(); ++i) {
    CHECK(merged.groups[i].key == expected.groups[i].key);
    CHECK(merged.groups[i].figures.amount == expected.groups[i].figures.amount);
    CHECK(merged.groups[i].figures.records == expected.groups[i].figures.records);
    CHECK(merged.groups[i].figures.approximate_records ==
          expected.groups[i].figures.approximate_records);
    CHECK(merged.groups[i].figures.beneficiaries == expected.groups[i].figures.beneficiaries);
    CHECK(merged.groups[i].figures.quantity == expected.groups[i].figures.quantity);
  }
  CHECK(merged.grand.headcount() == expected.grand.headcount());
  CHECK(merged.grand.amount == expected.grand.amount);
  CHECK_THROWS_AS(merged.merge(compute_totals(whole, totals_query{})), query_error);
}

TEST_CASE("merging the totals of random shards equals the totals of the union, field by field",
          "[totals][merge]") {
  // Quantities of three measures are spread over the groups, so that some groups and
  // the grand total mix measures in one shard and not in another.
  std::mt19937_64 rng(2026);
  const std::vector<std::vector<std::string>> queries = {
      {}, {"category"}, {"category", "year"}, {"measure"}, {"provider@1", "form"}, {"provider"}};
  for (int round = 0; round < 20; ++round) {
    const dataset whole = random_records(100 + static_cast<std::uint64_t>(round), 600);
    const std::size_t shards = 2 + rng() % 4;
    std::vector<dataset> parts(shards);
    for (dataset& p : parts) add_units(p);
    for (std::size_t i = 0; i < whole.item_count(); ++i)
      parts[rng() % shards].add_item(whole.item(i));
    for (const auto& names : queries) {
      totals_query q;
      for (const auto& n : names) q.by.push_back(dimension::parse(n));
      INFO("round " << round << ", " << shards << " shards, by " << names.size() << " keys");
      totals merged = compute_totals(parts[0], q);
      for (std::size_t s = 1; s < shards; ++s) merged.merge(compute_totals(parts[s], q));
      const totals expected = compute_totals(whole, q);
      CHECK(merged.grand == expected.grand);
      REQUIRE(merged.groups.size() == expected.groups.size());
      for (std::size_t i = 0; i < merged.groups.size(); ++i)
        CHECK(merged.groups[i] == expected.groups[i]);
      CHECK(merged == expected);
    }
  }
}

TEST_CASE("merging quantities of different measures leaves no measure", "[totals][merge]") {
  // By hand: persons in one part, sessions in the other: the union mixes measures,
  // so it has no single measure (totals.hpp), whichever part comes first.
  aggregate persons, sessions, none;
  persons.quantity_records = 1;
  persons.quantity = count_interval::exact(count{3});
  persons.quantity_measure = measure::person;
  sessions.quantity_records = 2;
  sessions.quantity = count_interval::exact(count{5});
  sessions.quantity_measure = measure::session;
  for (auto [a, b] : {std::pair{persons, sessions}, std::pair{sessions, persons}}) {
    aggregate m = a;
    m.merge(b);
    CHECK(m.mixed_measures);
    CHECK_FALSE(m.quantity_measure);
    CHECK(m.quantity_records == 3);
    CHECK_FALSE(m.has_quantity());
    m.merge(persons);  // a mixed aggregate stays mixed, with no measure
    CHECK(m.mixed_measures);
    CHECK_FALSE(m.quantity_measure);
  }
  aggregate m = none;
  m.merge(persons);
  CHECK(m.quantity_measure == measure::person);
  CHECK_FALSE(m.mixed_measures);
  m.merge(persons);
  CHECK(m.quantity_measure == measure::person);
  CHECK_FALSE(m.mixed_measures);
}

namespace {
// A hand-made dataset whose totals are easy to work out.
dataset hand_dataset() {
  dataset d;
  add_units(d);
  test::add_record(d, "2023", "condolence", "city", "garrison", "", "319万元", "");
  test::add_record(d, "2023-07", "condolence", "branch1", "73051", "needy", "1100余万元", "");
  test::add_record(d, "2023-07-29", "medical", "hospital", "96164", "needy", "7万余元",
                   "200余人次");
  test::add_record(d, "2023-12-31", "medical", "hospital", "", "kids", "", "14场");
  test::add_record(d, "2022-03", "education", "branch2", "", "kids", "78.8万元", "94人");
  test::add_record(d, "2022", "legal_aid", "73051", "city", "", "数十万元", "百余件");
  return d;
}
std::vector<std::string> keys_of(const totals& t) {
  std::vector<std::string> out;
  for (const auto& g : t.groups) {
    std::string k;
    for (const auto& s : g.key) k += (k.empty() ? "" : "|") + s;
    out.push_back(k);
  }
  return out;
}
totals run(const dataset& d, std::vector<const char*> by, record_filter f = {}) {
  totals_query q;
  for (const char* b : by) q.by.push_back(dimension::parse(b));
  q.filter = std::move(f);
  return compute_totals(d, q);
}
}  // namespace

TEST_CASE("hand-computed totals by category", "[totals]") {
  const totals t = run(hand_dataset(), {"category"});
  CHECK(keys_of(t) == std::vector<std::string>{"condolence", "education", "legal_aid", "medical"});
  const aggregate& condolence = t.groups[0].figures;
  CHECK(condolence.records == 2);
  CHECK(condolence.amount.min() == money::from_yuan(14'190'000));
  CHECK(condolence.amount.max() == money::from_yuan(15'190'000));
  CHECK(condolence.approximate_records == 1);
  CHECK(condolence.headcount() == 27);
  const aggregate& medical = t.groups[3].figures;
  CHECK(medical.amount_records == 1);
  CHECK(medical.mixed_measures);  // 人次 and 场 never add up
  CHECK_FALSE(medical.has_quantity());
  CHECK(medical.headcount() == 27 + 94);
  CHECK(t.grand.records == 6);
  CHECK(t.grand.headcount() == 27 + 94);  // distinct beneficiaries: needy and kids
  CHECK(t.grand.beneficiaries.size() == 2);
  CHECK(t.grand.approximate_records == 3);
  // Shares on midpoints: condolence is (1419万+1519万)/2 of the grand midpoint.
  const double grand_mid =
      (14'190'000.0 + 70'000 + 788'000 + 200'000 + 15'190'000.0 + 80'000 + 788'000 + 900'000) / 2;
  CHECK(*t.amount_share(t.groups[0]) == Approx(14'690'000.0 / grand_mid));
}

TEST_CASE("quantities add within one measure", "[totals]") {
  const totals t = run(hand_dataset(), {"measure"});
  CHECK(keys_of(t) == std::vector<std::string>{"", "case", "person", "person_time", "session"});
  CHECK(t.groups[3].figures.quantity == count_interval(count{200}, count{300}));
  CHECK(t.groups[3].figures.quantity_measure == measure::person_time);
  CHECK(t.groups[0].figures.quantity_records == 0);
}

TEST_CASE("time, unit tree and derived dimensions", "[totals]") {
  const dataset d = hand_dataset();
  CHECK(keys_of(run(d, {"year"})) == std::vector<std::string>{"2022", "2023"});
  CHECK(keys_of(run(d, {"quarter"})) ==
        std::vector<std::string>{"", "2022-Q1", "2023-Q3", "2023-Q4"});
  CHECK(keys_of(run(d, {"month"})) ==
        std::vector<std::string>{"", "2022-03", "2023-07", "2023-12"});
  CHECK(keys_of(run(d, {"provider@0"})) == std::vector<std::string>{"city", "garrison"});
  CHECK(keys_of(run(d, {"provider@1"})) ==
        std::vector<std::string>{"73051", "city", "hospital", "police"});
  CHECK(keys_of(run(d, {"recipient@0"})) == std::vector<std::string>{"", "city", "garrison"});
  CHECK(keys_of(run(d, {"direction"})) ==
        std::vector<std::string>{"support_civilians", "support_military"});
  CHECK(keys_of(run(d, {"unit_kind"})) ==
        std::vector<std::string>{"government", "hospital", "military_unit"});
  CHECK(keys_of(run(d, {"region"})) == std::vector<std::string>{"", "east", "west"});
  CHECK(keys_of(run(d, {"beneficiary_kind"})) ==
        std::vector<std::string>{"", "active_member", "member_child"});
  const totals police = run(d, {"provider@1"});
  CHECK(police.groups[3].labels[0] == "公安局");
  CHECK(police.groups[3].figures.records == 2);  // branch1 and branch2 roll up
}

TEST_CASE("filters: year, date range, conditions", "[totals]") {
  const dataset d = hand_dataset();
  record_filter f;
  f.year = 2022;
  CHECK(run(d, {}, f).grand.records == 2);

  f = {};
  f.from = date::parse("2022-01-01");
  f.to = date::parse("2022-12-31");
  CHECK(run(d, {}, f).grand.records == 2);
  f.to = date::parse("2023-06");  // the 2023 record covers days after June
  CHECK_THROWS_AS(run(d, {}, f), query_error);

  f = {};
  f.from = date::parse("2023-07-15");  // cuts through the 2023-07 record
  CHECK_THROWS_WITH(run(d, {}, f),
                    Catch::StartsWith("2 record(s)") && Catch::Contains("cuts through"));

  f = {};
  f.from = date::parse("2023-08");
  f.to = date::parse("2023-07");
  CHECK_THROWS_AS(run(d, {}, f), query_error);

  f = {};
  f.where.push_back(condition::parse("provider=police"));  // the whole subtree
  CHECK(run(d, {}, f).grand.records == 2);
  f.where.push_back(condition::parse("category=education,legal_aid"));
  CHECK(run(d, {}, f).grand.records == 1);

  f = {};
  f.where.push_back(condition::parse("direction=support_civilians"));
  CHECK(run(d, {}, f).grand.records == 1);
  f = {};
  f.where.push_back(condition::parse("recipient="));  // records without a recipient
  CHECK(run(d, {}, f).grand.records == 2);
  f = {};
  f.where.push_back(condition::parse("form=cash"));
  CHECK(run(d, {}, f).grand.records == 0);
}

TEST_CASE("filter values that can never match are errors", "[totals]") {
  const dataset d = hand_dataset();
  record_filter f;
  f.where.push_back(condition::parse("category=medicl"));
  CHECK_THROWS_WITH(run(d, {}, f), Catch::Contains("did you mean 'medical'"));
  f.where = {condition::parse("provider=nobody")};
  CHECK_THROWS_WITH(run(d, {}, f), Catch::Contains("no unit 'nobody'"));
  f.where = {condition::parse("form=gift")};
  CHECK_THROWS_WITH(run(d, {}, f), Catch::Contains("in_kind"));
  CHECK_THROWS_AS(condition::parse("category"), query_error);
}

TEST_CASE("sums that overflow are errors, not wrapped", "[totals]") {
  dataset d;
  add_units(d);
  aid_item it = item_of_2023();
  it.amount = money_interval::exact(money{std::numeric_limits<std::int64_t>::max() - 5});
  d.add_item(it);
  CHECK(run(d, {}).grand.amount.max().fen() == std::numeric_limits<std::int64_t>::max() - 5);
  d.add_item(it);
  CHECK_THROWS_AS(run(d, {}), overflow_error);
}

TEST_CASE("an overflow is found when sums held back in packed words are added in", "[totals]") {
  // Two full batches of small amounts are added packed and held there; then one amount
  // near 2^63, alone in the third batch, is added to the full sums, checked, and does
  // not overflow on its own. The sum of the two overflows only when the packed words
  // are flushed, which must notice.
  dataset d;
  add_units(d);
  aid_item it = item_of_2023();
  it.amount = money_interval::exact(money{std::int64_t{1} << 30});
  for (int i = 0; i < 2 * 2048; ++i) d.add_item(it);
  it.amount = money_interval::exact(money{std::numeric_limits<std::int64_t>::max() - (1 << 30)});
  d.add_item(it);
  CHECK_THROWS_AS(run(d, {"category"}), overflow_error);
  CHECK_THROWS_AS(run(d, {}), overflow_error);
}

TEST_CASE("packed sums are moved out before they could overflow their bits", "[totals]") {
  // Twenty batches of 2048 records, each with 2^32 fen and a quantity of 2^32: a
  // packed word holds sums below 2^44, which these pass after a few batches.
  dataset d;
  add_units(d);
  aid_item it = item_of_2023();
  const std::int64_t big = std::int64_t{1} << 32, n = 20 * 2048;
  it.amount = money_interval::exact(money{big});
  it.quantity = count_interval::exact(count{big});
  it.measure = measure::person;
  for (std::int64_t i = 0; i < n; ++i) d.add_item(it);
  for (const char* by : {"", "category"}) {
    totals_query q;
    if (*by) q.by = {dimension::parse(by)};
    q.threads = 1;  // all batches into the same packed words
    const totals t = compute_totals(d, q);
    const aggregate& g = t.grand;
    CHECK(g.records == n);
    CHECK(g.amount_records == n);
    CHECK(g.amount == money_interval::exact(money{n * big}));
    CHECK(g.quantity_records == n);
    CHECK(g.quantity == count_interval::exact(count{n * big}));
    CHECK(g.quantity_measure == measure::person);
  }
}

TEST_CASE("packed quantities are moved out before they could overflow their bits", "[totals]") {
  // 98,304 records, each with a quantity of 2^28 and no amount: the quantities of the
  // first 2^16 rows already pass the 2^44 a packed word holds, so a scan that packs
  // them many rows at a time must move them out on the way. Expected: n x 2^28.
  dataset d;
  add_units(d);
  aid_item it = item_of_2023();
  it.amount.reset();
  const std::int64_t q = std::int64_t{1} << 28, n = 3 * 32768;
  it.quantity = count_interval::exact(count{q});
  it.measure = measure::household;
  for (std::int64_t i = 0; i < n; ++i) d.add_item(it);
  for (const char* by : {"category", "provider"}) {
    totals_query tq;
    tq.by = {dimension::parse(by)};
    tq.threads = 1;
    const aggregate& g = compute_totals(d, tq).grand;
    CHECK(g.records == n);
    CHECK(g.quantity_records == n);
    CHECK(g.quantity == count_interval::exact(count{n * q}));
    CHECK(g.quantity_measure == measure::household);
  }
}

TEST_CASE("an empty dataset has one empty grand total", "[totals]") {
  const dataset d;
  const totals t = run(d, {"category"});
  CHECK(t.groups.empty());
  CHECK(t.grand.records == 0);
  CHECK(run(d, {}).groups.empty());
}

TEST_CASE("results compare with ==: the same query on 1 and 3 threads gives equal totals",
          "[totals]") {
  const dataset d = random_records(5, 60'000);
  totals_query q;
  q.by = {dimension::parse("provider"), dimension::parse("quarter")};
  q.threads = 1;
  const totals one = compute_totals(d, q);
  q.threads = 3;
  CHECK(compute_totals(d, q) == one);
  q.filter.year = 2022;
  CHECK_FALSE(compute_totals(d, q) == one);
}

TEST_CASE("a share is of the whole's midpoint, and a group without an amount has none") {
  aggregate whole, part, no_amount, none_whole;
  whole.amount_records = 2;
  whole.amount = parse_money("1100余万元");  // [1100, 1200] 万元: midpoint 1150 万元
  part.amount_records = 1;
  part.amount = parse_money("230万元");
  no_amount.records = 3;  // records, but none states an amount
  REQUIRE(amount_share(part, whole));
  CHECK(*amount_share(part, whole) == Approx(0.2));  // 230 / 1150, by hand
  CHECK_FALSE(amount_share(no_amount, whole));       // never 0%
  CHECK_FALSE(amount_share(part, none_whole));
  totals t;
  t.grand = whole;
  CHECK(t.amount_share(group_totals{{"x"}, {"x"}, part, suppression::none}) ==
        amount_share(part, whole));
}
