// Transfers are counted once (docs/transfers.md): a city fund passes 10万 to district A, which
// gives it to unit 73051; the city also gives 5万 to 73051 itself; district B gives
// 2万 to 20 children. Every expected figure below was worked out by hand from those
// four records (tests/data/transfers).
#include <catch2/catch.hpp>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/pivot.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/trend.hpp"
#include "aidstat/yoy.hpp"
#include "archive_patch.hpp"
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"
#include "test_support.hpp"

using namespace aidstat;
using test::run_cli;

namespace {

const std::filesystem::path kData =
    std::filesystem::path(AIDSTAT_SOURCE_DIR) / "tests/data/transfers";
const std::string kDataArg = "'" + kData.string() + "'";

totals by(const dataset& d, std::vector<std::string> dims) {
  totals_query q;
  for (const auto& s : dims) q.by.push_back(dimension::parse(s));
  return compute_totals(d, q);
}

const group_totals& group(const totals& t, const std::string& key) {
  for (const auto& g : t.groups)
    if (g.key[0] == key) return g;
  FAIL("no group " << key);
  throw;
}

money_interval wan(std::int64_t n) { return money_interval::exact(money::from_yuan(n * 10000)); }

// By category every unit is the bound: the city's 10万 to district A is left out, and
// condolence counts the city's 5万 and district A's 10万 to 73051.
void check_condolence_leaves_out_the_transfer(const totals& cat) {
  CHECK(cat.holds_transfers);
  CHECK(group(cat, "condolence").figures.records == 2);
  CHECK(group(cat, "condolence").figures.amount == wan(15));
  CHECK(group(cat, "condolence").figures.transfers_excluded == 1);
}

}  // namespace

TEST_CASE("a transfer counts only where its recipient lies outside the group's units",
          "[transfers][totals]") {
  const dataset d = load_dataset(kData);
  REQUIRE(d.holds_transfers());

  // By category every unit is the bound: the transfer to district A is left out.
  const totals cat = by(d, {"category"});
  check_condolence_leaves_out_the_transfer(cat);
  CHECK(group(cat, "education").figures.transfers_excluded == 0);

  // By provider the bound is the one unit: district A is another unit, so it counts.
  const totals prov = by(d, {"provider"});
  CHECK(group(prov, "city").figures.records == 2);
  CHECK(group(prov, "city").figures.amount == wan(15));
  CHECK(group(prov, "city").figures.transfers_excluded == 0);
  CHECK(group(prov, "district_a").figures.amount == wan(10));

  // provider@0 rolls everything up to the city: the transfer stays inside it.
  const totals root = by(d, {"provider@0"});
  REQUIRE(root.groups.size() == 1);
  CHECK(root.groups[0].figures.records == 3);
  CHECK(root.groups[0].figures.amount == wan(17));
  CHECK(root.groups[0].figures.transfers_excluded == 1);

  // The grand total, whatever the keys, has every unit as its bound.
  const totals none = by(d, {});
  for (const totals* t : {&cat, &prov, &root, &none}) {
    CHECK(t->grand.records == 3);
    CHECK(t->grand.amount == wan(17));
    CHECK(t->grand.transfers_excluded == 1);
  }
}

TEST_CASE("a transfer added after a query counts in the next query", "[transfers][totals]") {
  const dataset loaded = load_dataset(kData);
  dataset d = loaded;
  d.clear_items();
  CHECK_FALSE(d.holds_transfers());
  std::size_t transfer_row = loaded.item_count();
  for (std::size_t i = 0; i < loaded.item_count(); ++i) {
    if (loaded.item(i).form == aid_form::transfer) {
      transfer_row = i;
      continue;
    }
    d.add_item(loaded.item(i));
  }
  REQUIRE(transfer_row < loaded.item_count());
  // Asked, and the answer kept, before the transfer is there.
  CHECK_FALSE(by(d, {"category"}).holds_transfers);
  CHECK(group(by(d, {"category"}), "condolence").figures.transfers_excluded == 0);
  const dataset before = d;
  d.add_item(loaded.item(transfer_row));
  CHECK(d.holds_transfers());
  const totals cat = by(d, {"category"});
  check_condolence_leaves_out_the_transfer(cat);
  // A copy keeps its own answer; a moved-to dataset takes the mover's.
  CHECK_FALSE(before.holds_transfers());
  const dataset moved = std::move(d);
  CHECK(moved.holds_transfers());
}

TEST_CASE("a group of transfers alone is shown, with nothing counted", "[transfers][totals]") {
  const totals t = by(load_dataset(kData), {"form"});
  REQUIRE(t.groups.size() == 2);
  CHECK(t.groups[1].key[0] == "transfer");
  CHECK(t.groups[1].figures.records == 0);
  CHECK(t.groups[1].figures.amount_records == 0);
  CHECK(t.groups[1].figures.transfers_excluded == 1);
}

TEST_CASE("the CLI writes transfers_excluded as the last column", "[transfers][cli]") {
  auto r = run_cli("totals " + kDataArg + " --by category --format csv");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "category,records,amount_min,amount_max,headcount,transfers_excluded\n"
        "condolence,2,150000.00,150000.00,0,1\n"
        "education,1,20000.00,20000.00,20,0\n");
  r = run_cli("totals " + kDataArg + " --by provider --format csv");
  CHECK(r.out ==
        "provider,records,amount_min,amount_max,headcount,transfers_excluded\n"
        "city,2,150000.00,150000.00,0,0\n"
        "district_a,1,100000.00,100000.00,0,0\n"
        "district_b,1,20000.00,20000.00,20,0\n");
  r = run_cli("totals " + kDataArg + " --by provider@0 --format csv");
  CHECK(r.out ==
        "provider@0,records,amount_min,amount_max,headcount,transfers_excluded\n"
        "city,3,170000.00,170000.00,20,1\n");
  r = run_cli("totals " + kDataArg + " --format csv");
  CHECK(r.out ==
        "records,amount_min,amount_max,headcount,transfers_excluded\n"
        "3,170000.00,170000.00,20,1\n");
  // The people formats say it too.
  r = run_cli("totals " + kDataArg + " --by category");
  CHECK_THAT(r.out, Catch::Contains("transfers excluded"));
  r = run_cli("totals " + kDataArg + " --by category --format json");
  CHECK_THAT(r.out, Catch::Contains("\"transfers_excluded\": 1"));

  // Without any transfer record the column is absent.
  test::temp_dir dir;
  dir.write("items.csv",
            "date,category,provider,recipient,form,amount\n2023,condolence,a,b,cash,5\n");
  r = run_cli("totals '" + dir.path().string() + "' --format csv");
  CHECK(r.out == "records,amount_min,amount_max,headcount\n1,5.00,5.00,0\n");
}

TEST_CASE("yoy, trend and pivot follow the transfer rule", "[transfers][yoy][trend][pivot]") {
  const dataset d = load_dataset(kData);
  yoy_query yq;
  yq.base_year = 2022;
  yq.current_year = 2023;
  yq.by = {dimension::parse("provider")};
  const yoy_result y = compute_yoy(d, yq);
  CHECK(y.holds_transfers);
  REQUIRE(y.groups.size() == 3);
  CHECK(y.groups[0].current.amount == wan(15));  // city: the transfer counts
  CHECK(y.current_total.amount == wan(17));      // the year's total: it does not
  CHECK(y.current_total.transfers_excluded == 1);

  trend_query tq;
  tq.from_year = 2022;
  tq.to_year = 2023;
  tq.by = {dimension::parse("provider")};
  const trend_result t = compute_trend(d, tq);
  CHECK(t.groups[0].years[1].amount == wan(15));
  CHECK(t.total.years[1].amount == wan(17));
  tq.by = {dimension::parse("category")};
  CHECK(compute_trend(d, tq).groups[0].years[1].transfers_excluded == 1);

  pivot_query pq;
  pq.rows = dimension::parse("provider@0");
  pq.cols = dimension::parse("category");
  const pivot_result p = compute_pivot(d, pq);
  CHECK(p.holds_transfers);
  CHECK(p.row_totals[0].amount == wan(17));
  CHECK(p.col_totals[0].amount == wan(15));
  CHECK(p.grand.transfers_excluded == 1);

  auto r = run_cli("yoy " + kDataArg + " --base 2022 --year 2023 --by category --format csv");
  CHECK(r.out ==
        "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,"
        "status,transfers_excluded\n"
        "condolence,0.00,0.00,150000.00,150000.00,150000.00,150000.00,,new,1\n"
        "education,0.00,0.00,20000.00,20000.00,20000.00,20000.00,,new,0\n");
  r = run_cli("pivot " + kDataArg + " --rows category --cols year --measure records --format csv");
  CHECK(r.out ==
        "category,2023,total,transfers_excluded\n"
        "condolence,2,2,1\n"
        "education,1,1,0\n"
        "total,3,3,1\n");
}

TEST_CASE("totals with transfers merge exactly", "[transfers][merge]") {
  const dataset whole = load_dataset(kData);
  dataset first(whole.categories()), second(whole.categories());
  for (dataset* part : {&first, &second}) {
    for (std::size_t u = 0; u < whole.unit_count(); ++u)
      part->add_unit(whole.unit_at(static_cast<std::uint32_t>(u)));
    for (std::size_t b = 0; b < whole.beneficiary_count(); ++b)
      part->add_beneficiary(whole.beneficiary_at(static_cast<std::uint32_t>(b)));
  }
  for (std::size_t i = 0; i < whole.item_count(); ++i)
    (i % 2 ? second : first).add_item(whole.item(i));
  for (const char* dim : {"category", "provider", "provider@0"}) {
    totals merged = by(first, {dim});
    merged.merge(by(second, {dim}));
    CHECK(merged == by(whole, {dim}));
  }
}

TEST_CASE("a transfer without a recipient is a validation error with its position",
          "[transfers][load_csv]") {
  dataset_texts t;
  t.items = {"items.csv",
             "date,category,provider,recipient,form,amount\n"
             "2023,condolence,city,a,cash,1\n"
             "2023,condolence,city,,transfer,5万元\n"};
  try {
    read_dataset(t);
    FAIL("a transfer without a recipient loaded");
  } catch (const validation_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("items.csv:3:4: a transfer must name the recipient unit"));
  }
  // The fast reader declines it, so that the checking reader names it.
  dataset fast;
  CHECK_FALSE(detail::read_items_fast(detail::view_of(t.items), fast, 1, nullptr));

  dataset d;
  d.add_unit(unit{"city", "city", unit_kind::government, side::civilian, "", ""});
  aid_item it;
  it.date = date(2023);
  it.category = "condolence";
  it.provider = "city";
  it.form = aid_form::transfer;
  CHECK_THROWS_WITH(d.add_item(it), Catch::Contains("a transfer must name the recipient"));
}

TEST_CASE("transfer records survive every archive format", "[transfers][archive]") {
  const dataset d = load_dataset(kData);
  test::temp_dir dir;
  for (const auto kind : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(d, dir.path() / "a", kind);
    const dataset back = load_archive(dir.path() / "a");
    CHECK(back == d);
    CHECK(by(back, {"category"}) == by(d, {"category"}));
  }
  // A query loading only the columns it needs still sees the transfers.
  totals_query q;
  q.by = {dimension::parse("category")};
  const dataset part = load_archive(dir.path() / "a", fields_for(q));
  CHECK(compute_totals(part, q) == compute_totals(d, q));
}

TEST_CASE("an archive holding a transfer without a recipient is refused", "[transfers][archive]") {
  // One cash record naming no recipient, its form then made a transfer by a hostile
  // writer who also fixes the section's checksum.
  dataset d;
  d.add_unit(unit{"city", "city", unit_kind::government, side::civilian});
  aid_item it;
  it.date = date(2023);
  it.category = "condolence";
  it.provider = "city";
  it.form = aid_form::cash;
  d.add_item(it);
  test::temp_dir dir;
  save_archive(d, dir.path() / "a", archive_format::binary);
  std::ifstream in(dir.path() / "a", std::ios::binary);
  std::string data(std::istreambuf_iterator<char>(in), {});
  const auto form = test::find_section(data, "form");
  char& code = data[form.payload + form.length - 1];  // the last record's form
  REQUIRE(code == 1);                                 // the code of cash
  code = 6;                                           // the code of transfer
  test::fix_checksum(data, "form");
  std::ofstream(dir.path() / "h", std::ios::binary) << data;
  CHECK_THROWS_WITH(load_archive(dir.path() / "h"),
                    Catch::Contains("a transfer names no recipient"));
}
