// The typed result table: each column holds one type for all its rows, the figures are
// the ones computed by hand, and each format shows its own layout of the same cells.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/check.hpp"
#include "aidstat/pivot.hpp"
#include "aidstat/table.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/trend.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// The city and one army unit, no records.
dataset two_units() {
  dataset d;
  d.add_unit(unit("city", "市委市政府", unit_kind::government, side::civilian));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military));
  return d;
}

// 2023: condolence 319万 + 1100余万 (one approximate), education 20多万 with 27 people.
dataset sample() {
  dataset d = two_units();
  d.add_beneficiary(beneficiary("kids", beneficiary_kind::member_child, "73051", 27));
  test::add_record(d, "2023", "condolence", "city", "73051", "", "319万元", "");
  test::add_record(d, "2023", "condolence", "city", "73051", "", "1100余万元", "");
  test::add_record(d, "2023", "education", "city", "", "kids", "20多万元", "27人");
  test::add_record(d, "2023", "culture", "city", "73051", "", "", "");
  return d;
}

const column& named(const table& t, const std::string& name) {
  for (const column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  throw;
}

std::size_t index_of(const std::type_info& type) {
  if (type == typeid(std::string)) return 1;
  if (type == typeid(std::int64_t)) return 2;
  if (type == typeid(money_interval)) return 3;
  if (type == typeid(quantity_cell)) return 4;
  return 5;
}

// The variant alternative each type's cells hold.
std::size_t alternative_of(cell_type t) {
  switch (t) {
    case cell_type::text:
    case cell_type::status:
      return index_of(typeid(std::string));
    case cell_type::count:
    case cell_type::percent:
      return index_of(typeid(std::int64_t));
    case cell_type::money:
      return index_of(typeid(money_interval));
    case cell_type::quantity:
      return index_of(typeid(quantity_cell));
    case cell_type::ratio:
    case cell_type::fitted:
      break;
  }
  return 5;
}

}  // namespace

TEST_CASE("totals become a table of typed columns with the figures computed by hand", "[table]") {
  totals_query q;
  q.by = {dimension::parse("category")};
  const table t = to_table(compute_totals(sample(), q));
  REQUIRE(t.rows == 3);  // condolence, culture, education
  for (const column& c : t.columns) {
    INFO(c.name);
    REQUIRE(c.cells.size() == t.rows);
    for (const cell& v : c.cells)
      if (v.index() != 0) CHECK(v.index() == alternative_of(c.type));
  }
  const column& key = named(t, "category");
  CHECK(key.role == column_role::key);
  CHECK(key.cells[0] == cell(std::string("condolence")));
  CHECK(key.labels[0] == "慰问");
  const column& amount = named(t, "amount");
  // 319万 + [1100万, 1200万] = [1419万, 1519万] yuan, in fen.
  CHECK(amount.cells[0] == cell(money_interval(money{1'419'000'000}, money{1'519'000'000})));
  CHECK(std::holds_alternative<std::monostate>(amount.cells[1]));  // culture: no amount
  // The whole: [1419万 + 20万, 1519万 + 30万] = [1439万, 1549万].
  CHECK(amount.total == cell(money_interval(money{1'439'000'000}, money{1'549'000'000})));
  CHECK(named(t, "records").cells[0] == cell(std::int64_t{2}));
  CHECK(named(t, "headcount").cells[2] == cell(std::int64_t{27}));
  CHECK(named(t, "estimated").cells[0] == cell(std::string("1 of 2")));
  // education's share: midpoint 25万 of the whole's 1494万.
  CHECK(std::get<double>(named(t, "share").cells[2]) == Approx(25.0 / 1494.0));
  CHECK(std::holds_alternative<std::monostate>(named(t, "share").cells[1]));  // none, not 0%
  const column& quantity = named(t, "quantity");
  CHECK(quantity.cells[2] ==
        cell(quantity_cell{count_interval(count{27}, count{27}), measure::person}));
}

TEST_CASE("each format renders its own layout of the same cells", "[table]") {
  totals_query q;
  q.by = {dimension::parse("category")};
  const table t = to_table(compute_totals(sample(), q));
  std::ostringstream csv, people;
  write_table(csv, t, output_format::csv);
  CHECK(csv.str() ==
        "category,records,amount_min,amount_max,headcount\n"
        "condolence,2,14190000.00,15190000.00,0\n"
        "culture,1,,,0\n"
        "education,1,200000.00,300000.00,27\n");
  write_table(people, t, output_format::table, money_unit::wan);
  CHECK_THAT(people.str(), Catch::Contains("[1419, 1519]万元") &&
                               Catch::Contains("20余万元") &&  // 20多万 written back
                               Catch::Contains("1.7%"));       // 25 / 1494 = 1.67%
}

TEST_CASE("a trend becomes a column per year and its figures, computed by hand", "[table]") {
  // condolence: 100万, 110万, 121万 in 2021..2023.
  dataset d = two_units();
  test::add_record(d, "2021", "condolence", "city", "73051", "", "100万元", "");
  test::add_record(d, "2022", "condolence", "city", "73051", "", "110万元", "");
  test::add_record(d, "2023", "condolence", "city", "73051", "", "121万元", "");
  trend_query q;
  q.from_year = 2021, q.to_year = 2023;
  q.by = {dimension::parse("category")};
  const table t = to_table(compute_trend(d, q));
  REQUIRE(t.rows == 1);
  CHECK(named(t, "2021").cells[0] == cell(money_interval::exact(money{100'000'000})));
  CHECK(named(t, "2023").cells[0] == cell(money_interval::exact(money{121'000'000})));
  CHECK(named(t, "records_2022").cells[0] == cell(std::int64_t{1}));
  CHECK(named(t, "2021").json_array == "amounts");
  // (121 / 100)^(1/2) - 1 = 10%.
  CHECK(std::get<double>(named(t, "cagr").cells[0]) == Approx(0.10));
  // Least squares over x = -1, 0, 1: slope (121 - 100) / 2 = 10.5万 a year; the mean
  // 331/3万, so 2024 (x = 2) is 331/3 + 21 万; residuals 1/6, -1/3, 1/6 万, so the
  // standard error is sqrt(1/6)万.
  CHECK(std::get<double>(named(t, "slope_per_year").cells[0]) == Approx(105'000.0));
  CHECK(std::get<double>(named(t, "projection").cells[0]) ==
        Approx((331.0 / 3.0 + 21.0) * 10'000.0));
  CHECK(std::get<double>(named(t, "residual_se").cells[0]) ==
        Approx(std::sqrt(1.0 / 6.0) * 10'000.0));
}

TEST_CASE("a pivot becomes a key column, a column per column key and the totals", "[table]") {
  dataset d = two_units();
  test::add_record(d, "2022", "condolence", "city", "73051", "", "100万元", "");
  test::add_record(d, "2023", "condolence", "city", "73051", "", "121万元", "");
  test::add_record(d, "2023", "education", "city", "73051", "", "20万元", "");
  pivot_query q;
  q.rows = dimension::parse("category");
  q.cols = dimension::parse("year");
  const table t = to_table(compute_pivot(d, q));
  REQUIRE(t.rows == 2);
  CHECK(named(t, "category").cells[1] == cell(std::string("education")));
  const auto wan = [](std::int64_t w) { return cell(money_interval::exact(money{w * 1'000'000})); };
  CHECK(named(t, "2022").cells[0] == wan(100));
  CHECK(named(t, "2023").cells[1] == wan(20));
  CHECK(named(t, "total").cells[0] == wan(221));  // 100 + 121
  CHECK(named(t, "2023").total == wan(141));      // 121 + 20
  CHECK(named(t, "total").total == wan(241));
  std::ostringstream people;
  write_table(people, t, output_format::table, money_unit::wan);
  CHECK_THAT(people.str(), Catch::Contains("241万元"));
}

TEST_CASE("check findings and reconciliations become tables", "[table]") {
  check_report r;
  r.findings.push_back({finding_level::error,
                        finding_kind::validation,
                        {"items.csv", 12, 3},
                        "the amount is not a figure"});
  r.findings.push_back({finding_level::note, finding_kind::validation, {"units.csv", 0, 0}, "x"});
  reconciliation s;
  s.id = "s1";
  s.stated_amount = money_interval::exact(money{319'000'000});  // 319万
  s.recorded_amount = money_interval::exact(money{300'000'000});
  s.records = 4;
  s.amount = figure_reconciliation{reconciliation_status::inconsistent, 19'000'000};  // 19万
  s.status = reconciliation_status::inconsistent;
  r.reconciliations.push_back(s);

  const table findings = to_table(r);
  REQUIRE(findings.rows == 2);
  CHECK(named(findings, "line").cells[0] == cell(std::int64_t{12}));
  CHECK(std::holds_alternative<std::monostate>(named(findings, "line").cells[1]));  // none
  std::ostringstream csv;
  write_table(csv, findings, output_format::csv);
  CHECK(csv.str() ==
        "level,kind,file,line,column,cell,message\n"
        "error,validation,items.csv,12,3,,the amount is not a figure\n"
        "note,validation,units.csv,,,,x\n");

  const table rec = to_table(r.reconciliations);
  REQUIRE(rec.rows == 1);
  CHECK(named(rec, "status").cells[0] == cell(std::string("inconsistent")));
  CHECK(named(rec, "gap").cells[0] == cell(money_interval::exact(money{19'000'000})));
  std::ostringstream people;
  write_table(people, rec, output_format::table, money_unit::wan);
  CHECK_THAT(people.str(), Catch::Contains("319万元") && Catch::Contains("19万元"));
}
