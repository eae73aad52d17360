// The CSV dataset loader: reads each file into rows, checks every field, and
// reports all problems at once. It knows nothing about aggregation.
#include "aidstat/load_csv.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <functional>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "csv_reader.hpp"

namespace aidstat {
namespace {

// One row of a table, with access to its fields by column name.
struct row {
  const std::vector<detail::csv_field>* fields;
  const std::vector<int>* index;  // column -> field position or -1
  std::uint32_t line;

  const std::string& get(int col) const {
    static const std::string empty;
    const int at = (*index)[static_cast<std::size_t>(col)];
    return at < 0 ? empty : (*fields)[static_cast<std::size_t>(at)].text;
  }
  // 1-based field number of a column (its position in the header).
  std::uint32_t column(int col) const {
    return static_cast<std::uint32_t>((*index)[static_cast<std::size_t>(col)] + 1);
  }
  std::uint32_t line_of(int col) const {
    const int at = (*index)[static_cast<std::size_t>(col)];
    return at < 0 ? line : (*fields)[static_cast<std::size_t>(at)].line;
  }
};

// Reads a CSV table with the given columns (the first `required` must be in the
// header). Calls on_row for every well-formed row.
class table_reader {
 public:
  table_reader(const csv_text& file, std::vector<problem>& problems)
      : file_(file), problems_(problems) {}

  void report(std::uint32_t line, std::uint32_t column, std::string what) {
    problems_.push_back({{file_.name, line, column}, std::move(what)});
  }
  void report(const row& r, int col, std::string what) {
    report(r.line_of(col), r.column(col), std::move(what));
  }

  void read(std::span<const std::string_view> columns, std::size_t required,
            const std::function<void(const row&)>& on_row) {
    detail::csv_reader csv(file_.text, file_.name);
    std::vector<detail::csv_field> fields;
    bool ok = true;
    if (!csv.next(fields, ok, problems_)) {
      report(1, 0, "the file is empty; it needs a header row such as " + header_of(columns));
      return;
    }
    if (!ok) return;
    std::vector<int> index(columns.size(), -1);
    bool header_ok = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::string& name = fields[i].text;
      const auto col = std::find(columns.begin(), columns.end(), name);
      const auto where = static_cast<std::uint32_t>(i + 1);
      if (col == columns.end()) {
        report(fields[i].line, where,
               "unknown column '" + name + "'; the columns are " + header_of(columns));
        header_ok = false;
      } else if (index[static_cast<std::size_t>(col - columns.begin())] >= 0) {
        report(fields[i].line, where, "column '" + name + "' appears twice in the header");
        header_ok = false;
      } else {
        index[static_cast<std::size_t>(col - columns.begin())] = static_cast<int>(i);
      }
    }
    for (std::size_t c = 0; c < required; ++c) {
      if (index[c] < 0) {
        report(csv.record_line(), 0,
               "the header has no '" + std::string(columns[c]) + "' column, which is required");
        header_ok = false;
      }
    }
    if (!header_ok) return;
    const std::size_t width = fields.size();
    while (csv.next(fields, ok, problems_)) {
      if (!ok) continue;
      if (fields.size() != width) {
        report(csv.record_line(), static_cast<std::uint32_t>(std::min(width, fields.size()) + 1),
               "this row has " + std::to_string(fields.size()) + " fields but the header has " +
                   std::to_string(width) + "; check for an unquoted comma or a missing field");
        continue;
      }
      on_row(row{&fields, &index, csv.record_line()});
    }
  }

 private:
  static std::string header_of(std::span<const std::string_view> columns) {
    std::string out;
    for (auto c : columns) out += (out.empty() ? "" : ",") + std::string(c);
    return out;
  }
  const csv_text& file_;
  std::vector<problem>& problems_;
};

// Reads an enum field; reports and returns empty when the text is not a key.
template <class E>
std::optional<E> enum_field(table_reader& t, const row& r, int col) {
  const std::string& text = r.get(col);
  if (text.empty()) return std::nullopt;
  if (auto v = parse_enum<E>(text)) return v;
  t.report(r, col,
           "'" + text + "' is not a " + std::string(enum_vocabulary<E>::what) + "; write " +
               accepted_keys<E>());
  return std::nullopt;
}

// Adds entities that name a parent of their own kind, parents first, reporting
// unknown parents and cycles. Iterative, so a hostile chain of a million parents
// cannot overflow the stack.
template <class T>
void add_in_parent_order(std::vector<std::pair<T, std::uint32_t>>& rows, table_reader& t,
                         std::uint32_t parent_column, const std::string& what,
                         const std::function<void(T&)>& add) {
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < rows.size(); ++i) by_id.emplace(rows[i].first.id_for_order(), i);
  enum : char { fresh, on_path, added, failed };
  std::vector<char> state(rows.size(), fresh);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < rows.size(); ++start) {
    path.clear();
    bool ok = true;
    std::size_t i = start;
    // Walk up the parents until a root, an entity already settled, or a cycle.
    for (;;) {
      if (state[i] == added) break;
      if (state[i] == failed) {
        ok = false;
        break;
      }
      if (state[i] == on_path) {
        t.report(rows[i].second, parent_column,
                 what + " '" + rows[i].first.id_for_order() +
                     "' is its own ancestor (the parents form a cycle); one of them must be a "
                     "root with an empty parent");
        ok = false;
        break;
      }
      state[i] = on_path;
      path.push_back(i);
      const std::string& parent = rows[i].first.parent_for_order();
      if (parent.empty()) break;
      const auto it = by_id.find(parent);
      if (it == by_id.end()) {
        t.report(rows[i].second, parent_column,
                 what + " '" + rows[i].first.id_for_order() + "' names parent '" + parent +
                     "', which is not defined");
        ok = false;
        break;
      }
      i = it->second;
    }
    for (auto p = path.rbegin(); p != path.rend(); ++p) {
      if (ok) add(rows[*p].first);
      state[*p] = ok ? added : failed;
    }
  }
}

// Adapters so the ordering helper can read ids and parents of both entity kinds.
struct category_row : category {
  const std::string& id_for_order() const { return key; }
  const std::string& parent_for_order() const { return parent; }
};
struct unit_row : unit {
  const std::string& id_for_order() const { return id; }
  const std::string& parent_for_order() const { return parent; }
};

taxonomy read_categories(const csv_text& file, std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 4> cols = {"key", "name_zh", "name_en", "parent"};
  table_reader t(file, problems);
  std::vector<std::pair<category_row, std::uint32_t>> rows;
  std::unordered_set<std::string> seen;
  std::uint32_t parent_column = 0;
  t.read(cols, 1, [&](const row& r) {
    category_row c;
    c.key = r.get(0), c.name_zh = r.get(1), c.name_en = r.get(2), c.parent = r.get(3);
    parent_column = r.column(3);
    if (c.key.empty()) return t.report(r, 0, "a category needs a key");
    if (!seen.insert(c.key).second)
      return t.report(r, 0, "category '" + c.key + "' is defined twice");
    rows.emplace_back(std::move(c), r.line);
  });
  taxonomy tax;
  add_in_parent_order<category_row>(rows, t, parent_column, "category",
                                    [&](category_row& c) { tax.add(static_cast<category>(c)); });
  if (tax.size() > 65535) t.report(0, 0, "a taxonomy can hold at most 65535 categories");
  return tax;
}

void read_units(const csv_text& file, dataset& d, std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 6> cols = {"id",   "name",   "kind",
                                                           "side", "parent", "region"};
  table_reader t(file, problems);
  std::vector<std::pair<unit_row, std::uint32_t>> rows;
  std::unordered_set<std::string> seen;
  std::uint32_t parent_column = 0;
  t.read(cols, 1, [&](const row& r) {
    unit_row u;
    u.id = r.get(0), u.name = r.get(1), u.parent = r.get(4), u.region = r.get(5);
    parent_column = r.column(4);
    if (u.id.empty()) return t.report(r, 0, "a unit needs an id");
    if (!seen.insert(u.id).second) return t.report(r, 0, "unit '" + u.id + "' is defined twice");
    u.kind = enum_field<unit_kind>(t, r, 2).value_or(unit_kind::other);
    u.side = enum_field<side>(t, r, 3).value_or(side::unknown);
    rows.emplace_back(std::move(u), r.line);
  });
  add_in_parent_order<unit_row>(rows, t, parent_column, "unit",
                                [&](unit_row& u) { d.add_unit(static_cast<unit>(u)); });
}

void read_beneficiaries(const csv_text& file, dataset& d, std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 4> cols = {"id", "kind", "unit", "headcount"};
  table_reader t(file, problems);
  t.read(cols, 1, [&](const row& r) {
    beneficiary b;
    b.id = r.get(0), b.unit = r.get(2);
    // A row with a bad kind, unit or headcount is still added (with defaults) so that
    // items naming it do not report it again; the load fails all the same.
    if (b.id.empty()) return t.report(r, 0, "a beneficiary needs an id");
    if (d.find_beneficiary(b.id))
      return t.report(r, 0, "beneficiary '" + b.id + "' is defined twice");
    b.kind = enum_field<beneficiary_kind>(t, r, 1).value_or(beneficiary_kind::other);
    if (!b.unit.empty() && !d.find_unit(b.unit)) {
      t.report(r, 2, "unit '" + b.unit + "' is not defined in units.csv");
      b.unit.clear();
    }
    if (const std::string& h = r.get(3); !h.empty()) {
      try {
        const quantity_text q = parse_quantity(h);
        if (!q.value.is_exact() || q.value.min() < count{1} ||
            (q.unit && *q.unit != measure::person))
          throw parse_error("'" + h + "'");
        b.headcount = q.value.min().value();
      } catch (const parse_error&) {
        t.report(r, 3, "headcount '" + h + "' is not a whole number of people of at least 1");
      }
    }
    d.add_beneficiary(std::move(b));
  });
}

// items.csv columns, in SPEC order.
enum item_col {
  c_date,
  c_category,
  c_provider,
  c_recipient,
  c_beneficiary,
  c_form,
  c_amount,
  c_quantity,
  c_measure,
  c_note
};

void read_items(const csv_text& file, dataset& d, bool units_defined, bool have_beneficiaries,
                std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 10> cols = {
      "date", "category", "provider", "recipient", "beneficiary",
      "form", "amount",   "quantity", "measure",   "note"};
  table_reader t(file, problems);
  t.read(cols, 3, [&](const row& r) {
    aid_item it;
    bool ok = true;
    const auto bad = [&](int col, std::string what) {
      t.report(r, col, std::move(what));
      ok = false;
    };
    const auto unit_ref = [&](int col, const char* role) {
      const std::string& id = r.get(col);
      if (id.empty() || d.find_unit(id)) return;
      if (units_defined)
        return bad(col, std::string(role) + " '" + id + "' is not defined in units.csv");
      unit u;
      u.id = u.name = id;
      d.add_unit(std::move(u));
    };

    if (r.get(c_date).empty()) {
      bad(c_date, "the date is missing; write YYYY-MM-DD, YYYY-MM or YYYY");
    } else {
      try {
        it.date = date::parse(r.get(c_date));
      } catch (const parse_error& e) {
        bad(c_date, e.what());
      }
    }
    it.category = r.get(c_category);
    if (it.category.empty()) {
      bad(c_category, "the category is missing");
    } else if (!d.categories().find(it.category)) {
      const auto near = d.categories().closest_key(it.category);
      bad(c_category, "unknown category '" + it.category + "'" +
                          (near ? "; did you mean '" + *near + "'?"
                                : std::string("; see categories.csv or the default taxonomy")));
    }
    it.provider = r.get(c_provider);
    if (it.provider.empty()) bad(c_provider, "the provider is missing; name the giving unit");
    unit_ref(c_provider, "provider");
    it.recipient = r.get(c_recipient);
    unit_ref(c_recipient, "recipient");
    it.beneficiary = r.get(c_beneficiary);
    if (!it.beneficiary.empty() && !d.find_beneficiary(it.beneficiary))
      bad(c_beneficiary,
          "beneficiary '" + it.beneficiary + "' is not defined" +
              (have_beneficiaries ? " in beneficiaries.csv" : " (there is no beneficiaries.csv)"));
    if (it.recipient.empty() && it.beneficiary.empty())
      bad(c_recipient, "neither a recipient unit nor a beneficiary is given; name at least one");
    it.form = enum_field<aid_form>(t, r, c_form);
    if (!it.form && !r.get(c_form).empty()) ok = false;

    if (const std::string& a = r.get(c_amount); !a.empty()) {
      try {
        it.amount = parse_money(a);
      } catch (const parse_error& e) {
        bad(c_amount, e.what());
      }
    }
    it.measure = enum_field<measure>(t, r, c_measure);
    if (!it.measure && !r.get(c_measure).empty()) ok = false;
    if (const std::string& q = r.get(c_quantity); !q.empty()) {
      try {
        const quantity_text qt = parse_quantity(q);
        it.quantity = qt.value;
        if (qt.unit && it.measure && *qt.unit != *it.measure) {
          bad(c_quantity, "quantity '" + q + "' counts " + std::string(key_of(*qt.unit)) +
                              " but the measure column says " + std::string(key_of(*it.measure)));
        } else if (qt.unit) {
          it.measure = qt.unit;
        } else if (!it.measure && r.get(c_measure).empty()) {
          bad(c_quantity, "quantity '" + q +
                              "' has no measure; fill the measure column (person, "
                              "person_time, session, ...) or write it as e.g. 200人次");
        }
      } catch (const parse_error& e) {
        bad(c_quantity, e.what());
      }
    } else if (it.measure) {
      bad(c_measure, "a measure is given but the quantity is empty");
    }
    it.note = r.get(c_note);
    if (!ok) return;
    try {
      d.add_item(it);
    } catch (const error& e) {
      t.report(r.line, 0, e.what());
    }
  });
}

std::optional<csv_text> read_file(const std::filesystem::path& p, bool required) {
  std::error_code ec;
  if (!std::filesystem::exists(p, ec)) {
    if (required) detail::throw_error<io_error>("cannot find " + p.string() + ": it is required");
    return std::nullopt;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) detail::throw_error<io_error>("cannot open " + p.string() + " for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) detail::throw_error<io_error>("cannot read " + p.string());
  return csv_text{p.string(), std::move(buf).str()};
}

}  // namespace

dataset read_dataset(const dataset_texts& texts) {
  std::vector<problem> problems;
  std::vector<std::size_t> file_starts;  // problems of one file are sorted by position
  file_starts.push_back(0);
  dataset d = texts.categories ? dataset(read_categories(*texts.categories, problems)) : dataset();
  file_starts.push_back(problems.size());
  if (texts.units) read_units(*texts.units, d, problems);
  file_starts.push_back(problems.size());
  if (texts.beneficiaries) read_beneficiaries(*texts.beneficiaries, d, problems);
  file_starts.push_back(problems.size());
  read_items(texts.items, d, texts.units.has_value(), texts.beneficiaries.has_value(), problems);
  file_starts.push_back(problems.size());
  for (std::size_t i = 0; i + 1 < file_starts.size(); ++i) {
    const auto first = problems.begin() + static_cast<std::ptrdiff_t>(file_starts[i]);
    const auto last = problems.begin() + static_cast<std::ptrdiff_t>(file_starts[i + 1]);
    std::stable_sort(first, last, [](const problem& a, const problem& b) {
      return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
  }
  if (!problems.empty()) throw validation_error(std::move(problems));
  return d;
}

dataset load_dataset(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    detail::throw_error<io_error>("'" + dir.string() + "' is not a dataset directory");
  dataset_texts t;
  t.items = *read_file(dir / "items.csv", true);
  t.units = read_file(dir / "units.csv", false);
  t.beneficiaries = read_file(dir / "beneficiaries.csv", false);
  t.categories = read_file(dir / "categories.csv", false);
  return read_dataset(t);
}

}  // namespace aidstat
