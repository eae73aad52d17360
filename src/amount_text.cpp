// The report-notation parser of SPEC 3. The grammar, in order:
//
//   [近|将近|约|大约] ( "[" a, b "]" | [数|几] 十|百|千  |  number [余|多|几] )
//   [十|百|千|万|亿]...  [余|多]  [元 | measure word]  [左右]
//
// `number` is Arabic ("1,234.5") or Chinese ("一万二千"). Values are computed
// in hundredths of the unit with 128-bit intermediates and must fit in 64 bits.
#include "aidstat/amount_text.hpp"

#include <array>
#include <string>

#include "aidstat/error.hpp"
#include "int128.hpp"

namespace aidstat {
namespace {

using detail::i128;
using detail::u128;
constexpr i128 kLimit = static_cast<i128>(INT64_MAX);

struct cursor {
  std::string_view rest;
  bool eat(std::string_view token) {
    if (!rest.starts_with(token)) return false;
    rest.remove_prefix(token.size());
    return true;
  }
};

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  detail::throw_error<parse_error>("cannot read '" + std::string(text) + "' as a figure: " + why);
}

i128 pow10(int n) {
  i128 r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

// Chinese digit value for the character at the front of `c`, or -1.
int eat_chinese_digit(cursor& c) {
  static constexpr std::array<std::string_view, 10> digits = {"零", "一", "二", "三", "四",
                                                              "五", "六", "七", "八", "九"};
  for (int d = 0; d < 10; ++d)
    if (c.eat(digits[static_cast<std::size_t>(d)])) return d;
  if (c.eat("〇")) return 0;
  if (c.eat("两")) return 2;
  return -1;
}

// Power of ten of a Chinese place character at the front of `c`, or -1.
int eat_place(cursor& c, bool include_big) {
  if (c.eat("十")) return 1;
  if (c.eat("百")) return 2;
  if (c.eat("千")) return 3;
  if (include_big && c.eat("万")) return 4;
  if (include_big && c.eat("亿")) return 8;
  return -1;
}

bool starts_chinese_numeral(std::string_view s) {
  cursor c{s};
  if (eat_chinese_digit(c) >= 0) return true;
  return eat_place(c, false) >= 0;
}

// A number: mantissa and decimal exponent (value = mantissa * 10^exponent).
struct number {
  i128 mantissa = 0;
  int exponent = 0;
};

number read_arabic(cursor& c, std::string_view text) {
  number n;
  std::size_t i = 0;
  const std::string_view s = c.rest;
  int digits_in_group = 0;
  bool grouped = false, any = false;
  for (; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      if (n.mantissa > kLimit) fail(text, "the number is too large");
      n.mantissa = n.mantissa * 10 + (ch - '0');
      ++digits_in_group;
      any = true;
    } else if (ch == ',' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') {
      if (!any || (grouped && digits_in_group != 3) || (!grouped && digits_in_group > 3))
        fail(text, "a thousands separator ',' is misplaced");
      grouped = true;
      digits_in_group = 0;
    } else {
      break;
    }
  }
  if (!any) fail(text, "a number is missing");
  if (grouped && digits_in_group != 3) fail(text, "a thousands separator ',' is misplaced");
  if (i < s.size() && s[i] == '.') {
    ++i;
    int frac = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++frac) {
      if (frac == 18) fail(text, "it has more than 18 decimal places");
      if (n.mantissa > kLimit) fail(text, "the number is too large");
      n.mantissa = n.mantissa * 10 + (s[i] - '0');
    }
    if (frac == 0) fail(text, "a decimal point must be followed by digits");
    n.exponent = -frac;
  }
  c.rest.remove_prefix(i);
  return n;
}

// Reads a Chinese numeral. A trailing 万 or 亿 that ends the numeral (no digit
// follows) and is its first big unit is left for the caller as the multiplier,
// as with Arabic numbers ("三十万" is 三十 × 万), so that 余 after it binds to it.
number read_chinese(cursor& c, std::string_view text) {
  i128 result = 0;    // committed multiples of 亿
  i128 wan_part = 0;  // committed multiples of 万 below the last 亿
  i128 section = 0;   // below 万
  int digit = -1;
  bool any = false;
  const auto pending = [&] { return section + (digit > 0 ? digit : 0); };
  while (!c.rest.empty()) {
    cursor probe = c;
    const int d = eat_chinese_digit(probe);
    if (d >= 0) {
      if (digit > 0) fail(text, "two Chinese digits stand together");
      digit = d;
      c = probe;
      any = true;
      continue;
    }
    const int small = eat_place(probe, false);
    if (small >= 0) {
      section += (digit >= 0 ? digit : 1) * pow10(small);
      digit = -1;
      c = probe;
      any = true;
      continue;
    }
    const int big = eat_place(probe, true);
    if (big < 0) break;
    if (!starts_chinese_numeral(probe.rest) && result == 0 && wan_part == 0) break;
    i128 unit_value = pending();
    if (unit_value == 0) unit_value = 1;  // 万 alone is 一万
    if (big == 4) {
      wan_part = unit_value * pow10(4);
    } else {
      result =
          (result + wan_part + pending() + (pending() == 0 && wan_part == 0 ? 1 : 0)) * pow10(8);
      wan_part = 0;
    }
    section = 0;
    digit = -1;
    any = true;
    c = probe;
    if (result > kLimit) fail(text, "the number is too large");
  }
  if (!any) fail(text, "no number found");
  return number{result + wan_part + pending(), 0};
}

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

}  // namespace

figure parse_figure(std::string_view text) {
  std::string_view trimmed = text;
  while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t'))
    trimmed.remove_prefix(1);
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
    trimmed.remove_suffix(1);
  if (trimmed.empty()) fail(text, "it is empty");
  cursor c{trimmed};

  approx mode = approx::none;
  if (c.eat("将近") || c.eat("近"))
    mode = approx::near;
  else if (c.eat("大约") || c.eat("约"))
    mode = approx::about;

  // The base value [lo, hi] as mantissas at exponent `exp` (before multipliers).
  i128 lo = 0, hi = 0;
  int exp = 0;
  bool some = false;  // 数十 / 几十: [2, 9] of a place
  if (c.rest.starts_with("[")) {
    // "[a, b]" with an optional unit after: the general interval, as format_money writes it.
    if (mode != approx::none) fail(text, "'近' or '约' cannot be combined with '[a, b]'");
    c.eat("[");
    number a = read_arabic(c, text);
    if (!c.eat(",")) fail(text, "write an interval as [a, b]");
    while (c.eat(" ")) {
    }
    number b = read_arabic(c, text);
    if (!c.eat("]")) fail(text, "write an interval as [a, b]");
    exp = std::min(a.exponent, b.exponent);
    lo = a.mantissa * pow10(a.exponent - exp);
    hi = b.mantissa * pow10(b.exponent - exp);
    if (hi < lo) fail(text, "the lower bound is above the upper bound");
    some = true;
  } else if (c.rest.starts_with("数") || c.rest.starts_with("几")) {
    cursor probe = c;
    probe.eat("数") || probe.eat("几");
    const int place = eat_place(probe, false);
    if (place < 0) fail(text, "'数' or '几' must be followed by 十, 百 or 千");
    c = probe;
    lo = 2 * pow10(place);
    hi = 9 * pow10(place);
    some = true;
  } else {
    number n;
    if (!c.rest.empty() && c.rest.front() >= '0' && c.rest.front() <= '9')
      n = read_arabic(c, text);
    else if (starts_chinese_numeral(c.rest))
      n = read_chinese(c, text);
    else if (c.rest.starts_with("万") || c.rest.starts_with("亿"))
      n = number{1, 0};  // 近万: the numeral 一 is implied
    else
      fail(text, "it does not start with a number");
    lo = hi = n.mantissa;
    exp = n.exponent;
    if (c.eat("余") || c.eat("多") || c.eat("几")) {
      if (lo == 0) fail(text, "'余' or '多' after zero means nothing");
      hi = lo + last_place(lo);
      some = true;
    }
  }

  // Multiplier characters: 万, 亿, and 十/百/千 after an Arabic number.
  int power = 0;
  for (;;) {
    const int p = eat_place(c, true);
    if (p < 0) break;
    power += p;
    if (power > 24) fail(text, "the number is too large");
  }
  if (c.eat("余") || c.eat("多")) {
    if (some) fail(text, "it is approximate twice ('余' or '多' appears twice)");
    if (power == 0) fail(text, "'余' or '多' must follow a number or a unit such as 万");
    if (exp < 0) {
      // "78.8万余": one of the unit, at the number's own exponent.
      hi = lo + pow10(-exp);
    } else {
      hi = lo + 1;
    }
    some = true;
  }

  figure f;
  if (c.eat("元")) {
    f.kind = figure_kind::money;
  } else {
    // 人次 before 人: the longest word wins.
    static constexpr std::array<std::string_view, 11> words = {"人次", "人", "名", "位", "场", "份",
                                                               "件",   "篇", "部", "户", "个"};
    for (std::string_view w : words) {
      if (c.eat(w)) {
        f.kind = figure_kind::quantity;
        f.unit = parse_enum<aidstat::measure>(w);
        break;
      }
    }
  }
  if (c.eat("左右")) {
    if (mode != approx::none) fail(text, "it is approximate twice ('约' and '左右')");
    mode = approx::about;
  }
  if (!c.rest.empty()) {
    std::size_t n = 1;
    while (n < c.rest.size() && (static_cast<unsigned char>(c.rest[n]) & 0xC0) == 0x80) ++n;
    fail(text, "unexpected '" + std::string(c.rest.substr(0, n)) +
                   "'; write a number such as 319万元, 1100余万元, 近3万元 or 3190000.50");
  }
  if (mode != approx::none && some)
    fail(text, "'近' or '约' cannot be combined with '余', '多' or '数'");

  // Scale to hundredths of the unit: value * 10^(exp + power + 2).
  const int scale = exp + power + 2;
  auto to_centi = [&](i128 v) -> i128 {
    if (scale >= 0) {
      if (v == 0) return 0;
      if (scale > 18 || v > kLimit / pow10(scale)) fail(text, "the number is too large");
      return v * pow10(scale);
    }
    const i128 d = pow10(-scale);
    if (v % d != 0) fail(text, "it is finer than one hundredth (one fen)");
    if (v / d > kLimit) fail(text, "the number is too large");
    return v / d;
  };
  i128 lo_c = to_centi(lo), hi_c = to_centi(hi);

  if (mode != approx::none) {
    // 近N = [0.9N, N]; 约N = [0.9N, 1.1N]; bounds rounded outwards to whole units
    // (fen for money, one for counts).
    const i128 unit = f.kind == figure_kind::quantity ? 100 : 1;
    const i128 n = lo_c / unit;
    if (lo_c % unit != 0) fail(text, "a count cannot have a fraction");
    const i128 low = n * 9 / 10;                                     // floor (n >= 0)
    const i128 high = mode == approx::near ? n : (n * 11 + 9) / 10;  // ceil
    lo_c = low * unit;
    hi_c = high * unit;
    if (hi_c > kLimit) fail(text, "the number is too large");
  }
  if (f.kind == figure_kind::quantity && (lo_c % 100 != 0 || hi_c % 100 != 0))
    fail(text, "a count cannot have a fraction");
  f.min_centi = static_cast<std::int64_t>(lo_c);
  f.max_centi = static_cast<std::int64_t>(hi_c);
  return f;
}

money_interval parse_money(std::string_view text) {
  const figure f = parse_figure(text);
  if (f.kind == figure_kind::quantity)
    fail(text, "it is a count (" + std::string(zh_name_of(*f.unit)) +
                   "), not an amount of money; put it in the quantity column");
  return money_interval(money{f.min_centi}, money{f.max_centi});
}

quantity_text parse_quantity(std::string_view text) {
  const figure f = parse_figure(text);
  if (f.kind == figure_kind::money)
    fail(text, "it is an amount of money (元), not a count; put it in the amount column");
  if (f.min_centi % 100 != 0 || f.max_centi % 100 != 0)
    fail(text, "a count cannot have a fraction");
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

template <class Show>
std::string format_interval(std::int64_t lo, std::int64_t hi, std::string_view suffix, Show show) {
  const std::string sfx(suffix);
  if (lo == hi) return show(lo) + sfx;
  const i128 w = static_cast<i128>(hi) - lo;
  // "N余": the width is a power of ten that divides the lower bound.
  if (lo > 0 && last_place(w) == w && lo % w == 0) return "≥" + show(lo) + sfx;
  // "近N": [floor(0.9 N), N].
  if (hi > 0 && lo == static_cast<i128>(hi) * 9 / 10) return "≤" + show(hi) + sfx;
  // "约N": [floor(0.9 N), ceil(1.1 N)] around an N that is a round figure.
  if ((static_cast<i128>(lo) + hi) % 2 == 0) {
    const i128 n = (static_cast<i128>(lo) + hi) / 2;
    if (n > 0 && lo == n * 9 / 10 && hi == (n * 11 + 9) / 10)
      return "约" + show(static_cast<std::int64_t>(n)) + sfx;
  }
  return "[" + show(lo) + ", " + show(hi) + "]" + sfx;
}

}  // namespace

std::string format_money(money_interval amount, money_unit unit) {
  const int decimals = unit == money_unit::wan ? 6 : 2;
  return format_interval(amount.min().fen(), amount.max().fen(),
                         unit == money_unit::wan ? "万元" : "元",
                         [&](std::int64_t v) { return scaled(v, decimals); });
}

std::string format_count(count_interval value, std::optional<aidstat::measure> unit) {
  return format_interval(value.min().value(), value.max().value(),
                         unit ? zh_name_of(*unit) : std::string_view{},
                         [](std::int64_t v) { return std::to_string(v); });
}

std::string format_yuan_decimal(money amount) {
  const std::int64_t v = amount.fen();
  const unsigned long long u =
      v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  std::string frac = std::to_string(u % 100);
  if (frac.size() < 2) frac.insert(0, 1, '0');
  return (v < 0 ? "-" : "") + std::to_string(u / 100) + "." + frac;
}

}  // namespace aidstat
