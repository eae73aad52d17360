// The sample report's figures, held as records, give back the report's totals.
#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {
// The report's own year; 2022 holds illustrative records for comparisons.
totals_query year_2023(std::vector<const char*> by) {
  totals_query q;
  for (const char* b : by) q.by.push_back(dimension::parse(b));
  q.filter.year = 2023;
  return q;
}

const aggregate& group(const totals& t, const std::string& key) {
  for (const auto& g : t.groups)
    if (g.key.at(0) == key) return g.figures;
  FAIL("no group " << key);
  throw;
}
}  // namespace

TEST_CASE("the city-2023 dataset holds the report's figures", "[demo]") {
  const dataset d = load_dataset(test::demo_dataset());
  CHECK(d.item_count() == 47);
  const totals t = compute_totals(d, year_2023({"category"}));
  CHECK(t.grand.records == 37);
  // 全市共为部队送去慰问款物1100余万元 (市委、市政府 319万元 among them).
  CHECK(group(t, "condolence").amount == parse_money("1100余万元"));
  // 减免费用78.8万元, 94 children.
  CHECK(group(t, "education").amount == parse_money("78.8万元"));
  CHECK(group(t, "education").headcount() == 94);
  // 27 needy soldiers at 2022元 each.
  CHECK(group(t, "charity_relief").amount == parse_money("54594元"));
  CHECK(group(t, "charity_relief").headcount() == 27);
  // 200万 + 10万余 + 21万余 + 20多万 + 4万多 + 近3万 + 83.5万 + 20万.
  CHECK(group(t, "infrastructure").amount == parse_money("[361.2, 374.5]万元"));
  CHECK(group(t, "infrastructure").approximate_records == 5);
  CHECK(group(t, "legal_aid").amount == parse_money("数十万元"));
}

TEST_CASE("the city-2023 quantities keep their measures apart", "[demo]") {
  const dataset d = load_dataset(test::demo_dataset());
  const totals t = compute_totals(d, year_2023({"category", "measure"}));
  const auto find = [&](const char* cat, const char* m) -> const aggregate& {
    for (const auto& g : t.groups)
      if (g.key[0] == cat && g.key[1] == m) return g.figures;
    FAIL("no group " << cat << "/" << m);
    throw;
  };
  CHECK(find("skills_training", "person_time").quantity == parse_quantity("3000余人次").value);
  CHECK(find("skills_training", "session").quantity == count_interval::exact(count{14}));
  CHECK(find("publicity", "article").quantity ==
        count_interval(count{160 + 270}, count{170 + 280}));
  CHECK(find("legal_aid", "case").quantity == parse_quantity("百余件").value);
}

TEST_CASE("the city-2023 support flows to the military", "[demo]") {
  const dataset d = load_dataset(test::demo_dataset());
  const totals t = compute_totals(d, year_2023({"direction"}));
  CHECK(group(t, "support_military").records == 33);
  CHECK(group(t, "support_civilians").records == 1);  // 部队开放师史馆 to the public
  CHECK(group(t, "").records == 3);  // civilian to civilian (祭扫, 纪念碑, 演讲)
}
