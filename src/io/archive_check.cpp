// Checks of loaded item columns against each other and the dataset: what a damaged
// or hostile archive could get wrong even when its sections read cleanly.
#include "aidstat/error.hpp"
#include "io/archive_io.hpp"

namespace aidstat::detail {

void archive_damaged(const std::string& why) {
  throw_error("the archive is damaged or not an aidstat archive: " + why);
}

approx_columns split_approx(const std::vector<approx_entry>& v) {
  approx_columns a;
  a.rows.reserve(v.size());
  a.maxes.reserve(v.size());
  for (const auto& e : v) a.rows.push_back(e.row), a.maxes.push_back(e.max);
  return a;
}

std::vector<approx_entry> join_approx(const approx_columns& a, const char* what) {
  if (a.rows.size() != a.maxes.size())
    archive_damaged(std::string(what) + " and its bounds differ in length");
  std::vector<approx_entry> out(a.rows.size());
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = {a.rows[k], a.maxes[k]};
  return out;
}

// Checks that the item columns of the groups in `loaded` are consistent with each
// other and with the dataset. Each check is a plain loop over one or two columns,
// so that it runs at memory speed.
void check_columns(const dataset& d, const item_columns& c, std::uint64_t n, item_fields loaded) {
  const auto need = [](bool ok, const char* what) {
    if (!ok) archive_damaged(what);
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
  const auto approx = [&](const std::vector<approx_entry>& v, auto min_of, const char* what) {
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
    need(every(c.recipient, [&](std::uint32_t u) { return u < units || u == no_id; }),
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
    need(every(c.amount_min, [](std::int64_t a) { return a >= 0 || a == no_value; }),
         "an item amount is negative");
    approx(
        c.amount_approx,
        [&](std::uint32_t row) -> std::optional<std::int64_t> {
          if (c.amount_min[row] == no_value) return std::nullopt;
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
          const auto at = find_row(q.rows, row);
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

}  // namespace aidstat::detail
