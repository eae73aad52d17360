#include <catch2/catch.hpp>

#include "aidstat/item_fields.hpp"
#include "aidstat/pivot.hpp"
#include "aidstat/progress.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/trend.hpp"
#include "aidstat/yoy.hpp"

using namespace aidstat;

TEST_CASE("item field sets combine and name their groups", "[item_fields]") {
  const item_fields f = item_fields::dates | item_fields::units;
  CHECK(contains(f, item_fields::dates));
  CHECK_FALSE(contains(f, item_fields::dates | item_fields::notes));
  CHECK(contains(item_fields::all, f));
  CHECK((f & item_fields::units) == item_fields::units);
  CHECK(names_of(f) == "dates, units");
  CHECK(names_of(item_fields::none) == "none");
}

TEST_CASE("every query says which item columns it reads", "[item_fields]") {
  // Every query reads the figures: amounts, quantities and beneficiaries, and the
  // forms, since transfer records follow their own rule.
  const item_fields figures = item_fields::amounts | item_fields::quantities |
                              item_fields::beneficiaries | item_fields::form;
  totals_query t;
  t.by = {dimension::parse("category")};
  CHECK(fields_for(t) == (figures | item_fields::category));

  yoy_query y;
  y.by = {dimension::parse("form")};
  CHECK(fields_for(y) == (figures | item_fields::form | item_fields::dates));  // the year

  trend_query tr;
  tr.by = {dimension::parse("provider@1")};
  CHECK(fields_for(tr) == (figures | item_fields::units | item_fields::dates));

  pivot_query p;
  p.rows = dimension::parse("direction");
  p.cols = dimension::parse("measure");
  p.filter.where.push_back(condition::parse("category=education"));
  CHECK(fields_for(p) == (figures | item_fields::direction | item_fields::category));

  // Commitments' recorded amounts: by year, owner (a provider) and category.
  CHECK(fields_for(progress_query{}) ==
        (figures | item_fields::dates | item_fields::units | item_fields::category));
}
