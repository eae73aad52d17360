// Errors that stay bounded and tell the truth, and outputs safe to open: quoted data
// cut at 60 characters, at most 1,000 problems, NUL and control characters shown as
// \xNN, Markdown that never becomes markup, sums no total can hold named by check,
// bare units refused, CR-only line ends counted, archive text checked as UTF-8, and
// 廿, 卅 and 卌 read as old documents write them.
#include <catch2/catch.hpp>
#include <sstream>

#include "aidstat/amount_text.hpp"
#include "aidstat/archive.hpp"
#include "aidstat/check.hpp"
#include "aidstat/export_csv.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/totals_output.hpp"
#include "archive_patch.hpp"
#include "test_support.hpp"

using namespace aidstat;
using namespace aidstat::test;

namespace {

const char* const kUnits = "id,name,kind,side,parent,region\ncity,City,government,civilian,,\n";

// The problems of loading `items` (an items.csv text) beside kUnits.
validation_error problems_of(const std::string& items) {
  temp_dir tmp;
  tmp.write("units.csv", kUnits);
  tmp.write("items.csv", items);
  try {
    load_dataset(tmp.path());
  } catch (const validation_error& e) {
    return e;
  }
  FAIL("the data loaded without a problem");
  throw std::logic_error("unreachable");
}

using bounds = std::pair<std::int64_t, std::int64_t>;
bounds fen_of(const char* text) {
  const money_interval m = parse_money(text);
  return {m.min().fen(), m.max().fen()};
}
bounds count_of(const char* text) {
  const quantity_text q = parse_quantity(text);
  return {q.value.min().value(), q.value.max().value()};
}

}  // namespace

TEST_CASE("a bad field is quoted up to 60 characters, then '…'", "[errors]") {
  const std::string huge(200000, 'x');
  const validation_error e =
      problems_of("date,category,provider,amount\n" + huge +
                  ",condolence,city,5\n2023-01-01,condolence,city," + huge + "\n");
  REQUIRE(e.problems().size() == 2);
  for (const problem& p : e.problems()) {
    INFO(p.message);
    CHECK(p.message.size() < 300);
    CHECK_THAT(p.message, Catch::Contains("'" + std::string(60, 'x') + "…'"));
  }
  CHECK(std::string(e.what()).size() < 1000);
}

TEST_CASE("a NUL or an ESC in a bad field is shown as \\xNN, and the reason kept", "[errors]") {
  using namespace std::string_literals;
  const validation_error e = problems_of(
      "date,category,provider,amount\n"
      "2023-01-01,condolence,city,12\0x\x1b]0;owned\x07\n"s);
  REQUIRE(e.problems().size() == 1);
  const std::string what = e.what();
  CHECK_THAT(what, Catch::Contains("12\\x00x\\x1B]0;owned\\x07"));
  CHECK_THAT(what, Catch::Contains("as a figure"));
  CHECK(what.find('\x1b') == std::string::npos);
  CHECK(what.find('\0') == std::string::npos);
}

TEST_CASE("at most 1,000 problems are kept, and reading stops there", "[errors]") {
  std::string items = "date,category,provider,amount\n";
  for (int i = 0; i < 2500; ++i) items += "2023-02-30,condolence,city,5\n";
  const validation_error e = problems_of(items);
  CHECK(e.problems().size() == 1000);
  CHECK(e.stopped());
  CHECK(e.problems().back().where.line == 1001);  // the header, then the first 1,000 rows
  CHECK_THAT(e.what(), Catch::Contains("1000 problems") && Catch::Contains("reading stopped"));

  temp_dir tmp;
  tmp.write("units.csv", kUnits);
  tmp.write("items.csv", items);
  const check_report r = check_dataset_at(tmp.path());
  CHECK(r.errors() == 1000);
  CHECK_THAT(r.findings.back().message, Catch::StartsWith("reading stopped at the first 1000"));
}

TEST_CASE("CR-only line ends are counted as lines", "[errors]") {
  const validation_error e = problems_of(
      "date,category,provider,amount\r2023-01-01,condolence,city,5\r"
      "2023-01-02,condolence,city,5\r2023-02-30,condolence,city,5\r");
  REQUIRE(e.problems().size() == 1);
  CHECK(e.problems()[0].where.line == 4);
  CHECK(e.problems()[0].where.column == 1);

  // A CR alone inside a quoted note is a line break too; CRLF inside one is one line.
  const validation_error quoted = problems_of(
      "date,category,provider,amount,note\r2023-01-01,condolence,city,5,\"a\rb\r\nc\"\r"
      "2023-02-30,condolence,city,5,\r");
  REQUIRE(quoted.problems().size() == 1);
  CHECK(quoted.problems()[0].where.line == 5);

  temp_dir tmp;
  tmp.write("units.csv", "id,name,kind,side,parent,region\rcity,City,government,civilian,,\r");
  tmp.write("items.csv",
            "date,category,provider,amount\r2023-01-01,condolence,city,5\r"
            "2023-01-02,education,city,7\r\r");
  const dataset d = load_dataset(tmp.path());
  CHECK(d.item_count() == 2);
  CHECK(d.item(1).amount->min().fen() == 700);
}

TEST_CASE("a figure starts with a number: a bare unit is refused, naming it", "[errors]") {
  for (const char* bare : {"亿元", "万元", "万", "萬元"}) {
    INFO(bare);
    CHECK_THROWS_AS(parse_money(bare), parse_error);
    CHECK_THROWS_WITH(parse_money(bare), Catch::Contains(std::string("'") + bare + "'"));
  }
  // An implied 一 stays where reports write it: after 近 or 约, before 余 or 多.
  CHECK(fen_of("近万元") == bounds{900000, 1000000});
  CHECK(count_of("万余人") == bounds{10000, 20000});
}

TEST_CASE("廿, 卅 and 卌 are 20, 30 and 40", "[errors][amount_text]") {
  CHECK(fen_of("廿二元") == bounds{2200, 2200});
  CHECK(fen_of("卅元") == bounds{3000, 3000});
  CHECK(count_of("卌五人") == bounds{45, 45});
  CHECK(fen_of("一百廿元") == bounds{12000, 12000});
  CHECK(fen_of("廿万元") == bounds{20000000, 20000000});
  CHECK(fen_of("卅余万元") == bounds{30000000, 40000000});
  for (const char* bad : {"二廿元", "廿十元", "十廿元"}) {
    INFO(bad);
    CHECK_THROWS_WITH(parse_money(bad), Catch::Contains("out of place"));
  }
}

TEST_CASE("check reports sums that no total can hold, naming the category", "[errors][check]") {
  temp_dir tmp;
  tmp.write("units.csv", kUnits);
  tmp.write("items.csv",
            "date,category,provider,amount\n2023-01-01,condolence,city,50000000000000000\n"
            "2023-01-02,condolence,city,50000000000000000\n2023-01-02,education,city,5\n");
  CHECK_THROWS_AS(compute_totals(load_dataset(tmp.path()), {}), overflow_error);
  const check_report r = check_dataset_at(tmp.path());
  REQUIRE(r.errors() == 1);
  const auto f = std::find_if(r.findings.begin(), r.findings.end(),
                              [](const finding& x) { return x.kind == finding_kind::overflow; });
  REQUIRE(f != r.findings.end());
  CHECK_THAT(f->message, Catch::Contains("'condolence'"));
  CHECK_THAT(f->message, !Catch::Contains("'education'"));
}

TEST_CASE("check lists ten places of a repeated record, with the count", "[errors][check]") {
  std::string items = "date,category,provider,amount\n";
  for (int i = 0; i < 30; ++i) items += "2023-01-01,condolence,city,5\n";
  temp_dir tmp;
  tmp.write("units.csv", kUnits);
  tmp.write("items.csv", items);
  const check_report r = check_dataset_at(tmp.path());
  const auto f = std::find_if(r.findings.begin(), r.findings.end(),
                              [](const finding& x) { return x.kind == finding_kind::duplicate; });
  REQUIRE(f != r.findings.end());
  CHECK_THAT(f->message, Catch::StartsWith("record repeated at line 3, line 4,"));
  CHECK_THAT(f->message, Catch::Contains("line 12, … (29 repeats in all)"));
  CHECK_THAT(f->message, !Catch::Contains("line 13"));
}

TEST_CASE("tables show control characters as \\xNN; Markdown escapes markup; CSV keeps data",
          "[errors][output]") {
  temp_dir tmp;
  tmp.write("units.csv", std::string(kUnits) +
                             "evil,\x1b]0;owned\x07<img src=x onerror=alert(1)>|x,"
                             "enterprise,civilian,,\n");
  tmp.write("items.csv", "date,category,provider,amount\n2023-01-01,condolence,evil,5\n");
  const std::string dir = "'" + tmp.path().string() + "'";
  const run_result table = run_cli("totals " + dir + " --by provider");
  REQUIRE(table.status == 0);
  CHECK(table.out.find('\x1b') == std::string::npos);
  CHECK_THAT(table.out, Catch::Contains("\\x1B]0;owned\\x07"));
  const run_result md = run_cli("totals " + dir + " --by provider --format md");
  REQUIRE(md.status == 0);
  CHECK(md.out.find("<img") == std::string::npos);
  CHECK_THAT(md.out, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;\\|x"));
  // CSV is the data's own form: exported, the name is kept as it is.
  const auto out = tmp.path() / "exported";
  REQUIRE(run_cli("export " + dir + " -o '" + out.string() + "'").status == 0);
  CHECK_THAT(file_text(out / "units.csv"),
             Catch::Contains("\x1b]0;owned\x07<img src=x onerror=alert(1)>|x"));
}

TEST_CASE("archive text that is not UTF-8 is refused at load, checksums right or not",
          "[errors][archive]") {
  temp_dir tmp;
  dataset d = city_and_army();
  d.add_unit(unit("MARKERUNIT", "name", unit_kind::enterprise, side::civilian));
  aid_item it;
  it.date = date::parse("2023-01-01");
  it.category = "condolence";
  it.provider = "MARKERUNIT";
  it.note = "MARKERNOTE";
  d.add_item(it);
  const auto file = tmp.path() / "x.aidstat";
  save_archive(d, file);
  std::string bytes = file_text(file);
  for (const auto& [marker, section] :
       {std::pair{"MARKERUNIT", "entities"}, std::pair{"MARKERNOTE", "notes"}}) {
    std::string damaged = bytes;
    const std::size_t at = damaged.find(marker);
    REQUIRE(at != std::string::npos);
    damaged[at + 2] = '\xFF';
    fix_checksum(damaged, section);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged;
    INFO(section);
    CHECK_THROWS_WITH(load_archive(file), Catch::Contains("not valid UTF-8"));
  }
}

TEST_CASE("check warns of text that a spreadsheet would run as a formula; CSV keeps it",
          "[errors][check]") {
  temp_dir tmp;
  tmp.write("units.csv",
            std::string(kUnits) + "firm,\"=HYPERLINK(\"\"x\"\")\",enterprise,civilian,,\n");
  tmp.write("items.csv",
            "date,category,provider,amount,note\n2023-01-01,condolence,city,5,plain\n"
            "2023-01-02,condolence,firm,5,@SUM(A1)\n2023-01-03,condolence,city,5,-3\n");
  const check_report r = check_dataset_at(tmp.path());
  const auto f = std::find_if(r.findings.begin(), r.findings.end(),
                              [](const finding& x) { return x.kind == finding_kind::formula; });
  REQUIRE(f != r.findings.end());
  CHECK(f->level == finding_level::warning);
  CHECK_THAT(f->message, Catch::StartsWith("3 text cell(s)"));
  CHECK_THAT(f->message, Catch::Contains("unit name '=HYPERLINK(\"x\")'") &&
                             Catch::Contains("note at line 3 '@SUM(A1)'") &&
                             Catch::Contains("note at line 4 '-3'"));
  const auto out = tmp.path() / "exported";
  export_csv(load_dataset(tmp.path()), out);
  CHECK(load_dataset(out).item(1).note == "@SUM(A1)");
  CHECK_THAT(file_text(out / "units.csv"), Catch::Contains("firm,\"=HYPERLINK(\"\"x\"\")\""));
}
