// The entities of the domain model (docs/file-formats.md) as plain value types. They carry
// the user's string ids; a `dataset` interns those ids to dense integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "aidstat/date.hpp"
#include "aidstat/enums.hpp"
#include "aidstat/interval.hpp"

namespace aidstat {

/// An organization (单位): a military unit, a government office, a company...
/// Units form a forest through `parent` (a city police bureau and its branches).
struct unit {
  /// An unnamed unit of kind other and unknown side.
  unit() = default;
  /// A unit with the given fields.
  unit(std::string id_, std::string name_, aidstat::unit_kind kind_, aidstat::side side_,
       std::string parent_ = {}, std::string region_ = {})
      : id(std::move(id_)),
        name(std::move(name_)),
        kind(kind_),
        side(side_),
        parent(std::move(parent_)),
        region(std::move(region_)) {}

  std::string id;                                       ///< the user's key, unique in a dataset
  std::string name;                                     ///< display name; the id when empty
  aidstat::unit_kind kind = aidstat::unit_kind::other;  ///< what kind of organization
  aidstat::side side = aidstat::side::unknown;          ///< military or civilian side
  std::string parent;                                   ///< parent unit id; empty for a root
  std::string region;                                   ///< optional region label

  /// Equal when every field is equal.
  friend bool operator==(const unit&, const unit&) = default;
};

/// A person or a group of people who received support (优抚对象 / 受助对象).
/// Statistics never need a personal name: the id may be a pseudonym.
struct beneficiary {
  /// A beneficiary of kind other, headcount 1.
  beneficiary() = default;
  /// A beneficiary with the given fields.
  beneficiary(std::string id_, aidstat::beneficiary_kind kind_, std::string unit_ = {},
              std::int64_t headcount_ = 1)
      : id(std::move(id_)), kind(kind_), unit(std::move(unit_)), headcount(headcount_) {}

  std::string id;                                                     ///< the user's key
  aidstat::beneficiary_kind kind = aidstat::beneficiary_kind::other;  ///< who they are
  std::string unit;            ///< affiliated unit id; empty when none
  std::int64_t headcount = 1;  ///< 1 for a person; N for a group ("27 needy soldiers")

  /// Equal when every field is equal.
  friend bool operator==(const beneficiary&, const beneficiary&) = default;
};

/// A program category of the taxonomy (慰问 condolence, 子女教育 education, ...).
struct category {
  std::string key;      ///< the key used in files ("education")
  std::string name_zh;  ///< Chinese display name ("子女教育")
  std::string name_en;  ///< English display name ("Education")
  std::string parent;   ///< parent category key; empty for a top-level category

  /// Equal when every field is equal.
  friend bool operator==(const category&, const category&) = default;
};

/// One record of support given: who gave what to whom, under which category, when.
struct aid_item {
  aidstat::date date;                       ///< when, to the day, month or year
  std::string category;                     ///< category key
  std::string provider;                     ///< unit id of the giver
  std::string recipient;                    ///< unit id of the receiving unit; empty when none
  std::string beneficiary;                  ///< beneficiary id; empty when none
  std::optional<aid_form> form;             ///< cash, in kind, ...; empty when not stated
  std::optional<money_interval> amount;     ///< money, possibly approximate
  std::optional<count_interval> quantity;   ///< how many, possibly approximate
  std::optional<aidstat::measure> measure;  ///< what the quantity counts
  /// Support to the military or to civilians; derived from the units' sides
  /// (and the beneficiary's kind) when empty.
  std::optional<aidstat::direction> direction;
  std::string note;  ///< free text

  /// Equal when every field is equal.
  friend bool operator==(const aid_item&, const aid_item&) = default;
};

/// A planned item for a year (实事项目), such as one of "ten practical things".
struct commitment {
  std::string id;                                         ///< the user's key
  int year = 0;                                           ///< the year it is planned for
  std::string category;                                   ///< category key
  std::string owner;                                      ///< unit id responsible for it
  std::string title;                                      ///< what was promised
  std::optional<money_interval> target_amount;            ///< the money planned, if stated
  commitment_status status = commitment_status::planned;  ///< where it stands

  /// Equal when every field is equal.
  friend bool operator==(const commitment&, const commitment&) = default;
};

/// A figure a report states for a group of records ("全市共为部队送去慰问款物1100余万元"),
/// kept so it can be reconciled against the records beneath it (check.hpp). Empty
/// fields do not restrict the group; provider and recipient include the units below.
struct stated_total {
  std::string id;         ///< the user's key
  int year = 0;           ///< the year the figure is for
  std::string category;   ///< category key (and its subcategories); empty for all
  std::string provider;   ///< giving unit (and the units below it); empty for all
  std::string recipient;  ///< receiving unit (and below); empty for all
  std::optional<aidstat::beneficiary_kind> beneficiary_kind;  ///< only this kind of beneficiary
  std::optional<money_interval> amount;                       ///< the stated amount
  std::optional<count_interval> quantity;                     ///< the stated quantity
  std::optional<aidstat::measure> measure;                    ///< what the quantity counts
  std::string note;                                           ///< the sentence it comes from

  /// Equal when every field is equal.
  friend bool operator==(const stated_total&, const stated_total&) = default;
};

}  // namespace aidstat
