#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/text_width.hpp"
#include "aidstat/totals_output.hpp"
#include "io/csv/csv_writer.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
dataset sample() {
  dataset d;
  d.add_unit(unit("city", "市委、市政府", unit_kind::government, side::civilian));
  d.add_unit(unit("a,b", "quoted \"unit\"", unit_kind::enterprise, side::civilian));
  d.add_unit(unit("73051", "73051部队", unit_kind::military_unit, side::military));
  d.add_beneficiary(beneficiary("needy", beneficiary_kind::active_member, "73051", 27));
  test::add_record(d, "2023", "condolence", "city", "73051", "", "319万元", "");
  test::add_record(d, "2023", "condolence", "a,b", "73051", "needy", "1100余万元", "");
  test::add_record(d, "2023", "charity_relief", "city", "73051", "needy", "54594", "27人");
  test::add_record(d, "2023", "charity_relief", "city", "73051", "needy", "", "");
  test::add_record(d, "2023", "legal_aid", "city", "73051", "", "", "百余件");
  return d;
}
totals by(const dataset& d, std::vector<const char*> dims) {
  totals_query q;
  for (const char* b : dims) q.by.push_back(dimension::parse(b));
  return compute_totals(d, q);
}
std::string csv(const totals& t) {
  std::ostringstream out;
  write_totals(out, t, output_format::csv);
  return out.str();
}
}  // namespace

TEST_CASE("totals CSV follows the CSV contract of docs/cli.md to the byte", "[totals_output]") {
  const dataset d = sample();
  CHECK(csv(by(d, {"category"})) ==
        "category,records,amount_min,amount_max,headcount\n"
        "charity_relief,2,54594.00,54594.00,27\n"
        "condolence,2,14190000.00,15190000.00,27\n"
        "legal_aid,1,,,0\n");
  CHECK(csv(by(d, {"provider", "measure"})) ==
        "provider,measure,records,amount_min,amount_max,headcount,quantity_min,quantity_max\n"
        "\"a,b\",,1,11000000.00,12000000.00,27,,\n"
        "city,,2,3190000.00,3190000.00,27,,\n"
        "city,case,1,,,0,100,200\n"
        "city,person,1,54594.00,54594.00,27,27,27\n");
  CHECK(csv(by(d, {})) ==
        "records,amount_min,amount_max,headcount\n5,14244594.00,15244594.00,27\n");
  CHECK(csv(by(dataset(), {})) == "records,amount_min,amount_max,headcount\n0,,,0\n");
  CHECK(csv(by(dataset(), {"year"})) == "year,records,amount_min,amount_max,headcount\n");
}

TEST_CASE("the table lines up Chinese names by display width", "[totals_output]") {
  std::ostringstream out;
  write_totals(out, by(sample(), {"provider", "category"}), output_format::table, money_unit::wan);
  std::istringstream lines(out.str());
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  REQUIRE(all.size() == 1 + 1 + 4 + 1 + 1);  // header, rule, 4 groups, rule, total
  for (const auto& l : all) CHECK(display_width(l) == display_width(all[0]));
  CHECK_THAT(out.str(), Catch::Contains("市委、市政府 (city)") && Catch::Contains("1100余万元") &&
                            Catch::Contains("慰问 (condolence)") && Catch::Contains("total"));
}

TEST_CASE("markdown and JSON carry the same figures", "[totals_output]") {
  const totals t = by(sample(), {"category"});
  std::ostringstream md;
  write_totals(md, t, output_format::md, money_unit::wan);
  CHECK_THAT(md.str(), Catch::StartsWith("| category | records | amount |"));
  CHECK_THAT(md.str(), Catch::Contains("| 慰问 (condolence) | 2 | [1419, 1519]万元 |"));

  std::ostringstream js;
  write_totals(js, t, output_format::json);
  const auto j = nlohmann::json::parse(js.str());
  CHECK(j["by"] == nlohmann::json::array({"category"}));
  REQUIRE(j["groups"].size() == 3);
  CHECK(j["groups"][1]["key"]["category"] == "condolence");
  CHECK(j["groups"][1]["amount"]["min"] == "14190000.00");
  CHECK(j["groups"][1]["amount"]["max"] == "15190000.00");
  CHECK(j["groups"][1]["approximate_records"] == 1);
  CHECK(j["groups"][2]["amount"].is_null());
  CHECK(j["groups"][2]["quantity"]["measure"] == "case");
  CHECK(j["total"]["records"] == 5);
  CHECK(j["total"]["headcount"] == 27);
}

TEST_CASE("CSV fields are quoted only when needed", "[totals_output]") {
  CHECK(aidstat::detail::csv_escape("plain") == "plain");
  CHECK(aidstat::detail::csv_escape("a,b") == "\"a,b\"");
  CHECK(aidstat::detail::csv_escape("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(aidstat::detail::csv_escape("two\nlines") == "\"two\nlines\"");
}
