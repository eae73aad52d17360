// The records behind a figure against the totals of the same filter: the same count
// and the same amount, summed here record by record, for random filters, from CSV and
// from an archive; and each record's file and line.
#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "aidstat/archive.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/records.hpp"
#include "aidstat/totals.hpp"
#include "items_sample.hpp"
#include "test_support.hpp"

using namespace aidstat;

namespace {

// A random filter over the sample's years, categories, units and forms.
record_filter random_filter(std::mt19937_64& rng) {
  const auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  static const char* const cats[] = {"condolence", "education", "medical", "other", "culture"};
  static const char* const units[] = {"city", "firm", "garrison", "73051", "club"};
  static const char* const forms[] = {"cash", "in_kind", ""};
  record_filter f;
  switch (pick(3)) {
    case 0:
      f.year = 2020 + static_cast<int>(pick(4));
      break;
    case 1:  // whole years: every record's date lies inside or outside
      f.from = date::parse(std::to_string(2020 + pick(2)));
      f.to = date::parse(std::to_string(2022 + pick(2)));
      break;
    default:
      break;
  }
  if (pick(2)) f.where.push_back({dimension::parse("category"), {cats[pick(5)], cats[pick(5)]}});
  if (pick(2)) f.where.push_back({dimension::parse("provider"), {units[pick(5)]}});
  if (pick(3) == 0) f.where.push_back({dimension::parse("form"), {forms[pick(3)]}});
  return f;
}

// The records' count and amount, summed one by one.
std::pair<std::int64_t, money_interval> summed(const dataset& d, const record_list& l) {
  money_interval sum;
  for (std::size_t r : l.rows)
    if (const auto a = d.item(r).amount) sum = sum + *a;
  return {static_cast<std::int64_t>(l.rows.size()), sum};
}

}  // namespace

TEST_CASE("records equal the totals of the same filter, from CSV and from an archive",
          "[records]") {
  const dataset_texts texts{{"items.csv", test::items_csv(3000, 17)},
                            csv_text{"units.csv", test::kUnitsCsv},
                            csv_text{"beneficiaries.csv", test::kPeopleCsv},
                            {},
                            {},
                            {}};
  dataset_sources sources;
  const dataset from_csv = read_dataset(texts, &sources);
  test::temp_dir dir;
  save_archive(from_csv, dir.path() / "a.aidstat");
  const dataset from_archive = load_archive(dir.path() / "a.aidstat");
  std::mt19937_64 rng(2026);
  for (int i = 0; i < 50; ++i) {
    const record_filter f = random_filter(rng);
    const totals t = compute_totals(from_csv, {{}, f});
    for (const dataset* d : {&from_csv, &from_archive}) {
      const record_list l = list_records(*d, f);
      const auto [records, amount] = summed(*d, l);
      CHECK(records == t.grand.records);
      CHECK(amount == t.grand.amount);
    }
  }
  // Every record, and each one's line: the table's line column is sources'.
  const record_list all = list_records(from_csv, {});
  REQUIRE(all.rows.size() == 3000);
  const table tab = to_table(all, from_csv, &sources);
  CHECK(std::get<std::int64_t>(tab.columns.back().cells[2999]) == sources.item_lines[2999]);
}

TEST_CASE("records list a figure's records with file and line, transfers as totals count them",
          "[records]") {
  const dataset_texts texts{
      {"items.csv",
       "date,category,provider,recipient,form,amount,note\n"
       "2023-01-05,condolence,city,army,cash,319万元,春节\n"
       "2023-02-01,condolence,city,district,transfer,100万元,转拨\n"
       "2023,condolence,district,army,cash,1100余万元,\n"
       "2022,condolence,city,army,cash,5万元,\n"},
      csv_text{"units.csv",
               "id,name,kind,side,parent\ncity,市,government,civilian,\n"
               "district,区,government,civilian,city\narmy,驻军,military_unit,military,\n"},
      {},
      {},
      {},
      {}};
  dataset_sources sources;
  const dataset d = read_dataset(texts, &sources);
  record_filter f;
  f.year = 2023;
  const record_list l = list_records(d, f);
  // The transfer (line 3) passes money on inside the city: totals leave it out.
  CHECK(l.rows == std::vector<std::size_t>{0, 2});
  CHECK(l.transfers_excluded == 1);
  std::ostringstream csv;
  write_table(csv, to_table(l, d, &sources), output_format::csv);
  CHECK(csv.str() ==
        "date,category,provider,recipient,beneficiary,amount_min,amount_max,amount_text,"
        "quantity_min,quantity_max,note,file,line\n"
        "2023-01-05,condolence,city,army,,3190000.00,3190000.00,319万元,,,春节,items.csv,2\n"
        "2023,condolence,district,army,,11000000.00,12000000.00,1100余万元,,,,items.csv,4\n");
}
