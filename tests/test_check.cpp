#include <catch2/catch.hpp>

#include "aidstat/check.hpp"
#include "aidstat/load_csv.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
const char* const kUnits =
    "id,name,kind,side,parent\ncity,市,government,civilian,\n"
    "dept,局,government,civilian,city\narmy,驻军,military_unit,military,\n";
const char* const kItems =
    "date,category,provider,recipient,amount,quantity,note\n"
    "2023,condolence,city,army,319万元,,\n"             // 2
    "2023,condolence,dept,army,\"[781, 881]万元\",,\n"  // 3
    "2023,medical,dept,army,5万元,,\n"                  // 4
    "2023,medical,dept,army,5万元,,again\n"             // 5: duplicate of 4
    "2023,legal_aid,dept,army,,14场,\n"                 // 6
    "2023,legal_aid,dept,army,,3000余人次,\n"           // 7: not a duplicate of 6
    "2023,medical,dept,army,5万元,,\n";                 // 8: duplicate of 4 too
const char* const kStated =
    "id,year,category,provider,recipient,beneficiary_kind,amount,quantity,measure,note\n"
    "ok,2023,condolence,city,army,,1100余万元,,,consistent\n"
    "short,2023,condolence,city,,,1500万元,,,records fall 300万 short\n"
    "over,2023,medical,,,,10万元,,,records exceed by 5万\n"
    "people,2023,legal_aid,,,,,20场,,sessions: 6 short\n";

check_report check_texts(const char* stated = kStated) {
  dataset_texts t;
  t.items = {"items.csv", kItems};
  t.units = csv_text{"units.csv", kUnits};
  t.stated_totals = csv_text{"stated_totals.csv", stated};
  dataset_sources sources;
  const dataset d = read_dataset(t, &sources);
  return check_dataset(d, &sources);
}
}  // namespace

TEST_CASE("stated totals: consistent, incomplete with the gap, inconsistent", "[check]") {
  const check_report r = check_texts();
  REQUIRE(r.reconciliations.size() == 4);
  CHECK(r.reconciliations[0].status == reconciliation_status::consistent);
  CHECK(r.reconciliations[0].gap == 0);
  CHECK(r.reconciliations[0].records == 2);
  CHECK(r.reconciliations[1].status == reconciliation_status::incomplete);
  CHECK(r.reconciliations[1].gap == 300'0000'00);  // 1500万 - 1200万, in fen
  CHECK(r.reconciliations[2].status == reconciliation_status::inconsistent);
  CHECK(r.reconciliations[2].gap == 5'0000'00);  // 15万 recorded - 10万 stated
  CHECK(r.reconciliations[3].status == reconciliation_status::incomplete);
  CHECK(r.reconciliations[3].gap == 6);
}

TEST_CASE("check findings: one line each with file and line, errors counted", "[check]") {
  const check_report r = check_texts();
  std::vector<std::string> lines;
  for (const auto& f : r.findings) lines.push_back(f.to_string());
  REQUIRE(lines.size() == 5);
  CHECK_THAT(lines[0],
             Catch::StartsWith("items.csv:4: warning: record repeated at line 5, line 8"));
  CHECK_THAT(lines[1], Catch::StartsWith("stated_totals.csv:2: note: stated total 'ok'") &&
                           Catch::EndsWith("consistent"));
  CHECK_THAT(lines[2],
             Catch::StartsWith("stated_totals.csv:3: warning:") &&
                 Catch::Contains("incomplete, the records fall short by at least 3000000元"));
  CHECK_THAT(lines[3], Catch::StartsWith("stated_totals.csv:4: error:") &&
                           Catch::Contains("inconsistent, the records exceed the statement by at "
                                           "least 50000元"));
  CHECK_THAT(lines[4], Catch::Contains("short by at least 6场"));
  CHECK(r.errors() == 1);
  CHECK(r.warnings() == 3);
}

TEST_CASE("duplicates agree on date, category, units, beneficiary and amount", "[check]") {
  dataset_texts t;
  t.items = {"items.csv", kItems};
  t.units = csv_text{"units.csv", kUnits};
  const auto groups = find_duplicates(read_dataset(t));
  CHECK(groups == std::vector<std::vector<std::size_t>>{{2, 3, 6}});
}

TEST_CASE("check on a directory reports every validation problem as an error", "[check]") {
  test::temp_dir dir;
  dir.write(
      "items.csv",
      "date,category,provider,recipient,amount\n2023,culturee,a,b,5\n2023-13,culture,a,b,x\n");
  const check_report r = check_dataset_directory(dir.path());
  REQUIRE(r.findings.size() == 3);
  CHECK(r.errors() == 3);
  CHECK(r.findings[0].where.line == 2);
  CHECK(r.findings[0].where.column == 2);
  CHECK(r.findings[2].where.column == 5);
  CHECK_THAT(r.findings[1].to_string(), Catch::Contains("items.csv:3:1: error:"));
  // Stated totals are validated like the other files.
  dir.write("items.csv", "date,category,provider,recipient\n2023,culture,a,b\n");
  dir.write("stated_totals.csv", "id,year,category,amount\ns,2023,culture,\nt,20x,nope,5\n");
  const check_report s = check_dataset_directory(dir.path());
  REQUIRE(s.findings.size() == 3);
  CHECK_THAT(s.findings[0].to_string(), Catch::Contains("stated_totals.csv:2:4:") &&
                                            Catch::Contains("needs an amount or a quantity"));
  CHECK_THAT(s.findings[1].to_string(), Catch::Contains("stated_totals.csv:3:2:"));
  CHECK_THAT(s.findings[2].to_string(), Catch::Contains("stated_totals.csv:3:3:"));
}

TEST_CASE("the demo's stated totals agree with its records", "[check][demo]") {
  const check_report r = check_dataset_directory(test::demo_dataset());
  CHECK(r.errors() == 0);
  CHECK(r.warnings() == 0);
  REQUIRE(r.reconciliations.size() == 4);
  for (const auto& rec : r.reconciliations) CHECK(rec.status == reconciliation_status::consistent);
}
