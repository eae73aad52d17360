// Checks of loaded item columns against each other and the dataset: what a damaged
// or hostile archive could get wrong even when its sections read cleanly.
#include "aidstat/error.hpp"
#include "io/archive/archive_io.hpp"
#include "io/csv/csv_reader.hpp"
#include "model/item_row.hpp"

namespace aidstat::detail {

void archive_damaged(const std::string& why) {
  throw_error<data_error>("the archive is damaged or not an aidstat archive: " + why);
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

namespace {

void need(bool ok, const char* what) {
  if (!ok) archive_damaged(what);
}

// all_of(v, pred) as a count of failures without early exit, which vectorizes.
template <class V, class Pred>
bool every(const V& v, Pred pred) {
  std::uint32_t bad = 0;
  for (const auto& x : v) bad += pred(x) ? 0u : 1u;
  return bad == 0;
}

// every() of a compact id column.
template <class T, class Pred>
bool every(const compact_ids<T>& v, Pred pred) {
  return v.all_of(pred);
}

// every() of the amount column.
template <class Pred>
bool every(const compact_amounts& v, Pred pred) {
  return v.all_of(pred);
}

// Sparse columns: rows ascending and in range.
void check_sparse_rows(const std::vector<std::uint32_t>& rows, std::uint64_t n, const char* what) {
  for (std::size_t k = 0; k < rows.size(); ++k)
    need(rows[k] < n && (k == 0 || rows[k - 1] < rows[k]), what);
}

// Approximate values: rows ascending and in range, each above the value's minimum,
// which min_of(row) gives (empty when the row has no value).
template <class MinOf>
void check_approx(const std::vector<approx_entry>& v, std::uint64_t n, MinOf min_of,
                  const char* what) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    need(v[i].row < n && (i == 0 || v[i - 1].row < v[i].row), what);
    const std::optional<std::int64_t> min = min_of(v[i].row);
    need(min && v[i].max > *min, what);
  }
}

// The checks of each column group. Each is a plain loop over one or two columns, so
// that it runs at memory speed.
struct column_checks {
  const dataset& d;
  const item_columns& c;
  std::uint64_t n;

  void lengths(std::initializer_list<std::size_t> sizes) const {
    for (std::size_t size : sizes) need(size == n, "item columns differ in length");
  }

  void dates() const {
    lengths({c.year.size(), c.month.size(), c.day.size()});
    const auto [first, last] = c.year.span();
    need(c.year.empty() || (first >= 1 && last <= 9999), "an item year is out of range");
    need(every(c.month, [](std::uint8_t m) { return m <= 12; }), "an item month is out of range");
    // Days 1-28 fit every month: one vectorized pass settles most archives, and only
    // when a day of 29-31 (or a day without a month) is found is the calendar asked.
    std::uint32_t unsure = 0;
    for (std::size_t r = 0; r < n; ++r)
      unsure += c.day[r] != 0 && (c.month[r] == 0 || c.day[r] > 28) ? 1u : 0u;
    if (unsure == 0) return;
    for (std::size_t r = 0; r < n; ++r)
      if (c.day[r] > 28 || (c.day[r] != 0 && c.month[r] == 0))
        need(c.month[r] != 0 && c.day[r] <= days_in_month(c.year[r], c.month[r]),
             "an item day is out of range");
  }

  void categories() const {
    lengths({c.category.size()});
    const auto count = static_cast<std::uint16_t>(d.categories().size());
    need(every(c.category, [&](std::uint16_t k) { return k < count; }),
         "an item category is out of range");
  }

  void units() const {
    lengths({c.provider.size(), c.recipient.size()});
    const auto count = static_cast<std::uint32_t>(d.unit_count());
    need(every(c.provider, [&](std::uint32_t u) { return u < count; }),
         "an item provider is out of range");
    need(every(c.recipient, [&](std::uint32_t u) { return u < count || u == no_id; }),
         "an item recipient is out of range");
  }

  // Every transfer names its recipient (after units() and codes<aid_form>()).
  void transfers() const {
    for (std::size_t r = 0; r < c.form.size(); ++r)
      need(c.form[r] != transfer_code || c.recipient[r] != no_id, "a transfer names no recipient");
  }

  // A column of enum codes (0 for none) of enum E.
  template <class E>
  void codes(const std::vector<std::uint8_t>& v, const char* what) const {
    lengths({v.size()});
    need(every(v, [](std::uint8_t x) { return x <= enum_vocabulary<E>::entries.size(); }), what);
  }

  void amounts() const {
    lengths({c.amount_min.size()});
    need(every(c.amount_min, [](std::int64_t a) { return a >= 0 || a == no_value; }),
         "an item amount is negative");
    const auto min_of = [&](std::uint32_t row) -> std::optional<std::int64_t> {
      if (c.amount_min[row] == no_value) return std::nullopt;
      return c.amount_min[row];
    };
    check_approx(c.amount_approx, n, min_of, "the approximate amounts are inconsistent");
  }

  void quantities() const {
    const auto& q = c.quantity;
    need(q.measures.size() == q.rows.size() && q.mins.size() == q.rows.size(),
         "the quantity columns differ in length");
    check_sparse_rows(q.rows, n, "the quantity rows are out of order");
    need(every(q.measures,
               [](std::uint8_t v) {
                 return v >= 1 && v <= enum_vocabulary<measure>::entries.size();
               }),
         "an item measure is out of range");
    need(every(q.mins, [](std::int64_t v) { return v >= 0; }), "an item quantity is negative");
    const auto min_of = [&](std::uint32_t row) -> std::optional<std::int64_t> {
      const auto at = find_row(q.rows, row);
      if (!at) return std::nullopt;
      return q.mins[*at];
    };
    check_approx(c.quantity_approx, n, min_of, "the approximate quantities are inconsistent");
  }

  void beneficiaries() const {
    const auto& b = c.beneficiary;
    const auto people = static_cast<std::uint32_t>(d.beneficiary_count());
    need(b.ids.size() == b.rows.size(), "the beneficiary columns differ in length");
    check_sparse_rows(b.rows, n, "the beneficiary rows are out of order");
    need(every(b.ids, [&](std::uint32_t id) { return id < people; }),
         "an item beneficiary is out of range");
  }

  void notes() const {
    const auto& t = c.notes;
    need(t.rows.size() == t.ends.size(), "the notes are inconsistent");
    check_sparse_rows(t.rows, n, "the notes are inconsistent");
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      need(t.ends[i] <= t.chars.size() && (i == 0 || t.ends[i - 1] <= t.ends[i]),
           "the notes are inconsistent");
    need(t.ends.empty() || t.ends.back() == t.chars.size(), "the notes are inconsistent");
    const std::string_view chars(t.chars.data(), t.chars.size());
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const std::size_t from = i ? t.ends[i - 1] : 0;
      need(valid_utf8(chars.substr(from, t.ends[i] - from)), "a note is not valid UTF-8");
    }
  }
};

}  // namespace

// Checks that the item columns of the groups in `loaded` are consistent with each
// other and with the dataset.
void check_columns(const dataset& d, const item_columns& c, std::uint64_t n, item_fields loaded) {
  const column_checks check{d, c, n};
  if (contains(loaded, item_fields::dates)) check.dates();
  if (contains(loaded, item_fields::category)) check.categories();
  if (contains(loaded, item_fields::units)) check.units();
  if (contains(loaded, item_fields::form))
    check.codes<aid_form>(c.form, "an item form is out of range");
  if (contains(loaded, item_fields::form | item_fields::units)) check.transfers();
  if (contains(loaded, item_fields::direction))
    check.codes<direction>(c.direction, "an item direction is out of range");
  if (contains(loaded, item_fields::amounts)) check.amounts();
  if (contains(loaded, item_fields::quantities)) check.quantities();
  if (contains(loaded, item_fields::beneficiaries)) check.beneficiaries();
  if (contains(loaded, item_fields::notes)) check.notes();
}

}  // namespace aidstat::detail
