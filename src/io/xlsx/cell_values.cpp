#include "io/xlsx/cell_values.hpp"

#include <charconv>

#include "aidstat/amount_text.hpp"
#include "io/xlsx/excel_dates.hpp"

namespace aidstat::detail {
namespace {

// A number cell's text as an exact decimal: sign, digits and a power of ten.
struct decimal {
  bool negative = false;
  std::string digits;  // without leading zeros; empty is zero
  int exponent = 0;    // value = digits * 10^exponent
};

std::optional<decimal> read_decimal(std::string_view t) {
  decimal d;
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) d.negative = t[i++] == '-';
  bool any = false, dot = false;
  for (; i < t.size() && t[i] != 'e' && t[i] != 'E'; ++i) {
    if (t[i] == '.' && !dot) {
      dot = true;
      continue;
    }
    if (t[i] < '0' || t[i] > '9' || d.digits.size() > 400) return std::nullopt;
    any = true;
    if (dot) --d.exponent;
    if (!d.digits.empty() || t[i] != '0') d.digits += t[i];
  }
  if (!any) return std::nullopt;
  if (i < t.size()) {
    int e = 0;
    const char* from = t.data() + i + 1 + (i + 1 < t.size() && t[i + 1] == '+');
    const auto [p, ec] = std::from_chars(from, t.data() + t.size(), e);
    if (ec != std::errc{} || p != t.data() + t.size() || e > 400 || e < -400) return std::nullopt;
    d.exponent += e;
  }
  return d;
}

// The whole number nearest `d` times 10^shift, when `d` is within 1e-7 of it at that
// scale (1e-9 yuan for fen): digits with no exponent.
std::optional<std::string> nearest_whole(const decimal& d, int shift) {
  const int e = d.exponent + shift;
  std::string whole = d.digits, fraction;
  if (e >= 0) {
    if (!whole.empty()) whole.append(static_cast<std::size_t>(e), '0');
  } else {
    const std::size_t cut = static_cast<std::size_t>(-e);
    fraction = whole.size() > cut ? whole.substr(whole.size() - cut)
                                  : std::string(cut - whole.size(), '0') + whole;
    whole = whole.size() > cut ? whole.substr(0, whole.size() - cut) : "";
  }
  if (whole.size() > 17) return std::nullopt;
  std::int64_t n = 0;
  if (!whole.empty()) std::from_chars(whole.data(), whole.data() + whole.size(), n);
  const std::string lead =
      fraction.substr(0, 7) + std::string(fraction.size() < 7 ? 7 - fraction.size() : 0, '0');
  if (lead.find_first_not_of('0') == std::string::npos) {
  } else if (lead.find_first_not_of('9') == std::string::npos) {
    ++n;
  } else {
    return std::nullopt;
  }
  return (d.negative && n ? "-" : "") + std::to_string(n);
}

// The decimal as plain text ("2.5", "0.001"), for a value that is not whole.
std::string plain(const decimal& d) {
  if (d.digits.empty()) return "0";
  std::string s = d.digits;
  if (d.exponent >= 0)
    return (d.negative ? "-" : "") + s + std::string(static_cast<std::size_t>(d.exponent), '0');
  const std::size_t cut = static_cast<std::size_t>(-d.exponent);
  if (s.size() <= cut) s = std::string(cut - s.size() + 1, '0') + s;
  s.insert(s.size() - cut, ".");
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return (d.negative ? "-" : "") + s;
}

std::optional<std::string> number_text(const sheet_cell& c, column_kind kind,
                                       const workbook_parts& book, std::string& problem) {
  const auto d = read_decimal(c.value);
  if (!d) {
    problem = "'" + c.value + "' is not a number, though the cell says it is";
    return std::nullopt;
  }
  if (kind == column_kind::amount) {
    const auto fen = nearest_whole(*d, 2);
    if (!fen) {
      problem = "the number " + c.value + " is finer than one fen (0.01 yuan); round it to fen";
      return std::nullopt;
    }
    return format_hundredths(std::stoll(*fen));
  }
  const date_shown shown = c.style < book.styles.size() ? book.styles[c.style] : date_shown::none;
  if (kind == column_kind::date && shown != date_shown::none) {
    if (shown == date_shown::time) {
      problem = "the cell shows a time of day, not a date; give it a date format";
      return std::nullopt;
    }
    const auto day = day_of_serial(std::stod(c.value), book.date1904, problem);
    if (!day) {
      problem = "the date serial number " + c.value + " " + problem;
      return std::nullopt;
    }
    char buf[16];
    if (shown == date_shown::year) std::snprintf(buf, sizeof buf, "%04d", day->year);
    if (shown == date_shown::month)
      std::snprintf(buf, sizeof buf, "%04d-%02d", day->year, day->month);
    if (shown == date_shown::day)
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", day->year, day->month, day->day);
    return std::string(buf);
  }
  if (const auto whole = nearest_whole(*d, 0)) return *whole;
  return plain(*d);
}

}  // namespace

column_kind kind_of_column(std::string_view name) {
  if (name == "amount" || name == "target_amount") return column_kind::amount;
  if (name == "quantity" || name == "headcount" || name == "year") return column_kind::whole;
  if (name == "date") return column_kind::date;
  return column_kind::text;
}

std::optional<std::string> cell_text(const sheet_cell& c, column_kind kind,
                                     const workbook_parts& book, std::string& problem) {
  if (c.formula && !c.has_value) {
    problem =
        "a formula without a saved value; open the workbook in Excel and save it, "
        "or type the value";
    return std::nullopt;
  }
  if (c.type == "e") {
    problem = "the cell holds the error " + c.value + "; correct the formula or type the value";
    return std::nullopt;
  }
  if (c.type == "b") {
    problem = std::string("the cell holds the logical value ") +
              (c.value == "1" ? "TRUE" : "FALSE") + ", which is not data; type the value as text";
    return std::nullopt;
  }
  if (c.type == "s") {
    std::size_t i = 0;
    const auto [p, ec] = std::from_chars(c.value.data(), c.value.data() + c.value.size(), i);
    if (ec != std::errc{} || i >= book.shared_strings.size()) {
      problem = "the cell refers to shared string " + c.value + ", which the workbook lacks";
      return std::nullopt;
    }
    return book.shared_strings[i];
  }
  if (c.type == "d" && kind == column_kind::date) {
    const date_shown shown = c.style < book.styles.size() ? book.styles[c.style] : date_shown::day;
    const std::size_t len = shown == date_shown::year ? 4 : shown == date_shown::month ? 7 : 10;
    return c.value.substr(0, std::min(len, c.value.size()));
  }
  if (c.type.empty() || c.type == "n") return number_text(c, kind, book, problem);
  return c.value;  // str (a formula's text), inlineStr, d outside a date column
}

}  // namespace aidstat::detail
