#include "output/render/cell_text.hpp"

#include <fmt/format.h>

namespace aidstat::detail {
namespace {

bool is_interval(const column& c) {
  return c.type == cell_type::money || c.type == cell_type::quantity;
}

// A computed figure to two decimals, never "-0.00": a tiny negative rounds to zero.
std::string two_decimals(double v) {
  std::string text = fmt::format("{:.2f}", v);
  return text == "-0.00" ? "0.00" : text;
}

}  // namespace

std::vector<std::string> csv_headers(const column& c) {
  if (is_interval(c)) return {c.name + "_min", c.name + "_max"};
  return {c.name};
}

std::vector<std::string> csv_fields(const column& c, const cell& v) {
  if (std::holds_alternative<std::monostate>(v))
    return std::vector<std::string>(is_interval(c) ? 2 : 1);
  switch (c.type) {
    case cell_type::money: {
      const auto& m = std::get<money_interval>(v);
      return {format_yuan_decimal(m.min()), format_yuan_decimal(m.max())};
    }
    case cell_type::quantity: {
      const auto& q = std::get<quantity_cell>(v).value;
      return {std::to_string(q.min().value()), std::to_string(q.max().value())};
    }
    case cell_type::count:
      return {std::to_string(std::get<std::int64_t>(v))};
    case cell_type::percent:
      return {format_hundredths(std::get<std::int64_t>(v))};
    case cell_type::ratio:
    case cell_type::fitted:
      return {two_decimals(std::get<double>(v))};
    case cell_type::text:
    case cell_type::status:
      break;
  }
  return {std::get<std::string>(v)};
}

nlohmann::ordered_json json_value(const column& c, const cell& v) {
  using json = nlohmann::ordered_json;
  if (std::holds_alternative<std::monostate>(v)) return nullptr;
  switch (c.type) {
    case cell_type::money: {
      const auto& m = std::get<money_interval>(v);
      return {{"min", format_yuan_decimal(m.min())}, {"max", format_yuan_decimal(m.max())}};
    }
    case cell_type::quantity: {
      const auto& q = std::get<quantity_cell>(v);
      json j = {{"min", q.value.min().value()}, {"max", q.value.max().value()}};
      j["measure"] = q.unit ? json(std::string(key_of(*q.unit))) : json(nullptr);
      return j;
    }
    case cell_type::count:
      return std::get<std::int64_t>(v);
    case cell_type::percent:
      return static_cast<double>(std::get<std::int64_t>(v)) / 100.0;
    case cell_type::ratio:
    case cell_type::fitted:
      return std::get<double>(v);
    case cell_type::text:
    case cell_type::status:
      break;
  }
  return std::get<std::string>(v);
}

namespace {

bool is_zero(const cell& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n == 0;
  if (const auto* m = std::get_if<money_interval>(&v)) return *m == money_interval{};
  return false;
}

// A fitted amount in yuan as people read it, in `unit`: "+1.20万元".
std::string fitted_text(double yuan, bool sign, money_unit unit) {
  const bool wan = unit == money_unit::wan;
  const double v = wan ? yuan / 10000.0 : yuan;
  return (sign ? fmt::format("{:+.2f}", v) : fmt::format("{:.2f}", v)) + (wan ? "万元" : "元");
}

}  // namespace

std::string people_text(const column& c, const cell& v, money_unit unit) {
  if (std::holds_alternative<std::monostate>(v) || (c.blank_zero && is_zero(v))) return "";
  switch (c.type) {
    case cell_type::money:
      return format_money(std::get<money_interval>(v), unit);
    case cell_type::quantity: {
      const auto& q = std::get<quantity_cell>(v);
      return format_count(q.value, q.unit);
    }
    case cell_type::count:
      return std::to_string(std::get<std::int64_t>(v));
    case cell_type::percent:
      return format_hundredths(std::get<std::int64_t>(v));
    case cell_type::ratio:
      return format_share(std::get<double>(v));
    case cell_type::fitted:
      return fitted_text(std::get<double>(v), c.signed_text, unit);
    case cell_type::text:
    case cell_type::status:
      break;
  }
  return std::get<std::string>(v);
}

std::string suppression_mark(suppression s) { return s == suppression::primary ? "×p" : "×s"; }

}  // namespace aidstat::detail
