// Archives: a plain header line, then a Boost.Serialization archive (without
// Boost's own header, see kFlags) whose body is
// written field by field and column by column (never through Boost's own
// std::string or std::vector loaders, whose length fields a hostile file could
// set to 2^60). Every count read is checked against the bytes the file has left.
#include "aidstat/archive.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/array_wrapper.hpp>
#include <boost/serialization/nvp.hpp>
#include <fstream>

#include "aidstat/detail/atomic_file.hpp"
#include "aidstat/error.hpp"
#include "aidstat/load_csv.hpp"

namespace aidstat {

namespace detail {
/// Installs checked item columns into a dataset (a friend of dataset).
struct archive_access {
  static void set_items(dataset& d, item_columns&& c, item_fields loaded) {
    d.items_ = std::move(c);
    d.loaded_ = loaded;
  }
};
}  // namespace detail

namespace {

using boost::serialization::make_array;
using boost::serialization::make_nvp;

constexpr std::string_view kMagic = "aidstat-archive";
constexpr std::uint8_t kNone = 255;  // "no value" for optional enums
// Boost's own header is left out: its signature is a string whose length a damaged
// file could set to gigabytes, read before any of our checks. Our header line carries
// the format and version; XML gets its declaration and root element from us too,
// because Boost checks the closing tag in a destructor, where a truncated file would
// end the program.
constexpr unsigned kFlags = boost::archive::no_header;
constexpr std::string_view kXmlStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n"
    "<!DOCTYPE boost_serialization>\n"
    "<boost_serialization signature=\"serialization::archive\" version=\"18\">\n";
constexpr std::string_view kXmlEnd = "</boost_serialization>\n";

std::string_view format_name(archive_format f) {
  return f == archive_format::binary ? "binary" : f == archive_format::text ? "text" : "xml";
}

[[noreturn]] void damaged(const std::string& why) {
  detail::throw_error("the archive is damaged or not an aidstat archive: " + why);
}

// ---- writing ----

template <class Ar>
class writer {
 public:
  explicit writer(Ar& ar) : ar_(ar) {}
  template <class T>
  void num(const char* name, T v) {
    ar_ << make_nvp(name, v);
  }
  void str(const char* name, const std::string& s) { vec(name, s.data(), s.size()); }
  template <class T>
  void vec(const char* name, const std::vector<T>& v) {
    vec(name, v.data(), v.size());
  }
  template <class T>
  void vec(const char* name, const T* data, std::size_t n) {
    num(name, static_cast<std::uint64_t>(n));
    if (n) ar_ << make_nvp(name, make_array(data, n));
  }
  template <class E>
  void opt_enum(const char* name, const std::optional<E>& v) {
    num(name, v ? static_cast<std::uint8_t>(*v) : kNone);
  }
  template <class T>
  void opt_interval(const char* name, const std::optional<interval<T>>& v, std::int64_t (*raw)(T)) {
    num(name, static_cast<std::uint8_t>(v.has_value()));
    num(name, v ? raw(v->min()) : 0);
    num(name, v ? raw(v->max()) : 0);
  }

 private:
  Ar& ar_;
};

std::int64_t fen_of(money m) { return m.fen(); }
std::int64_t units_of(count c) { return c.value(); }

template <class Ar>
void write_body(Ar& ar, const dataset& d) {
  writer<Ar> w(ar);
  const taxonomy& tax = d.categories();
  w.num("categories", static_cast<std::uint64_t>(tax.size()));
  for (std::uint32_t i = 0; i < tax.size(); ++i) {
    const category& c = tax.at(i);
    w.str("key", c.key);
    w.str("name_zh", c.name_zh);
    w.str("name_en", c.name_en);
    w.str("parent", c.parent);
  }
  w.num("units", static_cast<std::uint64_t>(d.unit_count()));
  for (std::uint32_t i = 0; i < d.unit_count(); ++i) {
    const unit& u = d.unit_at(i);
    w.str("id", u.id);
    w.str("name", u.name);
    w.num("kind", static_cast<std::uint8_t>(u.kind));
    w.num("side", static_cast<std::uint8_t>(u.side));
    w.str("parent", u.parent);
    w.str("region", u.region);
  }
  w.num("beneficiaries", static_cast<std::uint64_t>(d.beneficiary_count()));
  for (std::uint32_t i = 0; i < d.beneficiary_count(); ++i) {
    const beneficiary& b = d.beneficiary_at(i);
    w.str("id", b.id);
    w.num("kind", static_cast<std::uint8_t>(b.kind));
    w.str("unit", b.unit);
    w.num("headcount", b.headcount);
  }
  w.num("commitments", static_cast<std::uint64_t>(d.commitments().size()));
  for (const commitment& c : d.commitments()) {
    w.str("id", c.id);
    w.num("year", static_cast<std::int32_t>(c.year));
    w.str("category", c.category);
    w.str("owner", c.owner);
    w.str("title", c.title);
    w.opt_interval("target", c.target_amount, fen_of);
    w.num("status", static_cast<std::uint8_t>(c.status));
  }
  w.num("stated_totals", static_cast<std::uint64_t>(d.stated_totals().size()));
  for (const stated_total& s : d.stated_totals()) {
    w.str("id", s.id);
    w.num("year", static_cast<std::int32_t>(s.year));
    w.str("category", s.category);
    w.str("provider", s.provider);
    w.str("recipient", s.recipient);
    w.opt_enum("beneficiary_kind", s.beneficiary_kind);
    w.opt_interval("amount", s.amount, fen_of);
    w.opt_interval("quantity", s.quantity, units_of);
    w.opt_enum("measure", s.measure);
    w.str("note", s.note);
  }
  const detail::item_columns& c = d.columns();
  w.num("items", static_cast<std::uint64_t>(c.size()));
  w.vec("year", c.year);
  w.vec("month", c.month);
  w.vec("day", c.day);
  w.vec("category", c.category);
  w.vec("provider", c.provider);
  w.vec("recipient", c.recipient);
  w.vec("form", c.form);
  w.vec("direction", c.direction);
  w.vec("amount_min", c.amount_min);
  const auto approx = [&](const char* rows, const char* maxes,
                          const std::vector<detail::approx_entry>& v) {
    std::vector<std::uint32_t> r;
    std::vector<std::int64_t> m;
    r.reserve(v.size());
    m.reserve(v.size());
    for (const auto& e : v) r.push_back(e.row), m.push_back(e.max);
    w.vec(rows, r);
    w.vec(maxes, m);
  };
  approx("amount_approx_rows", "amount_approx_max", c.amount_approx);
  w.vec("quantity_rows", c.quantity.rows);
  w.vec("quantity_measures", c.quantity.measures);
  w.vec("quantity_mins", c.quantity.mins);
  approx("quantity_approx_rows", "quantity_approx_max", c.quantity_approx);
  w.vec("beneficiary_rows", c.beneficiary.rows);
  w.vec("beneficiary_ids", c.beneficiary.ids);
  w.vec("note_rows", c.notes.rows);
  w.vec("note_ends", c.notes.ends);
  w.str("note_chars", c.notes.chars);
}

// ---- reading ----

template <class Ar>
class reader {
 public:
  reader(Ar& ar, std::istream& in, std::uint64_t budget, bool binary)
      : ar_(ar), in_(in), budget_(budget), binary_(binary) {}
  template <class T>
  T num(const char* name) {
    T v{};
    ar_ >> make_nvp(name, v);
    return v;
  }
  // A count of elements of `size` bytes, checked against what the file has left:
  // each element takes at least `size` bytes in a binary archive and 2 in text.
  std::uint64_t count(const char* name, std::size_t size) {
    const auto n = num<std::uint64_t>(name);
    const std::uint64_t each = binary_ ? size : 2;
    if (n > budget_ / each)
      damaged(std::string(name) + " claims " + std::to_string(n) +
              " elements, more than the file holds");
    budget_ -= n * each;
    return n;
  }
  std::string str(const char* name) {
    std::string s(count(name, 1), '\0');
    if (!s.empty()) ar_ >> make_nvp(name, make_array(s.data(), s.size()));
    return s;
  }
  template <class T>
  std::vector<T> vec(const char* name) {
    std::vector<T> v(count(name, sizeof(T)));
    if (!v.empty()) ar_ >> make_nvp(name, make_array(v.data(), v.size()));
    return v;
  }
  // A column that is not wanted: seeks past its bytes in a binary archive on a file,
  // else reads and drops it.
  template <class T>
  void skip_vec(const char* name) {
    if (binary_) {
      const std::uint64_t n = count(name, sizeof(T));
      if (n == 0) return;
      const auto bytes = static_cast<std::streamoff>(n * sizeof(T));
      if (in_.rdbuf()->pubseekoff(bytes, std::ios::cur, std::ios::in) != std::streampos(-1)) return;
      std::vector<T> v(n);
      ar_ >> make_nvp(name, make_array(v.data(), v.size()));
      return;
    }
    (void)vec<T>(name);
  }
  template <class E>
  E enum_value(const char* name) {
    const auto v = num<std::uint8_t>(name);
    if (v >= enum_vocabulary<E>::entries.size())
      damaged(std::string(name) + " has the unknown code " + std::to_string(v));
    return static_cast<E>(v);
  }
  template <class E>
  std::optional<E> opt_enum_checked(const char* name) {
    const auto v = num<std::uint8_t>(name);
    if (v == kNone) return std::nullopt;
    if (v >= enum_vocabulary<E>::entries.size())
      damaged(std::string(name) + " has the unknown code " + std::to_string(v));
    return static_cast<E>(v);
  }
  template <class T>
  std::optional<interval<T>> opt_interval(const char* name) {
    const auto has = num<std::uint8_t>(name);
    const auto lo = num<std::int64_t>(name), hi = num<std::int64_t>(name);
    if (has > 1 || lo > hi) damaged(std::string(name) + " is not a valid interval");
    if (!has) return std::nullopt;
    return interval<T>(T{lo}, T{hi});
  }

 private:
  Ar& ar_;
  std::istream& in_;
  std::uint64_t budget_;
  bool binary_;
};

// Checks that the item columns of the groups in `loaded` are consistent with each
// other and with the dataset. Each check is a plain loop over one or two columns,
// so that it runs at memory speed.
void check_columns(const dataset& d, const detail::item_columns& c, std::uint64_t n,
                   item_fields loaded) {
  const auto need = [](bool ok, const char* what) {
    if (!ok) damaged(what);
  };
  const auto has = [&](item_fields f) { return contains(loaded, f); };
  // all_of(v, pred) as a count of failures without early exit, which vectorizes.
  const auto every = [](const auto& v, auto pred) {
    std::uint32_t bad = 0;
    for (const auto& x : v) bad += pred(x) ? 0u : 1u;
    return bad == 0;
  };
  const auto dense = [&](item_fields f, std::initializer_list<std::size_t> sizes) {
    if (!has(f)) return false;
    for (std::size_t size : sizes) need(size == n, "item columns differ in length");
    return true;
  };
  // Sparse columns: rows ascending and in range.
  const auto sparse_rows = [&](const std::vector<std::uint32_t>& rows, const char* what) {
    for (std::size_t k = 0; k < rows.size(); ++k)
      need(rows[k] < n && (k == 0 || rows[k - 1] < rows[k]), what);
  };
  const auto approx = [&](const std::vector<detail::approx_entry>& v, auto min_of,
                          const char* what) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      need(v[i].row < n && (i == 0 || v[i - 1].row < v[i].row), what);
      const std::optional<std::int64_t> min = min_of(v[i].row);
      need(min && v[i].max > *min, what);
    }
  };
  const auto units = static_cast<std::uint32_t>(d.unit_count());
  const auto people = static_cast<std::uint32_t>(d.beneficiary_count());
  const auto categories = static_cast<std::uint16_t>(d.categories().size());

  if (dense(item_fields::dates, {c.year.size(), c.month.size(), c.day.size()})) {
    need(every(c.year, [](std::int16_t y) { return y >= 1 && y <= 9999; }),
         "an item year is out of range");
    need(every(c.month, [](std::uint8_t m) { return m <= 12; }), "an item month is out of range");
    for (std::size_t r = 0; r < n; ++r)
      if (c.day[r] != 0)
        need(c.month[r] != 0 && c.day[r] <= days_in_month(c.year[r], c.month[r]),
             "an item day is out of range");
  }
  if (dense(item_fields::category, {c.category.size()}))
    need(every(c.category, [&](std::uint16_t k) { return k < categories; }),
         "an item category is out of range");
  if (dense(item_fields::units, {c.provider.size(), c.recipient.size()})) {
    need(every(c.provider, [&](std::uint32_t u) { return u < units; }),
         "an item provider is out of range");
    need(every(c.recipient, [&](std::uint32_t u) { return u < units || u == detail::no_id; }),
         "an item recipient is out of range");
  }
  if (dense(item_fields::form, {c.form.size()}))
    need(every(c.form,
               [](std::uint8_t v) { return v <= enum_vocabulary<aid_form>::entries.size(); }),
         "an item form is out of range");
  if (dense(item_fields::direction, {c.direction.size()}))
    need(every(c.direction,
               [](std::uint8_t v) { return v <= enum_vocabulary<direction>::entries.size(); }),
         "an item direction is out of range");
  if (dense(item_fields::amounts, {c.amount_min.size()})) {
    need(every(c.amount_min, [](std::int64_t a) { return a >= 0 || a == detail::no_value; }),
         "an item amount is negative");
    approx(
        c.amount_approx,
        [&](std::uint32_t row) -> std::optional<std::int64_t> {
          if (c.amount_min[row] == detail::no_value) return std::nullopt;
          return c.amount_min[row];
        },
        "the approximate amounts are inconsistent");
  }
  const auto& q = c.quantity;
  if (has(item_fields::quantities)) {
    need(q.measures.size() == q.rows.size() && q.mins.size() == q.rows.size(),
         "the quantity columns differ in length");
    sparse_rows(q.rows, "the quantity rows are out of order");
    need(every(q.measures,
               [](std::uint8_t v) {
                 return v >= 1 && v <= enum_vocabulary<measure>::entries.size();
               }),
         "an item measure is out of range");
    need(every(q.mins, [](std::int64_t v) { return v >= 0; }), "an item quantity is negative");
    approx(
        c.quantity_approx,
        [&](std::uint32_t row) -> std::optional<std::int64_t> {
          const auto at = detail::find_row(q.rows, row);
          if (!at) return std::nullopt;
          return q.mins[*at];
        },
        "the approximate quantities are inconsistent");
  }
  const auto& b = c.beneficiary;
  if (has(item_fields::beneficiaries)) {
    need(b.ids.size() == b.rows.size(), "the beneficiary columns differ in length");
    sparse_rows(b.rows, "the beneficiary rows are out of order");
    need(every(b.ids, [&](std::uint32_t id) { return id < people; }),
         "an item beneficiary is out of range");
  }
  if (has(item_fields::notes)) {
    const auto& notes = c.notes;
    need(notes.rows.size() == notes.ends.size(), "the notes are inconsistent");
    sparse_rows(notes.rows, "the notes are inconsistent");
    for (std::size_t i = 0; i < notes.rows.size(); ++i)
      need(notes.ends[i] <= notes.chars.size() && (i == 0 || notes.ends[i - 1] <= notes.ends[i]),
           "the notes are inconsistent");
    need(notes.ends.empty() || notes.ends.back() == notes.chars.size(),
         "the notes are inconsistent");
  }
}

template <class Ar>
dataset read_body(Ar& ar, std::istream& in, std::uint64_t budget, bool binary,
                  std::uint32_t version, item_fields fields) {
  reader<Ar> r(ar, in, budget, binary);
  taxonomy tax;
  const std::uint64_t ncat = r.count("categories", 4);
  for (std::uint64_t i = 0; i < ncat; ++i) {
    category c;
    c.key = r.str("key");
    c.name_zh = r.str("name_zh");
    c.name_en = r.str("name_en");
    c.parent = r.str("parent");
    tax.add(std::move(c));
  }
  dataset d(std::move(tax));
  const std::uint64_t nunits = r.count("units", 8);
  for (std::uint64_t i = 0; i < nunits; ++i) {
    unit u;
    u.id = r.str("id");
    u.name = r.str("name");
    u.kind = r.template enum_value<unit_kind>("kind");
    u.side = r.template enum_value<side>("side");
    u.parent = r.str("parent");
    u.region = r.str("region");
    d.add_unit(std::move(u));
  }
  const std::uint64_t npeople = r.count("beneficiaries", 8);
  for (std::uint64_t i = 0; i < npeople; ++i) {
    beneficiary b;
    b.id = r.str("id");
    b.kind = r.template enum_value<beneficiary_kind>("kind");
    b.unit = r.str("unit");
    b.headcount = r.template num<std::int64_t>("headcount");
    d.add_beneficiary(std::move(b));
  }
  const std::uint64_t ncommit = r.count("commitments", 8);
  for (std::uint64_t i = 0; i < ncommit; ++i) {
    commitment c;
    c.id = r.str("id");
    c.year = r.template num<std::int32_t>("year");
    c.category = r.str("category");
    c.owner = r.str("owner");
    c.title = r.str("title");
    c.target_amount = r.template opt_interval<money>("target");
    c.status = r.template enum_value<commitment_status>("status");
    d.add_commitment(std::move(c));
  }
  const std::uint64_t nstated = r.count("stated_totals", 8);
  for (std::uint64_t i = 0; i < nstated; ++i) {
    stated_total s;
    s.id = r.str("id");
    s.year = r.template num<std::int32_t>("year");
    s.category = r.str("category");
    s.provider = r.str("provider");
    s.recipient = r.str("recipient");
    s.beneficiary_kind = r.template opt_enum_checked<beneficiary_kind>("beneficiary_kind");
    s.amount = r.template opt_interval<money>("amount");
    s.quantity = r.template opt_interval<count>("quantity");
    s.measure = r.template opt_enum_checked<measure>("measure");
    s.note = r.str("note");
    d.add_stated_total(std::move(s));
  }
  const auto n = r.template num<std::uint64_t>("items");
  if (n >= detail::no_id) damaged("too many items");
  detail::item_columns c;
  c.rows = static_cast<std::size_t>(n);
  // Binary archives of format 2 on load the groups asked for and skip the rest (a
  // seek each); text, XML and format 1 load whole.
  const item_fields loaded = version == 1 || !binary ? item_fields::all : fields;
  const auto column = [&]<class T>(item_fields group, const char* name, std::vector<T>& to) {
    if (contains(loaded, group))
      to = r.template vec<T>(name);
    else
      r.template skip_vec<T>(name);
  };
  const auto approx = [&](item_fields group, const char* rows, const char* maxes,
                          std::vector<detail::approx_entry>& to) {
    std::vector<std::uint32_t> rs;
    std::vector<std::int64_t> ms;
    column(group, rows, rs);
    column(group, maxes, ms);
    if (rs.size() != ms.size()) damaged(std::string(rows) + " and " + maxes + " differ in length");
    to.resize(rs.size());
    for (std::size_t k = 0; k < rs.size(); ++k) to[k] = {rs[k], ms[k]};
  };
  column(item_fields::dates, "year", c.year);
  column(item_fields::dates, "month", c.month);
  column(item_fields::dates, "day", c.day);
  column(item_fields::category, "category", c.category);
  column(item_fields::units, "provider", c.provider);
  column(item_fields::units, "recipient", c.recipient);
  if (version == 1) {
    // Format 1 kept beneficiary, measure and quantity as dense columns.
    const auto people = r.template vec<std::uint32_t>("beneficiary");
    c.form = r.template vec<std::uint8_t>("form");
    const auto measures = r.template vec<std::uint8_t>("measure");
    c.direction = r.template vec<std::uint8_t>("direction");
    c.amount_min = r.template vec<std::int64_t>("amount_min");
    approx(item_fields::amounts, "amount_approx_rows", "amount_approx_max", c.amount_approx);
    const auto quantities = r.template vec<std::int64_t>("quantity_min");
    approx(item_fields::quantities, "quantity_approx_rows", "quantity_approx_max",
           c.quantity_approx);
    if (people.size() != n || measures.size() != n || quantities.size() != n)
      damaged("item columns differ in length");
    for (std::uint32_t row = 0; row < n; ++row) {
      if (people[row] != detail::no_id)
        c.beneficiary.rows.push_back(row), c.beneficiary.ids.push_back(people[row]);
      if ((quantities[row] == detail::no_value) != (measures[row] == 0))
        damaged("an item quantity and its measure disagree");
      if (measures[row] != 0) {
        c.quantity.rows.push_back(row);
        c.quantity.measures.push_back(measures[row]);
        c.quantity.mins.push_back(quantities[row]);
      }
    }
  } else {
    column(item_fields::form, "form", c.form);
    column(item_fields::direction, "direction", c.direction);
    column(item_fields::amounts, "amount_min", c.amount_min);
    approx(item_fields::amounts, "amount_approx_rows", "amount_approx_max", c.amount_approx);
    column(item_fields::quantities, "quantity_rows", c.quantity.rows);
    column(item_fields::quantities, "quantity_measures", c.quantity.measures);
    column(item_fields::quantities, "quantity_mins", c.quantity.mins);
    approx(item_fields::quantities, "quantity_approx_rows", "quantity_approx_max",
           c.quantity_approx);
    column(item_fields::beneficiaries, "beneficiary_rows", c.beneficiary.rows);
    column(item_fields::beneficiaries, "beneficiary_ids", c.beneficiary.ids);
  }
  column(item_fields::notes, "note_rows", c.notes.rows);
  column(item_fields::notes, "note_ends", c.notes.ends);
  if (contains(loaded, item_fields::notes))
    c.notes.chars = r.str("note_chars");
  else
    r.template skip_vec<char>("note_chars");
  check_columns(d, c, n, loaded);
  detail::archive_access::set_items(d, std::move(c), loaded);
  return d;
}

// Reads up to and including the <boost_serialization ...> start tag.
void skip_xml_start(std::istream& in) {
  std::string head;
  for (char ch; head.size() < 4096 && in.get(ch);) {
    head += ch;
    const auto tag = head.find("<boost_serialization");
    if (tag != std::string::npos && ch == '>') {
      if (head.find("signature=\"serialization::archive\"", tag) == std::string::npos)
        damaged("the XML has no Boost serialization signature");
      return;
    }
  }
  damaged("the XML does not start a Boost serialization archive");
}

// Checks that only white space and the closing tag remain.
void expect_xml_end(std::istream& in) {
  std::string tail;
  for (char ch; tail.size() < 4096 && in.get(ch);)
    if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') tail += ch;
  if (tail != "</boost_serialization>") damaged("the XML does not end where the data ends");
}

}  // namespace

std::optional<archive_format> parse_archive_format(std::string_view name) noexcept {
  for (auto f : {archive_format::binary, archive_format::text, archive_format::xml})
    if (format_name(f) == name) return f;
  return std::nullopt;
}

void save_archive(const dataset& d, const std::filesystem::path& file, archive_format format) {
  d.require_fields(item_fields::all, "saving an archive");
  detail::write_file_atomically(file, [&](std::ostream& out) {
    out << kMagic << ' ' << format_name(format) << ' ' << archive_version << '\n';
    switch (format) {
      case archive_format::binary: {
        boost::archive::binary_oarchive ar(out, kFlags);
        write_body(ar, d);
        break;
      }
      case archive_format::text: {
        boost::archive::text_oarchive ar(out, kFlags);
        write_body(ar, d);
        break;
      }
      case archive_format::xml: {
        out << kXmlStart;
        {
          boost::archive::xml_oarchive ar(out, kFlags);
          write_body(ar, d);
        }
        out << kXmlEnd;
        break;
      }
    }
  });
}

namespace {

// A read-only stream over bytes in memory, seekable within them.
struct memory_buffer : std::streambuf {
  memory_buffer(const char* begin, const char* end) {
    char* b = const_cast<char*>(begin);  // never written through: get area only
    setg(b, b, b + (end - begin));
  }
  pos_type seekoff(off_type off, std::ios_base::seekdir dir,
                   std::ios_base::openmode which) override {
    const off_type from = dir == std::ios_base::beg   ? 0
                          : dir == std::ios_base::cur ? gptr() - eback()
                                                      : egptr() - eback();
    if (!(which & std::ios_base::in) || off > egptr() - eback() - from || off < -from)
      return pos_type(off_type(-1));
    setg(eback(), eback() + from + off, egptr());
    return pos_type(from + off);
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

dataset read_archive_stream(std::istream& in, std::uint64_t size, const std::string& name,
                            item_fields fields) {
  // The header line: "aidstat-archive FORMAT VERSION".
  std::string header;
  for (char ch; header.size() < 64 && in.get(ch) && ch != '\n';) header += ch;
  const std::string prefix = name + ": ";
  try {
    if (!header.starts_with(std::string(kMagic) + " "))
      damaged("it does not start with '" + std::string(kMagic) + "'");
    const std::string rest = header.substr(kMagic.size() + 1);
    const auto space = rest.find(' ');
    const auto format = parse_archive_format(rest.substr(0, space));
    if (!format || space == std::string::npos) damaged("unknown archive kind in '" + header + "'");
    std::uint32_t version = 0;
    for (char ch : rest.substr(space + 1)) {
      if (ch < '0' || ch > '9' || version > 100000) damaged("bad version in '" + header + "'");
      version = version * 10 + static_cast<std::uint32_t>(ch - '0');
    }
    if (version == 0) damaged("bad version in '" + header + "'");
    if (version > archive_version)
      detail::throw_error(prefix + "written by a newer aidstat (archive format " +
                          std::to_string(version) + "); this version reads formats up to " +
                          std::to_string(archive_version));
    const std::uint64_t budget = size > header.size() ? size - header.size() : 0;
    switch (*format) {
      case archive_format::binary: {
        boost::archive::binary_iarchive ar(in, kFlags);
        return read_body(ar, in, budget, true, version, fields);
      }
      case archive_format::text: {
        boost::archive::text_iarchive ar(in, kFlags);
        return read_body(ar, in, budget, false, version, fields);
      }
      default: {
        skip_xml_start(in);
        dataset d = [&] {
          // Tag names are not compared: Boost 1.74 reads past the expected name when
          // the file's tag is longer (found by the fuzzer). Structure and values are
          // still checked.
          boost::archive::xml_iarchive ar(in, kFlags | boost::archive::no_xml_tag_checking);
          return read_body(ar, in, budget, false, version, fields);
        }();
        expect_xml_end(in);
        return d;
      }
    }
  } catch (const error& e) {
    const std::string what = e.what();
    if (what.starts_with(prefix)) throw;
    detail::throw_error(prefix + what);
  } catch (const std::exception& e) {
    // Boost archive exceptions, stream errors, bad_alloc of a bounded size...
    detail::throw_error(prefix + "the archive is damaged or not an aidstat archive: " + e.what());
  }
}

}  // namespace

dataset read_archive(std::string_view bytes, const std::string& name, item_fields fields) {
  memory_buffer buf(bytes.data(), bytes.data() + bytes.size());
  std::istream in(&buf);
  return read_archive_stream(in, bytes.size(), name, fields);
}

dataset load_archive(const std::filesystem::path& file, item_fields fields) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) detail::throw_error<io_error>("cannot read " + file.string() + ": " + ec.message());
  std::ifstream in(file, std::ios::binary);
  if (!in) detail::throw_error<io_error>("cannot open " + file.string() + " for reading");
  return read_archive_stream(in, size, file.string(), fields);
}

dataset open_dataset(const std::filesystem::path& path, item_fields fields) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return load_archive(path, fields);
  return load_dataset(path);
}

}  // namespace aidstat
