#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/dataset.hpp"
#include "aidstat/error.hpp"
#include "model/item_columns.hpp"

using namespace aidstat;

namespace {
dataset small_dataset() {
  dataset d;
  d.add_unit(unit("city", "xx市", unit_kind::government, side::civilian));
  d.add_unit(unit("police", "市公安局", unit_kind::government, side::civilian, "city"));
  d.add_unit(unit("branch1", "一分局", unit_kind::government, side::civilian, "police"));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military));
  d.add_beneficiary(beneficiary("needy", beneficiary_kind::active_member, "73051", 27));
  return d;
}
aid_item gift(const char* provider, const char* recipient, const char* amount) {
  aid_item it;
  it.date = date(2023, 7, 29);
  it.category = "condolence";
  it.provider = provider;
  it.recipient = recipient;
  if (*amount) it.amount = parse_money(amount);
  return it;
}
}  // namespace

TEST_CASE("a dataset is built in code and gives its items back", "[dataset]") {
  dataset d = small_dataset();
  aid_item it = gift("city", "73051", "1100余万元");
  it.form = aid_form::cash;
  it.note = "春节慰问, \"quoted\"";
  d.add_item(it);
  aid_item q = gift("branch1", "", "");
  q.beneficiary = "needy";
  q.quantity = parse_quantity("3000余人次").value;
  q.measure = measure::person_time;
  d.add_item(q);
  REQUIRE(d.item_count() == 2);

  const aid_item back = d.item(0);
  CHECK(back.date == date(2023, 7, 29));
  CHECK(back.category == "condolence");
  CHECK(back.provider == "city");
  CHECK(back.recipient == "73051");
  CHECK(back.form == aid_form::cash);
  CHECK(back.amount == parse_money("1100余万元"));
  CHECK(back.note == it.note);
  CHECK_FALSE(back.quantity.has_value());
  CHECK(back.direction == direction::support_military);  // civilian -> military, derived

  const aid_item second = d.item(1);
  CHECK(second.beneficiary == "needy");
  CHECK(second.quantity == parse_quantity("3000余人次").value);
  CHECK(second.measure == measure::person_time);
  CHECK(second.note.empty());
  CHECK_FALSE(second.amount.has_value());
  CHECK(second.direction == direction::support_military);  // from the beneficiary's kind
  CHECK_THROWS_AS(d.item(2), aidstat::error);
}

TEST_CASE("ids are interned to dense indexes and items stored column by column", "[dataset]") {
  dataset d = small_dataset();
  for (int i = 0; i < 100; ++i) d.add_item(gift("city", "73051", i % 10 ? "5万元" : "约5万元"));
  const auto& c = detail::columns_of(d);
  CHECK(c.size() == 100);
  CHECK(c.provider.size() == 100);
  CHECK(c.provider[7] == *d.find_unit("city"));
  CHECK(c.recipient[7] == *d.find_unit("73051"));
  CHECK(c.amount_min[3] == 5'000'000);
  // Approximate amounts live in a side table, not a second full column.
  CHECK(c.amount_approx.size() == 10);
  CHECK(c.amount_approx[1].row == 10);
  CHECK(c.amount_approx[1].max == 5'500'000);
  CHECK(c.amount_min[10] == 4'500'000);
}

TEST_CASE("the unit forest: parents, depths and ancestors", "[dataset]") {
  const dataset d = small_dataset();
  const auto branch = *d.find_unit("branch1");
  CHECK(d.unit_depth(branch) == 2);
  CHECK(d.unit_ancestor(branch, 0) == *d.find_unit("city"));
  CHECK(d.unit_ancestor(branch, 1) == *d.find_unit("police"));
  CHECK(d.unit_ancestor(branch, 5) == branch);
  CHECK_FALSE(d.unit_parent(*d.find_unit("city")));
}

TEST_CASE("bad entities are refused with a reason", "[dataset]") {
  dataset d = small_dataset();
  CHECK_THROWS_WITH(d.add_unit(unit("city", "", unit_kind::other, side::civilian)),
                    Catch::Contains("defined twice"));
  CHECK_THROWS_WITH(d.add_unit(unit("x", "", unit_kind::other, side::civilian, "nowhere")),
                    Catch::Contains("'nowhere'"));
  CHECK_THROWS_WITH(d.add_beneficiary(beneficiary("b", beneficiary_kind::veteran, "", 0)),
                    Catch::Contains("headcount 0"));
  CHECK_THROWS_WITH(d.add_item(gift("nobody", "73051", "")), Catch::Contains("'nobody'"));
  aid_item typo = gift("city", "73051", "");
  typo.category = "condolance";
  CHECK_THROWS_WITH(d.add_item(typo), Catch::Contains("did you mean 'condolence'"));
  aid_item no_measure = gift("city", "73051", "");
  no_measure.quantity = count_interval::exact(count{3});
  CHECK_THROWS_WITH(d.add_item(no_measure), Catch::Contains("needs a measure"));
  aid_item negative = gift("city", "73051", "");
  negative.amount = money_interval::exact(money{-1});
  CHECK_THROWS_WITH(d.add_item(negative), Catch::Contains("negative"));
  CHECK(d.item_count() == 0);  // nothing half-added
  CHECK(detail::columns_of(d).year.empty());
}

TEST_CASE("direction is derived from sides, or given", "[dataset]") {
  CHECK(derive_direction(side::civilian, side::military) == direction::support_military);
  CHECK(derive_direction(side::military, side::civilian) == direction::support_civilians);
  CHECK_FALSE(derive_direction(side::civilian, side::civilian).has_value());
  CHECK_FALSE(derive_direction(side::unknown, side::military).has_value());
  dataset d = small_dataset();
  d.add_item(gift("73051", "city", ""));
  CHECK(d.item(0).direction == direction::support_civilians);
  aid_item given = gift("city", "police", "");
  given.direction = direction::support_military;
  d.add_item(given);
  CHECK(d.item(1).direction == direction::support_military);
}
