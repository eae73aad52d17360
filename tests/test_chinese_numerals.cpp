// Chinese numerals as receipts, transfer notices and bank slips write them: every
// digit and place in both scripts, zeros in every position, 角 and 分, 整, 点,
// full-width digits, and the report notations combined with them. Each value was
// worked out by hand; a round trip through a writer of the test's own checks them at
// random up to 10^12.
#include <catch2/catch.hpp>
#include <random>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"
#include "io/items/items_checked.hpp"
#include "io/items/items_fast.hpp"

using namespace aidstat;

namespace {

struct money_case {
  const char* text;
  std::int64_t min_fen, max_fen;
};
struct count_case {
  const char* text;
  std::int64_t min, max;
};

// Money, in fen.
const money_case kMoney[] = {
    // Every everyday digit.
    {"零元", 0, 0},
    {"〇元", 0, 0},
    {"一元", 100, 100},
    {"二元", 200, 200},
    {"两元", 200, 200},
    {"三元", 300, 300},
    {"四元", 400, 400},
    {"五元", 500, 500},
    {"六元", 600, 600},
    {"七元", 700, 700},
    {"八元", 800, 800},
    {"九元", 900, 900},
    // Places and zeros in every position.
    {"十元", 1000, 1000},
    {"十一元", 1100, 1100},
    {"二十元", 2000, 2000},
    {"一百元", 10000, 10000},
    {"一百零一元", 10100, 10100},
    {"一百一十元", 11000, 11000},
    {"一百十元", 11000, 11000},
    {"一千元", 100000, 100000},
    {"一千零一元", 100100, 100100},
    {"一千零十元", 101000, 101000},
    {"一千零十一元", 101100, 101100},
    {"一千零一十元", 101000, 101000},
    {"二千零二十三元", 202300, 202300},
    {"两千元", 200000, 200000},
    {"一万元", 1000000, 1000000},
    {"一万零一元", 1000100, 1000100},
    {"一万零一十元", 1001000, 1001000},
    {"一万零百一十一元", 1011100, 1011100},
    {"一万零十一元", 1001100, 1001100},
    {"十万元", 10000000, 10000000},
    {"一十万元", 10000000, 10000000},
    {"十万零五百元", 10050000, 10050000},
    {"一百万元", 100000000, 100000000},
    {"三千五百万元", 3500000000, 3500000000},
    {"一千万零五元", 1000000500, 1000000500},
    {"一亿元", 10000000000, 10000000000},
    {"一亿零五万元", 10005000000, 10005000000},
    {"一亿二千万元", 12000000000, 12000000000},
    {"三亿零五元", 30000000500, 30000000500},
    {"一万亿元", 100000000000000, 100000000000000},
    {"一万二千亿元", 120000000000000, 120000000000000},
    // Financial capitals (大写), simplified and traditional.
    {"壹元", 100, 100},
    {"贰元", 200, 200},
    {"叁元", 300, 300},
    {"肆元", 400, 400},
    {"伍元", 500, 500},
    {"陆元", 600, 600},
    {"柒元", 700, 700},
    {"捌元", 800, 800},
    {"玖元", 900, 900},
    {"壹拾元", 1000, 1000},
    {"壹佰元", 10000, 10000},
    {"壹仟元", 100000, 100000},
    {"壹萬元", 1000000, 1000000},
    {"壹億元", 10000000000, 10000000000},
    {"貳拾元", 2000, 2000},
    {"參拾元", 3000, 3000},
    {"陸拾元", 6000, 6000},
    {"兩萬元", 2000000, 2000000},
    {"壹拾壹圆", 1100, 1100},
    {"壹拾壹圓", 1100, 1100},
    {"壹仟零壹拾圆整", 101000, 101000},
    {"壹万零壹佰壹拾壹元", 1011100, 1011100},
    {"叁億肆仟伍佰陆拾柒萬捌仟玖佰零壹圆", 34567890100, 34567890100},
    // 角, 分, 整 and 正.
    {"壹拾壹元壹角壹分", 1111, 1111},
    {"玖仟陆佰陆拾伍圆壹角捌分", 966518, 966518},
    {"壹佰壹拾壹圆整", 11100, 11100},
    {"壹佰壹拾壹圆正", 11100, 11100},
    {"贰萬叁仟肆佰伍拾陆圆柒角捌分", 2345678, 2345678},
    {"壹元零伍分", 105, 105},
    {"叁拾圆零捌分", 3008, 3008},
    {"伍角", 50, 50},
    {"伍分", 5, 5},
    {"壹角伍分", 15, 15},
    {"伍角整", 50, 50},
    {"两元五角", 250, 250},
    {"12元5角", 1250, 1250},
    {"3角", 30, 30},
    {"319万元整", 319000000, 319000000},
    // Decimals written with 点.
    {"三点五万元", 3500000, 3500000},
    {"一点二亿元", 12000000000, 12000000000},
    {"零点五元", 50, 50},
    {"二点零五元", 205, 205},
    {"十二点五元", 1250, 1250},
    {"叁点伍万元", 3500000, 3500000},
    // Full-width digits and separators, and spaces before the unit.
    {"３１９万元", 319000000, 319000000},
    {"１，２３４．５元", 123450, 123450},
    {"７８．８万元", 78800000, 78800000},
    {"319 万元", 319000000, 319000000},
    {"319\u3000万元", 319000000, 319000000},
    {" 319万元 ", 319000000, 319000000},
    {"1100 余万元", 1100000000, 1200000000},
    {"[781, 881] 万元", 781000000, 881000000},
    // The interval notations with Chinese numerals in both scripts.
    {"叁拾余万元", 30000000, 40000000},
    {"壹佰余万元", 100000000, 200000000},
    {"贰拾多万元", 20000000, 30000000},
    {"近叁万元", 2700000, 3000000},
    {"约伍万元", 4500000, 5500000},
    {"伍万元左右", 4500000, 5500000},
    {"数拾万元", 20000000, 90000000},
    {"壹拾万余元", 10000000, 11000000},
    {"三点五万余元", 3500000, 4500000},
    {"二十几万元", 20000000, 30000000},
    {"近万元", 900000, 1000000},
    {"一千零十余元", 101000, 102000},
    {"十余万元", 10000000, 20000000},
    {"近３万元", 2700000, 3000000},
};

const count_case kCounts[] = {
    {"壹佰人", 100, 100},           {"叁仟余人次", 3000, 4000}, {"两千零二十二人", 2022, 2022},
    {"近万名", 9000, 10000},        {"百余件", 100, 200},       {"一百零八人", 108, 108},
    {"二十几万人", 200000, 300000}, {"玖拾玖户", 99, 99},       {"三点五万人", 35000, 35000},
    {"３０００余人次", 3000, 4000}, {"十 场", 10, 10},          {"壹萬零壹拾份", 10010, 10010},
};

}  // namespace

TEST_CASE("Chinese numerals of receipts and reports, value by value", "[amount_text]") {
  STATIC_REQUIRE(std::size(kMoney) + std::size(kCounts) >= 100);
  for (const money_case& c : kMoney) {
    INFO(c.text);
    const money_interval m = parse_money(c.text);
    CHECK(m.min().fen() == c.min_fen);
    CHECK(m.max().fen() == c.max_fen);
  }
  for (const count_case& c : kCounts) {
    INFO(c.text);
    const count_interval q = parse_quantity(c.text).value;
    CHECK(q.min().value() == c.min);
    CHECK(q.max().value() == c.max);
  }
}

TEST_CASE("malformed numerals are refused, naming the character", "[amount_text]") {
  const std::pair<const char*, const char*> bad[] = {
      {"十十元", "'十' is out of place"},
      {"万万元", "does not start with a number"},
      {"一千千元", "'千' is out of place"},
      {"一万二千万元", "'万' is out of place"},
      {"三十百元", "'百' is out of place"},
      {"3十十元", "'十' is out of place"},
      {"万千元", "does not start with a number"},
      {"一亿亿元", "'亿' is out of place"},
      {"壹佰佰元", "'佰' is out of place"},
      {"五五元", "two Chinese digits"},
      {"壹角伍元", "'元' after 角"},
      {"1 000元", "unexpected ' '"},
      {"5元5", "unexpected '5'"},
      {"3.5元5角", "角 and 分 follow only"},
      {"约壹拾元伍角", "角 and 分 follow only"},
      {"零点元", "'点' must be followed by digits"},
      {"三点一四一五九元", "finer than one hundredth"},
      {"十余万余元", "approximate twice"},
  };
  for (const auto& [text, why] : bad) {
    INFO(text);
    CHECK_THROWS_WITH(parse_money(text),
                      Catch::Contains(std::string("'") + text + "'") && Catch::Contains(why));
  }
}

namespace {

// One way of writing numerals: digits 0-9, places 十百千, and 万 亿.
struct script {
  std::array<const char*, 10> digits;
  std::array<const char*, 4> places;  // "", 十, 百, 千
  const char* wan;
  const char* yi;
};
const script kEveryday = {{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                          {"", "十", "百", "千"},
                          "万",
                          "亿"};
const script kCapitals = {{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
                          {"", "拾", "佰", "仟"},
                          "萬",
                          "億"};

// 0 < v < 10000 as a section: zeros inside collapse to one 零; a leading 一十 may be 十;
// a 2 before 百 or 千 may be 两 (everyday script).
std::string write_section(int v, const script& s, bool leading, std::mt19937_64& rng) {
  std::string out;
  bool zero = false;
  for (int place = 3; place >= 0; --place) {
    int pow = 1;
    for (int i = 0; i < place; ++i) pow *= 10;
    const int d = v / pow % 10;
    if (d == 0) {
      zero = zero || !out.empty();
      continue;
    }
    if (zero) out += s.digits[0], zero = false;
    const bool bare_ten = place == 1 && d == 1 && leading && out.empty() && rng() % 2;
    if (!bare_ten)
      out += (d == 2 && place >= 2 && &s == &kEveryday && rng() % 2)
                 ? "两"
                 : s.digits[static_cast<std::size_t>(d)];
    out += s.places[static_cast<std::size_t>(place)];
  }
  return out;
}

// n < 10^12 written out: sections of 亿, 万 and units, with 零 where a section is
// skipped or starts below its thousands.
std::string write_chinese(std::int64_t n, const script& s, std::mt19937_64& rng) {
  if (n == 0) return s.digits[0];
  const std::int64_t groups[] = {n / 100000000, n / 10000 % 10000, n % 10000};
  const char* units[] = {s.yi, s.wan, ""};
  std::string out;
  bool skipped = false;
  for (int i = 0; i < 3; ++i) {
    const int g = static_cast<int>(groups[i]);
    if (g == 0) {
      skipped = skipped || !out.empty();
      continue;
    }
    if (!out.empty() && (skipped || g < 1000)) out += s.digits[0];
    out += write_section(g, s, out.empty(), rng) + units[i];
    skipped = false;
  }
  return out;
}

}  // namespace

TEST_CASE("integers written in Chinese numerals read back as themselves", "[amount_text]") {
  std::mt19937_64 rng(20261129);
  // A few written out by hand first, to check the writer itself.
  CHECK(write_chinese(1010, kEveryday, rng) == "一千零一十");
  CHECK(write_chinese(100010000, kCapitals, rng) == "壹億零壹萬");
  CHECK(write_chinese(966518, kCapitals, rng) == "玖拾陆萬陆仟伍佰壹拾捌");
  for (int i = 0; i < 20000; ++i) {
    // Uniform digit counts, so small and large numbers are both common.
    const int digits = 1 + static_cast<int>(rng() % 12);
    std::int64_t bound = 1;
    for (int k = 0; k < digits; ++k) bound *= 10;
    const auto n = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(bound));
    for (const script* s : {&kEveryday, &kCapitals}) {
      const std::string text = write_chinese(n, *s, rng);
      INFO(n << " written " << text);
      REQUIRE(parse_money(text + "元") == money_interval::exact(money{n * 100}));
      REQUIRE(parse_quantity(text + "人").value == count_interval::exact(count{n}));
    }
  }
}

TEST_CASE("both CSV readers read the new forms alike", "[amount_text][load_csv]") {
  const csv_text items{"items.csv",
                       "date,category,provider,recipient,amount,quantity\n"
                       "2023,condolence,city,army,玖仟陆佰陆拾伍圆壹角捌分,\n"
                       "2023,condolence,city,army,３１９万元,１２０人\n"
                       "2023,condolence,city,army,319 万元,\n"
                       "2023,condolence,city,army,一千零十元,\n"
                       "2023,condolence,city,army,叁拾余万元,叁仟余人次\n"
                       "2023,condolence,city,army,三点五万元整,\n"};
  dataset d;  // the parallel reader, without units.csv
  REQUIRE(detail::read_items_fast(detail::view_of(items), d, 1, nullptr, false));
  dataset checked;
  std::vector<problem> problems;
  detail::read_items_checked(detail::view_of(items), checked, false, false, problems, nullptr);
  CHECK(problems.empty());
  CHECK(checked == d);
  REQUIRE(d.item_count() == 6);
  CHECK(d.item(0).amount == money_interval::exact(money{966518}));
  CHECK(d.item(1).amount == money_interval::exact(money{319'000'000}));
  CHECK(d.item(1).quantity == count_interval::exact(count{120}));
  CHECK(d.item(2).amount == money_interval::exact(money{319'000'000}));
  CHECK(d.item(3).amount == money_interval::exact(money{101'000}));
  CHECK(d.item(4).amount == money_interval(money{30'000'000}, money{40'000'000}));
  CHECK(d.item(4).quantity == count_interval(count{3000}, count{4000}));
  CHECK(d.item(5).amount == money_interval::exact(money{3'500'000}));
}
