#include <catch2/catch.hpp>

#include "aidstat/error.hpp"
#include "aidstat/taxonomy.hpp"

using namespace aidstat;

TEST_CASE("the standard taxonomy holds the sample report's thirteen categories", "[taxonomy]") {
  const taxonomy t = taxonomy::standard();
  REQUIRE(t.size() == 13);
  for (const char* key : {"condolence", "pension_subsidy", "charity_relief", "education", "medical",
                          "skills_training", "infrastructure", "culture", "legal_aid", "publicity",
                          "defense_education", "employment", "other"}) {
    INFO(key);
    const auto i = t.find(key);
    REQUIRE(i);
    CHECK(t.at(*i).key == key);
    CHECK(t.parent_of(*i) == *i);  // all top-level
  }
  CHECK(t.at(*t.find("condolence")).name_zh == "慰问");
  CHECK_FALSE(t.find("Condolence"));
}

TEST_CASE("categories name parents that come first, once each", "[taxonomy]") {
  taxonomy t;
  const auto welfare = t.add({"welfare", "优待", "Welfare", ""});
  const auto health = t.add({"health", "医疗", "Health", "welfare"});
  CHECK(t.parent_of(health) == welfare);
  CHECK_THROWS_AS(t.add({"health", "", "", ""}), data_error);
  CHECK_THROWS_AS(t.add({"x", "", "", "nowhere"}), data_error);
  CHECK_THROWS_AS(t.add({"", "", "", ""}), data_error);
  CHECK(t.size() == 2);
}

TEST_CASE("an unknown key gets the nearest known one as a hint", "[taxonomy]") {
  const taxonomy t = taxonomy::standard();
  CHECK(t.closest_key("educaton") == "education");
  CHECK(t.closest_key("慰问") == "condolence");  // by Chinese name
  CHECK_FALSE(t.closest_key("zzzzzzzzzzzz"));
  CHECK(t.did_you_mean("educaton") == "; did you mean 'education'?");
  CHECK(t.did_you_mean("zzzzzzzzzzzz", "; see categories.csv") == "; see categories.csv");
  CHECK(t.did_you_mean("zzzzzzzzzzzz").empty());
}
