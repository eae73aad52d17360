// Reading commitments.csv and stated_totals.csv: the plans and stated figures a
// dataset's records are checked against.
#include "io/csv/read_plans.hpp"

#include <array>
#include <unordered_set>

#include "aidstat/amount_text.hpp"
#include "aidstat/error.hpp"
#include "io/csv/table_reader.hpp"
#include "io/items/items_checked.hpp"

namespace aidstat {
namespace {

using detail::enum_field;
using detail::table_reader;
using row = detail::table_row;

// One row's problems: each reported at its column, and the row then left out.
struct row_check {
  table_reader& t;
  const row& r;
  bool ok = true;

  void bad(int col, std::string what) {
    t.report(r, col, std::move(what));
    ok = false;
  }
  // An amount in report notation from column `col`, if there is one.
  void money_field(int col, std::optional<money_interval>& out) {
    if (const std::string& a = r.get(col); !a.empty()) {
      try {
        out = parse_money(a);
      } catch (const parse_error& e) {
        bad(col, e.what());
      }
    }
  }
  // Columns 0-2 of commitments.csv and stated_totals.csv: an id unique in `seen`, a
  // year, and a category (which stated totals may leave empty).
  void id_year_category(const dataset& d, std::unordered_set<std::string>& seen,
                        const std::string& what, std::string& id, int& year, std::string& category,
                        bool category_required) {
    id = r.get(0);
    if (id.empty())
      bad(0, "a " + what + " needs an id");
    else if (!seen.insert(id).second)
      bad(0, what + " '" + id + "' is defined twice");
    if (const auto y = detail::parse_year(r.get(1)))
      year = *y;
    else
      bad(1, "'" + r.get(1) + "' is not a year such as 2023");
    category = r.get(2);
    if ((category_required || !category.empty()) && !d.categories().find(category))
      bad(2, "unknown category '" + category + "'" + d.categories().did_you_mean(category));
  }
};

// Column 3 of commitments.csv: the owner, which without units.csv becomes a unit.
void read_owner(row_check& c, dataset& d, bool units_defined, std::string& owner) {
  owner = c.r.get(3);
  if (owner.empty()) return c.bad(3, "the owner is missing; name the responsible unit");
  if (d.find_unit(owner)) return;
  if (units_defined) return c.bad(3, "owner '" + owner + "' is not defined in units.csv");
  unit u;
  u.id = u.name = owner;
  d.add_unit(std::move(u));
}

void read_commitments(const detail::table_input& file, dataset& d, bool units_defined,
                      std::vector<problem>& problems) {
  static constexpr std::array<std::string_view, 7> cols = {
      "id", "year", "category", "owner", "title", "target_amount", "status"};
  table_reader t(file, problems);
  std::unordered_set<std::string> seen;
  t.read(cols, 4, [&](const row& r) {
    commitment c;
    row_check check{t, r};
    check.id_year_category(d, seen, "commitment", c.id, c.year, c.category, true);
    read_owner(check, d, units_defined, c.owner);
    c.title = r.get(4);
    check.money_field(5, c.target_amount);
    if (r.get(6).empty()) {
      check.bad(6, "the status is missing; write " + detail::accepted_keys<commitment_status>());
    } else if (auto s = enum_field<commitment_status>(t, r, 6)) {
      c.status = *s;
    } else {
      check.ok = false;
    }
    if (!check.ok) return;
    try {
      d.add_commitment(std::move(c));
    } catch (const error& e) {
      t.report(r.line, 0, e.what());
    }
  });
}

void read_stated_totals(const detail::table_input& file, dataset& d, std::vector<problem>& problems,
                        std::vector<std::uint32_t>* lines) {
  static constexpr std::array<std::string_view, 10> cols = {
      "id",     "year",     "category", "provider", "recipient", "beneficiary_kind",
      "amount", "quantity", "measure",  "note"};
  table_reader t(file, problems);
  std::unordered_set<std::string> seen;
  t.read(cols, 2, [&](const row& r) {
    stated_total st;
    row_check check{t, r};
    check.id_year_category(d, seen, "stated total", st.id, st.year, st.category, false);
    st.provider = r.get(3);
    if (!st.provider.empty() && !d.find_unit(st.provider))
      check.bad(3, "provider '" + st.provider + "' is not a unit of the dataset");
    st.recipient = r.get(4);
    if (!st.recipient.empty() && !d.find_unit(st.recipient))
      check.bad(4, "recipient '" + st.recipient + "' is not a unit of the dataset");
    st.beneficiary_kind = enum_field<beneficiary_kind>(t, r, 5);
    if (!st.beneficiary_kind && !r.get(5).empty()) check.ok = false;
    check.money_field(6, st.amount);
    if (!detail::read_quantity(t, r, 7, 8, st.quantity, st.measure)) check.ok = false;
    if (check.ok && !st.amount && !st.quantity)
      check.bad(6, "a stated total needs an amount or a quantity");
    st.note = r.get(9);
    if (!check.ok) return;
    try {
      d.add_stated_total(std::move(st));
      if (lines) lines->push_back(r.line);
    } catch (const error& e) {
      t.report(r.line, 0, e.what());
    }
  });
}

}  // namespace

// Reads commitments and stated totals into `d`, as read_entities does.
void detail::read_plans(const dataset_inputs& inputs, dataset& d, std::vector<problem>& problems,
                        std::vector<std::size_t>& file_starts, dataset_sources* sources) {
  if (inputs.commitments)
    read_commitments(*inputs.commitments, d, inputs.units.has_value(), problems);
  file_starts.push_back(problems.size());
  if (inputs.stated_totals)
    read_stated_totals(*inputs.stated_totals, d, problems,
                       sources ? &sources->stated_total_lines : nullptr);
  file_starts.push_back(problems.size());
}

}  // namespace aidstat
