// Reading the numbers of report notation (docs/notation.md): Arabic numerals, Chinese
// numerals in both scripts (一万二千, 壹万贰仟), decimals written with 点, and 角/分.
// Internal: amount_text.cpp builds intervals on top of these.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/int128.hpp"

namespace aidstat::detail {

/// The unread rest of a figure's text.
struct cursor {
  std::string_view rest;  ///< what is left to read

  /// Consumes `token` when the rest starts with it.
  bool eat(std::string_view token) {
    if (!rest.starts_with(token)) return false;
    rest.remove_prefix(token.size());
    return true;
  }
};

/// A number: value = mantissa * 10^exponent.
struct number {
  i128 mantissa = 0;  ///< the digits
  int exponent = 0;   ///< 0 or negative (decimal places)
};

/// Throws parse_error: "cannot read 'text' as a figure: why".
[[noreturn]] void fail_figure(std::string_view text, const std::string& why);

/// 10^n for n >= 0.
i128 pow10(int n);

/// `text` with full-width digits and separators (３１９，．［］) made ASCII and
/// spaces dropped, except one between two digits ("1 000"), which is kept so that it
/// is refused, and one after a comma ("[781, 881]"). Returns `text` itself when there is nothing to
/// change, else a view of `buffer`.
std::string_view normalize_figure(std::string_view text, std::string& buffer);

/// The value of the Chinese digit at the front of `c` (零〇 0, 一壹 1, 二贰两 2, ...,
/// 九玖 9), consumed; -1 (nothing consumed) when there is none.
int eat_chinese_digit(cursor& c);

/// The power of ten of the place character at the front of `c` (十拾 1, 百佰 2,
/// 千仟 3, and with `big` also 万萬 4, 亿億 8), consumed; -1 when there is none.
int eat_place(cursor& c, bool big);

/// True when `s` starts with a Chinese digit or a small place (十, 百, 千).
bool starts_chinese_numeral(std::string_view s);

/// Reads an Arabic number ("1,234.5"): thousands separators only in groups of three,
/// at most 18 decimal places.
number read_arabic(cursor& c, std::string_view text);

/// Reads a Chinese numeral in either script, and its decimals after 点. Places must
/// fall within a section (十十, 一千千 and 一万二千万 are refused, naming the character);
/// after 零 a bare 十 is 一十 (一千零十 = 1010). A trailing 万 or 亿 that is the
/// numeral's first big unit is left unread, as the multiplier of the whole number
/// ("三十万" is 三十 × 万), so that 余 after it binds to it.
number read_chinese(cursor& c, std::string_view text);

/// Reads 角 and 分 at the front of `c` ("壹角捌分", "零伍分", "5角"), in fen; empty,
/// consuming nothing, when the text there is not a digit followed by 角 or 分.
std::optional<int> read_jiao_fen(cursor& c, std::string_view text);

}  // namespace aidstat::detail
