#include <catch2/catch.hpp>

#include "aidstat/check.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/table.hpp"
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
  const auto amount = [&](std::size_t i) { return r.reconciliations[i].amount.value(); };
  CHECK(r.reconciliations[0].status == reconciliation_status::consistent);
  CHECK(amount(0) == figure_reconciliation{reconciliation_status::consistent, 0});
  CHECK(r.reconciliations[0].records == 2);
  CHECK(r.reconciliations[1].status == reconciliation_status::incomplete);
  // 1500万 stated - 1200万 at most recorded, in fen.
  CHECK(amount(1) == figure_reconciliation{reconciliation_status::incomplete, 300'0000'00});
  CHECK(r.reconciliations[2].status == reconciliation_status::inconsistent);
  // 15万 recorded - 10万 stated.
  CHECK(amount(2) == figure_reconciliation{reconciliation_status::inconsistent, 5'0000'00});
  // A quantity only: 20场 stated, 14场 recorded.
  CHECK(r.reconciliations[3].status == reconciliation_status::incomplete);
  CHECK(!r.reconciliations[3].amount);
  CHECK(r.reconciliations[3].quantity ==
        figure_reconciliation{reconciliation_status::incomplete, 6});
}

TEST_CASE("a stated total is labelled by what it says: its note, or its group", "[check]") {
  const check_report r = check_texts(
      "id,year,category,provider,amount,note\n"
      "s1,2023,condolence,city,1100余万元,全市共为部队送去慰问款物1100余万元\n"
      "s2,2023,medical,dept,15万元,\n"
      "s3,2023,,,1500万元,\n");
  REQUIRE(r.reconciliations.size() == 3);
  CHECK(r.reconciliations[0].label == "全市共为部队送去慰问款物1100余万元");
  CHECK(r.reconciliations[1].label == "medical 2023 dept");
  CHECK(r.reconciliations[2].label == "all categories 2023");
  const table tab = to_table(r.reconciliations);
  CHECK(tab.columns[0].labels[1] == "medical 2023 dept");
}

TEST_CASE("check findings: one line each with file and line, errors counted", "[check]") {
  const check_report r = check_texts();
  std::vector<std::string> lines;
  for (const auto& f : r.findings) lines.push_back(f.to_string());
  REQUIRE(lines.size() == 5);
  CHECK_THAT(lines[0],
             Catch::StartsWith("items.csv:4: warning: record repeated at line 5, line 8"));
  CHECK(lines[1] ==
        "stated_totals.csv:2: note: stated total 'ok' against 2 record(s): amount "
        "1100余万元 vs 1100余万元: consistent");
  CHECK(lines[2] ==
        "stated_totals.csv:3: warning: stated total 'short' against 2 record(s): amount "
        "1500万元 vs 1100余万元: incomplete, short by 300万元; records may be "
        "missing");
  CHECK(lines[3] ==
        "stated_totals.csv:4: error: stated total 'over' against 3 record(s): amount 10万元 vs "
        "15万元: inconsistent, over by 5万元; a record or the statement is wrong");
  CHECK_THAT(lines[4], Catch::Contains("quantity 20场 vs 14场: incomplete, short by 6场"));
  CHECK(r.errors() == 1);
  CHECK(r.warnings() == 3);
}

// A half-year pension report: "共发放…392570元，发放到81名重点优抚对象手中"; its six lines
// add up to 120000 + 95000 + 80000 + 52567 + 30000 + 15000 = 392567元 and
// 20 + 16 + 14 + 15 + 10 + 5 = 80 people. They name no recipient.
TEST_CASE("both stated figures reconciled: 392570元 to 81 people against 392567元 to 80",
          "[check]") {
  dataset_texts t;
  t.items = {"items.csv",
             "date,category,provider,recipient,amount,quantity\n"
             "2023-06,pension_subsidy,civil,,120000元,20人\n"
             "2023-06,pension_subsidy,civil,,95000元,16人\n"
             "2023-06,pension_subsidy,civil,,80000元,14人\n"
             "2023-06,pension_subsidy,civil,,52567元,15人\n"
             "2023-06,pension_subsidy,civil,,30000元,10人\n"
             "2023-06,pension_subsidy,civil,,15000元,5人\n"};
  t.stated_totals = csv_text{"stated_totals.csv",
                             "id,year,category,amount,quantity,measure\n"
                             "half,2023,pension_subsidy,392570元,81,person\n"};
  dataset_sources sources;
  const check_report r = check_dataset(read_dataset(t, &sources), &sources);
  REQUIRE(r.reconciliations.size() == 1);
  const reconciliation& rec = r.reconciliations[0];
  CHECK(rec.status == reconciliation_status::incomplete);
  CHECK(rec.amount == figure_reconciliation{reconciliation_status::incomplete, 300});  // 3元
  CHECK(rec.quantity == figure_reconciliation{reconciliation_status::incomplete, 1});  // 1人
  CHECK(rec.recorded_amount == money_interval::exact(money{392567'00}));
  CHECK(rec.recorded_quantity == count_interval::exact(count{80}));
  REQUIRE(r.findings.size() == 2);  // the reconciliation, and the note on unnamed records
  CHECK(
      r.findings[1].to_string() ==
      "stated_totals.csv:2: warning: stated total 'half' against 6 record(s): amount 39.257万元 "
      "vs 39.2567万元: incomplete, short by 3元; quantity 81人 vs 80人: incomplete, short by 1人; "
      "records may be missing");
  CHECK(r.warnings() == 1);
  CHECK(r.errors() == 0);
}

// Education: 50万 to 100 people, 30万 to 60, and 5万 with no quantity stated.
TEST_CASE("one stated figure consistent, the other inconsistent: the total is inconsistent",
          "[check]") {
  dataset_texts t;
  t.items = {"items.csv",
             "date,category,provider,recipient,amount,quantity\n"
             "2023,education,dept,army,50万元,100人\n"
             "2023,education,dept,army,30万元,60人\n"
             "2023,education,dept,army,5万元,\n"};
  // The amount counts every record (85万), the quantity only those in people (160).
  t.stated_totals = csv_text{"stated_totals.csv",
                             "id,year,category,amount,quantity,measure\n"
                             "people_over,2023,education,85万元,150,person\n"
                             "amount_over,2023,education,70万元,160人,\n"};
  const auto r = reconcile(read_dataset(t));
  REQUIRE(r.size() == 2);
  CHECK(r[0].amount == figure_reconciliation{reconciliation_status::consistent, 0});
  CHECK(r[0].quantity == figure_reconciliation{reconciliation_status::inconsistent, 10});
  CHECK(r[0].status == reconciliation_status::inconsistent);
  CHECK(r[1].amount == figure_reconciliation{reconciliation_status::inconsistent, 15'0000'00});
  CHECK(r[1].quantity == figure_reconciliation{reconciliation_status::consistent, 0});
  CHECK(r[1].status == reconciliation_status::inconsistent);
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
