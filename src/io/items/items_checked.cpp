#include "io/items/items_checked.hpp"

#include <optional>
#include <string>

#include "aidstat/amount_text.hpp"

namespace aidstat::detail {

// Reads a quantity and its measure (a measure word in the quantity, the measure
// column, or both agreeing); reports and returns false on any problem.
bool read_quantity(table_reader& t, const table_row& r, int qcol, int mcol,
                   std::optional<count_interval>& quantity, std::optional<measure>& unit) {
  bool ok = true;
  const auto bad = [&](int col, std::string what) {
    t.report(r, col, std::move(what));
    ok = false;
  };
  unit = enum_field<measure>(t, r, mcol);
  if (!unit && !r.get(mcol).empty()) ok = false;
  if (const std::string& q = r.get(qcol); !q.empty()) {
    try {
      const quantity_text qt = parse_quantity(q);
      quantity = qt.value;
      if (qt.unit && unit && *qt.unit != *unit) {
        bad(qcol, "quantity '" + q + "' counts " + std::string(key_of(*qt.unit)) +
                      " but the measure column says " + std::string(key_of(*unit)));
      } else if (qt.unit) {
        unit = qt.unit;
      } else if (!unit && r.get(mcol).empty()) {
        bad(qcol, "quantity '" + q +
                      "' has no measure; fill the measure column (person, person_time, "
                      "session, ...) or write it as e.g. 200人次");
      }
    } catch (const parse_error& e) {
      bad(qcol, e.what());
    }
  } else if (unit) {
    bad(mcol, "a measure is given but the quantity is empty");
  }
  return ok;
}

namespace {

// Reads one row of items.csv into an aid_item, reporting each problem of its fields.
struct checked_row {
  table_reader& t;
  const table_row& r;
  dataset& d;
  bool units_defined, have_beneficiaries;
  aid_item it;
  bool ok = true;

  void bad(int col, std::string what) {
    t.report(r, col, std::move(what));
    ok = false;
  }

  // A unit id of column `col`; without units.csv an unknown id becomes a unit.
  void unit_ref(int col, const char* role) {
    const std::string& id = r.get(col);
    if (id.empty() || d.find_unit(id)) return;
    if (units_defined)
      return bad(col, std::string(role) + " '" + id + "' is not defined in units.csv");
    unit u;
    u.id = u.name = id;
    d.add_unit(std::move(u));
  }

  void read_date_and_category() {
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
      bad(c_category, "unknown category '" + it.category + "'" +
                          d.categories().did_you_mean(
                              it.category, "; see categories.csv or the default taxonomy"));
    }
  }

  void read_parties() {
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
  }

  void read_figures() {
    it.form = enum_field<aid_form>(t, r, c_form);
    if (!it.form && !r.get(c_form).empty()) ok = false;
    if (it.form == aid_form::transfer && it.recipient.empty())
      bad(c_recipient, "a transfer must name the recipient unit the money passes to");
    if (const std::string& a = r.get(c_amount); !a.empty()) {
      try {
        it.amount = parse_money(a);
      } catch (const parse_error& e) {
        bad(c_amount, e.what());
      }
    }
    if (!read_quantity(t, r, c_quantity, c_measure, it.quantity, it.measure)) ok = false;
    if (const std::string& dir = r.get(c_direction); !dir.empty()) {
      it.direction = enum_field<direction>(t, r, c_direction);
      if (!it.direction) ok = false;
    }
    it.note = r.get(c_note);
  }
};

}  // namespace

void read_items_checked(const table_input& file, dataset& d, bool units_defined,
                        bool have_beneficiaries, std::vector<problem>& problems,
                        std::vector<std::uint32_t>* lines) {
  table_reader t(file, problems);
  t.read(item_column_names, 3, [&](const table_row& r) {
    checked_row row{t, r, d, units_defined, have_beneficiaries, {}};
    row.read_date_and_category();
    row.read_parties();
    row.read_figures();
    if (!row.ok) return;
    try {
      d.add_item(row.it);
      if (lines) lines->push_back(r.line);
    } catch (const error& e) {
      t.report(r.line, 0, e.what());
    }
  });
}

}  // namespace aidstat::detail
