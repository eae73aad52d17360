#include "io/items_fast.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <thread>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "core/run_parallel.hpp"
#include "io/csv_reader.hpp"
#include "io/mapped_file.hpp"
#include "io/record_split.hpp"
#include "model/id_table.hpp"
#include "model/item_appender.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {

std::optional<std::int64_t> plain_count(std::string_view t) noexcept {
  if (t.empty() || t.size() > 15 || (t[0] == '0' && t.size() > 1)) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : t) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

std::optional<std::int64_t> plain_yuan(std::string_view t) noexcept {
  // Whole yuan: digits, no leading zero, at most 15; then "." and one or two digits.
  std::size_t i = 0;
  std::int64_t yuan = 0;
  for (; i < t.size() && i <= 15 && t[i] >= '0' && t[i] <= '9'; ++i)
    yuan = yuan * 10 + (t[i] - '0');
  if (i == 0 || i > 15 || (t[0] == '0' && i > 1)) return std::nullopt;
  std::int64_t fen = yuan * 100;
  if (i == t.size()) return fen;
  const std::size_t digits = t.size() - i - 1;
  if (t[i] != '.' || digits == 0 || digits > 2) return std::nullopt;
  for (std::size_t k = 0; k < digits; ++k) {
    const char ch = t[i + 1 + k];
    if (ch < '0' || ch > '9') return std::nullopt;
    fen += (ch - '0') * (k == 0 ? 10 : 1);
  }
  return fen;
}

namespace {

constexpr const auto& kColumns = item_column_names;

// What the threads share: read-only lookups built from the dataset.
struct lookups {
  lookups(const dataset& d, bool units_defined)
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
  id_table categories, units, people;
  std::vector<side> unit_side, person_side;
  bool units_defined;  // with units.csv; without it, unknown unit ids become units
};

// Marks a unit id that a share met for the first time (without units.csv): the
// share's own number for it, until the shares are joined.
constexpr std::uint32_t kFresh = std::uint32_t{1} << 31;

// The units a share met that the dataset does not have, in the order it met them.
struct fresh_units {
  id_table table{64};
  std::vector<std::string> ids;  // copies: a field may live in a scratch buffer

  // kFresh | the id's number; no_id for text that is not UTF-8 (the checking
  // reader names it).
  std::uint32_t find_or_add(std::string_view id) {
    if (const std::uint32_t at = table.find(id); at != no_id) return kFresh | at;
    if (!valid_utf8(id) || ids.size() + 1 >= kFresh) return no_id;
    table.add(id, static_cast<std::uint32_t>(ids.size()));
    ids.emplace_back(id);
    return kFresh | static_cast<std::uint32_t>(ids.size() - 1);
  }
};

// The unit named `id`: one of the dataset's, or, without units.csv, one first met in
// this share; no_id when there is none.
std::uint32_t unit_of(const lookups& l, std::string_view id, fresh_units& fresh) {
  const std::uint32_t u = l.units.find(id);
  if (u != no_id || l.units_defined || id.empty()) return u;
  return fresh.find_or_add(id);
}

// A unit's side; units made from their ids have none.
side side_of_unit(const lookups& l, std::uint32_t u) {
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

// Checks one record's fields and appends it to `out` as dataset::add_item would;
// false when anything about it needs the checking reader.
bool add_record(const lookups& l, const std::array<std::string_view, kMaxFields>& fields,
                const std::array<int, kColumns.size()>& index, fresh_units& fresh,
                item_columns& out) {
  const auto get = [&](item_column c) {
    const int at = index[c];
    return at < 0 ? std::string_view() : fields[static_cast<std::size_t>(at)];
  };
  const std::optional<date> dt = date::try_parse(get(c_date));
  if (!dt) return false;
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
  if (!note.empty() && !valid_utf8(note)) return false;
  item_row r;
  r.year = static_cast<std::int16_t>(dt->year());
  r.month = static_cast<std::uint8_t>(dt->month());
  r.day = static_cast<std::uint8_t>(dt->day());
  r.category = static_cast<std::uint16_t>(category);
  r.provider = provider;
  r.recipient = recipient;
  r.beneficiary = person;
  r.form = code_of(form);
  r.direction = code_of(dir);
  r.amount_min = amount, r.amount_max = amount_max;
  if (quantity != no_value) r.measure = code_of(unit);
  r.quantity_min = quantity, r.quantity_max = quantity_max;
  r.note = note;
  append_item(out, r);
  return true;
}

// One thread's share of the file: the records of [begin, end).
struct chunk {
  const char* begin = nullptr;
  const char* end = nullptr;
  item_columns items;
  std::vector<std::uint32_t> lines;  // line of each item, from the chunk's first line (0)
  fresh_units fresh;                 // units first met here (without units.csv)
  std::uint32_t newlines = 0;
  bool ok = true;
  work_meter* meter = nullptr;  // advanced every kMeterStep bytes read
};

constexpr std::ptrdiff_t kMeterStep = 4 << 20;

void read_chunk(const lookups& l, std::size_t width, const std::array<int, kColumns.size()>& index,
                std::size_t expected_rows, bool want_lines, chunk& c) {
  std::array<std::string_view, kMaxFields> fields;
  std::array<std::string, kMaxFields> scratch;
  const std::size_t rows = expected_rows;
  item_columns& out = c.items;
  out.year.reserve(rows), out.month.reserve(rows), out.day.reserve(rows);
  out.category.reserve(rows), out.provider.reserve(rows), out.recipient.reserve(rows);
  out.form.reserve(rows), out.direction.reserve(rows), out.amount_min.reserve(rows);
  advise_huge_pages(out.year), advise_huge_pages(out.month), advise_huge_pages(out.day);
  advise_huge_pages(out.category), advise_huge_pages(out.provider);
  advise_huge_pages(out.recipient), advise_huge_pages(out.form);
  advise_huge_pages(out.direction), advise_huge_pages(out.amount_min);
  // The sparse columns: room for a quarter of the rows, which they seldom pass.
  out.quantity.rows.reserve(rows / 4), out.quantity.measures.reserve(rows / 4);
  out.quantity.mins.reserve(rows / 4), out.notes.rows.reserve(rows / 4);
  out.notes.ends.reserve(rows / 4), out.notes.chars.reserve(rows * 4);
  advise_huge_pages(out.quantity.rows), advise_huge_pages(out.quantity.measures);
  advise_huge_pages(out.quantity.mins), advise_huge_pages(out.notes.rows);
  advise_huge_pages(out.notes.ends);
  advise_huge_pages(out.notes.chars.data(), out.notes.chars.capacity());
  if (want_lines) c.lines.reserve(rows);
  const char* p = c.begin;
  const char* counted = p;  // read up to here, as the meter knows
  for (;;) {
    while (p < c.end && (*p == '\n' || *p == '\r')) c.newlines += *p++ == '\n';  // blank lines
    if (c.meter && (p - counted >= kMeterStep || p >= c.end)) {
      c.meter->advance(static_cast<std::uint64_t>(p - counted));
      counted = p;
    }
    if (p >= c.end) return;
    const std::uint32_t line = c.newlines;
    std::size_t n = 0;
    const char* next = split_plain_record(p, c.end, width, fields, n, c.newlines);
    p = next ? next : split_record(p, c.end, width, fields, n, scratch, c.newlines);
    if (!p || n != width || !add_record(l, fields, index, c.fresh, c.items)) {
      c.ok = false;
      return;
    }
    if (want_lines) c.lines.push_back(line);
  }
}

// Adds the units the shares met first to `d`, in file order (as the checking reader
// adds them), and gives the shares' provider and recipient columns their numbers.
void settle_fresh_units(dataset& d, std::vector<chunk>& chunks) {
  std::vector<std::vector<std::uint32_t>> numbers(chunks.size());
  for (std::size_t t = 0; t < chunks.size(); ++t) {
    for (const std::string& id : chunks[t].fresh.ids) {
      auto u = d.find_unit(id);
      if (!u) {
        unit made;
        made.id = made.name = id;
        u = d.add_unit(std::move(made));
      }
      numbers[t].push_back(*u);
    }
  }
  detail::run_parallel(static_cast<unsigned>(chunks.size()), [&](unsigned t) {
    if (numbers[t].empty()) return;
    const auto renumber = [&](std::uint32_t& u) {
      if (u != no_id && (u & kFresh)) u = numbers[t][u & ~kFresh];
    };
    for (std::uint32_t& u : chunks[t].items.provider) renumber(u);
    for (std::uint32_t& u : chunks[t].items.recipient) renumber(u);
  });
}

// The positions of the known columns in a header of `width` fields; false for an
// unknown or repeated column or a missing required one.
bool index_columns(const std::array<std::string_view, kMaxFields>& fields, std::size_t width,
                   std::array<int, kColumns.size()>& index) {
  index.fill(-1);
  for (std::size_t i = 0; i < width; ++i) {
    const auto col = std::find(kColumns.begin(), kColumns.end(), fields[i]);
    if (col == kColumns.end() || index[static_cast<std::size_t>(col - kColumns.begin())] >= 0)
      return false;
    index[static_cast<std::size_t>(col - kColumns.begin())] = static_cast<int>(i);
  }
  return index[c_date] >= 0 && index[c_category] >= 0 && index[c_provider] >= 0;
}

// The body [body, end) cut into `threads` chunks. Chunks end at a line break outside
// quotes: where the count of quotes so far is even.
std::vector<chunk> cut_into_chunks(const char* body, const char* end, unsigned threads) {
  const auto size = static_cast<std::size_t>(end - body);
  std::vector<chunk> chunks(threads);
  std::vector<std::size_t> quotes(threads, 0);
  run_parallel(threads, [&](unsigned t) {
    quotes[t] = count_quotes(body + size * t / threads, body + size * (t + 1) / threads);
  });
  std::size_t quotes_before = 0;  // quotes in [body, the tentative end of chunk t)
  const char* start = body;
  for (unsigned t = 0; t < threads; ++t) {
    chunks[t].begin = start;
    const char* stop = end;
    quotes_before += quotes[t];
    if (t + 1 < threads) {
      stop = body + size * (t + 1) / threads;
      bool inside = quotes_before % 2 != 0;
      while (stop < end && (inside || *stop != '\n')) inside ^= *stop++ == '"';
      if (stop < end) ++stop;  // the chunk keeps its line break
    }
    chunks[t].end = std::max(stop, start);
    start = chunks[t].end;
  }
  return chunks;
}

}  // namespace

bool read_items_fast(const csv_view& file, dataset& d, unsigned threads,
                     std::vector<std::uint32_t>* lines, bool units_defined, work_meter* meter) {
  if (d.unit_count() >= kFresh) return false;
  const std::string_view text = file.text;
  const char* begin = text.data();
  const char* const end = text.data() + text.size();
  if (text.starts_with("\xEF\xBB\xBF")) begin += 3;

  // The header: known columns, each once, the first three present.
  std::array<std::string_view, kMaxFields> fields;
  std::array<std::string, kMaxFields> scratch;
  std::size_t width = 0;
  std::uint32_t header_newlines = 0;
  const char* body = split_record(begin, end, kMaxFields, fields, width, scratch, header_newlines);
  std::array<int, kColumns.size()> index;
  if (!body || width == 0 ||
      !valid_utf8(std::string_view(begin, static_cast<std::size_t>(body - begin))) ||
      !index_columns(fields, width, index))
    return false;

  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const auto size = static_cast<std::size_t>(end - body);
  threads = static_cast<unsigned>(std::clamp<std::size_t>(size / (1 << 20), 1, threads));
  std::vector<chunk> chunks = cut_into_chunks(body, end, threads);
  const lookups l(d, units_defined);
  run_parallel(threads, [&](unsigned t) {
    // Room for the rows the share likely holds (a row takes 30 bytes or more); the
    // first share's columns become the dataset's, so they get room for the file.
    const auto bytes = t == 0 ? size : static_cast<std::size_t>(chunks[t].end - chunks[t].begin);
    chunks[t].meter = meter;
    read_chunk(l, width, index, bytes / 30, lines != nullptr, chunks[t]);
  });
  for (const chunk& c : chunks)
    if (!c.ok) return false;
  if (!units_defined) settle_fresh_units(d, chunks);

  std::uint32_t line = 1 + header_newlines;  // the first line after the header
  for (chunk& c : chunks) {
    item_appender::append(d, std::move(c.items));
    if (lines)
      for (std::uint32_t at : c.lines) lines->push_back(line + at);
    line += c.newlines;
  }
  return true;
}

}  // namespace aidstat::detail
