// The parallel items.csv reader against the checking one: the same dataset and the
// same lines for every file without problems, and nothing at all otherwise.
#include <catch2/catch.hpp>
#include <random>

#include "aidstat/amount_text.hpp"
#include "aidstat/load_csv.hpp"
#include "io/items_checked.hpp"
#include "io/items_fast.hpp"

using namespace aidstat;

namespace {

const char* const kUnitsCsv =
    "id,name,kind,side,parent,region\n"
    "city,City,government,civilian,,east\n"
    "firm,Firm,enterprise,civilian,,\n"
    "garrison,Garrison,military_unit,military,,\n"
    "73051,Unit 73051,military_unit,military,garrison,\n"
    "club,Club,social_org,,,\n";
const char* const kPeopleCsv =
    "id,kind,unit,headcount\n"
    "needy,active_member,73051,27\n"
    "town,civilian,,300\n"
    "vet,veteran,,1\n";

// A file of `n` rows exercising every field form the readers accept: three date
// precisions, report notations, intervals, Chinese measures, quoted notes with
// commas, quotes and line breaks, CRLF endings, blank lines and a BOM.
// With `any_units`, units are ids a units.csv would not define ("u123", some quoted
// with a doubled quote), first met all through the file.
std::string items_csv(std::size_t n, std::uint64_t seed, bool any_units = false) {
  std::mt19937_64 rng(seed);
  const auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  static const char* const units[] = {"city", "firm", "garrison", "73051", "club"};
  static const char* const people[] = {"needy", "town", "vet"};
  static const char* const cats[] = {"condolence", "education", "medical", "other", "culture"};
  static const char* const amounts[] = {
      "1200",       "3.5",        "0.05", "12余万元", "近30万元",
      "[1, 2]万元", "1100余万元", "0",    "2,000"};  // quoted below: a thousands separator
  static const char* const quantities[] = {"25", "3000余人次", "14场", "0", "约200人"};
  static const char* const notes[] = {"",           "春节慰问",   "with, comma",
                                      "say \"hi\"", "two\nlines", "crlf\r\nline"};
  std::string out =
      "\xEF\xBB\xBFnote,amount,date,provider,category,recipient,beneficiary,"
      "form,quantity,measure,direction\n";
  for (std::size_t i = 0; i < n; ++i) {
    const int y = 2020 + static_cast<int>(pick(4)), m = 1 + static_cast<int>(pick(12));
    std::string date = std::to_string(y);
    if (pick(3)) date += (m < 10 ? "-0" : "-") + std::to_string(m);
    if (date.size() == 7 && pick(2)) date += "-1" + std::to_string(pick(9));
    std::string note = notes[pick(6)];
    if (note.find_first_of(",\"\n") != std::string::npos) {
      std::string quoted = "\"";
      for (char ch : note) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      note = quoted + "\"";
    }
    std::string amount = pick(5) ? amounts[pick(9)] : "";
    if (amount.find(',') != std::string::npos) amount = "\"" + amount + "\"";
    std::string provider = units[pick(5)];
    std::string recipient = pick(4) ? units[pick(5)] : "";
    if (any_units) {
      provider = pick(100) ? "u" + std::to_string(pick(20000))
                           : "\"q\"\"" + std::to_string(pick(9)) + "\"";
      if (!recipient.empty()) recipient = "r" + std::to_string(pick(5000));
    }
    // About one row in six names neither a recipient nor a beneficiary.
    std::string person = pick(3) == 0 ? people[pick(3)] : "";
    std::string quantity, measure;
    if (pick(3) == 0) {
      quantity = quantities[pick(5)];
      if (quantity == "25" || quantity == "0") measure = pick(2) ? "person" : "人次";
    }
    const char* form = pick(3) ? (pick(2) ? "cash" : "in_kind") : "";
    const char* direction = pick(10) == 0 ? "support_military" : "";
    out += note + "," + amount + "," + date + "," + provider + "," + cats[pick(5)] + "," +
           recipient + "," + person + "," + form + "," + quantity + "," + measure + "," +
           direction + (pick(7) == 0 ? "\r\n" : "\n");
    if (pick(50) == 0) out += "\n";  // a blank line
  }
  return out;
}

// Units and beneficiaries loaded, no items yet.
dataset with_entities() {
  dataset_texts t;
  t.items = {"items.csv", "date,category,provider\n"};
  t.units = csv_text{"units.csv", kUnitsCsv};
  t.beneficiaries = csv_text{"beneficiaries.csv", kPeopleCsv};
  return read_dataset(t);
}

}  // namespace

TEST_CASE("plain amounts and counts read as parse_money and parse_quantity read them",
          "[load_csv]") {
  for (const char* text : {"0", "1", "10", "123.4", "123.45", "0.05", "999999999999999"}) {
    INFO(text);
    const auto fen = detail::plain_yuan(text);
    REQUIRE(fen);
    CHECK(money_interval::exact(money{*fen}) == parse_money(text));
  }
  for (const char* text : {"", "01", "1.", ".5", "1.234", "-1", "1e5", "12余", "1 000",
                           "1234567890123456", "99999999999999999999999999999.5"}) {
    INFO(text);
    CHECK_FALSE(detail::plain_yuan(text));
  }
  for (const char* text : {"0", "7", "250"}) {
    const auto n = detail::plain_count(text);
    REQUIRE(n);
    CHECK(count_interval::exact(count{*n}) == parse_quantity(text).value);
  }
  CHECK_FALSE(detail::plain_count("007"));
  CHECK_FALSE(detail::plain_count("2.5"));
}

TEST_CASE("the parallel items reader gives exactly what the checking reader gives", "[load_csv]") {
  // About 4 MB, so that up to four threads each take a share.
  const csv_text file{"items.csv", items_csv(72'000, 11)};
  REQUIRE(file.text.size() > (std::size_t{4} << 20));
  const dataset base = with_entities();
  dataset checked = base;
  std::vector<problem> problems;
  std::vector<std::uint32_t> checked_lines;
  detail::read_items_checked(detail::view_of(file), checked, true, true, problems, &checked_lines);
  if (!problems.empty()) FAIL(problems.front().to_string());
  REQUIRE(checked.item_count() == 72'000);
  for (unsigned threads : {1u, 2u, 3u, 4u}) {
    INFO(threads << " threads");
    dataset fast = base;
    std::vector<std::uint32_t> lines;
    REQUIRE(detail::read_items_fast(detail::view_of(file), fast, threads, &lines));
    CHECK(fast == checked);
    CHECK(lines == checked_lines);
  }
}

TEST_CASE("without units.csv the parallel reader makes the units the checking reader makes",
          "[load_csv]") {
  // Units first met in every thread's share; they must come out in file order.
  const csv_text file{"items.csv", items_csv(72'000, 13, true)};
  dataset_texts t;
  t.items = {"items.csv", "date,category,provider\n"};
  t.beneficiaries = csv_text{"beneficiaries.csv",
                             "id,kind,unit,headcount\nneedy,active_member,,27\n"
                             "town,civilian,,300\nvet,veteran,,1\n"};
  const dataset base = read_dataset(t);
  dataset checked = base;
  std::vector<problem> problems;
  std::vector<std::uint32_t> checked_lines;
  detail::read_items_checked(detail::view_of(file), checked, false, true, problems, &checked_lines);
  if (!problems.empty()) FAIL(problems.front().to_string());
  REQUIRE(checked.unit_count() > 20'000);
  CHECK(checked.find_unit("q\"3"));
  for (unsigned threads : {1u, 2u, 3u, 4u}) {
    INFO(threads << " threads");
    dataset fast = base;
    std::vector<std::uint32_t> lines;
    REQUIRE(detail::read_items_fast(detail::view_of(file), fast, threads, &lines, false));
    CHECK(fast == checked);
    CHECK(lines == checked_lines);
  }
  // An id that is not UTF-8, or none, is for the checking reader to name.
  for (const char* bad : {"2023,other,u\xff\n", "2023,other,\n"}) {
    dataset d = base;
    const csv_text one{"items.csv", std::string("date,category,provider\n") + bad};
    CHECK_FALSE(detail::read_items_fast(detail::view_of(one), d, 1, nullptr, false));
    CHECK(d.unit_count() == 0);
  }
  // With units.csv the same ids are undefined: the parallel reader leaves the file.
  dataset strict = base;
  CHECK_FALSE(detail::read_items_fast(detail::view_of(file), strict, 2, nullptr, true));
  CHECK(strict.item_count() == 0);
}

TEST_CASE("the parallel items reader adds nothing when any row needs checking", "[load_csv]") {
  const std::string good = items_csv(30'000, 5);
  const dataset base = with_entities();
  for (const std::string bad :
       {"x,1,2023-02-30,city,education,firm,,,,,\n",  // no such day
        "x,1,2023,nowhere,education,firm,,,,,\n",     // unknown unit
        "x,1,2023,city,educaton,firm,,,,,\n",         // unknown category
        "x,-5,2023,city,education,firm,,,,,\n",       // negative amount
        "x,1,2023,city,education,firm,,,25,,\n",      // no measure
        "x,1,2023,city,education,firm,,,,\n",         // a field short
        "x\"y,1,2023,city,education,firm,,,,,\n",     // a stray quote
        "\"x\"y,1,2023,city,education,firm,,,,,\n",   // text after quote
        "x,1,2023,city,education,firm,,,,,\xff\n",    // not UTF-8
        // Not UTF-8 in the note (the one text kept), a quoted note,
        // a category and a notation: each is refused here.
        "x\xff,1,2023,city,education,firm,,,,,\n", "\"a\xff, b\",1,2023,city,education,firm,,,,,\n",
        "x,1,2023,city,educ\xe4tion,firm,,,,,\n",
        "x,5\xe4\xb8\xe4\xb8\x87\xe5\x85\x83,2023,city,education,firm,,,,,\n"}) {
    INFO(bad);
    for (unsigned threads : {1u, 3u}) {
      // The bad row in the middle of the file, in some thread's share.
      const std::size_t middle = good.find('\n', good.size() / 2) + 1;
      const csv_text file{"items.csv", good.substr(0, middle) + bad + good.substr(middle)};
      dataset d = base;
      CHECK_FALSE(detail::read_items_fast(detail::view_of(file), d, threads, nullptr));
      CHECK(d.item_count() == 0);
    }
  }
}
