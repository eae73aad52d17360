#include <catch2/catch.hpp>

#include "aidstat/enums.hpp"

using namespace aidstat;

TEST_CASE("measures accept English keys and Chinese measure words", "[enums]") {
  CHECK(parse_enum<measure>("person_time") == measure::person_time);
  CHECK(parse_enum<measure>("人次") == measure::person_time);
  for (const char* w : {"人", "名", "位", "person"})
    CHECK(parse_enum<measure>(w) == measure::person);
  CHECK(parse_enum<measure>("场") == measure::session);
  CHECK(parse_enum<measure>("份") == measure::copy);
  CHECK(parse_enum<measure>("件") == measure::case_);
  CHECK(parse_enum<measure>("篇") == measure::article);
  CHECK(parse_enum<measure>("部") == measure::program);
  CHECK(parse_enum<measure>("户") == measure::household);
  CHECK(parse_enum<measure>("个") == measure::item);
  CHECK(key_of(measure::case_) == "case");
  CHECK_FALSE(parse_enum<measure>("次").has_value());
}

TEST_CASE("every enum round-trips through its key", "[enums]") {
  for (const auto& e : enum_vocabulary<unit_kind>::entries)
    CHECK(parse_enum<unit_kind>(e.key) == e.value);
  for (const auto& e : enum_vocabulary<beneficiary_kind>::entries)
    CHECK(parse_enum<beneficiary_kind>(e.key) == e.value);
  for (const auto& e : enum_vocabulary<aid_form>::entries)
    CHECK(parse_enum<aid_form>(e.key) == e.value);
  CHECK_FALSE(parse_enum<side>("Military").has_value());  // keys are exact
  CHECK(detail::accepted_keys<direction>() == "support_military or support_civilians");
}
