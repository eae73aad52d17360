// The report-notation parser of docs/notation.md. The grammar, in order:
//
//   [近|将近|约|大约] ( "[" a, b "]" | [数|几] 十|百|千 | D 角 [D 分] | number [余|多|几] )
//   [十|百|千] [万] [亿]  [余|多]  [元|圆 [[零] D 角 [D 分] | [零] D 分] [整|正] | measure word]
//   [左右]
//
// `number` is Arabic ("1,234.5") or Chinese in either script ("一万二千", "壹万贰仟",
// "三点五"); chinese_numerals.hpp reads it. Full-width digits and spaces before the
// unit are normalized first. Values are computed in hundredths of the unit with
// 128-bit intermediates and must fit in 64 bits.
#include "aidstat/amount_text.hpp"

#include <fmt/format.h>

#include <array>
#include <string>

#include "aidstat/error.hpp"
#include "text/chinese_numerals.hpp"

namespace aidstat {
namespace {

using detail::cursor;
using detail::fail_figure;
using detail::i128;
using detail::number;
using detail::pow10;
using detail::u128;
constexpr i128 kLimit = static_cast<i128>(INT64_MAX);

// The largest power of ten dividing v (v > 0): the place of its last non-zero digit.
i128 last_place(i128 v) {
  i128 p = 1;
  while (v % 10 == 0) {
    v /= 10;
    p *= 10;
  }
  return p;
}

enum class approx { none, near, about };

// The value before multipliers: [lo, hi] as mantissas at exponent `exp`.
struct base_value {
  i128 lo = 0, hi = 0;
  int exp = 0;
  bool approximate = false;  // 余, 多, 几, 数 or an interval
  bool fen_only = false;     // "伍角": money below one yuan, exp is -2
};

// "[a, b]": the general interval, as format_money writes it.
base_value read_interval(cursor& c, std::string_view text) {
  c.eat("[");
  const number a = detail::read_arabic(c, text);
  if (!c.eat(",")) fail_figure(text, "write an interval as [a, b]");
  c.eat(" ");
  const number b = detail::read_arabic(c, text);
  if (!c.eat("]")) fail_figure(text, "write an interval as [a, b]");
  base_value v;
  v.exp = std::min(a.exponent, b.exponent);
  v.lo = a.mantissa * pow10(a.exponent - v.exp);
  v.hi = b.mantissa * pow10(b.exponent - v.exp);
  if (v.hi < v.lo) fail_figure(text, "the lower bound is above the upper bound");
  v.approximate = true;
  return v;
}

// A number, or 数十 / 几百 ([2, 9] of a place), or 角/分 alone, with 余, 多 or 几 after it.
// 万 or 亿 after 近 or 约 (`approximated`), or before 余 or 多, implies the numeral 一
// (近万, 万余人); a bare unit anywhere else (万元, 亿元) is refused: a figure starts
// with a number.
base_value read_base(cursor& c, std::string_view text, bool approximated) {
  base_value v;
  if (c.rest.starts_with("数") || c.rest.starts_with("几")) {
    cursor probe = c;
    probe.eat("数") || probe.eat("几");
    const int place = detail::eat_place(probe, false);
    if (place < 0) fail_figure(text, "'数' or '几' must be followed by 十, 百 or 千");
    c = probe;
    v.lo = 2 * pow10(place), v.hi = 9 * pow10(place);
    v.approximate = true;
    return v;
  }
  if (const auto fen = detail::read_jiao_fen(c, text)) {
    v.lo = v.hi = *fen, v.exp = -2, v.fen_only = true;
    return v;
  }
  number n;
  if (!c.rest.empty() && c.rest.front() >= '0' && c.rest.front() <= '9')
    n = detail::read_arabic(c, text);
  else if (detail::starts_chinese_numeral(c.rest))
    n = detail::read_chinese(c, text);
  else if (cursor probe = c;
           detail::eat_place(probe, true) >= 4 &&
           (approximated || probe.rest.starts_with("余") || probe.rest.starts_with("多")))
    n = number{1, 0};  // 近万, 万余: the numeral 一 is implied
  else
    fail_figure(text, "it does not start with a number");
  v.lo = v.hi = n.mantissa, v.exp = n.exponent;
  if (c.eat("余") || c.eat("多") || c.eat("几")) {
    if (v.lo == 0) fail_figure(text, "'余' or '多' after zero means nothing");
    v.hi = v.lo + last_place(v.lo);
    v.approximate = true;
  }
  return v;
}

// Multiplier places after the number: at most one of 十/百/千, then 万, then 亿
// ("3千万", "1万亿"); anything else (十十, 万万, 万千) is refused, naming the character.
int read_multiplier(cursor& c, std::string_view text) {
  int power = 0, last = 0;
  for (;;) {
    cursor probe = c;
    const int p = detail::eat_place(probe, true);
    if (p < 0) return power;
    if (p <= last || (p < 4 && last != 0))
      fail_figure(text, "'" + std::string(c.rest.substr(0, c.rest.size() - probe.rest.size())) +
                            "' is out of place after '" +
                            std::string(text.substr(0, text.size() - c.rest.size())) + "'");
    power += p;
    last = p;
    c = probe;
  }
}

// The unit word: 元 (or 圆) for money, a measure word for a quantity, or nothing.
void read_unit_word(cursor& c, figure& f) {
  if (c.eat("元") || c.eat("圆") || c.eat("圓")) {
    f.kind = figure_kind::money;
    return;
  }
  // 人次 before 人: the longest word wins.
  static constexpr std::array<std::string_view, 11> words = {"人次", "人", "名", "位", "场", "份",
                                                             "件",   "篇", "部", "户", "个"};
  for (std::string_view w : words) {
    if (c.eat(w)) {
      f.kind = figure_kind::quantity;
      f.unit = parse_enum<aidstat::measure>(w);
      return;
    }
  }
}

// value * 10^scale in hundredths of the unit, exactly, or an error.
i128 to_centi(i128 v, int scale, std::string_view text) {
  if (scale >= 0) {
    if (v == 0) return 0;
    if (scale > 18 || v > kLimit / pow10(scale)) fail_figure(text, "the number is too large");
    return v * pow10(scale);
  }
  const i128 d = pow10(-scale);
  if (v % d != 0) fail_figure(text, "it is finer than one hundredth (one fen)");
  if (v / d > kLimit) fail_figure(text, "the number is too large");
  return v / d;
}

// 近N = [0.9N, N]; 约N = [0.9N, 1.1N]; bounds rounded outwards to whole units (fen
// for money, one for counts).
void apply_approximation(approx mode, figure_kind kind, i128& lo_c, i128& hi_c,
                         std::string_view text) {
  const i128 unit = kind == figure_kind::quantity ? 100 : 1;
  const i128 n = lo_c / unit;
  if (lo_c % unit != 0) fail_figure(text, "a count cannot have a fraction");
  lo_c = n * 9 / 10 * unit;                                      // floor (n >= 0)
  hi_c = (mode == approx::near ? n : (n * 11 + 9) / 10) * unit;  // ceil
  if (hi_c > kLimit) fail_figure(text, "the number is too large");
}

// The rest after the unit word: 角 and 分 after 元 (exact amounts only), 整 or 正.
int read_money_tail(cursor& c, const figure& f, const base_value& v, approx mode, int power,
                    std::string_view text) {
  int fen = 0;
  if (f.kind == figure_kind::money && !v.fen_only) {
    cursor probe = c;
    if (const auto extra = detail::read_jiao_fen(probe, text)) {
      if (v.approximate || mode != approx::none || v.exp < 0 || power > 0)
        fail_figure(text, "角 and 分 follow only a whole number of 元, written out exactly");
      fen = *extra;
      c = probe;
    }
  }
  if (f.kind == figure_kind::money && !c.eat("整")) c.eat("正");
  return fen;
}

}  // namespace

figure parse_figure(std::string_view original) {
  std::string buffer;
  const std::string_view text = original;
  cursor c{detail::normalize_figure(original, buffer)};
  if (c.rest.empty()) fail_figure(text, "it is empty");

  approx mode = approx::none;
  if (c.eat("将近") || c.eat("近"))
    mode = approx::near;
  else if (c.eat("大约") || c.eat("约"))
    mode = approx::about;
  if (mode != approx::none && c.rest.starts_with("["))
    fail_figure(text, "'近' or '约' cannot be combined with '[a, b]'");
  base_value v =
      c.rest.starts_with("[") ? read_interval(c, text) : read_base(c, text, mode != approx::none);

  const int power = v.fen_only ? 0 : read_multiplier(c, text);
  if (power > 24) fail_figure(text, "the number is too large");
  if (c.eat("余") || c.eat("多")) {
    if (v.approximate) fail_figure(text, "it is approximate twice ('余' or '多' appears twice)");
    if (power == 0) fail_figure(text, "'余' or '多' must follow a number or a unit such as 万");
    v.hi = v.lo + (v.exp < 0 ? pow10(-v.exp) : 1);  // "78.8万余": one of the unit
    v.approximate = true;
  }
  figure f;
  if (v.fen_only)
    f.kind = figure_kind::money;
  else
    read_unit_word(c, f);
  const int extra_fen = read_money_tail(c, f, v, mode, power, text);
  if (c.eat("左右")) {
    if (mode != approx::none) fail_figure(text, "it is approximate twice ('约' and '左右')");
    mode = approx::about;
  }
  if (!c.rest.empty()) {
    std::size_t n = 1;
    while (n < c.rest.size() && (static_cast<unsigned char>(c.rest[n]) & 0xC0) == 0x80) ++n;
    fail_figure(text, "unexpected '" + std::string(c.rest.substr(0, n)) +
                          "'; write a number such as 319万元, 1100余万元, 近3万元 or 3190000.50");
  }
  if (mode != approx::none && v.approximate)
    fail_figure(text, "'近' or '约' cannot be combined with '余', '多' or '数'");

  const int scale = v.exp + power + 2;  // to hundredths of the unit
  i128 lo_c = to_centi(v.lo, scale, text) + extra_fen;
  i128 hi_c = to_centi(v.hi, scale, text) + extra_fen;
  if (hi_c > kLimit) fail_figure(text, "the number is too large");
  if (mode != approx::none) apply_approximation(mode, f.kind, lo_c, hi_c, text);
  if (f.kind == figure_kind::quantity && (lo_c % 100 != 0 || hi_c % 100 != 0))
    fail_figure(text, "a count cannot have a fraction");
  f.min_centi = static_cast<std::int64_t>(lo_c);
  f.max_centi = static_cast<std::int64_t>(hi_c);
  return f;
}

money_interval parse_money(std::string_view text) {
  const figure f = parse_figure(text);
  if (f.kind == figure_kind::quantity)
    fail_figure(text, "it is a count (" + std::string(zh_name_of(*f.unit)) +
                          "), not an amount of money; put it in the quantity column");
  return money_interval(money{f.min_centi}, money{f.max_centi});
}

quantity_text parse_quantity(std::string_view text) {
  const figure f = parse_figure(text);
  if (f.kind == figure_kind::money)
    fail_figure(text, "it is an amount of money (元), not a count; put it in the amount column");
  if (f.min_centi % 100 != 0 || f.max_centi % 100 != 0)
    fail_figure(text, "a count cannot have a fraction");
  return quantity_text{count_interval(count{f.min_centi / 100}, count{f.max_centi / 100}), f.unit};
}

namespace {

// Writes v / 10^decimals with the fraction trimmed of trailing zeros.
std::string scaled(std::int64_t v, int decimals) {
  const bool neg = v < 0;
  u128 u = neg ? static_cast<u128>(-static_cast<i128>(v)) : static_cast<u128>(v);
  u128 div = 1;
  for (int i = 0; i < decimals; ++i) div *= 10;
  std::string whole = std::to_string(static_cast<unsigned long long>(u / div));
  unsigned long long frac = static_cast<unsigned long long>(u % div);
  std::string out = neg ? "-" + whole : whole;
  if (frac != 0) {
    std::string f = std::to_string(frac);
    f.insert(0, static_cast<std::size_t>(decimals) - f.size(), '0');
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

// An interval in the report's own notation where one reads back to it exactly, else
// "[a, b]". `unit` is the display unit in the values' own units (fen per 元 or 万元;
// 1 for counts): 数十 is [20, 90] of it.
template <class Show>
std::string format_interval(std::int64_t lo, std::int64_t hi, std::int64_t unit,
                            std::string_view suffix, Show show) {
  const std::string sfx(suffix);
  if (lo == hi) return show(lo) + sfx;
  const i128 w = static_cast<i128>(hi) - lo;
  // "N余": [N, N + s], s the place of N's last non-zero digit (1100余万 = [1100万, 1200万]).
  if (lo > 0 && w == last_place(lo)) return show(lo) + "余" + sfx;
  // "近N": [floor(0.9 N), N].
  if (hi > 0 && lo == static_cast<i128>(hi) * 9 / 10) return "近" + show(hi) + sfx;
  // "约N": [floor(0.9 N), ceil(1.1 N)].
  if ((static_cast<i128>(lo) + hi) % 2 == 0) {
    const i128 n = (static_cast<i128>(lo) + hi) / 2;
    if (n > 0 && lo == n * 9 / 10 && hi == (n * 11 + 9) / 10)
      return "约" + show(static_cast<std::int64_t>(n)) + sfx;
  }
  // "数十": [20, 90] of the unit.
  if (static_cast<i128>(lo) == 20 * static_cast<i128>(unit) &&
      static_cast<i128>(hi) == 90 * static_cast<i128>(unit))
    return "数十" + sfx;
  return "[" + show(lo) + ", " + show(hi) + "]" + sfx;
}

}  // namespace

std::string format_money(money_interval amount, money_unit unit) {
  const int decimals = unit == money_unit::wan ? 6 : 2;
  return format_interval(
      amount.min().fen(), amount.max().fen(), unit == money_unit::wan ? 1'000'000 : 100,
      unit == money_unit::wan ? "万元" : "元", [&](std::int64_t v) { return scaled(v, decimals); });
}

std::string format_count(count_interval value, std::optional<aidstat::measure> unit) {
  return format_interval(value.min().value(), value.max().value(), 1,
                         unit ? zh_name_of(*unit) : std::string_view{},
                         [](std::int64_t v) { return std::to_string(v); });
}

std::string format_hundredths(std::int64_t hundredths) {
  const std::int64_t v = hundredths;
  const unsigned long long u =
      v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  std::string frac = std::to_string(u % 100);
  if (frac.size() < 2) frac.insert(0, 1, '0');
  return (v < 0 ? "-" : "") + std::to_string(u / 100) + "." + frac;
}

std::string format_yuan_decimal(money amount) { return format_hundredths(amount.fen()); }

std::string format_percent_digits(double share) { return fmt::format("{:.1f}", share * 100.0); }

std::string format_money_in_text(money_interval amount) {
  constexpr std::int64_t wan = 1'000'000;  // fen
  const bool large = amount.max().fen() >= wan || amount.min().fen() <= -wan;
  return format_money(amount, large ? money_unit::wan : money_unit::yuan);
}

std::string format_share(double share) { return format_percent_digits(share) + "%"; }

}  // namespace aidstat
