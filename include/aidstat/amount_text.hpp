// Reading and writing figures the way reports write them (docs/notation.md).
//
// Every figure becomes a closed interval: "319万元" is exactly 3,190,000 yuan;
// "1100余万元" is [11,000,000, 12,000,000] yuan; "近3万元" is [27,000, 30,000];
// "3000余人次" is [3000, 4000] person-times. Plain decimals ("3190000.50",
// "1,234.5"), Chinese numerals ("一万二千元") and general intervals ("[781, 881]万元",
// as format_money writes them) are read too. Unreadable text
// throws aidstat::parse_error naming the text: it is never read as zero.
//
//   money_interval a = parse_money("1100余万元");
//   format_money(a, money_unit::wan);        // "1100余万元", which reads back to a
//   quantity_text q = parse_quantity("3000余人次");
//   q.value.max();                            // count{4000}; *q.unit == measure::person_time
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aidstat/enums.hpp"
#include "aidstat/interval.hpp"

namespace aidstat {

/// What a figure's text says it counts.
enum class figure_kind : std::uint8_t {
  plain,     ///< a bare number ("3190000", "1100余万"): yuan or a count, by context
  money,     ///< ends in 元
  quantity,  ///< ends in a measure word (人次, 场, 份, ...)
};

/// A figure read from text, before deciding whether it is money or a count.
struct figure {
  figure_kind kind = figure_kind::plain;  ///< what the text counts
  /// The value in hundredths of its unit (fen for money and plain numbers).
  std::int64_t min_centi = 0;
  /// Upper bound, in hundredths of its unit.
  std::int64_t max_centi = 0;
  /// The measure word, when kind == quantity.
  std::optional<aidstat::measure> unit;
};

/// Reads any figure of docs/notation.md; throws parse_error naming the text.
figure parse_figure(std::string_view text);

/// Reads an amount of money: "319万元", "1100余万元", "3190000.50" (bare numbers are
/// yuan). Throws parse_error for a count ("200人次") or for anything finer than a fen.
money_interval parse_money(std::string_view text);

/// A quantity with the measure its text named, if any.
struct quantity_text {
  count_interval value;                  ///< the quantity
  std::optional<aidstat::measure> unit;  ///< the measure word, if the text had one
};

/// Reads a quantity: "3000余人次", "百余件", "27", "近万名". Throws parse_error for
/// money ("5万元") and for fractions of a whole ("2.5人").
quantity_text parse_quantity(std::string_view text);

/// The unit amounts are shown in.
enum class money_unit : std::uint8_t { yuan, wan };

/// The vocabulary of money_unit (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<money_unit> {
  static constexpr std::string_view what = "money unit";
  static constexpr auto entries = std::to_array<enum_entry<money_unit>>({
      {money_unit::yuan, "yuan", "元"},
      {money_unit::wan, "wan", "万元"},
  });
};

/// Shows an amount for people, the way a report would, so that parse_money reads it
/// back to the same interval: "319万元", "1100余万元", "近3万元", "约5万元", "数十万元",
/// else "[a, b]万元".
std::string format_money(money_interval amount, money_unit unit = money_unit::yuan);

/// An amount in a sentence, as the report says it: in 万元 from 1万元 up ("1100余万元"),
/// in 元 below ("3元", never "0.0003万元"); parse_money reads it back.
std::string format_money_in_text(money_interval amount);

/// Shows a quantity for people, as format_money does: "94人", "3000余人次", "[20, 30]".
std::string format_count(count_interval value, std::optional<aidstat::measure> unit = {});

/// Writes an amount in yuan with exactly two decimals ("3190000.00", "-12.50"): the
/// machine format of CSV output.
std::string format_yuan_decimal(money amount);

/// Writes a whole number of hundredths as a decimal with exactly two places ("12.34",
/// "-0.05"): fen as yuan, hundredths of a percent as a percentage. The one writer of both.
std::string format_hundredths(std::int64_t hundredths);

/// A computed share (0.123) as a percentage with one decimal, without its sign:
/// "12.3". The one writer of a share's digits.
std::string format_percent_digits(double share);

/// A computed share as people read it: "12.3%".
std::string format_share(double share);

}  // namespace aidstat
