#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/analysis_output.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/progress.hpp"

using namespace aidstat;

namespace {
const char* const kUnits =
    "id,name,kind,side,parent\ncity,市政府,government,civilian,\n"
    "edu,教育局,government,civilian,city\nschool,一中,school,civilian,edu\n"
    "army,驻军,military_unit,military,\n";
const char* const kItems =
    "date,category,provider,recipient,amount\n"
    "2023,education,school,army,30万元\n"  // counts for edu's target (below edu)
    "2023,education,edu,army,10万余元\n"
    "2023,medical,edu,army,99万元\n"    // another category: not counted
    "2022,education,edu,army,50万元\n"  // another year: not counted
    "2023,infrastructure,city,army,200万元\n";
const char* const kCommitments =
    "id,year,category,owner,title,target_amount,status\n"
    "c1,2023,education,edu,部队子女入学,50万元,done\n"
    "c2,2023,education,edu,助学金,,in_progress\n"
    "c3,2023,infrastructure,city,营区道路,300万元,done\n"
    "c4,2023,culture,city,送戏进军营,,dropped\n"
    "c5,2022,education,edu,往年,40万元,done\n";

dataset with_commitments(const char* commitments = kCommitments) {
  dataset_texts t;
  t.items = {"items.csv", kItems};
  t.units = csv_text{"units.csv", kUnits};
  t.commitments = csv_text{"commitments.csv", commitments};
  return read_dataset(t);
}
}  // namespace

TEST_CASE("completion rate and targets against recorded amounts", "[progress]") {
  const dataset d = with_commitments();
  REQUIRE(d.commitments().size() == 5);
  progress_query q;
  q.year = 2023;
  q.by = {progress_dimension::owner};
  const progress_result r = compute_progress(d, q);
  REQUIRE(r.groups.size() == 2);
  const progress_group& city = r.groups[0];
  const progress_group& edu = r.groups[1];
  CHECK(city.key[0] == "city");
  CHECK(city.done == 1);
  CHECK(city.dropped == 1);
  CHECK(*city.completion_rate() == Approx(0.5));
  CHECK(city.target == parse_money("300万元"));
  CHECK(city.recorded == parse_money("200万元"));  // infrastructure by city and below, 2023
  CHECK(edu.done == 1);
  CHECK(edu.in_progress == 1);
  CHECK(edu.targeted == 1);
  // c1's owner edu includes school: 30万 + 10万余 (the medical record and 2022 do not count).
  CHECK(edu.recorded == money_interval(money::from_yuan(400'000), money::from_yuan(410'000)));
  CHECK(r.overall.total() == 4);
  CHECK(r.overall.done == 2);
  CHECK(*r.overall.completion_rate() == Approx(0.5));
}

TEST_CASE("all ten practical things done is 10/10", "[progress]") {
  std::string c = "id,year,category,owner,title,target_amount,status\n";
  for (int i = 1; i <= 10; ++i) c += "t" + std::to_string(i) + ",2023,other,city,实事,,done\n";
  const progress_result r = compute_progress(with_commitments(c.c_str()), {});
  CHECK(r.overall.done == 10);
  CHECK(r.overall.total() == 10);
  CHECK(*r.overall.completion_rate() == 1.0);
  std::ostringstream out;
  write_progress(out, r, output_format::table);
  CHECK_THAT(out.str(), Catch::Contains("10/10 = 100.0%"));
}

TEST_CASE("progress CSV by year", "[progress]") {
  progress_query q;
  q.by = {progress_dimension::year};
  std::ostringstream out;
  write_progress(out, compute_progress(with_commitments(), q), output_format::csv);
  CHECK(out.str() ==
        "year,planned,in_progress,done,dropped,total,completion_pct,target_min,target_max,"
        "recorded_min,recorded_max\n"
        "2022,0,0,1,0,1,100.0,400000.00,400000.00,500000.00,500000.00\n"
        "2023,0,1,2,1,4,50.0,3500000.00,3500000.00,2400000.00,2410000.00\n");
}

TEST_CASE("commitments.csv is validated like the other files", "[progress][load_csv]") {
  try {
    with_commitments(
        "id,year,category,owner,title,target_amount,status\n"
        "c1,20x3,education,edu,a,,done\n"
        "c1,2023,educaton,ghost,b,12x,finished\n"
        "c3,2023,education,edu,c,,\n");
    FAIL("expected problems");
  } catch (const validation_error& e) {
    std::vector<std::string> at;
    for (const auto& p : e.problems())
      at.push_back(p.to_string().substr(0, p.to_string().find(' ')));
    CHECK(at == std::vector<std::string>{
                    "commitments.csv:2:2:", "commitments.csv:3:1:", "commitments.csv:3:3:",
                    "commitments.csv:3:4:", "commitments.csv:3:6:", "commitments.csv:3:7:",
                    "commitments.csv:4:7:"});
    CHECK_THAT(e.what(), Catch::Contains("did you mean 'education'") &&
                             Catch::Contains("owner 'ghost' is not defined") &&
                             Catch::Contains("'finished' is not a commitment status"));
  }
  CHECK_THROWS_AS(parse_key<progress_dimension>("provider"), query_error);
}
