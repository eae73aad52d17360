#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/output_format.hpp"
#include "aidstat/pivot.hpp"
#include "aidstat/progress.hpp"
#include "aidstat/query.hpp"
#include "aidstat/yoy.hpp"

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

namespace {
// Every entry of E's vocabulary reads back from its key, and the entries list each
// enumerator once, in the enum's order (so codes and keys agree).
template <class E>
void check_vocabulary() {
  const auto& entries = enum_vocabulary<E>::entries;
  INFO(enum_vocabulary<E>::what);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(static_cast<std::size_t>(entries[i].value) == i);
    CHECK(key_of(entries[i].value) == entries[i].key);
    CHECK_FALSE(entries[i].zh.empty());
    if (!entries[i].key.ends_with("@N")) CHECK(parse_key<E>(entries[i].key) == entries[i].value);
  }
  CHECK(keys_of<E>().size() == entries.size());
  CHECK_THROWS_AS(parse_key<E>("no such key"), query_error);
}
}  // namespace

TEST_CASE("every enum of the library has one vocabulary", "[enums]") {
  check_vocabulary<unit_kind>();
  check_vocabulary<side>();
  check_vocabulary<beneficiary_kind>();
  check_vocabulary<aid_form>();
  check_vocabulary<measure>();
  check_vocabulary<direction>();
  check_vocabulary<commitment_status>();
  check_vocabulary<dimension_kind>();
  check_vocabulary<yoy_status>();
  check_vocabulary<archive_format>();
  check_vocabulary<output_format>();
  check_vocabulary<money_unit>();
  check_vocabulary<pivot_measure>();
  check_vocabulary<finding_level>();
  check_vocabulary<progress_dimension>();
}

TEST_CASE("parse_key names the vocabulary and its keys", "[enums]") {
  try {
    parse_key<yoy_status>("gone");
    FAIL("no error");
  } catch (const query_error& e) {
    CHECK(std::string(e.what()) ==
          "'gone' is not a year-over-year status; use one of continuing, new or discontinued");
  }
  CHECK(key_of(yoy_status::new_) == "new");
  CHECK(keys_of<output_format>() == std::vector<std::string>{"table", "csv", "json", "md", "xlsx"});
}
