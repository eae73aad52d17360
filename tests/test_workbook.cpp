#include <catch2/catch.hpp>
#include <fstream>

#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/workbook.hpp"
#include "archive_fixture.hpp"
#include "io/xlsx/excel_dates.hpp"  // src/: the serial numbers of both date systems
#include "io/xlsx/xlsx_writer.hpp"  // src/: a sheet written cell by cell
#include "test_support.hpp"

using namespace aidstat;

TEST_CASE("a workbook export loads back to an identical dataset", "[workbook]") {
  test::temp_dir dir;
  const dataset d = test::fixture_v1();  // notes with commas, quotes, newlines; approximations
  export_workbook(d, dir.path() / "book.xlsx");
  CHECK(load_workbook(dir.path() / "book.xlsx") == d);
  const dataset demo = load_dataset(test::demo_dataset());
  export_workbook(demo, dir.path() / "demo.xlsx");
  CHECK(load_workbook(dir.path() / "demo.xlsx") == demo);
}

TEST_CASE("Excel serial numbers in both date systems, the phantom day refused", "[workbook]") {
  std::string why;
  const auto day = [&](double serial, bool d1904) {
    const auto c = detail::day_of_serial(serial, d1904, why);
    return c ? std::to_string(c->year) + "-" + std::to_string(c->month) + "-" +
                   std::to_string(c->day)
             : "none";
  };
  // Counted by hand: day 1 is 1900-01-01; 59 is 28 February; 60 the day that never was;
  // 61 is 1 March. 45000 is 2023-03-15 (Excel shows it so). In 1904, day 0 is 1 January.
  CHECK(day(1, false) == "1900-1-1");
  CHECK(day(59, false) == "1900-2-28");
  CHECK(day(60, false) == "none");
  CHECK(why.find("29 February 1900") != std::string::npos);
  CHECK(day(61, false) == "1900-3-1");
  CHECK(day(45000.75, false) == "2023-3-15");
  CHECK(day(0, true) == "1904-1-1");
  CHECK(day(45000 - 1462, true) == "2023-3-15");
  CHECK(day(0, false) == "none");
  CHECK(detail::serial_of(date::parse("2023-03-15")) == 45000.0);
  CHECK(detail::serial_of(date::parse("2023-03")) == 44986.0);  // 1 March 2023
  CHECK_FALSE(detail::serial_of(date::parse("1900-02-28")));
}

TEST_CASE("workbook problems name the sheet and the cell", "[workbook]") {
  test::temp_dir dir;
  const auto path = dir.path() / "book.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    detail::xlsx_writer w(path);
    w.add_sheet("items", {10, 10, 10, 10}, 1);
    const char* header[] = {"date", "category", "provider", "amount"};
    for (std::uint16_t c = 0; c < 4; ++c) w.text(0, c, header[c]);
    w.text(1, 0, "2023");
    w.text(1, 1, "culture");
    w.text(1, 2, "city");
    w.text(1, 3, "1100余余万元");
    w.text(2, 0, "2023");
    w.text(2, 1, "culture");
    w.text(2, 2, "city");
    w.number(2, 3, 0.305, detail::xlsx_style::yuan);
    w.finish(out);
  }
  try {
    load_workbook(path);
    FAIL("the workbook loaded");
  } catch (const validation_error& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.problems()[0].where.cell == "items!D2");
    CHECK(e.problems()[0].to_string().starts_with(path.string() + ": items!D2: cannot read"));
    CHECK(e.problems()[1].to_string() ==
          path.string() +
              ": items!D3: the number 0.305 is finer than one fen (0.01 yuan); "
              "round it to fen");
  }
}

TEST_CASE("an amount a spreadsheet cannot hold to the fen is refused, the old file whole",
          "[workbook]") {
  test::temp_dir dir;
  const auto path = dir.path() / "totals.xlsx";
  std::ofstream(path) << "old";
  column amount;
  amount.name = "amount";
  amount.type = cell_type::money;
  const std::int64_t limit = std::int64_t{1} << 53;
  amount.cells = {money_interval(money(limit + 1), money(limit + 1))};
  table tab;
  tab.columns = {amount};
  tab.rows = 1;
  tab.csv = {0};
  CHECK_THROWS_WITH(save_workbook(path, {{"totals", tab}}),
                    Catch::Contains("too large for a spreadsheet number to hold to the fen"));
  CHECK(test::file_text(path) == "old");
  // 2^53 - 1 fen is the largest whole fen a double holds; in yuan it still reads back.
  tab.columns[0].cells = {money_interval(money(12345678901234), money(12345678901234))};
  save_workbook(path, {{"totals", tab}});
  CHECK(test::file_text(path).starts_with("PK"));
}
