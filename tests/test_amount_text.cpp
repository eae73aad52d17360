#include <catch2/catch.hpp>
#include <random>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"

using namespace aidstat;

namespace {
// [lo, hi] in yuan of a money text.
std::pair<double, double> yuan_of(const char* text) {
  const money_interval m = parse_money(text);
  return {static_cast<double>(m.min().fen()) / 100.0, static_cast<double>(m.max().fen()) / 100.0};
}
std::pair<std::int64_t, std::int64_t> count_of(const char* text) {
  const quantity_text q = parse_quantity(text);
  return {q.value.min().value(), q.value.max().value()};
}
using fen_pair = std::pair<std::int64_t, std::int64_t>;
fen_pair fen_of(const char* text) {
  const money_interval m = parse_money(text);
  return {m.min().fen(), m.max().fen()};
}
}  // namespace

TEST_CASE("every row of the notation table (docs/notation.md)", "[amount_text]") {
  // Money rows: exact fen comparisons.
  CHECK(fen_of("319万元") == fen_pair{319'000'000, 319'000'000});
  CHECK(fen_of("78.8万元") == fen_pair{78'800'000, 78'800'000});
  CHECK(fen_of("1100余万元") == fen_pair{1'100'000'000, 1'200'000'000});
  CHECK(fen_of("1100多万元") == fen_pair{1'100'000'000, 1'200'000'000});
  CHECK(fen_of("10万余元") == fen_pair{10'000'000, 11'000'000});
  CHECK(fen_of("20多万元") == fen_pair{20'000'000, 30'000'000});
  CHECK(fen_of("近3万元") == fen_pair{2'700'000, 3'000'000});
  CHECK(fen_of("约5万元") == fen_pair{4'500'000, 5'500'000});
  CHECK(fen_of("5万元左右") == fen_pair{4'500'000, 5'500'000});
  CHECK(fen_of("数十万元") == fen_pair{20'000'000, 90'000'000});
  CHECK(fen_of("几十万元") == fen_pair{20'000'000, 90'000'000});
  CHECK(fen_of("一万二千元") == fen_pair{1'200'000, 1'200'000});
  // Count rows.
  CHECK(count_of("近万名") == fen_pair{9000, 10000});
  CHECK(count_of("二十几万人") == fen_pair{200'000, 300'000});
  CHECK(count_of("百余件") == fen_pair{100, 200});
  CHECK(count_of("3000余人次") == fen_pair{3000, 4000});
}

TEST_CASE("measure words come back with the quantity", "[amount_text]") {
  CHECK(parse_quantity("3000余人次").unit == measure::person_time);
  CHECK(parse_quantity("二十几万人").unit == measure::person);
  CHECK(parse_quantity("近万名").unit == measure::person);
  CHECK(parse_quantity("百余件").unit == measure::case_);
  CHECK(parse_quantity("14场").unit == measure::session);
  CHECK(parse_quantity("1000多份").unit == measure::copy);
  CHECK(parse_quantity("160多篇").unit == measure::article);
  CHECK(parse_quantity("12部").unit == measure::program);
  CHECK(parse_quantity("5户").unit == measure::household);
  CHECK(parse_quantity("10个").unit == measure::item);
  CHECK(parse_quantity("3位").unit == measure::person);
  CHECK_FALSE(parse_quantity("27").unit.has_value());
  CHECK(count_of("27") == fen_pair{27, 27});
}

TEST_CASE("plain decimals and thousands separators", "[amount_text]") {
  CHECK(fen_of("3190000") == fen_pair{319'000'000, 319'000'000});
  CHECK(fen_of("3190000.50") == fen_pair{319'000'050, 319'000'050});
  CHECK(fen_of("1,234.5") == fen_pair{123'450, 123'450});
  CHECK(fen_of("1,234,567") == fen_pair{123'456'700, 123'456'700});
  CHECK(fen_of("0") == fen_pair{0, 0});
  CHECK(fen_of(" 12 ") == fen_pair{1200, 1200});
  CHECK(yuan_of("83.5万元") == std::pair<double, double>{835000, 835000});
}

TEST_CASE("more report notations from the sample report", "[amount_text]") {
  CHECK(fen_of("7万余元") == fen_pair{7'000'000, 8'000'000});
  CHECK(fen_of("21万余元") == fen_pair{21'000'000, 22'000'000});
  CHECK(fen_of("4万多元") == fen_pair{4'000'000, 5'000'000});
  CHECK(count_of("200余人次") == fen_pair{200, 300});
  CHECK(count_of("4900余人次") == fen_pair{4900, 5000});
  CHECK(count_of("340余名") == fen_pair{340, 350});
  CHECK(count_of("2022多人") == fen_pair{2022, 2023});
  CHECK(count_of("10多名") == fen_pair{10, 20});
  CHECK(count_of("十几人") == fen_pair{10, 20});
  CHECK(count_of("数百人") == fen_pair{200, 900});
  CHECK(count_of("万余人") == fen_pair{10000, 20000});
  CHECK(fen_of("78.8万余元") == fen_pair{78'800'000, 79'800'000});
}

TEST_CASE("Chinese numerals with 万 and 亿", "[amount_text]") {
  CHECK(fen_of("一万二千元") == fen_pair{1'200'000, 1'200'000});
  CHECK(fen_of("三十万元") == fen_pair{30'000'000, 30'000'000});
  CHECK(fen_of("一百零五元") == fen_pair{10'500, 10'500});
  CHECK(fen_of("两千元") == fen_pair{200'000, 200'000});
  CHECK(fen_of("十万元") == fen_pair{10'000'000, 10'000'000});
  CHECK(fen_of("一亿二千万元") == fen_pair{12'000'000'000, 12'000'000'000});
  CHECK(fen_of("三亿元") == fen_pair{30'000'000'000, 30'000'000'000});
  CHECK(fen_of("1.5亿元") == fen_pair{15'000'000'000, 15'000'000'000});
  CHECK(fen_of("三十余万元") == fen_pair{30'000'000, 40'000'000});
  CHECK(fen_of("三十万余元") == fen_pair{30'000'000, 31'000'000});
}

TEST_CASE("general intervals as format_money writes them", "[amount_text]") {
  CHECK(fen_of("[781, 881]万元") == fen_pair{781'000'000, 881'000'000});
  CHECK(fen_of("[27000.5, 30000]元") == fen_pair{2'700'050, 3'000'000});
  CHECK_THROWS_AS(parse_money("[5, 3]元"), parse_error);
  CHECK_THROWS_AS(parse_money("[5 3]元"), parse_error);
}

TEST_CASE("unreadable text is an error naming the text, never zero", "[amount_text]") {
  for (const char* bad : {"", "abc", "12x万元", "约", "1,23", ",123", "1.", "-5", "5元元",
                          "近1100余万元", "1100余万余元", "约5万元左右", "0余元", "数元",
                          "万万万万万万万万元", "99999999999999999999元", "0.001元", "二三元"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_money(bad), parse_error);
  }
  CHECK_THROWS_WITH(parse_money("12x万元"), Catch::Contains("'12x万元'") && Catch::Contains("'x'"));
  CHECK_THROWS_WITH(parse_money("200人次"), Catch::Contains("quantity column"));
  CHECK_THROWS_WITH(parse_quantity("5万元"), Catch::Contains("amount column"));
  CHECK_THROWS_WITH(parse_quantity("2.5人"), Catch::Contains("fraction"));
}

TEST_CASE("long runs of digits are errors, not overflows (fuzzer finding)", "[amount_text]") {
  CHECK_THROWS_WITH(parse_money("0." + std::string(150, '0') + "4"),
                    Catch::Contains("more than 18 decimal places"));
  CHECK(parse_money("1." + std::string(17, '0')) == parse_money("1"));
  CHECK_THROWS_AS(parse_money(std::string(40, '9')), parse_error);
  CHECK_THROWS_AS(parse_money("[0." + std::string(30, '0') + "1, 2]元"), parse_error);
}

TEST_CASE("the largest amounts that fit, and the first that does not", "[amount_text]") {
  CHECK(parse_money("92233720368547758.07").max().fen() ==
        std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(parse_money("92233720368547758.08"), parse_error);
  CHECK_THROWS_AS(parse_money("1000000亿亿元"), parse_error);
}

TEST_CASE("an interval whose finer bound shrinks the scale still checks the range (fuzzer finding)",
          "[amount_text]") {
  // The upper bound is read at the lower bound's three decimals, then scaled down to fen;
  // 681300781311711622 yuan is 6.8e19 fen, beyond int64, and must not wrap around.
  CHECK_THROWS_WITH(parse_money("[0.810,681300781311711622]"), Catch::Contains("too large"));
  CHECK_THROWS_WITH(parse_money("[0.010, 92233720368547758.08]"), Catch::Contains("too large"));
  const money_interval widest = parse_money("[0.810, 92233720368547758.07]");
  CHECK(widest.min().fen() == 81);
  CHECK(widest.max().fen() == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("amounts display the way a report writes them", "[amount_text]") {
  CHECK(format_money(parse_money("319万元"), money_unit::wan) == "319万元");
  CHECK(format_money(parse_money("319万元")) == "3190000元");
  CHECK(format_money(parse_money("3190000.5")) == "3190000.5元");
  CHECK(format_money(parse_money("78.8万元"), money_unit::wan) == "78.8万元");
  CHECK(format_money(parse_money("1100余万元"), money_unit::wan) == "1100余万元");
  CHECK(format_money(parse_money("10万余元"), money_unit::wan) == "[10, 11]万元");
  CHECK(format_money(parse_money("近3万元"), money_unit::wan) == "近3万元");
  CHECK(format_money(parse_money("约5万元"), money_unit::wan) == "约5万元");
  CHECK(format_money(parse_money("数十万元"), money_unit::wan) == "数十万元");
  CHECK(format_count(parse_quantity("3000余人次").value, measure::person_time) == "3000余人次");
  CHECK(format_count(count_interval::exact(count{94}), measure::person) == "94人");
}

TEST_CASE("exact and [a, b] displays read back to the same interval", "[amount_text]") {
  for (const char* text :
       {"319万元", "数十万元", "[781, 881]万元", "3190000.50", "0.01元", "[1234.56, 1300]元"}) {
    for (money_unit unit : {money_unit::yuan, money_unit::wan}) {
      const money_interval m = parse_money(text);
      const std::string shown = format_money(m, unit);
      INFO(text << " shown as " << shown);
      CHECK(parse_money(shown) == m);
    }
  }
}

TEST_CASE("machine format has exactly two decimals", "[amount_text]") {
  CHECK(format_yuan_decimal(money{319'000'000}) == "3190000.00");
  CHECK(format_yuan_decimal(money{5}) == "0.05");
  CHECK(format_yuan_decimal(money{-1250}) == "-12.50");
  CHECK(format_yuan_decimal(money{std::numeric_limits<std::int64_t>::min()}) ==
        "-92233720368547758.08");
}

namespace {
// A random interval of fen (or of a count) of one of the shapes the display knows:
// exact, N余, 近N, 约N, 数十 of the unit, or any other [a, b].
std::pair<std::int64_t, std::int64_t> random_interval(std::mt19937_64& rng, std::int64_t unit) {
  const auto pick = [&](std::int64_t n) {
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
  };
  // A value of 1..4 significant digits at a random place, up to about 10^14.
  std::int64_t v = 1 + pick(9999);
  for (int e = static_cast<int>(pick(11)); e > 0; --e) v *= 10;
  std::int64_t place = 1;
  while (v % (place * 10) == 0) place *= 10;
  switch (pick(6)) {
    case 0:
      return {v, v};
    case 1:
      return {v, v + place};  // N余
    case 2:
      return {v * 9 / 10, v};  // 近N
    case 3:
      return {v * 9 / 10, (v * 11 + 9) / 10};  // 约N
    case 4:
      return {20 * unit, 90 * unit};  // 数十
    default:
      return {v, v + 1 + pick(v)};  // anything else
  }
}
}  // namespace

TEST_CASE("every displayed amount and count reads back to the same interval", "[amount_text]") {
  std::mt19937_64 rng(2026);
  for (int i = 0; i < 20000; ++i) {
    for (const money_unit unit : {money_unit::yuan, money_unit::wan}) {
      const auto [lo, hi] = random_interval(rng, unit == money_unit::wan ? 1'000'000 : 100);
      const money_interval x(money{lo}, money{hi});
      const std::string shown = format_money(x, unit);
      INFO(lo << ".." << hi << " shown as " << shown);
      REQUIRE(parse_money(shown) == x);
    }
    const auto [lo, hi] = random_interval(rng, 1);
    const count_interval q(count{lo}, count{hi});
    const std::string shown = format_count(q, measure::person_time);
    INFO(lo << ".." << hi << " shown as " << shown);
    const quantity_text back = parse_quantity(shown);
    REQUIRE(back.value == q);
    REQUIRE(back.unit == measure::person_time);
  }
}

TEST_CASE("the display writes the report's own notation where it fits", "[amount_text]") {
  CHECK(format_money(parse_money("数十万元"), money_unit::wan) == "数十万元");
  CHECK(format_money(parse_money("约5万元"), money_unit::wan) == "约5万元");
  CHECK(format_money(parse_money("78.8余万元"), money_unit::wan) == "78.8余万元");
  // [1000万, 1001万] is no N余 (1000余万 would be [1000万, 2000万]): written as an interval.
  CHECK(format_money(money_interval(money{1'000'000'000}, money{1'001'000'000}), money_unit::wan) ==
        "[1000, 1001]万元");
  CHECK(format_money(parse_money("1000余万元"), money_unit::wan) == "1000余万元");
}

TEST_CASE("hundredths are written with two places, the sign before them", "[amount_text]") {
  CHECK(format_hundredths(0) == "0.00");
  CHECK(format_hundredths(5) == "0.05");
  CHECK(format_hundredths(-5) == "-0.05");
  CHECK(format_hundredths(123456) == "1234.56");
  CHECK(format_hundredths(INT64_MIN) == "-92233720368547758.08");
  CHECK(format_yuan_decimal(money{-1250}) == "-12.50");
}
