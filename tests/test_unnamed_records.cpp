// Records that name neither a recipient unit nor a beneficiary ("春节期间走访慰问困难退役
// 军人等3400余人，发放慰问金80万余元"): they load through every path and count like any
// other record, with no people reached.
#include <catch2/catch.hpp>

#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"
#include "test_support.hpp"

using namespace aidstat;
using test::run_cli;

namespace {

const char* const kUnits =
    "id,name,kind,side,parent,region\n"
    "civil,民政局,government,civilian,,\n"
    "army,驻军,military_unit,military,,\n";
const char* const kPeople = "id,kind,unit,headcount\nkids,member_child,army,10\n";
// Lines 2 and 3 name nobody: 60万 to 3000人 in 2022; 80万余 to 3400余人 in 2023.
const char* const kItems =
    "date,category,provider,recipient,beneficiary,amount,quantity\n"
    "2022,condolence,civil,,,60万元,3000人\n"
    "2023,condolence,civil,,,80万余元,3400余人\n"
    "2023,condolence,civil,army,,20万元,\n"
    "2023,education,civil,,kids,5万元,10人\n";

std::string write_dataset(const test::temp_dir& dir, bool with_units) {
  dir.write("items.csv", kItems);
  dir.write("beneficiaries.csv", kPeople);
  if (with_units) dir.write("units.csv", kUnits);
  return "'" + dir.path().string() + "'";
}

}  // namespace

TEST_CASE("records naming nobody load alike through both readers and the API",
          "[unnamed][load_csv]") {
  dataset_texts t;
  t.items = {"items.csv", kItems};
  t.units = csv_text{"units.csv", kUnits};
  t.beneficiaries = csv_text{"beneficiaries.csv", kPeople};
  const dataset loaded = read_dataset(t);
  REQUIRE(loaded.item_count() == 4);
  CHECK(loaded.item(0).recipient.empty());
  CHECK(loaded.item(0).beneficiary.empty());
  CHECK(loaded.item(1).amount == parse_money("80万余元"));

  dataset_texts entities = t;
  entities.items = {"items.csv", "date,category,provider\n"};
  dataset fast = read_dataset(entities), checked = fast, built = fast;
  REQUIRE(detail::read_items_fast(detail::view_of(t.items), fast, 1, nullptr));
  std::vector<problem> problems;
  detail::read_items_checked(detail::view_of(t.items), checked, true, true, problems, nullptr);
  CHECK(problems.empty());
  for (std::size_t i = 0; i < loaded.item_count(); ++i) built.add_item(loaded.item(i));
  CHECK(fast == loaded);
  CHECK(checked == loaded);
  CHECK(built == loaded);

  test::temp_dir dir;
  for (const auto kind : {archive_format::binary, archive_format::text, archive_format::xml}) {
    save_archive(loaded, dir.path() / "a", kind);
    CHECK(load_archive(dir.path() / "a") == loaded);
  }
}

TEST_CASE("records naming nobody count in totals and yoy, with no people reached",
          "[unnamed][totals]") {
  test::temp_dir dir;
  for (const bool with_units : {true, false}) {
    const std::string data = write_dataset(dir, with_units);
    // 2023 condolence: 80万余 (余 after 万 binds to it) is [80万, 81万]; + 20万 gives
    // [100万, 101万]. Nobody's headcount counts.
    auto r = run_cli("totals " + data + " --year 2023 --by category --format csv");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "category,records,amount_min,amount_max,headcount\n"
          "condolence,2,1000000.00,1010000.00,0\n"
          "education,1,50000.00,50000.00,10\n");
    // By recipient: the unnamed record and the one naming only kids share the empty key.
    r = run_cli("totals " + data + " --year 2023 --by recipient --by measure --format csv");
    CHECK(r.out ==
          "recipient,measure,records,amount_min,amount_max,headcount,quantity_min,quantity_max\n"
          ",person,2,850000.00,860000.00,10,3410,3510\n"
          "army,,1,200000.00,200000.00,0,,\n");
    // yoy: midpoints 60万 -> 100.5万 is +67.50%; education is new.
    r = run_cli("yoy " + data + " --base 2022 --year 2023 --by category --format csv");
    CHECK(r.status == 0);
    CHECK(r.out ==
          "category,base_min,base_max,current_min,current_max,delta_min,delta_max,pct_change,"
          "status\n"
          "condolence,600000.00,600000.00,1000000.00,1010000.00,400000.00,410000.00,67.50,"
          "continuing\n"
          "education,0.00,0.00,50000.00,50000.00,50000.00,50000.00,,new\n");
  }
}

TEST_CASE("check notes records naming nobody once, with the first lines", "[unnamed][check]") {
  test::temp_dir dir;
  const std::string data = write_dataset(dir, true);
  auto r = run_cli("check " + data + " --strict");
  CHECK(r.status == 0);  // a note is neither a warning nor an error
  CHECK_THAT(r.out, Catch::Contains("items.csv: note: 2 record(s) name neither a recipient unit "
                                    "nor a beneficiary (line 2, line 3)"));
  CHECK_THAT(r.out, Catch::Contains("0 errors, 0 warnings"));

  // Thousands of such records still make one note, naming the first five lines.
  std::string many = "date,category,provider,amount\n";
  for (int i = 1; i <= 3000; ++i) many += "2023,condolence,civil," + std::to_string(i) + "\n";
  dir.write("items.csv", many);
  const check_report report = check_dataset_directory(dir.path());
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].kind == finding_kind::unnamed);
  CHECK(report.findings[0].level == finding_level::note);
  CHECK_THAT(report.findings[0].message,
             Catch::StartsWith("3000 record(s) name neither a recipient unit nor a beneficiary "
                               "(line 2, line 3, line 4, line 5, line 6, ...)"));
}

TEST_CASE("check --strict fails on warnings, plain check only on errors", "[check][cli]") {
  test::temp_dir dir;
  dir.write("items.csv", "date,category,provider,recipient,amount\n2023,medical,a,b,5\n");
  dir.write("stated_totals.csv", "id,year,category,amount\ns,2023,medical,8\n");
  const std::string data = "'" + dir.path().string() + "'";
  CHECK(run_cli("check " + data).status == 0);
  const auto strict = run_cli("check " + data + " --strict");
  CHECK(strict.status == 1);
  CHECK_THAT(strict.out, Catch::Contains("0 errors, 1 warning"));
  dir.write("stated_totals.csv", "id,year,category,amount\ns,2023,medical,4\n");
  CHECK(run_cli("check " + data).status == 1);
}
