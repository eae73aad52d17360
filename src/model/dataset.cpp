#include "aidstat/dataset.hpp"

#include <algorithm>
#include <limits>

#include "aidstat/error.hpp"
#include "model/item_appender.hpp"
#include "model/item_row.hpp"

namespace aidstat {

const detail::item_columns& detail::columns_of(const dataset& d) noexcept { return d.items_.get(); }

std::optional<std::uint32_t> dataset::unit_parent(std::uint32_t index) const {
  const std::uint32_t p = unit_parent_.at(index);
  return p == detail::no_id ? std::nullopt : std::optional<std::uint32_t>(p);
}

std::size_t dataset::item_count() const noexcept { return items_.get().size(); }

void dataset::clear_items() {
  items_.edit() = {};
  loaded_ = item_fields::all;
}

namespace {
using detail::enum_of;
[[noreturn]] void bad_item(const std::string& why) { detail::throw_error<data_error>(why); }
}  // namespace

side side_of(beneficiary_kind kind) noexcept {
  switch (kind) {
    case beneficiary_kind::civilian:
      return side::civilian;
    case beneficiary_kind::other:
      return side::unknown;
    default:
      return side::military;
  }
}

std::optional<direction> derive_direction(side from, side to) noexcept {
  if (from == side::civilian && to == side::military) return direction::support_military;
  if (from == side::military && to == side::civilian) return direction::support_civilians;
  return std::nullopt;
}

dataset::dataset() : dataset(taxonomy::standard()) {}

dataset::dataset(taxonomy categories) : categories_(std::move(categories)) {
  if (categories_.size() > std::numeric_limits<std::uint16_t>::max())
    detail::throw_error<data_error>("a taxonomy can hold at most 65535 categories");
}

std::uint32_t dataset::add_unit(unit u) {
  if (u.id.empty()) detail::throw_error<data_error>("a unit needs an id");
  if (unit_index_.contains(u.id))
    detail::throw_error<data_error>("unit '" + u.id + "' is defined twice");
  if (units_.size() >= detail::no_id) detail::throw_error<data_error>("too many units");
  std::uint32_t parent = detail::no_id, depth = 0;
  if (!u.parent.empty()) {
    const auto p = find_unit(u.parent);
    if (!p)
      detail::throw_error<data_error>("unit '" + u.id + "' names parent '" + u.parent +
                                      "', which is not defined");
    parent = *p;
    depth = unit_depth_[parent] + 1;
  }
  if (u.name.empty()) u.name = u.id;
  const auto index = static_cast<std::uint32_t>(units_.size());
  unit_index_.emplace(u.id, index);
  units_.push_back(std::move(u));
  unit_parent_.push_back(parent);
  unit_depth_.push_back(depth);
  return index;
}

std::optional<std::uint32_t> dataset::find_unit(std::string_view id) const {
  const auto it = unit_index_.find(std::string(id));
  if (it == unit_index_.end()) return std::nullopt;
  return it->second;
}

std::uint32_t dataset::unit_ancestor(std::uint32_t index, std::uint32_t depth) const {
  while (unit_depth_.at(index) > depth) index = unit_parent_[index];
  return index;
}

std::uint32_t dataset::add_beneficiary(beneficiary b) {
  if (b.id.empty()) detail::throw_error<data_error>("a beneficiary needs an id");
  if (beneficiary_index_.contains(b.id))
    detail::throw_error<data_error>("beneficiary '" + b.id + "' is defined twice");
  if (b.headcount < 1)
    detail::throw_error<data_error>("beneficiary '" + b.id + "' has headcount " +
                                    std::to_string(b.headcount) +
                                    "; a person counts 1 and a group at least 1");
  if (!b.unit.empty() && !find_unit(b.unit))
    detail::throw_error<data_error>("beneficiary '" + b.id + "' names unit '" + b.unit +
                                    "', which is not defined");
  if (beneficiaries_.size() >= detail::no_id)
    detail::throw_error<data_error>("too many beneficiaries");
  const auto index = static_cast<std::uint32_t>(beneficiaries_.size());
  beneficiary_index_.emplace(b.id, index);
  beneficiaries_.push_back(std::move(b));
  return index;
}

std::optional<std::uint32_t> dataset::find_beneficiary(std::string_view id) const {
  const auto it = beneficiary_index_.find(std::string(id));
  if (it == beneficiary_index_.end()) return std::nullopt;
  return it->second;
}

void dataset::add_commitment(commitment c) {
  if (c.id.empty()) bad_item("a commitment needs an id");
  for (const auto& other : commitments_)
    if (other.id == c.id) bad_item("commitment '" + c.id + "' is defined twice");
  if (!categories_.find(c.category)) {
    bad_item("unknown category '" + c.category + "'" + categories_.did_you_mean(c.category));
  }
  if (!find_unit(c.owner)) bad_item("owner '" + c.owner + "' is not a defined unit");
  if (c.year < 1 || c.year > 9999)
    bad_item("year " + std::to_string(c.year) + " is outside 1..9999");
  if (c.target_amount && c.target_amount->min() < money{0})
    bad_item("a target amount cannot be negative");
  commitments_.push_back(std::move(c));
}

void dataset::add_stated_total(stated_total t) {
  if (t.id.empty()) bad_item("a stated total needs an id");
  for (const auto& other : stated_totals_)
    if (other.id == t.id) bad_item("stated total '" + t.id + "' is defined twice");
  if (!t.category.empty() && !categories_.find(t.category)) {
    bad_item("unknown category '" + t.category + "'" + categories_.did_you_mean(t.category));
  }
  if (!t.provider.empty() && !find_unit(t.provider))
    bad_item("provider '" + t.provider + "' is not a defined unit");
  if (!t.recipient.empty() && !find_unit(t.recipient))
    bad_item("recipient '" + t.recipient + "' is not a defined unit");
  if (t.year < 1 || t.year > 9999)
    bad_item("year " + std::to_string(t.year) + " is outside 1..9999");
  if (!t.amount && !t.quantity) bad_item("a stated total needs an amount or a quantity");
  if (t.quantity && !t.measure) bad_item("a stated quantity needs a measure");
  if (t.measure && !t.quantity) bad_item("a measure is given without a quantity");
  stated_totals_.push_back(std::move(t));
}

bool operator==(const dataset& a, const dataset& b) {
  return a.categories_ == b.categories_ && a.units_ == b.units_ &&
         a.beneficiaries_ == b.beneficiaries_ && a.commitments_ == b.commitments_ &&
         a.stated_totals_ == b.stated_totals_ && a.items_.get() == b.items_.get() &&
         a.loaded_ == b.loaded_;
}

void dataset::reserve_items(std::size_t n) {
  auto& c = items_.edit();
  c.year.reserve(n), c.month.reserve(n), c.day.reserve(n), c.category.reserve(n);
  c.provider.reserve(n), c.recipient.reserve(n);
  c.form.reserve(n), c.direction.reserve(n), c.amount_min.reserve(n);
}

void dataset::add_item(const aid_item& item) {
  require_fields(item_fields::all, "adding an item");
  const auto fail = [](const std::string& why) { bad_item(why); };
  const auto cat = categories_.find(item.category);
  if (!cat) {
    fail("unknown category '" + item.category + "'" + categories_.did_you_mean(item.category));
  }
  if (item.provider.empty()) fail("an aid item needs a provider unit");
  const auto provider = find_unit(item.provider);
  if (!provider) fail("provider '" + item.provider + "' is not a defined unit");
  std::uint32_t recipient = detail::no_id, benef = detail::no_id;
  if (!item.recipient.empty()) {
    const auto r = find_unit(item.recipient);
    if (!r) fail("recipient '" + item.recipient + "' is not a defined unit");
    recipient = *r;
  }
  if (!item.beneficiary.empty()) {
    const auto b = find_beneficiary(item.beneficiary);
    if (!b) fail("beneficiary '" + item.beneficiary + "' is not defined");
    benef = *b;
  }
  if (item.form == aid_form::transfer && recipient == detail::no_id)
    fail("a transfer must name the recipient unit the money passes to");
  if (item.quantity && !item.measure)
    fail("a quantity needs a measure (person, person_time, session, ...)");
  if (item.measure && !item.quantity) fail("a measure is given without a quantity");
  if (item.amount && item.amount->min() < money{0}) fail("an amount cannot be negative");
  if (item.quantity && item.quantity->min() < count{0}) fail("a quantity cannot be negative");
  if (items_.get().size() >= detail::no_id) fail("a dataset can hold at most 4294967294 items");

  const side to = recipient != detail::no_id ? units_[recipient].side : side::unknown;
  const side of_person =
      benef != detail::no_id ? side_of(beneficiaries_[benef].kind) : side::unknown;
  detail::item_row r;
  r.year = static_cast<std::int16_t>(item.date.year());
  r.month = static_cast<std::uint8_t>(item.date.month());
  r.day = static_cast<std::uint8_t>(item.date.day());
  r.category = static_cast<std::uint16_t>(*cat);
  r.provider = *provider;
  r.recipient = recipient;
  r.beneficiary = benef;
  r.form = detail::code_of(item.form);
  r.direction =
      detail::code_of(item.direction ? item.direction
                                     : detail::direction_of(units_[*provider].side, to, of_person));
  if (item.amount) r.amount_min = item.amount->min().fen(), r.amount_max = item.amount->max().fen();
  if (item.quantity) {
    r.measure = detail::code_of(item.measure);
    r.quantity_min = item.quantity->min().value();
    r.quantity_max = item.quantity->max().value();
  }
  r.note = item.note;
  detail::append_item(items_.edit(), r);
}

bool dataset::holds_transfers() const {
  require_fields(item_fields::form, "finding transfer records");
  return items_.holds_transfers();
}

void dataset::require_fields(item_fields wanted, std::string_view purpose) const {
  const auto missing = static_cast<item_fields>(static_cast<std::uint16_t>(wanted) &
                                                ~static_cast<std::uint16_t>(loaded_));
  if (missing != item_fields::none)
    detail::throw_error<query_error>(
        std::string(purpose) + " needs the item columns '" + names_of(missing) +
        "', which this dataset was loaded without; load the archive whole");
}

std::string names_of(item_fields set) {
  std::string out;
  for (const auto& [f, name] : item_groups)
    if (contains(set, f)) out += (out.empty() ? "" : ", ") + std::string(name);
  return out.empty() ? "none" : out;
}

namespace detail {

std::optional<std::size_t> find_row(const std::vector<std::uint32_t>& rows, std::uint32_t row) {
  const auto it = std::lower_bound(rows.begin(), rows.end(), row);
  if (it == rows.end() || *it != row) return std::nullopt;
  return static_cast<std::size_t>(it - rows.begin());
}

std::vector<std::uint32_t> beneficiary_by_row(const item_columns& c) {
  std::vector<std::uint32_t> out(c.size(), no_id);
  for (std::size_t k = 0; k < c.beneficiary.rows.size(); ++k)
    out[c.beneficiary.rows[k]] = c.beneficiary.ids[k];
  return out;
}

std::vector<std::uint8_t> measure_by_row(const item_columns& c) {
  std::vector<std::uint8_t> out(c.size(), 0);
  for (std::size_t k = 0; k < c.quantity.rows.size(); ++k)
    out[c.quantity.rows[k]] = c.quantity.measures[k];
  return out;
}

std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>> quantity_by_row(
    const item_columns& c) {
  std::vector<std::int64_t> min(c.size(), no_value);
  for (std::size_t k = 0; k < c.quantity.rows.size(); ++k)
    min[c.quantity.rows[k]] = c.quantity.mins[k];
  std::vector<std::int64_t> max = min;
  for (const auto& e : c.quantity_approx) max[e.row] = e.max;
  return {std::move(min), std::move(max)};
}

}  // namespace detail

namespace {
const detail::approx_entry* find_approx(const std::vector<detail::approx_entry>& v,
                                        std::uint32_t row) {
  auto it =
      std::lower_bound(v.begin(), v.end(), row,
                       [](const detail::approx_entry& e, std::uint32_t r) { return e.row < r; });
  return it != v.end() && it->row == row ? &*it : nullptr;
}
}  // namespace

aid_item dataset::item(std::size_t row_index) const {
  require_fields(item_fields::all, "reading an item");
  if (row_index >= items_.get().size())
    detail::throw_error<query_error>("item " + std::to_string(row_index) +
                                     " does not exist; the dataset has " +
                                     std::to_string(items_.get().size()));
  const auto row = static_cast<std::uint32_t>(row_index);
  const auto& c = items_.get();
  aid_item it;
  it.date = detail::date_of(c, row);
  it.category = categories_.at(c.category[row]).key;
  it.provider = units_[c.provider[row]].id;
  if (c.recipient[row] != detail::no_id) it.recipient = units_[c.recipient[row]].id;
  if (const auto k = detail::find_row(c.beneficiary.rows, row))
    it.beneficiary = beneficiaries_[c.beneficiary.ids[*k]].id;
  it.form = enum_of<aid_form>(c.form[row]);
  it.direction = enum_of<direction>(c.direction[row]);
  if (c.amount_min[row] != detail::no_value) {
    const auto* a = find_approx(c.amount_approx, row);
    it.amount = money_interval(money{c.amount_min[row]}, money{a ? a->max : c.amount_min[row]});
  }
  if (const auto k = detail::find_row(c.quantity.rows, row)) {
    const std::int64_t min = c.quantity.mins[*k];
    const auto* q = find_approx(c.quantity_approx, row);
    it.quantity = count_interval(count{min}, count{q ? q->max : min});
    it.measure = enum_of<measure>(c.quantity.measures[*k]);
  }
  const auto& n = c.notes;
  auto nit = std::lower_bound(n.rows.begin(), n.rows.end(), row);
  if (nit != n.rows.end() && *nit == row) {
    const auto k = static_cast<std::size_t>(nit - n.rows.begin());
    const std::uint64_t begin = k ? n.ends[k - 1] : 0;
    it.note = n.chars.substr(begin, n.ends[k] - begin);
  }
  return it;
}

namespace detail {

void item_appender::append(dataset& d, item_columns&& block) {
  item_columns& c = d.items_.edit();
  const std::size_t base = c.size();
  if (block.size() >= no_id - base)
    throw_error<data_error>("a dataset can hold at most 4294967294 items");
  if (base == 0) {
    c = std::move(block);
    block = {};
    return;
  }
  c.rows += block.rows;
  const auto row_base = static_cast<std::uint32_t>(base);
  const auto dense = [](auto& to, const auto& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  const auto rows = [&](std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
    for (std::uint32_t r : from) to.push_back(r + row_base);
  };
  const auto approx = [&](std::vector<approx_entry>& to, const std::vector<approx_entry>& from) {
    for (const approx_entry& e : from) to.push_back({e.row + row_base, e.max});
  };
  c.year.append(block.year), dense(c.month, block.month), dense(c.day, block.day);
  c.category.append(block.category), c.provider.append(block.provider);
  c.recipient.append(block.recipient), dense(c.form, block.form);
  dense(c.direction, block.direction), c.amount_min.append(block.amount_min);
  approx(c.amount_approx, block.amount_approx);
  rows(c.quantity.rows, block.quantity.rows);
  dense(c.quantity.measures, block.quantity.measures);
  dense(c.quantity.mins, block.quantity.mins);
  approx(c.quantity_approx, block.quantity_approx);
  rows(c.beneficiary.rows, block.beneficiary.rows);
  c.beneficiary.ids.append(block.beneficiary.ids);
  rows(c.notes.rows, block.notes.rows);
  const std::uint64_t char_base = c.notes.chars.size();
  for (std::uint64_t end : block.notes.ends) c.notes.ends.push_back(end + char_base);
  c.notes.chars += block.notes.chars;
  block = {};
}

}  // namespace detail

}  // namespace aidstat
