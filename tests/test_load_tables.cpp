// A dataset given as columns (load_tables.hpp) against the same data as CSV files:
// the same dataset, each record's row, and the same problems told by table, row and
// column name.
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>

#include "aidstat/check.hpp"
#include "aidstat/load_tables.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/items/items_fast.hpp"
#include "items_sample.hpp"

using namespace aidstat;

namespace {

// A CSV text as a table given as columns, its cells kept in `store`.
column_table table_of(const std::string& name, const std::string& text,
                      std::deque<std::string>& store) {
  detail::csv_reader csv(text, name);
  std::vector<detail::csv_field> fields;
  std::vector<problem> problems;
  bool ok = true;
  column_table t{name, {}, {}};
  REQUIRE(csv.next(fields, ok, problems));
  for (const auto& f : fields) t.columns.push_back(f.text);
  t.cells.resize(t.columns.size());
  while (csv.next(fields, ok, problems)) {
    REQUIRE(fields.size() == t.columns.size());
    for (std::size_t c = 0; c < fields.size(); ++c)
      t.cells[c].push_back(store.emplace_back(fields[c].text));
  }
  REQUIRE(problems.empty());
  return t;
}

// The problems read_dataset throws for `tables`.
std::vector<problem> problems_of(const dataset_tables& tables) {
  try {
    (void)read_dataset(tables);
  } catch (const validation_error& e) {
    return e.problems();
  }
  FAIL("no validation_error");
  return {};
}

}  // namespace

TEST_CASE("a dataset given as columns is the dataset its CSV files give", "[load_tables]") {
  // 140,000 rows, so that two threads each read a share.
  const std::string items = test::items_csv(140'000, 5);
  dataset_texts texts{{"items.csv", items},
                      csv_text{"units.csv", test::kUnitsCsv},
                      csv_text{"beneficiaries.csv", test::kPeopleCsv},
                      {},
                      {},
                      {}};
  std::deque<std::string> store;
  dataset_tables tables{table_of("items", items, store),
                        table_of("units", test::kUnitsCsv, store),
                        table_of("beneficiaries", test::kPeopleCsv, store),
                        {},
                        {},
                        {}};
  const dataset from_csv = read_dataset(texts);
  for (unsigned threads : {1u, 2u}) {
    dataset_sources sources;
    const dataset from_columns = read_dataset(tables, &sources, threads);
    CHECK(from_columns == from_csv);
    REQUIRE(sources.item_lines.size() == 140'000);
    CHECK(sources.items_file == "items");
    CHECK(sources.item_lines.front() == 1);
    CHECK(sources.item_lines.back() == 140'000);
  }
  // The parallel reader took it: every row is regular.
  dataset fast = read_dataset(dataset_texts{{"items.csv", "date,category,provider\n"},
                                            csv_text{"units.csv", test::kUnitsCsv},
                                            csv_text{"beneficiaries.csv", test::kPeopleCsv},
                                            {},
                                            {},
                                            {}});
  CHECK(detail::read_items_fast(tables.items, fast, 2, nullptr));
  CHECK(fast == from_csv);
  // Without units: ids become units, in the order the CSV loader adds them.
  texts.units.reset(), tables.units.reset();
  const std::string people = "id,kind\nneedy,active_member\ntown,civilian\nvet,veteran\n";
  texts.beneficiaries = csv_text{"beneficiaries.csv", people};
  tables.beneficiaries = table_of("beneficiaries", people, store);
  const std::string any = test::items_csv(140'000, 6, true);
  texts.items.text = any;
  tables.items = table_of("items", any, store);
  CHECK(read_dataset(tables, nullptr, 2) == read_dataset(texts));
}

TEST_CASE("a table's problems name its row and column as the CSV file's name its line",
          "[load_tables]") {
  const std::string items =
      "date,category,provider,amount\n"
      "2023-01-15,condolence,city,5000\n"
      "2023-02-30,condolence,city,12x\n"
      "2023-03-01,nope,ghost,1100余万元\n";
  const std::string units = "id,name\ncity,市政府\n";
  std::deque<std::string> store;
  const dataset_tables tables{
      table_of("items", items, store), table_of("units", units, store), {}, {}, {}, {}};
  const std::vector<problem> got = problems_of(tables);
  std::vector<problem> expected;
  try {
    (void)read_dataset(
        dataset_texts{{"items.csv", items}, csv_text{"units.csv", units}, {}, {}, {}, {}});
  } catch (const validation_error& e) {
    expected = e.problems();
  }
  // Four problems: the date and amount of row 2, the category and provider of row 3.
  REQUIRE(got.size() == 4);
  REQUIRE(expected.size() == 4);
  const char* fields[] = {"date", "amount", "category", "provider"};
  const std::uint32_t rows[] = {2, 2, 3, 3};
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].message == expected[i].message);
    CHECK(got[i].where.in_table);
    CHECK(got[i].where.file == "items");
    CHECK(got[i].where.line == rows[i]);
    CHECK(expected[i].where.line == rows[i] + 1);  // the file's header is line 1
    CHECK(got[i].where.field == fields[i]);
    CHECK(expected[i].where.field == fields[i]);
  }
  CHECK(got[1].to_string() == "items, row 2, column 'amount': " + got[1].message);
  CHECK(expected[1].to_string() == "items.csv:3:4: " + got[1].message);
}

TEST_CASE("a table's columns are checked as a header is", "[load_tables]") {
  std::deque<std::string> store;
  dataset_tables tables{
      table_of("items", "date,category,colour\n2023,other,red\n", store), {}, {}, {}, {}, {}};
  const std::vector<problem> got = problems_of(tables);
  REQUIRE(got.size() == 2);
  CHECK(got[0].to_string() == "items: the header has no 'provider' column, which is required");
  CHECK(got[0].where.line == 0);
  CHECK(got[1].to_string() ==
        "items, column 'colour': unknown column 'colour'; the columns are "
        "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,note,direction");

  tables.items = table_of("items", "date,category,provider\n2023,other,a\n2023,other,b\n", store);
  tables.items.cells[2].pop_back();
  CHECK_THROWS_WITH(read_dataset(tables),
                    "in the items table, column 'provider' has 1 rows but 'date' has 2");
  tables.items.columns.clear(), tables.items.cells.clear();
  CHECK(problems_of(tables).at(0).to_string() ==
        "items: the table has no columns; it needs columns such as "
        "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,note,direction");
}

TEST_CASE("check names a table's records by their rows", "[load_tables]") {
  std::deque<std::string> store;
  const dataset_tables tables{
      table_of("items", "date,category,provider,amount\n2023,other,x,5\n2023,other,x,5\n", store),
      {},
      {},
      {},
      {},
      {}};
  dataset_sources sources;
  const dataset d = read_dataset(tables, &sources);
  CHECK(sources.place_of(2) == "row 2");
  const check_report report = check_dataset(d, &sources);
  const auto duplicate =
      std::find_if(report.findings.begin(), report.findings.end(),
                   [](const finding& f) { return f.kind == finding_kind::duplicate; });
  REQUIRE(duplicate != report.findings.end());
  // The first row is where it is found; the second is where it is repeated.
  CHECK(duplicate->to_string().starts_with("items, row 1: warning: record repeated at row 2 ("));
}
