#include <catch2/catch.hpp>

#include "aidstat/error.hpp"
#include "aidstat/query.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_at.hpp"

using namespace aidstat;

TEST_CASE("dimension names of docs/cli.md parse and print back", "[query]") {
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

TEST_CASE("dimension kinds keep their numbers: partial sums write them as bytes") {
  // Pinned by hand: reordering the enum would misread every partial written before.
  const std::vector<std::pair<std::string, int>> pinned = {
      {"category", 0},  {"category_parent", 1},  {"year", 2},        {"quarter", 3},
      {"month", 4},     {"provider", 5},         {"recipient", 6},   {"unit_kind", 7},
      {"direction", 8}, {"beneficiary_kind", 9}, {"form", 10},       {"measure", 11},
      {"region", 12},   {"provider@N", 13},      {"recipient@N", 14}};
  REQUIRE(dimension_table.size() == pinned.size());
  for (const auto& [key, number] : pinned) {
    const auto kind = parse_enum<dimension_kind>(key);
    REQUIRE(kind);
    CHECK(static_cast<int>(*kind) == number);
    CHECK(info_of(*kind).key == key);
  }
}

TEST_CASE("the dimension table says which keys stream and which bound transfers") {
  std::vector<std::string> streamed, bounding;
  for (const dimension_info& row : dimension_table) {
    if (row.streams_from_csv) streamed.emplace_back(row.key);
    if (row.bounds_transfers) bounding.emplace_back(row.key);
  }
  // Every key but the unit keys, which stream only beside units.csv.
  CHECK(streamed == std::vector<std::string>{"category", "category_parent", "year", "quarter",
                                             "month", "direction", "beneficiary_kind", "form",
                                             "measure"});
  CHECK(bounding == std::vector<std::string>{"provider", "provider@N"});
  totals_query q;
  q.by = {dimension::parse("category"), dimension::parse("month")};
  CHECK(streams_from_csv(q));
  q.filter.where.push_back(condition::parse("region=东区"));
  CHECK_FALSE(streams_from_csv(q));
}

TEST_CASE("the finest provider key bounds transfers") {
  const auto by = [](std::initializer_list<const char*> names) {
    std::vector<dimension> out;
    for (const char* n : names) out.push_back(dimension::parse(n));
    return out;
  };
  CHECK(transfer_boundary(by({"category", "year"})) == -1);
  CHECK(transfer_boundary(by({"recipient", "recipient@0"})) == -1);
  CHECK(transfer_boundary(by({"provider@0", "provider@2", "provider@1"})) == 1);
  CHECK(transfer_boundary(by({"provider@3", "category", "provider"})) == 2);
  CHECK(transfer_boundary(by({"provider@1", "provider@1"})) == 0);
  CHECK(transfer_fineness(dimension::parse("provider@4")) == 4);
  CHECK(transfer_fineness(dimension::parse("unit_kind")) == -1);
  CHECK(bounds_transfers(by({"year", "provider@0"})));
}
