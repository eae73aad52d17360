#include "io/items/item_record.hpp"

#include <algorithm>
#include <optional>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "core/calendar.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/items/items_fast.hpp"
#include "model/item_appender.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {

bool index_columns(const std::array<std::string_view, kMaxFields>& fields, std::size_t width,
                   column_index& index) {
  constexpr const auto& names = item_column_names;
  index.fill(-1);
  for (std::size_t i = 0; i < width; ++i) {
    const auto col = std::find(names.begin(), names.end(), fields[i]);
    if (col == names.end() || index[static_cast<std::size_t>(col - names.begin())] >= 0)
      return false;
    index[static_cast<std::size_t>(col - names.begin())] = static_cast<int>(i);
  }
  return index[c_date] >= 0 && index[c_category] >= 0 && index[c_provider] >= 0;
}

const char* read_items_header(std::string_view text, std::size_t& width, column_index& index,
                              std::uint32_t& newlines) {
  const char* begin = text.data();
  const char* const end = text.data() + text.size();
  if (text.starts_with("\xEF\xBB\xBF")) begin += 3;
  std::array<std::string_view, kMaxFields> fields;
  std::array<std::string, kMaxFields> scratch;
  const char* body = split_record(begin, end, kMaxFields, fields, width, scratch, newlines);
  if (!body || width == 0 ||
      !valid_utf8(std::string_view(begin, static_cast<std::size_t>(body - begin))) ||
      !index_columns(fields, width, index))
    return nullptr;
  return body;
}

item_lookups::item_lookups(const dataset& d, bool units_defined)
    : categories(d.categories().size()),
      units(d.unit_count()),
      people(d.beneficiary_count()),
      units_defined(units_defined) {
  for (std::uint32_t i = 0; i < d.categories().size(); ++i)
    categories.add(d.categories().at(i).key, i);
  for (std::uint32_t i = 0; i < d.unit_count(); ++i) {
    units.add(d.unit_at(i).id, i);
    unit_side.push_back(d.unit_at(i).side);
  }
  for (std::uint32_t i = 0; i < d.beneficiary_count(); ++i) {
    people.add(d.beneficiary_at(i).id, i);
    person_side.push_back(side_of(d.beneficiary_at(i).kind));
  }
}

std::uint32_t fresh_units::find_or_add(std::string_view id) {
  if (const std::uint32_t at = table.find(id); at != no_id) return kFresh | at;
  if (!valid_utf8(id) || ids.size() + 1 >= kFresh) return no_id;
  table.add(id, static_cast<std::uint32_t>(ids.size()));
  ids.emplace_back(id);
  return kFresh | static_cast<std::uint32_t>(ids.size() - 1);
}

namespace {

// The unit named `id`: one of the dataset's, or, without units.csv, one first met in
// this share; no_id when there is none.
std::uint32_t unit_of(const item_lookups& l, std::string_view id, fresh_units& fresh) {
  const std::uint32_t u = l.units.size() ? l.units.find(id) : no_id;
  if (u != no_id || l.units_defined || id.empty()) return u;
  if (!l.number_fresh_units) return l.text_checked || valid_utf8(id) ? kFresh : no_id;
  return fresh.find_or_add(id);
}

// A unit's side; units made from their ids have none.
side side_of_unit(const item_lookups& l, std::uint32_t u) {
  return (u & kFresh) ? side::unknown : l.unit_side[u];
}

// An amount: plain yuan here, every other notation through parse_money; false for
// any text the checking reader would report.
bool read_amount(std::string_view a, std::int64_t& amount, std::int64_t& amount_max) {
  if (a.empty()) return true;
  if (const auto fen = plain_yuan(a)) {
    amount = amount_max = *fen;
  } else {
    try {
      const money_interval m = parse_money(a);
      amount = m.min().fen(), amount_max = m.max().fen();
    } catch (const error&) {
      return false;
    }
  }
  return amount >= 0;
}

// A quantity and its measure, by the rules of the checking reader; false where it
// would report a problem.
bool read_quantity(std::string_view q, std::string_view m, std::optional<measure>& unit,
                   std::int64_t& quantity, std::int64_t& quantity_max) {
  if (!m.empty() && !(unit = parse_enum<measure>(m))) return false;
  if (q.empty()) return !unit;
  if (const auto n = plain_count(q)) {
    quantity = quantity_max = *n;
  } else {
    try {
      const quantity_text t = parse_quantity(q);
      quantity = t.value.min().value(), quantity_max = t.value.max().value();
      if (t.unit && unit && *t.unit != *unit) return false;
      if (t.unit) unit = t.unit;
    } catch (const error&) {
      return false;
    }
  }
  return unit && quantity >= 0;
}

// A date's fields (0 for a month or day it leaves out); false for text that is no date.
bool read_date(std::string_view text, int& year, int& month, int& day) {
  if (read_day_date(text, year, month, day)) return true;
  const std::optional<date> dt = date::try_parse(text);
  if (!dt) return false;
  year = dt->year(), month = dt->month(), day = dt->day();
  return true;
}

// Checks one record's fields and appends it to `out` as dataset::add_item would;
// false when anything about it needs the checking reader.
bool add_record(const item_lookups& l, const std::array<std::string_view, kMaxFields>& fields,
                const column_index& index, fresh_units& fresh, item_columns& out) {
  const auto get = [&](item_column c) {
    const int at = index[c];
    return at < 0 ? std::string_view() : fields[static_cast<std::size_t>(at)];
  };
  int year = 0, month = 0, day = 0;
  if (!read_date(get(c_date), year, month, day)) return false;
  const std::uint32_t category = l.categories.find(get(c_category));
  if (category == no_id) return false;
  const std::uint32_t provider = unit_of(l, get(c_provider), fresh);
  if (provider == no_id) return false;
  const std::string_view to = get(c_recipient), who = get(c_beneficiary);
  const std::uint32_t recipient = to.empty() ? no_id : unit_of(l, to, fresh);
  const std::uint32_t person = who.empty() ? no_id : l.people.find(who);
  if ((!to.empty() && recipient == no_id) || (!who.empty() && person == no_id)) return false;
  std::optional<aid_form> form;
  if (const auto f = get(c_form); !f.empty() && !(form = parse_enum<aid_form>(f))) return false;
  if (form == aid_form::transfer && recipient == no_id) return false;

  std::int64_t amount = no_value, amount_max = no_value;
  if (!read_amount(get(c_amount), amount, amount_max)) return false;
  std::optional<measure> unit;
  std::int64_t quantity = no_value, quantity_max = no_value;
  if (!read_quantity(get(c_quantity), get(c_measure), unit, quantity, quantity_max)) return false;
  std::optional<direction> dir;
  if (const auto t = get(c_direction); !t.empty()) {
    if (!(dir = parse_enum<direction>(t))) return false;
  } else {
    const side to = recipient != no_id ? side_of_unit(l, recipient) : side::unknown;
    const side of_person = person != no_id ? l.person_side[person] : side::unknown;
    dir = direction_of(side_of_unit(l, provider), to, of_person);
  }
  const auto note = get(c_note);
  // The only field kept as written, so the only one checked for UTF-8 here: the
  // others are parsed or looked up, and bytes that are not UTF-8 match no id, word or
  // notation, which sends the file to the checking reader to be named.
  if (!note.empty() && !l.text_checked && !valid_utf8(note)) return false;
  item_row r;
  r.year = static_cast<std::int16_t>(year);
  r.month = static_cast<std::uint8_t>(month);
  r.day = static_cast<std::uint8_t>(day);
  r.category = static_cast<std::uint16_t>(category);
  r.provider = provider;
  r.recipient = recipient;
  r.beneficiary = person;
  r.form = code_of(form);
  r.direction = code_of(dir);
  r.amount_min = amount, r.amount_max = amount_max;
  if (quantity != no_value) r.measure = code_of(unit);
  r.quantity_min = quantity, r.quantity_max = quantity_max;
  if (l.keep_notes) r.note = note;
  append_item(out, r);
  return true;
}

}  // namespace

const char* read_records(const item_lookups& l, std::size_t width, const column_index& index,
                         const char* p, const char* end, record_cursor& c, fresh_units& fresh,
                         item_columns& out, std::vector<std::uint32_t>* lines, work_meter* meter) {
  constexpr std::ptrdiff_t meter_step = 4 << 20;
  const char* counted = p;  // read up to here, as the meter knows
  for (;;) {
    while (p < end && (*p == '\n' || *p == '\r')) {  // blank lines; a CR alone ends one too
      c.newlines += *p == '\n' || p + 1 == end || p[1] != '\n';
      ++p;
    }
    if (meter && (p - counted >= meter_step || p >= end)) {
      meter->advance(static_cast<std::uint64_t>(p - counted));
      counted = p;
    }
    if (p >= end) return end;
    const std::uint32_t line = c.newlines;
    std::uint32_t newlines = c.newlines;
    std::size_t n = 0;
    const char* next = split_plain_record(p, end, width, c.fields, n, newlines);
    if (!next) next = split_record(p, end, width, c.fields, n, c.scratch, newlines);
    if (!next || n != width || !add_record(l, c.fields, index, fresh, out)) return p;
    c.newlines = newlines;
    p = next;
    if (lines) lines->push_back(line);
  }
}

std::size_t read_table_rows(const item_lookups& l, const column_table& table,
                            const column_index& index, std::size_t first, std::size_t last,
                            fresh_units& fresh, item_columns& out,
                            std::vector<std::uint32_t>* lines) {
  std::array<std::string_view, kMaxFields> fields;
  const std::size_t width = table.cells.size();
  for (std::size_t r = first; r < last; ++r) {
    for (std::size_t c = 0; c < width; ++c) fields[c] = table.cells[c][r];
    if (!add_record(l, fields, index, fresh, out)) return r;
    if (lines) lines->push_back(static_cast<std::uint32_t>(r + 1));
  }
  return last;
}

}  // namespace aidstat::detail
