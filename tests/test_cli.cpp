#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using aidstat::test::demo_dataset;
using aidstat::test::run_cli;

namespace {
std::string demo() { return "'" + demo_dataset().string() + "'"; }
}  // namespace

TEST_CASE("aidstat totals --format csv is the CSV contract of docs/cli.md", "[cli]") {
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
  CHECK_THAT(r.out, Catch::Contains("慰问 (condolence)") && Catch::Contains("1100余万元") &&
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

TEST_CASE("aidstat yoy --format csv is the CSV contract of docs/cli.md", "[cli][yoy]") {
  const auto r = run_cli("yoy " + demo() + " --base 2022 --year 2023 --by category --format csv");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // condolence: mid 1050万 -> 1150万 (+9.52%); infrastructure: mid 168.5万 -> 367.85万.
  CHECK(r.out ==
        "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,status\n"
        "charity_relief,48000.00,48000.00,54594.00,54594.00,6594.00,6594.00,13.74,continuing\n"
        "condolence,10000000.00,11000000.00,11000000.00,12000000.00,0.00,2000000.00,9.52,"
        "continuing\n"
        // A year with records but no amount stated is empty (so are the change and the
        // %); a year without records is 0.00.
        "culture,0.00,0.00,,,,,,new\n"
        "defense_education,0.00,0.00,,,,,,new\n"
        "education,725000.00,725000.00,788000.00,788000.00,63000.00,63000.00,8.69,continuing\n"
        "employment,20000.00,20000.00,0.00,0.00,-20000.00,-20000.00,-100.00,discontinued\n"
        "infrastructure,1680000.00,1690000.00,3612000.00,3745000.00,1922000.00,2065000.00,118.31,"
        "continuing\n"
        "legal_aid,,,200000.00,900000.00,,,,continuing\n"
        "medical,60000.00,70000.00,70000.00,80000.00,0.00,20000.00,15.38,continuing\n"
        "other,0.00,0.00,,,,,,new\n"
        "publicity,,,,,,,,continuing\n"
        "skills_training,0.00,0.00,,,,,,new\n");
}

TEST_CASE("aidstat yoy with a category map and constant prices", "[cli][yoy]") {
  aidstat::test::temp_dir dir;
  dir.write("map.csv", "year,from,to,share\n2022,employment,other,1\n");
  dir.write("deflator.csv", "year,index\n2022,100\n2023,105\n");
  const std::string files = " --category-map '" + (dir.path() / "map.csv").string() +
                            "' --deflator '" + (dir.path() / "deflator.csv").string() + "'";
  const auto r = run_cli("yoy " + demo() + " --base 2022 --year 2023 --by category" + files +
                         " --prices-of 2023 --where category=other,charity_relief --format csv");
  CHECK(r.status == 0);
  // 2022's employment now counts as other; 2022 amounts x 1.05.
  CHECK(r.out ==
        "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,status\n"
        "charity_relief,50400.00,50400.00,54594.00,54594.00,4194.00,4194.00,8.32,continuing\n"
        // 2023's other records state no amount: no current amount, no change.
        "other,21000.00,21000.00,,,,,,continuing\n");
}

TEST_CASE("aidstat trend, pivot and progress", "[cli]") {
  auto r = run_cli("trend " + demo() + " --from 2022 --to 2023 --by category --format csv");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("category,2022_min,2022_max,2023_min,2023_max,cagr_pct,"
                                      "slope_per_year,projection_2024,residual_se\n"
                                      "charity_relief,48000.00,48000.00,54594.00,54594.00,13.74,"
                                      "6594.00,61188.00,\n"));
  r = run_cli("pivot " + demo() + " --rows category --cols year --measure records --format csv");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::StartsWith("category,2022,2023,total\ncharity_relief,1,1,2\n"
                                      "condolence,2,5,7\n"));
  CHECK_THAT(r.out, Catch::EndsWith("total,10,37,47\n"));
  r = run_cli("progress " + demo() + " --by year --format csv");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::EndsWith("2023,0,0,10,0,10,100.0,,,,\n"));
  r = run_cli("progress " + demo() + " --year 2023");
  CHECK_THAT(r.out, Catch::Contains("10/10 = 100.0%"));
}

TEST_CASE("the analysis commands report usage errors with exit 2", "[cli]") {
  for (const char* args :
       {"yoy DIR --base 2023 --year 2023", "yoy DIR --year 2023",
        "yoy DIR --base 2022 --year 2023 --by year",
        "yoy DIR --base 2022 --year 2023 --deflator x.csv",
        "yoy DIR --base 2022 --year 2023 --ytd 13-01",
        "yoy DIR --base 2022 --year 2023 --fiscal-start 4", "trend DIR --from 2023 --to 2020",
        "pivot DIR --rows category --cols nothing", "pivot DIR --rows year --cols year",
        "progress DIR --by provider"}) {
    std::string a = args;
    a.replace(a.find("DIR"), 3, demo());
    INFO(a);
    const auto r = run_cli(a);
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith("aidstat: "));
  }
  const auto r =
      run_cli("yoy " + demo() + " --base 2022 --year 2023 --category-map /nonexistent.csv");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::StartsWith("aidstat: cannot find /nonexistent.csv"));
}

TEST_CASE("aidstat check prints findings and a summary, exit 1 on errors", "[cli][check]") {
  auto r = run_cli("check " + demo());
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("stated_totals.csv:2: note: stated total 's1'") &&
                        Catch::EndsWith("0 errors, 0 warnings, 4 stated total(s) reconciled\n"));
  aidstat::test::temp_dir dir;
  dir.write("items.csv",
            "date,category,provider,recipient,amount\n2023,culture,a,b,5万元\n"
            "2023,culture,a,b,5万元\n2023,medical,a,b,1万元\n");
  dir.write("stated_totals.csv", "id,year,category,amount\ns1,2023,medical,5000元\n");
  r = run_cli("check '" + dir.path().string() + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains("items.csv:2: warning: record repeated at line 3") &&
                        Catch::Contains("stated_totals.csv:2: error: stated total 's1'") &&
                        Catch::EndsWith("1 error, 1 warning, 1 stated total(s) reconciled\n"));
  dir.write("items.csv", "date,category,provider,recipient,amount\n2023,cultur,a,b,5x\n");
  r = run_cli("check '" + dir.path().string() + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains(":2:2: error: unknown category 'cultur'") &&
                        Catch::Contains(":2:5: error: cannot read '5x'") &&
                        Catch::EndsWith("2 errors, 0 warnings, 0 stated total(s) reconciled\n"));
}

TEST_CASE("every command gives identical results from an archive", "[cli][archive]") {
  aidstat::test::temp_dir dir;
  for (const char* kind : {"binary", "text", "xml"}) {
    const std::string file = "'" + (dir.path() / (std::string("city.") + kind)).string() + "'";
    auto r = run_cli("save " + demo() + " -o " + file + " --archive " + kind);
    REQUIRE(r.status == 0);
    for (const std::string cmd :
         {"totals DS --by category --by year --format csv",
          "yoy DS --base 2022 --year 2023 --by category --format csv",
          "trend DS --from 2021 --to 2023 --by provider --format csv",
          "pivot DS --rows unit_kind --cols year --measure headcount --format csv",
          "progress DS --by year --by owner --format csv", "totals DS --by recipient@0",
          // Each reads other column groups (a binary archive loads only those).
          "totals DS --by measure --where form=cash --year 2023 --format csv",
          "totals DS --by beneficiary_kind --where direction=support_military --format csv",
          "yoy DS --base 2022 --year 2023 --by direction --where category=condolence",
          "pivot DS --rows category --cols form --format csv"}) {
      std::string on_dir = cmd, on_file = cmd;
      on_dir.replace(on_dir.find("DS"), 2, demo());
      on_file.replace(on_file.find("DS"), 2, file);
      INFO(kind << ": " << cmd);
      const auto a = run_cli(on_dir), b = run_cli(on_file);
      CHECK(a.status == 0);
      CHECK(b.status == 0);
      CHECK(a.out == b.out);
    }
  }
  auto r = run_cli("save " + demo() + " -o '" + (dir.path() / "x").string() + "' --archive zip");
  CHECK(r.status == 2);
  std::ofstream(dir.path() / "junk") << "junk";
  r = run_cli("totals '" + (dir.path() / "junk").string() + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Catch::Contains("not an aidstat archive"));
}

TEST_CASE("aidstat export writes CSV files that load back the same", "[cli][export]") {
  aidstat::test::temp_dir dir;
  const std::string out = "'" + (dir.path() / "csv").string() + "'";
  auto r = run_cli("export " + demo() + " -o " + out);
  REQUIRE(r.status == 0);
  for (const char* f : {"items.csv", "units.csv", "beneficiaries.csv", "categories.csv",
                        "commitments.csv", "stated_totals.csv"})
    CHECK(std::filesystem::exists(dir.path() / "csv" / f));
  const auto a = run_cli("totals " + demo() + " --by category --by measure --format csv");
  const auto b = run_cli("totals " + out + " --by category --by measure --format csv");
  CHECK(a.out == b.out);
  CHECK(run_cli("check " + out).status == 0);
}
