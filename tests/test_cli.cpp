#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using aidstat::test::demo_dataset;
using aidstat::test::run_cli;

namespace {
std::string demo() { return "'" + demo_dataset().string() + "'"; }
}  // namespace

TEST_CASE("aidstat totals --format csv is the SPEC 7 contract", "[cli]") {
  const auto r = run_cli("totals " + demo() + " --year 2023 --by category --format csv");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "category,records,amount_min,amount_max,headcount\n"
        "charity_relief,1,54594.00,54594.00,27\n"
        "condolence,5,11000000.00,12000000.00,0\n"
        "culture,2,,,0\n"
        "defense_education,4,,,29\n"
        "education,1,788000.00,788000.00,94\n"
        "infrastructure,8,3612000.00,3745000.00,0\n"
        "legal_aid,7,200000.00,900000.00,0\n"
        "medical,2,70000.00,80000.00,0\n"
        "other,1,,,0\n"
        "publicity,3,,,0\n"
        "skills_training,3,,,340\n");
}

TEST_CASE("aidstat totals filters with --where, --year and --from/--to", "[cli]") {
  auto r = run_cli("totals " + demo() +
                   " --year 2023 --by provider --where category=infrastructure "
                   "--where recipient=garrison --format csv");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "provider,records,amount_min,amount_max,headcount\n"
        "broadcast,5,577000.00,710000.00,0\n"
        "construction_bureau,1,2000000.00,2000000.00,0\n"
        "unicom,1,200000.00,200000.00,0\n");
  // The illustrative 2022 records: 300万 + 700余万 + 48000 + 72.5万 + 6万余 + 150万 + 18万余 + 2万;
  // people 24 + 88 + 35.
  r = run_cli("totals " + demo() + " --year 2022 --format csv");
  CHECK(r.status == 0);
  CHECK(r.out == "records,amount_min,amount_max,headcount\n10,12533000.00,13553000.00,147\n");
  r = run_cli("totals " + demo() + " --year 2021 --format csv");
  CHECK(r.status == 0);
  CHECK(r.out == "records,amount_min,amount_max,headcount\n0,,,0\n");
  r = run_cli("totals " + demo() + " --from 2023-01-01 --to 2023-12-31 --format csv");
  CHECK(r.status == 0);
  CHECK(r.out == "records,amount_min,amount_max,headcount\n37,15724594.00,17567594.00,490\n");
  // Most records are dated to the year only: April cannot be cut out of them.
  r = run_cli("totals " + demo() + " --from 2023-04 --to 2023-04");
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::StartsWith("aidstat: ") && Catch::Contains("cuts through"));
}

TEST_CASE("aidstat totals prints tables, markdown and JSON", "[cli]") {
  auto r = run_cli("totals " + demo() + " --year 2023 --by category --unit wan");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("慰问 (condolence)") && Catch::Contains("≥1100万元") &&
                        Catch::Contains("78.8万元") && Catch::Contains("[361.2, 374.5]万元"));
  r = run_cli("totals " + demo() + " --by unit_kind --format md");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("| unit_kind | records |"));
  r = run_cli("totals " + demo() + " --year 2023 --by direction --format json");
  CHECK(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["total"]["records"] == 37);
}

TEST_CASE("usage errors exit 2, data errors exit 1, both with 'aidstat: '", "[cli]") {
  for (const char* args : {"", "frobnicate x", "totals", "totals DIR --by catgory",
                           "totals DIR --format xml", "totals DIR --unit dollars",
                           "totals DIR --year 2023 --from 2023-01", "totals DIR --from 2023-13",
                           "totals DIR --where category=nothing", "totals DIR --where category"}) {
    std::string a = args;
    if (const auto p = a.find("DIR"); p != std::string::npos) a.replace(p, 3, demo());
    INFO(a);
    const auto r = run_cli(a);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith("aidstat: "));
    CHECK(r.out.empty());
  }
  aidstat::test::temp_dir dir;
  auto r = run_cli("totals '" + dir.path().string() + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::StartsWith("aidstat: cannot find") && Catch::Contains("items.csv"));
  dir.write("items.csv", "date,category,provider,recipient,amount\n2023,culture,a,b,12x\n");
  r = run_cli("totals '" + dir.path().string() + "' --format csv");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("aidstat: 1 problem") && Catch::Contains("items.csv:2:5:") &&
                        Catch::Contains("'12x'"));
}
