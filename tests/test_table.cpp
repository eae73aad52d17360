// The typed result table: each column holds one type for all its rows, the figures are
// the ones computed by hand, and each format shows its own layout of the same cells.
#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/table.hpp"
#include "aidstat/totals.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// 2023: condolence 319万 + 1100余万 (one approximate), education 20多万 with 27 people.
dataset sample() {
  dataset d;
  d.add_unit(unit("city", "市委市政府", unit_kind::government, side::civilian));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military));
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
