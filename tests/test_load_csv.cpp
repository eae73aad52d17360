#include <catch2/catch.hpp>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "aidstat/totals.hpp"
#include "io/csv/csv_reader.hpp"  // src/: the UTF-8 check
#include "test_support.hpp"

using namespace aidstat;

namespace {
const std::string kHeader =
    "date,category,provider,recipient,beneficiary,form,amount,quantity,measure,note\n";

// The problems of loading `items` (and optional units), as "line:column: message" strings.
std::vector<problem> problems_of(const std::string& items,
                                 std::optional<std::string> units = std::nullopt,
                                 std::optional<std::string> beneficiaries = std::nullopt) {
  dataset_texts t;
  t.items = {"items.csv", items};
  if (units) t.units = csv_text{"units.csv", *units};
  if (beneficiaries) t.beneficiaries = csv_text{"beneficiaries.csv", *beneficiaries};
  try {
    read_dataset(t);
  } catch (const validation_error& e) {
    return e.problems();
  }
  return {};
}

std::string at(const problem& p) {
  return p.where.file + ":" + std::to_string(p.where.line) + ":" + std::to_string(p.where.column);
}
}  // namespace

TEST_CASE("RFC 4180: quotes, embedded commas, quotes and newlines, CRLF, BOM", "[load_csv]") {
  const std::string items =
      "\xEF\xBB\xBF" + std::string("date,category,provider,recipient,amount,note\r\n") +
      "2023,condolence,city,73051,319万元,\"春节, 八一\"\r\n"
      "2023-07,condolence,city,73051,\"1,234.5\",\"he said \"\"hi\"\"\nsecond line\"\r\n"
      "2023-07-29,condolence,city,73051,,\r\n";
  dataset_texts t;
  t.items = {"items.csv", items};
  const dataset d = read_dataset(t);
  REQUIRE(d.item_count() == 3);
  CHECK(d.item(0).note == "春节, 八一");
  CHECK(d.item(0).amount == parse_money("319万元"));
  CHECK(d.item(1).amount == parse_money("1234.5"));
  CHECK(d.item(1).note == "he said \"hi\"\nsecond line");
  CHECK(d.item(2).date == date(2023, 7, 29));
  CHECK_FALSE(d.item(2).amount.has_value());
  // Without units.csv, ids are their own names.
  CHECK(d.unit_at(*d.find_unit("73051")).name == "73051");
}

TEST_CASE("columns may come in any order", "[load_csv]") {
  dataset_texts t;
  t.items = {"items.csv", "note,amount,recipient,provider,category,date\nx,5元,b,a,culture,2023\n"};
  const dataset d = read_dataset(t);
  CHECK(d.item(0).provider == "a");
  CHECK(d.item(0).recipient == "b");
  CHECK(d.item(0).amount == parse_money("5"));
}

TEST_CASE("every problem is reported at once with file, line and column", "[load_csv]") {
  const std::string items = kHeader +
                            "2023-02-30,condolence,city,73051,,,5万元,,,\n"  // line 2: bad date
                            "2023,condolance,city,73051,,,5万元,,,\n"        // line 3: typo
                            "2023,condolence,city,73051,,,12x万元,,,\n"      // line 4: amount
                            "2023,condolence,city,99999,,,5万元,,,\n"        // line 5: unit
                            "2023,condolence,city,73051,ghost,,,,,\n"        // line 6: beneficiary
                            "2023,condolence,city,73051,,,5万元,,\n"         // line 7: 9 fields
                            "2023,condolence,city,73051,,gift,,,,\n"         // line 8: form
                            "2023,condolence,city,73051,,,,200,,\n"          // line 9: no measure
                            "2023,condolence,city,73051,,,,200人次,session,\n"  // line 10: clash
                            "2023,condolence,city,73051,,,200人次,,,\n";  // line 11: count as money
  const std::string units =
      "id,name,kind,side\ncity,xx市,government,civilian\n73051,73051部队,military_unit,military\n";
  const auto ps = problems_of(items, units, std::string("id,kind,unit,headcount\n"));
  REQUIRE(ps.size() == 10);
  CHECK(at(ps[0]) == "items.csv:2:1");
  CHECK_THAT(ps[0].message, Catch::Contains("'2023-02-30' is not a date"));
  CHECK(at(ps[1]) == "items.csv:3:2");
  CHECK_THAT(ps[1].message, Catch::Contains("unknown category 'condolance'") &&
                                Catch::Contains("did you mean 'condolence'"));
  CHECK(at(ps[2]) == "items.csv:4:7");
  CHECK_THAT(ps[2].message, Catch::Contains("'12x万元'"));
  CHECK(at(ps[3]) == "items.csv:5:4");
  CHECK_THAT(ps[3].message, Catch::Contains("recipient '99999' is not defined in units.csv"));
  CHECK(at(ps[4]) == "items.csv:6:5");
  CHECK_THAT(ps[4].message, Catch::Contains("beneficiary 'ghost' is not defined"));
  CHECK(at(ps[5]) == "items.csv:7:10");
  CHECK_THAT(ps[5].message, Catch::Contains("9 fields but the header has 10"));
  CHECK(at(ps[6]) == "items.csv:8:6");
  CHECK_THAT(ps[6].message, Catch::Contains("'gift' is not a form") && Catch::Contains("in_kind"));
  CHECK(at(ps[7]) == "items.csv:9:8");
  CHECK_THAT(ps[7].message, Catch::Contains("has no measure"));
  CHECK(at(ps[8]) == "items.csv:10:8");
  CHECK_THAT(ps[8].message,
             Catch::Contains("counts person_time but the measure column says session"));
  CHECK(at(ps[9]) == "items.csv:11:7");
  CHECK_THAT(ps[9].message, Catch::Contains("quantity column"));
}

TEST_CASE("header problems: unknown, duplicate and missing columns", "[load_csv]") {
  auto ps = problems_of("date,category,provider,recipient,amout\n2023,culture,a,b,5\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:1:5");
  CHECK_THAT(ps[0].message, Catch::Contains("unknown column 'amout'"));

  ps = problems_of("date,category,provider,date\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:1:4");
  CHECK_THAT(ps[0].message, Catch::Contains("appears twice"));

  ps = problems_of("date,provider,recipient\n2023,a,b\n");
  REQUIRE(ps.size() == 1);
  CHECK_THAT(ps[0].message, Catch::Contains("no 'category' column"));

  ps = problems_of("");
  REQUIRE(ps.size() == 1);
  CHECK_THAT(ps[0].message, Catch::Contains("empty"));
}

TEST_CASE("malformed quoting is reported where it starts", "[load_csv]") {
  auto ps =
      problems_of(kHeader + "2023,culture,a,b,,,5,,,ok\n2023,culture,a,b,,,5,,,\"never closed\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:3:10");
  CHECK_THAT(ps[0].message, Catch::Contains("never closed"));

  ps = problems_of(kHeader + "2023,culture,a,b,,,5,,,say \"hi\"\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:2:10");
  CHECK_THAT(ps[0].message, Catch::Contains("quote appears inside an unquoted field"));

  ps = problems_of(kHeader + "2023,culture,a,b,,,5,,,\"hi\"x\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:2:10");

  // A quoted newline moves the line count on: the next record starts on line 4.
  ps = problems_of(kHeader + "2023,culture,a,b,,,5,,,\"two\nlines\"\n2023,culture,a,b,,,bad,,,\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:4:7");
}

TEST_CASE("invalid UTF-8 is an error, not silently kept", "[load_csv]") {
  const auto ps = problems_of(kHeader + "2023,culture,a,b,,,5,,,\xff\xfe\n");
  REQUIRE(ps.size() == 1);
  CHECK(at(ps[0]) == "items.csv:2:10");
  CHECK_THAT(ps[0].message, Catch::Contains("UTF-8"));
  // In fields that are parsed or looked up too, named where they stand.
  const auto in_category = problems_of(kHeader + "2023,cul\xe4ture,a,b,,,5,,,\n");
  REQUIRE_FALSE(in_category.empty());
  CHECK(at(in_category[0]) == "items.csv:2:2");
  CHECK_THAT(in_category[0].message, Catch::Contains("UTF-8"));
  const auto in_amount = problems_of(kHeader + "2023,culture,a,b,,,5\xe4\xb8\xe5\x85\x83,,,\n");
  REQUIRE_FALSE(in_amount.empty());
  CHECK(at(in_amount[0]) == "items.csv:2:7");
  CHECK_THAT(in_amount[0].message, Catch::Contains("UTF-8"));
}

TEST_CASE("the UTF-8 check accepts exactly the well-formed sequences", "[load_csv]") {
  // Unicode's table of well-formed byte sequences (chapter 3, table 3-7): the range of
  // the second byte depends on the first, every later byte is 80..BF.
  const auto well_formed = [](const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
      const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
      const unsigned c = b(0);
      std::size_t n = 0;
      unsigned lo = 0x80, hi = 0xBF;
      if (c < 0x80)
        n = 0;
      else if (c >= 0xC2 && c <= 0xDF)
        n = 1;
      else if (c >= 0xE0 && c <= 0xEF)
        n = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      else if (c >= 0xF0 && c <= 0xF4)
        n = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      else
        return false;
      if (i + n >= s.size() && n > 0) return false;
      for (std::size_t k = 1; k <= n; ++k) {
        const unsigned cc = b(k);
        if (k == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF)) return false;
      }
      i += n + 1;
    }
    return true;
  };
  // Every one- to three-byte sequence from a lead byte of C0 up, alone and between ASCII
  // (so that the eight-bytes-at-a-time path runs into it), and truncated.
  std::size_t disagree = 0, accepted = 0;
  for (unsigned c = 0xC0; c <= 0xFF; ++c) {
    for (unsigned c1 = 0; c1 <= 0xFF; ++c1) {
      for (unsigned c2 = 0; c2 <= 0xFF; ++c2) {
        const std::string seq{static_cast<char>(c), static_cast<char>(c1), static_cast<char>(c2)};
        for (const std::string& s : {seq, "ascii, eight+" + seq + "x", seq.substr(0, 2)}) {
          const bool ok = detail::valid_utf8(s);
          disagree += ok != well_formed(s);
          accepted += ok;
        }
      }
    }
  }
  CHECK(disagree == 0);
  CHECK(accepted > 0);
  // Four-byte sequences at the edges of their ranges.
  for (const char* good : {"\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xE4\xB8\x87元"})
    CHECK(detail::valid_utf8(good));
  for (const char* bad : {"\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80"})
    CHECK_FALSE(detail::valid_utf8(bad));
}

TEST_CASE("units, beneficiaries and categories files are validated too", "[load_csv]") {
  dataset_texts t;
  t.items = {"items.csv", kHeader + "2023,care,a,b,,,5,,,\n"};
  t.units = csv_text{"units.csv",
                     "id,name,kind,side,parent\na,A,government,civilian,\nb,B,barracks,military,\n"
                     "c,C,other,civilian,zz\nd,D,other,civilian,e\ne,E,other,civilian,d\n"};
  t.beneficiaries = csv_text{"beneficiaries.csv", "id,kind,unit,headcount\nx,veteran,a,many\n"};
  t.categories =
      csv_text{"categories.csv", "key,name_zh,name_en,parent\ncare,关怀,Care,\nsub,子,Sub,nope\n"};
  std::vector<problem> ps;
  try {
    read_dataset(t);
  } catch (const validation_error& e) {
    ps = e.problems();
  }
  REQUIRE(ps.size() == 5);
  CHECK(at(ps[0]) == "categories.csv:3:4");
  CHECK_THAT(ps[0].message, Catch::Contains("parent 'nope'"));
  CHECK(at(ps[1]) == "units.csv:3:3");
  CHECK_THAT(ps[1].message, Catch::Contains("'barracks' is not a unit kind"));
  CHECK(at(ps[2]) == "units.csv:4:5");
  CHECK_THAT(ps[2].message, Catch::Contains("parent 'zz'"));
  CHECK(at(ps[3]) == "units.csv:5:5");
  CHECK_THAT(ps[3].message, Catch::Contains("cycle"));
  CHECK(at(ps[4]) == "beneficiaries.csv:2:4");
  CHECK_THAT(ps[4].message, Catch::Contains("headcount 'many'"));
}

TEST_CASE("a custom taxonomy from categories.csv replaces the default", "[load_csv]") {
  dataset_texts t;
  t.categories =
      csv_text{"categories.csv", "key,name_zh,name_en,parent\nchild,子,Child,top\ntop,顶,Top,\n"};
  t.items = {"items.csv", "date,category,provider,recipient\n2023,child,a,b\n"};
  const dataset d = read_dataset(t);
  CHECK(d.categories().size() == 2);
  CHECK(d.categories().parent_of(*d.categories().find("child")) == *d.categories().find("top"));
  CHECK_FALSE(d.categories().find("condolence").has_value());
}

TEST_CASE("loading a directory; a missing items.csv is an io_error", "[load_csv]") {
  test::temp_dir dir;
  CHECK_THROWS_AS(load_dataset(dir.path()), io_error);
  CHECK_THROWS_AS(load_dataset(dir.path() / "nope"), io_error);
  dir.write("items.csv", "date,category,provider,recipient,amount\n2023,culture,a,b,近3万元\n");
  const dataset d = load_dataset(dir.path());
  CHECK(d.item(0).amount == parse_money("近3万元"));
  dir.write("items.csv", "date,category,provider,recipient,amount\n2023,culture,a,b,近3万x元\n");
  try {
    load_dataset(dir.path());
    FAIL("expected a validation error");
  } catch (const validation_error& e) {
    CHECK(e.problems().at(0).where.file == (dir.path() / "items.csv").string());
    CHECK_THAT(e.what(), Catch::Contains("items.csv:2:5:"));
  }
}

TEST_CASE("a hostile chain of 200000 parents loads without deep recursion", "[load_csv]") {
  std::string units = "id,parent\n";
  constexpr int depth = 200000;
  for (int i = 0; i < depth; ++i)
    units +=
        "u" + std::to_string(i) + "," + (i + 1 < depth ? "u" + std::to_string(i + 1) : "") + "\n";
  dataset_texts t;
  t.units = csv_text{"units.csv", units};
  t.items = {"items.csv", "date,category,provider,recipient\n2023,other,u0,u1\n"};
  const dataset d = read_dataset(t);
  CHECK(d.unit_count() == depth);
  CHECK(d.unit_depth(*d.find_unit("u0")) == depth - 1);
  // Rolling the deepest unit up the tree stays linear in the number of units.
  const totals up = compute_totals(d, totals_query{{dimension::parse("provider@1")}, {}});
  REQUIRE(up.groups.size() == 1);
  CHECK(up.groups[0].key[0] == "u" + std::to_string(depth - 2));
  // The same chain closed into a cycle is one clear problem, not a crash.
  units.replace(units.rfind(",\n"), 2, ",u0\n");
  t.units = csv_text{"units.csv", units};
  try {
    read_dataset(t);
    FAIL("expected a cycle");
  } catch (const validation_error& e) {
    CHECK_THAT(e.problems().at(0).message, Catch::Contains("cycle"));
  }
}
