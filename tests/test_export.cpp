#include <catch2/catch.hpp>

#include "aidstat/archive.hpp"
#include "aidstat/export_csv.hpp"
#include "aidstat/load_csv.hpp"
#include "archive_fixture.hpp"
#include "test_support.hpp"

using namespace aidstat;

TEST_CASE("CSV export loads back to an identical dataset", "[export]") {
  test::temp_dir dir;
  // Notes with commas, quotes and newlines; approximate amounts and quantities; a
  // custom subcategory; commitments and stated totals.
  const dataset d = test::fixture_v1();
  export_csv(d, dir.path() / "out");
  const dataset back = load_dataset(dir.path() / "out");
  CHECK(back == d);
  CHECK(back.item(0).note == "春节, \"八一\"\n慰问");
  CHECK(back.item(3).amount == parse_money("近3万元"));

  const dataset demo = load_dataset(test::demo_dataset());
  export_csv(demo, dir.path() / "demo");
  CHECK(load_dataset(dir.path() / "demo") == demo);
}

TEST_CASE("an explicit direction survives the export", "[export]") {
  dataset d;
  d.add_unit(unit("a", "", unit_kind::other, side::civilian));
  d.add_unit(unit("b", "", unit_kind::other, side::civilian));
  aid_item it;
  it.date = date(2023);
  it.category = "other";
  it.provider = "a";
  it.recipient = "b";
  it.direction = direction::support_military;  // not derivable from the sides
  d.add_item(it);
  test::temp_dir dir;
  export_csv(d, dir.path());
  CHECK(load_dataset(dir.path()).item(0).direction == direction::support_military);
}
