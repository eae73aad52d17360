// yoy, trend and pivot from where a dataset is kept (analysis_at.hpp), against the
// same analyses of the dataset loaded whole: from a CSV directory (streamed, with and
// without units.csv) and from an archive, with transfers that a provider key bounds.
#include <catch2/catch.hpp>

#include "aidstat/analysis_at.hpp"
#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "items_sample.hpp"
#include "test_support.hpp"

using namespace aidstat;
using aidstat::test::items_csv;
using aidstat::test::temp_dir;
using aidstat::test::write_sample;

namespace {

std::vector<std::vector<dimension>> key_sets() {
  const auto by = [](std::initializer_list<const char*> names) {
    std::vector<dimension> out;
    for (const char* n : names) out.push_back(dimension::parse(n));
    return out;
  };
  return {by({}),        by({"category"}), by({"provider"}), by({"beneficiary_kind", "form"}),
          by({"month"}), by({"region"})};
}

// Checks each analysis at `path` against the same over `d`, for every key set.
void check_analyses(const std::filesystem::path& path, const dataset& d) {
  for (const auto& by : key_sets()) {
    INFO(by.size() << " keys" << (by.empty() ? "" : ", first " + by.front().name()));
    yoy_query y{2021, 2023, by, {}, std::nullopt, 0};
    CHECK(yoy_at(path, y) == compute_yoy(d, y));
    y.filter.where.push_back(condition::parse("form=cash,transfer"));
    CHECK(yoy_at(path, y) == compute_yoy(d, y));
    const trend_query t{2020, 2023, by, {}, std::nullopt, 0};
    CHECK(trend_at(path, t) == compute_trend(d, t));
    if (by.size() != 1 || by[0].kind == dimension_kind::category) continue;
    for (auto m : {pivot_measure::amount, pivot_measure::headcount}) {
      pivot_query p;
      p.rows = by[0];
      p.cols = dimension::parse("category");
      p.measure = m;
      CHECK(pivot_at(path, p) == compute_pivot(d, p));
    }
  }
}

}  // namespace

TEST_CASE("yoy, trend and pivot read where the dataset lies equal those of the dataset loaded",
          "[analysis_at]") {
  for (const bool with_units : {true, false}) {
    INFO((with_units ? "with" : "without") << " units.csv");
    const temp_dir dir;
    write_sample(dir, 25'000, with_units ? 7 : 8, with_units);
    const dataset d = load_dataset(dir.path());
    REQUIRE(d.holds_transfers());
    check_analyses(dir.path(), d);
    save_archive(d, dir.path() / "all.aidstat");
    check_analyses(dir.path() / "all.aidstat", d);
  }
}

TEST_CASE("a bad query or a bad file says what the loaded analysis says", "[analysis_at]") {
  const temp_dir dir;
  write_sample(dir, 25'000, 3, true);
  const auto message = [](auto&& f) {
    try {
      f();
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const dataset d = load_dataset(dir.path());
  const yoy_query same{2023, 2023, {}, {}, std::nullopt, 0};
  CHECK(message([&] { yoy_at(dir.path(), same); }) == message([&] { compute_yoy(d, same); }));
  const trend_query reversed{2023, 2020, {}, {}, std::nullopt, 0};
  CHECK(message([&] { trend_at(dir.path(), reversed); }) ==
        message([&] { compute_trend(d, reversed); }));
  pivot_query one;
  one.rows = one.cols = dimension::parse("year");
  CHECK(message([&] { pivot_at(dir.path(), one); }) == message([&] { compute_pivot(d, one); }));
  // A bad record: its file and line, before any complaint about the query.
  dir.write("items.csv", items_csv(100, 3) + ",1,2023,city,educaton,firm,,,,,\n");
  const std::string bad = message([&] { load_dataset(dir.path()); });
  REQUIRE(bad.find("educaton") != std::string::npos);
  CHECK(message([&] { yoy_at(dir.path(), same); }) == bad);
  CHECK(message([&] { pivot_at(dir.path(), one); }) == bad);
}
