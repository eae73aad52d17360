// The closed vocabularies of the domain model (docs/file-formats.md): unit kind, side,
// beneficiary kind, form of aid, measure and direction. Each has an English key
// (what files and output use) and a Chinese name; `key_of` and `parse_enum`
// convert, and measures also accept the Chinese measure words (docs/file-formats.md).
//
//   parse_enum<measure>("人次");          // measure::person_time
//   key_of(measure::person_time);        // "person_time"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aidstat/error.hpp"

namespace aidstat {

/// What kind of organization a unit is.
enum class unit_kind : std::uint8_t {
  military_unit,
  government,
  enterprise,
  community,
  school,
  hospital,
  media,
  social_org,
  other
};
/// Whether a unit belongs to the military or the civilian side; unknown when not stated.
enum class side : std::uint8_t { military, civilian, unknown };
/// Who a beneficiary is (优抚对象 / 受助对象).
enum class beneficiary_kind : std::uint8_t {
  active_member,
  veteran,
  military_family,
  member_child,
  martyr_family,
  disabled_veteran,
  civilian,
  other
};
/// The form support took.
enum class aid_form : std::uint8_t {
  cash,
  in_kind,
  fee_waiver,
  service,
  investment,
  transfer  ///< money passed to another unit to be given on (counted once: docs/transfers.md)
};
/// What a quantity counts.
enum class measure : std::uint8_t {
  person,
  person_time,
  session,
  copy,
  case_,
  article,
  program,
  household,
  item
};
/// Which way support flows: to the military (拥军) or to civilians (爱民).
enum class direction : std::uint8_t { support_military, support_civilians };
/// Where a planned commitment (实事项目) stands.
enum class commitment_status : std::uint8_t { planned, in_progress, done, dropped };

/// One entry of an enum's vocabulary.
template <class E>
struct enum_entry {
  E value;               ///< the enumerator
  std::string_view key;  ///< English key used in files and output
  std::string_view zh;   ///< Chinese name
};

/// The vocabulary of enum E, specialized below for every domain enum: `what` names
/// the vocabulary in messages ("unit kind") and `entries` lists key and Chinese name.
template <class E>
struct enum_vocabulary;

template <>
struct enum_vocabulary<unit_kind> {
  static constexpr std::string_view what = "unit kind";
  static constexpr auto entries = std::to_array<enum_entry<unit_kind>>({
      {unit_kind::military_unit, "military_unit", "部队"},
      {unit_kind::government, "government", "政府部门"},
      {unit_kind::enterprise, "enterprise", "企业"},
      {unit_kind::community, "community", "社区"},
      {unit_kind::school, "school", "学校"},
      {unit_kind::hospital, "hospital", "医院"},
      {unit_kind::media, "media", "媒体"},
      {unit_kind::social_org, "social_org", "社会组织"},
      {unit_kind::other, "other", "其他"},
  });
};

template <>
struct enum_vocabulary<side> {
  static constexpr std::string_view what = "side";
  static constexpr auto entries = std::to_array<enum_entry<side>>({
      {side::military, "military", "军"},
      {side::civilian, "civilian", "地"},
      {side::unknown, "unknown", "未知"},
  });
};

template <>
struct enum_vocabulary<beneficiary_kind> {
  static constexpr std::string_view what = "beneficiary kind";
  static constexpr auto entries = std::to_array<enum_entry<beneficiary_kind>>({
      {beneficiary_kind::active_member, "active_member", "现役军人"},
      {beneficiary_kind::veteran, "veteran", "退役军人"},
      {beneficiary_kind::military_family, "military_family", "军属"},
      {beneficiary_kind::member_child, "member_child", "部队子女"},
      {beneficiary_kind::martyr_family, "martyr_family", "烈属"},
      {beneficiary_kind::disabled_veteran, "disabled_veteran", "伤残军人"},
      {beneficiary_kind::civilian, "civilian", "群众"},
      {beneficiary_kind::other, "other", "其他"},
  });
};

template <>
struct enum_vocabulary<aid_form> {
  static constexpr std::string_view what = "form";
  static constexpr auto entries = std::to_array<enum_entry<aid_form>>({
      {aid_form::cash, "cash", "现金"},
      {aid_form::in_kind, "in_kind", "实物"},
      {aid_form::fee_waiver, "fee_waiver", "减免"},
      {aid_form::service, "service", "服务"},
      {aid_form::investment, "investment", "投资"},
      {aid_form::transfer, "transfer", "转拨"},
  });
};

template <>
struct enum_vocabulary<measure> {
  static constexpr std::string_view what = "measure";
  static constexpr auto entries = std::to_array<enum_entry<measure>>({
      {measure::person, "person", "人"},
      {measure::person_time, "person_time", "人次"},
      {measure::session, "session", "场"},
      {measure::copy, "copy", "份"},
      {measure::case_, "case", "件"},
      {measure::article, "article", "篇"},
      {measure::program, "program", "部"},
      {measure::household, "household", "户"},
      {measure::item, "item", "个"},
  });
};

template <>
struct enum_vocabulary<direction> {
  static constexpr std::string_view what = "direction";
  static constexpr auto entries = std::to_array<enum_entry<direction>>({
      {direction::support_military, "support_military", "拥军"},
      {direction::support_civilians, "support_civilians", "爱民"},
  });
};

template <>
struct enum_vocabulary<commitment_status> {
  static constexpr std::string_view what = "commitment status";
  static constexpr auto entries = std::to_array<enum_entry<commitment_status>>({
      {commitment_status::planned, "planned", "计划"},
      {commitment_status::in_progress, "in_progress", "推进中"},
      {commitment_status::done, "done", "已落实"},
      {commitment_status::dropped, "dropped", "取消"},
  });
};

/// The English key of an enumerator ("person_time").
template <class E>
constexpr std::string_view key_of(E value) noexcept {
  for (const auto& e : enum_vocabulary<E>::entries)
    if (e.value == value) return e.key;
  return {};
}

/// The Chinese name of an enumerator ("人次").
template <class E>
constexpr std::string_view zh_name_of(E value) noexcept {
  for (const auto& e : enum_vocabulary<E>::entries)
    if (e.value == value) return e.zh;
  return {};
}

/// The enumerator with English key `text`; for measures also the Chinese measure
/// words (人/名/位, 人次, 场, 份, 件, 篇, 部, 户, 个). Empty when unknown.
template <class E>
constexpr std::optional<E> parse_enum(std::string_view text) noexcept {
  for (const auto& e : enum_vocabulary<E>::entries)
    if (e.key == text) return e.value;
  if constexpr (std::is_same_v<E, measure>) {
    if (text == "名" || text == "位") return measure::person;
    for (const auto& e : enum_vocabulary<E>::entries)
      if (e.zh == text) return e.value;
  }
  return std::nullopt;
}

/// The English keys of E in order, e.g. a command line's accepted values.
template <class E>
std::vector<std::string> keys_of() {
  std::vector<std::string> out;
  for (const auto& e : enum_vocabulary<E>::entries) out.emplace_back(e.key);
  return out;
}

/// Why a published cell is empty (disclosure control, docs/disclosure.md).
enum class suppression : std::uint8_t {
  none,       ///< published
  primary,    ///< it reaches 1..N-1 people
  secondary,  ///< suppressed with a primary cell, so that totals cannot give it away
};

/// The vocabulary of suppression (key_of, parse_enum, keys_of).
template <>
struct enum_vocabulary<suppression> {
  static constexpr std::string_view what = "suppression";
  static constexpr auto entries = std::to_array<enum_entry<suppression>>({
      {suppression::none, "none", "公布"},
      {suppression::primary, "primary", "主隐藏"},
      {suppression::secondary, "secondary", "次隐藏"},
  });
};

namespace detail {
/// "a, b or c": the accepted keys of E, for error messages.
template <class E>
std::string accepted_keys() {
  std::string out;
  const auto& es = enum_vocabulary<E>::entries;
  for (std::size_t i = 0; i < es.size(); ++i) {
    if (i) out += i + 1 == es.size() ? " or " : ", ";
    out += es[i].key;
  }
  return out;
}
}  // namespace detail

/// The enumerator with key `text` (as parse_enum reads it); throws query_error
/// "'x' is not a <what>; use one of a, b or c" when there is none.
template <class E>
E parse_key(std::string_view text) {
  if (const auto v = parse_enum<E>(text)) return *v;
  detail::throw_error<query_error>("'" + std::string(text) + "' is not a " +
                                   std::string(enum_vocabulary<E>::what) + "; use one of " +
                                   detail::accepted_keys<E>());
}

}  // namespace aidstat
