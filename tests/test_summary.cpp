// The summary's sentences: the example dataset's, written here by hand from its tables;
// every figure read back with parse_money / parse_quantity on generated data in every
// notation; the wording of approximate and unstated figures; and, under disclosure
// control, only figures the protected tables publish.
#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/disclosure.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/summary.hpp"
#include "aidstat/totals.hpp"
#include "items_sample.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

std::vector<std::string> texts(const dataset& d, int base, int year, summary_language lang,
                               std::optional<std::int64_t> min_cell = std::nullopt) {
  summary_options o;
  o.base_year = base, o.current_year = year, o.language = lang, o.min_cell = min_cell;
  std::vector<std::string> out;
  for (const summary_sentence& s : summarize(d, check_dataset(d), o)) out.push_back(s.text);
  return out;
}

totals by_category(const dataset& d, int year, std::optional<std::int64_t> min_cell = {}) {
  totals_query q;
  q.by = {dimension::parse("category")};
  q.filter.year = year;
  totals t = compute_totals(d, q);
  return min_cell ? suppress_small_cells(std::move(t), *min_cell) : t;
}

}  // namespace

TEST_CASE("the example's summary, as written by hand from its tables", "[summary]") {
  const dataset d = load_dataset(test::demo_dataset());
  // From `totals --year 2023` (and 2022), `totals --by category --by measure`, `yoy
  // --by category` and `progress --year 2023`. A change is 约 when its extremes (the
  // lowest current against the highest base, and the other way) round apart: the year
  // 16.0% to 40.2%, condolence 0% to 20%, infrastructure 113.7% to 122.9%, medical 0%
  // to 33.3%; charity relief (48000 -> 54594) and education (72.5万 -> 78.8万) are exact.
  CHECK(texts(d, 2022, 2023, summary_language::zh) ==
        std::vector<std::string>{
            "2023年共登记双拥工作记录37条，金额合计[1572.4594, 1756.7594]万元，惠及490人，"
            "金额比上年增长约27.6%。",
            "慈善救助：1条记录，金额5.4594万元，惠及27人，比上年增长13.7%。",
            "慰问：5条记录，金额1100余万元，比上年增长约9.5%。", "文化：2条记录，为新增项目。",
            "国防教育：4条记录，惠及29人，为新增项目。",
            "子女教育：1条记录，金额78.8万元，惠及94人，比上年增长8.7%。",
            "就业安置：本年未再开展（上年1条记录）。",
            "基础设施：8条记录，金额[361.2, 374.5]万元，20余人次，比上年增长约118.3%。",
            "法律：7条记录，金额数十万元。",
            "医疗卫生：2条记录，金额7余万元，200余人次，比上年增长约15.4%。",
            "其他：1条记录，166个，为新增项目。", "宣传：3条记录。",
            "科技智力：3条记录，惠及340人，为新增项目。", "十件实事已完成10件。"});
  CHECK(texts(d, 2022, 2023, summary_language::en) ==
        std::vector<std::string>{
            "In 2023, 37 records were entered, amounting to [1572.4594, 1756.7594]万元, "
            "reaching 490 people, the amount up about 27.6% on the year before.",
            "Charity relief: 1 record, 5.4594万元, reaching 27 people, up 13.7% on the year "
            "before.",
            "Condolence visits: 5 records, 1100余万元, up about 9.5% on the year before.",
            "Culture: 2 records, a new item this year.",
            "National defense education: 4 records, reaching 29 people, a new item this year.",
            "Children's education: 1 record, 78.8万元, reaching 94 people, up 8.7% on the year "
            "before.",
            "Employment and resettlement: not carried on this year (1 record the year before).",
            "Infrastructure: 8 records, [361.2, 374.5]万元, 20余人次, up about 118.3% on the "
            "year before.",
            "Legal aid: 7 records, 数十万元.",
            "Medical care: 2 records, 7余万元, 200余人次, up about 15.4% on the year before.",
            "Other: 1 record, 166个, a new item this year.", "Publicity: 3 records.",
            "Skills and technology: 3 records, reaching 340 people, a new item this year.",
            "10 of 10 commitments completed."});
}

TEST_CASE("every figure of a sentence reads back to the computed one", "[summary]") {
  const dataset d = read_dataset(dataset_texts{{"items.csv", test::items_csv(4000, 23)},
                                               csv_text{"units.csv", test::kUnitsCsv},
                                               csv_text{"beneficiaries.csv", test::kPeopleCsv},
                                               {},
                                               {},
                                               {}});
  const totals current = by_category(d, 2023);
  for (const summary_language lang : {summary_language::zh, summary_language::en}) {
    summary_options o;
    o.base_year = 2022, o.current_year = 2023, o.language = lang;
    for (const summary_sentence& s : summarize(d, check_dataset(d), o)) {
      INFO(s.text);
      std::size_t at = 0;
      for (const summary_figure& f : s.figures) {
        at = s.text.find(f.text, at);
        REQUIRE(at != std::string::npos);  // in the sentence, in order
        if (f.type == summary_figure::kind::money) CHECK(parse_money(f.text) == f.amount);
        if (f.type == summary_figure::kind::count) CHECK(parse_quantity(f.text).value == f.count);
      }
      if (s.category.empty() || !s.about_records) continue;
      // A category's records and amount are its row of the totals.
      for (const group_totals& g : current.groups) {
        if (g.key[0] != s.category) continue;
        CHECK(s.figures.at(0).count == count_interval::exact(count{g.figures.records}));
        if (g.figures.amount_records) CHECK(s.figures.at(1).amount == g.figures.amount);
      }
    }
  }
}

TEST_CASE("approximate, unstated and zero-based figures are said as they are", "[summary]") {
  dataset d = test::city_and_army(50);
  test::add_gift(d, "2022", "condolence", "10万元", "");
  test::add_gift(d, "2023", "condolence", "12余万元", "");  // [12, 13]万: 20% to 30%
  test::add_gift(d, "2022", "education", "10万元", "");
  test::add_gift(d, "2023", "education", "11万元", "");  // exactly 10%
  test::add_gift(d, "2022", "medical", "", "");          // no amount stated
  test::add_gift(d, "2023", "medical", "5万元", "");
  test::add_gift(d, "2023", "culture", "", "");
  test::add_gift(d, "2022", "culture", "0", "");  // a zero base
  test::add_gift(d, "2023", "other", "", "");
  const auto zh = texts(d, 2022, 2023, summary_language::zh);
  REQUIRE(zh.size() == 6);
  CHECK(zh[1] == "慰问：1条记录，金额12余万元，比上年增长约25.0%。");
  CHECK(zh[2] == "文化：1条记录。");  // no amount this year, a zero base: no change said
  CHECK(zh[3] == "子女教育：1条记录，金额11万元，比上年增长10.0%。");
  CHECK(zh[4] == "医疗卫生：1条记录，金额5万元。");  // 2022 states no amount: no change
  CHECK(zh[5] == "其他：1条记录，为新增项目。");     // never 0元
}

TEST_CASE("under disclosure control a sentence states only what the tables publish",
          "[summary][disclosure]") {
  const dataset d = load_dataset(test::demo_dataset());
  const std::int64_t min_cell = 30;
  const totals base = by_category(d, 2022, min_cell), current = by_category(d, 2023, min_cell);
  REQUIRE(disclosure_failures(current).empty());  // the audit of the published table
  REQUIRE(disclosure_failures(base).empty());
  summary_options o;
  o.base_year = 2022, o.current_year = 2023, o.min_cell = min_cell;
  std::size_t withheld = 0;
  for (const summary_sentence& s : summarize(d, check_dataset(d), o)) {
    INFO(s.text);
    if (s.category.empty()) continue;
    const group_totals* row = nullptr;
    for (const group_totals& g : current.groups)
      if (g.key[0] == s.category) row = &g;
    if (!row || row->suppressed != suppression::none) {
      CHECK(s.figures.empty());  // a suppressed group's sentence states no figure at all
      withheld += row != nullptr;
      continue;
    }
    // Each amount and count is a published cell of its row, or a quantity.
    for (const summary_figure& f : s.figures) {
      if (f.type == summary_figure::kind::money) CHECK(f.amount == row->figures.amount);
    }
    CHECK(s.figures.at(0).count == count_interval::exact(count{row->figures.records}));
  }
  CHECK(withheld > 0);
}
