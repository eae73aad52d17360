#include <catch2/catch.hpp>

#include "aidstat/error.hpp"

using namespace aidstat;

TEST_CASE("every error derives from aidstat::error; validation errors are data errors", "[error]") {
  CHECK_THROWS_AS(detail::throw_error<parse_error>("x"), error);
  CHECK_THROWS_AS(detail::throw_error<io_error>("x"), error);
  CHECK_THROWS_AS(detail::throw_error<data_error>("x"), error);
  CHECK_THROWS_AS(
      detail::throw_error<validation_error>(std::vector<problem>{{{"a.csv", 1, 2}, "bad"}}),
      data_error);
}

TEST_CASE("a validation error lists every problem with its place", "[error]") {
  const validation_error e({{{"items.csv", 12, 7}, "the date is missing"},
                            {{"units.csv", 3, 0}, "unit 'x' is defined twice"},
                            {{"", 0, 0}, "no place"}});
  REQUIRE(e.problems().size() == 3);
  const std::string what = e.what();
  CHECK(what.find("items.csv:12:7: the date is missing") != std::string::npos);
  CHECK(what.find("units.csv:3: unit 'x' is defined twice") != std::string::npos);
  CHECK(problem{{"", 0, 0}, "no place"}.to_string() == "no place");
}

TEST_CASE("messages are always valid UTF-8", "[error]") {
  const error e(std::string("bad byte \xff here, 中文 kept"));
  CHECK(std::string(e.what()) == "bad byte \\xFF here, 中文 kept");
}

namespace {
// Throws an E saying `what`, catches it and rethrows it with a file name.
template <class E>
void rethrow_in_file(const char* what) {
  try {
    detail::throw_error<E>(what);
  } catch (const error&) {
    detail::rethrow_with_prefix("city.aidstat: ");
  }
}
}  // namespace

TEST_CASE("a rethrow with a file name keeps the error's type", "[error]") {
  CHECK_THROWS_AS(rethrow_in_file<io_error>("cannot read"), io_error);
  CHECK_THROWS_AS(rethrow_in_file<data_error>("damaged"), data_error);
  CHECK_THROWS_AS(rethrow_in_file<query_error>("no such year"), query_error);
  CHECK_THROWS_WITH(rethrow_in_file<parse_error>("'12x' is not a figure"),
                    "city.aidstat: '12x' is not a figure");
  CHECK_THROWS_AS(rethrow_in_file<parse_error>("x"), parse_error);
}
