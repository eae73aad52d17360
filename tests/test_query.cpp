#include <catch2/catch.hpp>

#include "aidstat/error.hpp"
#include "aidstat/query.hpp"

using namespace aidstat;

TEST_CASE("dimension names of SPEC 7 parse and print back", "[query]") {
  for (const char* name : {"category", "category_parent", "year", "quarter", "month", "provider",
                           "recipient", "unit_kind", "direction", "beneficiary_kind", "form",
                           "measure", "region", "provider@0", "provider@2", "recipient@1"}) {
    CHECK(dimension::parse(name).name() == name);
  }
  CHECK(dimension::parse("provider@2").kind == dimension_kind::provider_at);
  CHECK(dimension::parse("provider@2").depth == 2);
}

TEST_CASE("unknown dimensions name the valid ones", "[query]") {
  CHECK_THROWS_WITH(dimension::parse("catgory"), Catch::Contains("'catgory' is not a dimension") &&
                                                     Catch::Contains("category_parent"));
  for (const char* bad : {"provider@", "provider@x", "provider@-1", "unit@1", "", "Year"}) {
    INFO(bad);
    CHECK_THROWS_AS(dimension::parse(bad), query_error);
  }
}

TEST_CASE("conditions read DIM=VALUE[,VALUE...]", "[query]") {
  const condition c = condition::parse("category=education,medical");
  CHECK(c.on.kind == dimension_kind::category);
  CHECK(c.values == std::vector<std::string>{"education", "medical"});
  CHECK(condition::parse("recipient=").values == std::vector<std::string>{""});
  CHECK_THROWS_AS(condition::parse("education"), query_error);
  CHECK_THROWS_AS(condition::parse("nodim=1"), query_error);
}
