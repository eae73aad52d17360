#include "text/chinese_numerals.hpp"

#include <array>

#include "aidstat/error.hpp"
#include "core/printable.hpp"

namespace aidstat::detail {
namespace {

constexpr i128 kLimit = static_cast<i128>(INT64_MAX);

struct glyph {
  std::string_view text;
  int value;
};

// Digits in everyday and financial (大写) script, simplified and traditional.
constexpr std::array<glyph, 25> kDigits = {{{"零", 0}, {"〇", 0}, {"一", 1}, {"壹", 1}, {"二", 2},
                                            {"贰", 2}, {"貳", 2}, {"两", 2}, {"兩", 2}, {"三", 3},
                                            {"叁", 3}, {"參", 3}, {"四", 4}, {"肆", 4}, {"五", 5},
                                            {"伍", 5}, {"六", 6}, {"陆", 6}, {"陸", 6}, {"七", 7},
                                            {"柒", 7}, {"八", 8}, {"捌", 8}, {"九", 9}, {"玖", 9}}};
constexpr std::array<glyph, 6> kSmallPlaces = {
    {{"十", 1}, {"拾", 1}, {"百", 2}, {"佰", 2}, {"千", 3}, {"仟", 3}}};
// Tens in one character, as dates and old documents write them: 廿二 = 22, 卅 = 30,
// 卌五 = 45 (卄 is a variant of 廿).
constexpr std::array<glyph, 4> kTens = {{{"廿", 2}, {"卄", 2}, {"卅", 3}, {"卌", 4}}};
constexpr std::array<glyph, 4> kBigPlaces = {{{"万", 4}, {"萬", 4}, {"亿", 8}, {"億", 8}}};

template <std::size_t N>
int eat_glyph(cursor& c, const std::array<glyph, N>& table) {
  for (const glyph& g : table)
    if (c.eat(g.text)) return g.value;
  return -1;
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// The ASCII character a full-width one stands for (３ -> 3, ，-> ','), or 0.
char ascii_of_full_width(std::string_view s) {
  if (s.size() < 3 || static_cast<unsigned char>(s[0]) != 0xEF) return 0;
  const auto b1 = static_cast<unsigned char>(s[1]), b2 = static_cast<unsigned char>(s[2]);
  if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) return static_cast<char>('0' + (b2 - 0x90));
  if (b1 == 0xBC && b2 == 0x8C) return ',';
  if (b1 == 0xBC && b2 == 0x8E) return '.';
  if (b1 == 0xBC && b2 == 0xBB) return '[';
  if (b1 == 0xBC && b2 == 0xBD) return ']';
  return 0;
}

// The length of a space at the front of `s`: ASCII space or tab, or U+3000.
std::size_t space_at(std::string_view s) {
  if (!s.empty() && (s[0] == ' ' || s[0] == '\t')) return 1;
  return s.starts_with("\u3000") ? 3 : 0;
}

// The character at the front of `s` (a whole UTF-8 sequence).
std::string_view first_char(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

}  // namespace

void fail_figure(std::string_view text, const std::string& why) {
  throw_error<parse_error>("cannot read " + quoted(text) + " as a figure: " + why);
}

i128 pow10(int n) {
  i128 r = 1;
  while (n-- > 0) r *= 10;
  return r;
}

std::string_view normalize_figure(std::string_view text, std::string& buffer) {
  bool plain = true;
  for (std::size_t i = 0; i < text.size() && plain; ++i)
    plain = text[i] != ' ' && text[i] != '\t' && ascii_of_full_width(text.substr(i)) == 0 &&
            !text.substr(i).starts_with("\u3000");
  if (plain) return text;
  buffer.clear();
  std::string_view s = text;
  while (!s.empty()) {
    if (const std::size_t n = space_at(s)) {
      s.remove_prefix(n);
      while (const std::size_t m = space_at(s)) s.remove_prefix(m);
      const char next = s.empty() ? 0 : (ascii_of_full_width(s) ? ascii_of_full_width(s) : s[0]);
      const char prev = buffer.empty() ? 0 : buffer.back();
      if ((is_digit(prev) && is_digit(next)) || (prev == ',' && next != 0)) buffer += ' ';
    } else if (const char a = ascii_of_full_width(s)) {
      buffer += a;
      s.remove_prefix(3);
    } else {
      buffer += s[0];
      s.remove_prefix(1);
    }
  }
  return buffer;
}

int eat_chinese_digit(cursor& c) { return eat_glyph(c, kDigits); }

int eat_place(cursor& c, bool big) {
  const int small = eat_glyph(c, kSmallPlaces);
  if (small >= 0 || !big) return small;
  return eat_glyph(c, kBigPlaces);
}

bool starts_chinese_numeral(std::string_view s) {
  cursor c{s};
  return eat_chinese_digit(c) >= 0 || eat_place(c, false) >= 0 || eat_glyph(c, kTens) >= 0;
}

number read_arabic(cursor& c, std::string_view text) {
  number n;
  std::size_t i = 0;
  const std::string_view s = c.rest;
  int digits_in_group = 0;
  bool grouped = false, any = false;
  for (; i < s.size(); ++i) {
    const char ch = s[i];
    if (is_digit(ch)) {
      if (n.mantissa > kLimit) fail_figure(text, "the number is too large");
      n.mantissa = n.mantissa * 10 + (ch - '0');
      ++digits_in_group;
      any = true;
    } else if (ch == ',' && i + 1 < s.size() && is_digit(s[i + 1])) {
      if (!any || (grouped && digits_in_group != 3) || (!grouped && digits_in_group > 3))
        fail_figure(text, "a thousands separator ',' is misplaced");
      grouped = true;
      digits_in_group = 0;
    } else {
      break;
    }
  }
  if (!any) fail_figure(text, "a number is missing");
  if (grouped && digits_in_group != 3) fail_figure(text, "a thousands separator ',' is misplaced");
  if (i < s.size() && s[i] == '.') {
    ++i;
    int frac = 0;
    for (; i < s.size() && is_digit(s[i]); ++i, ++frac) {
      if (frac == 18) fail_figure(text, "it has more than 18 decimal places");
      if (n.mantissa > kLimit) fail_figure(text, "the number is too large");
      n.mantissa = n.mantissa * 10 + (s[i] - '0');
    }
    if (frac == 0) fail_figure(text, "a decimal point must be followed by digits");
    n.exponent = -frac;
  }
  c.rest.remove_prefix(i);
  return n;
}

namespace {

// The state of a Chinese numeral being read: value = yi + wan * 10^4 + section + digit.
class chinese_reader {
 public:
  explicit chinese_reader(std::string_view text) : text_(text) {}

  // Reads characters while they belong to the numeral; false at the first that does not.
  bool step(cursor& c);
  // The value read, once step() has said no.
  i128 value() const { return yi_ + wan_ * pow10(4) + pending(); }
  bool any() const { return any_; }

 private:
  i128 pending() const { return section_ + (digit_ > 0 ? digit_ : 0); }
  [[noreturn]] void out_of_place(std::string_view ch) const {
    fail_figure(text_, "'" + std::string(ch) + "' is out of place in a Chinese numeral");
  }
  void big_place(int power, std::string_view ch);

  std::string_view text_;
  i128 yi_ = 0;            // committed multiples of 亿, times 10^8
  i128 wan_ = 0;           // multiples of 万 since the last 亿
  i128 section_ = 0;       // below 万
  int digit_ = -1;         // the digit waiting for its place; 0 after 零
  int last_small_ = 4;     // the last of 十/百/千 in this section (4: none yet)
  bool wan_seen_ = false;  // a 万 since the last 亿
  bool any_ = false;
};

bool chinese_reader::step(cursor& c) {
  cursor probe = c;
  if (const int d = eat_chinese_digit(probe); d >= 0) {
    if (digit_ > 0) fail_figure(text_, "two Chinese digits stand together");
    digit_ = d;
  } else if (const int tens = eat_glyph(probe, kTens); tens >= 0) {
    // 廿 is 二十 written as one: no digit before it, and a place of 十 still free.
    if (digit_ > 0 || last_small_ <= 1)
      out_of_place(c.rest.substr(0, c.rest.size() - probe.rest.size()));
    section_ += tens * 10;
    last_small_ = 1;
    digit_ = -1;
  } else if (const int p = eat_place(probe, false); p >= 0) {
    if (p >= last_small_) out_of_place(c.rest.substr(0, c.rest.size() - probe.rest.size()));
    section_ += (digit_ > 0 ? digit_ : 1) * pow10(p);  // after 零 a bare 十 is 一十
    last_small_ = p;
    digit_ = -1;
  } else if (const int big = eat_place(probe, true); big >= 0) {
    // The first big unit ending the numeral is the caller's multiplier.
    if (!starts_chinese_numeral(probe.rest) && yi_ == 0 && !wan_seen_) return false;
    big_place(big, c.rest.substr(0, c.rest.size() - probe.rest.size()));
  } else {
    return false;
  }
  any_ = true;
  c = probe;
  return true;
}

void chinese_reader::big_place(int power, std::string_view ch) {
  if (power == 4) {
    if (wan_seen_) out_of_place(ch);
    wan_ = pending() == 0 ? 1 : pending();  // 万 alone is 一万
    wan_seen_ = true;
  } else {
    if (yi_ != 0) out_of_place(ch);
    const i128 v = wan_ * pow10(4) + pending();
    yi_ = (v == 0 ? 1 : v) * pow10(8);
    wan_ = 0;
    wan_seen_ = false;
    if (yi_ > kLimit) fail_figure(text_, "the number is too large");
  }
  section_ = 0;
  digit_ = -1;
  last_small_ = 4;
}

}  // namespace

number read_chinese(cursor& c, std::string_view text) {
  chinese_reader r(text);
  while (!c.rest.empty() && r.step(c)) {
  }
  if (!r.any()) fail_figure(text, "no number found");
  number n{r.value(), 0};
  if (!c.eat("点")) return n;
  for (int d; (d = eat_chinese_digit(c)) >= 0;) {
    if (n.exponent == -18) fail_figure(text, "it has more than 18 decimal places");
    n.mantissa = n.mantissa * 10 + d;
    --n.exponent;
  }
  if (n.exponent == 0) fail_figure(text, "'点' must be followed by digits");
  return n;
}

std::optional<int> read_jiao_fen(cursor& c, std::string_view text) {
  const auto digit = [](cursor& p) {
    if (!p.rest.empty() && is_digit(p.rest[0])) {
      const int d = p.rest[0] - '0';
      p.rest.remove_prefix(1);
      return d;
    }
    return eat_chinese_digit(p);
  };
  cursor probe = c;
  probe.eat("零");  // 壹元零伍分: no 角
  const int first = digit(probe);
  if (first < 0) return std::nullopt;
  if (probe.eat("分")) {
    c = probe;
    return first;
  }
  if (!probe.eat("角")) return std::nullopt;
  c = probe;
  cursor fen = c;
  const int second = digit(fen);
  if (second < 0) return first * 10;
  if (!fen.eat("分"))
    fail_figure(text, "'" + std::string(first_char(fen.rest)) + "' after 角: write e.g. 壹角捌分");
  c = fen;
  return first * 10 + second;
}

}  // namespace aidstat::detail
