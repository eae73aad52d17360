#include "engine/scan.hpp"

#include <algorithm>

#include "aidstat/date.hpp"
#include "core/calendar.hpp"
#include "engine/batch_add.hpp"

namespace aidstat::detail {
namespace {

// Adds (Sign +1) or takes back (Sign -1) the amounts of batch [b, b + m) into the
// hot sums, checked or not, in the partial's lanes; returns the OR of the amounts.
template <bool Checked, int Sign, class Key, class A>
std::uint64_t add_batch_hot(partial& p, const Key& key, const A* amount, std::size_t b,
                            std::size_t m, bool& overflow) {
  hot_sum* h = p.hot.data();
  return p.lanes == kLanes ? add_hot<kLanes, Checked, Sign>(h, key, amount, b, m, overflow)
                           : add_hot<1, Checked, Sign>(h, key, amount, b, m, overflow);
}

// The same into the packed words; Unstated as for add_packed.
template <bool Unstated, int Sign, class Key, class A>
std::uint64_t add_batch_packed(partial& p, const Key& key, const A* amount, std::size_t b,
                               std::size_t m) {
  std::uint64_t* w = p.amounts.words.data();
  const std::size_t off = p.unstated_offset();
  return p.lanes == kLanes ? add_packed<kLanes, Unstated, Sign>(w, off, key, amount, b, m)
                           : add_packed<1, Unstated, Sign>(w, off, key, amount, b, m);
}

// add_batch_packed with Unstated chosen at run time.
template <int Sign, class Key, class A>
std::uint64_t pack_batch(bool unstated, partial& p, const Key& key, const A* amount, std::size_t b,
                         std::size_t m) {
  return unstated ? add_batch_packed<true, Sign>(p, key, amount, b, m)
                  : add_batch_packed<false, Sign>(p, key, amount, b, m);
}

// Records and amount in one word, one addition a row, then checked: a batch with a
// row without an amount is taken back and added again the slower way that places
// such rows (tried first after such a batch); a batch whose amounts might not fit
// the words is taken back, and added again after a flush, or else (false returned)
// not at all.
template <class Key, class A>
bool add_amounts_packed(partial& p, const Key& key, const A* amount, std::size_t b, std::size_t m) {
  bool unstated = p.unstated_seen;
  std::uint64_t bits = pack_batch<1>(unstated, p, key, amount, b, m);
  if (!unstated && bits >> 63) {
    add_batch_packed<false, -1>(p, key, amount, b, m);
    unstated = p.unstated_seen = true;
    bits = add_batch_packed<true, 1>(p, key, amount, b, m);
  }
  std::uint64_t bound = p.amount_bound;
  const bool packed = packed_words::could_take(bits, m) && within_bound(bound, bits, m);
  if (!packed || !p.amounts.has_room(bits, m)) {
    pack_batch<-1>(unstated, p, key, amount, b, m);
    if (packed) {
      p.flush_amounts();
      pack_batch<1>(unstated, p, key, amount, b, m);
    }
  }
  if (packed) {
    p.amount_bound = bound;
    p.amounts.took(bits, m);
  }
  return packed;
}

// The amounts of batch [b, b + m): packed when they can be, else into the hot sums,
// unchecked while rows-so-far x largest-amount-so-far stays below 2^63; the batch
// that crosses it is taken back exactly and added again, checked.
template <class Key, class A>
void add_amounts(partial& p, const Key& key, const A* amount, std::size_t b, std::size_t m,
                 bool& overflow) {
  if (p.packs() && !p.checked && add_amounts_packed(p, key, amount, b, m)) return;
  if (p.checked) {
    add_batch_hot<true, 1>(p, key, amount, b, m, overflow);
  } else if (!within_bound(p.amount_bound, add_batch_hot<false, 1>(p, key, amount, b, m, overflow),
                           m)) {
    p.checked = true;
    add_batch_hot<false, -1>(p, key, amount, b, m, overflow);
    add_batch_hot<true, 1>(p, key, amount, b, m, overflow);
  }
}

// Where a scan of rows from `begin` on stands in each sparse column.
struct sparse_cursor {
  std::size_t qk = 0, qm = 0, pk = 0, ak = 0, qa = 0;

  sparse_cursor(const item_columns& c, std::size_t begin) {
    const auto first_at = [&](const std::vector<std::uint32_t>& rows) {
      return static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), begin) -
                                      rows.begin());
    };
    const auto first_approx = [&](const std::vector<approx_entry>& v) {
      return static_cast<std::size_t>(
          std::lower_bound(v.begin(), v.end(), begin,
                           [](const approx_entry& e, std::size_t r) { return e.row < r; }) -
          v.begin());
    };
    qk = qm = first_at(c.quantity.rows);
    pk = first_at(c.beneficiary.rows);
    ak = first_approx(c.amount_approx);
    qa = first_approx(c.quantity_approx);
  }
};

// The end of the quantities from index `first` on whose rows are below `last`. Rows
// are distinct and ascending, so at most last - rows[first] of them qualify: the
// search stays within the few cache lines the scan reads next, never the whole column.
std::size_t quantities_below(const sparse_quantities& q, std::size_t first, std::uint32_t last) {
  if (first >= q.rows.size() || q.rows[first] >= last) return first;
  const std::size_t most = std::min<std::size_t>(q.rows.size() - first, last - q.rows[first]);
  const auto from = q.rows.begin() + static_cast<std::ptrdiff_t>(first);
  return static_cast<std::size_t>(
      std::lower_bound(from, from + static_cast<std::ptrdiff_t>(most), last) - q.rows.begin());
}

// Adds (Sign +1) or takes back (Sign -1) quantities [first, end) into the packed
// words. Returns the OR of their values.
template <int Sign, class Key>
std::uint64_t pack_quantities(const item_columns& c, partial& p, const Key& key, std::size_t first,
                              std::size_t end) {
  const auto& q = c.quantity;
  const auto add = [&]<unsigned L>() {
    return add_packed_quantities<L, Sign>(p.quantities.words.data(), p.quantity_measures.data(),
                                          key, q.rows.data(), q.measures.data(), q.mins.data(),
                                          first, end);
  };
  return p.quantity_lanes == kQuantityLanes ? add.template operator()<kQuantityLanes>()
                                            : add.template operator()<1>();
}

// Quantities [first, end). Added packed by slot, then checked: a batch whose values
// might not fit the packed words is taken back exactly, and added again after a
// flush or else one by one.
template <class Key>
void add_quantities(const item_columns& c, partial& p, const Key& key, std::size_t first,
                    std::size_t end, bool& overflow) {
  const auto& q = c.quantity;
  if (p.packs()) {
    const std::uint64_t bits = pack_quantities<1>(c, p, key, first, end);
    const std::size_t n = end - first;
    const bool fits = packed_words::could_take(bits, n);
    if (!fits || !p.quantities.has_room(bits, n)) {
      pack_quantities<-1>(c, p, key, first, end);
      if (fits) {
        p.flush_quantities();
        pack_quantities<1>(c, p, key, first, end);
      }
    }
    if (fits) return p.quantities.took(bits, n);
  }
  for (std::size_t k = first; k < end; ++k) {
    cold_sum& x = p.cold[key(q.rows[k])];
    ++x.quantity_records;
    overflow |= __builtin_add_overflow(x.quantity_min, q.mins[k], &x.quantity_min);
    x.measures |= 1u << q.measures[k];
  }
}

// The widths of the approximate amounts and quantities, and the beneficiaries, of
// the rows below `last`.
template <class Key>
void add_widths_and_people(const item_columns& c, partial& p, const Key& key, sparse_cursor& k,
                           std::uint32_t last, bool& overflow) {
  for (; k.ak < c.amount_approx.size() && c.amount_approx[k.ak].row < last; ++k.ak) {
    const auto& e = c.amount_approx[k.ak];
    cold_sum& x = p.cold[key(e.row)];
    ++x.approx;
    overflow |=
        __builtin_add_overflow(x.amount_width, e.max - c.amount_min[e.row], &x.amount_width);
  }
  const auto& q = c.quantity;
  for (; k.qa < c.quantity_approx.size() && c.quantity_approx[k.qa].row < last; ++k.qa) {
    const auto& e = c.quantity_approx[k.qa];
    while (q.rows[k.qm] < e.row) ++k.qm;  // every approximate quantity has a row there
    cold_sum& x = p.cold[key(e.row)];
    overflow |= __builtin_add_overflow(x.quantity_width, e.max - q.mins[k.qm], &x.quantity_width);
  }
  const auto& people = c.beneficiary;
  for (; k.pk < people.rows.size() && people.rows[k.pk] < last; ++k.pk) {
    const std::uint32_t s = key(people.rows[k.pk]);
    if (s != p.dump) p.people.emplace_back(s, people.ids[k.pk]);
  }
}

}  // namespace

// The last day counted in (fiscal) year y under a year-to-date cut.
std::int32_t plan::through_day(int y) const {
  const int m = f.through->month;
  const int year = m >= f.fiscal_year_start ? y : y + 1;
  return days_from_civil(year, m, std::min(f.through->day, days_in_month(year, m)));
}

// Whether row r passes the filter; counts rows that cannot be placed into `p`.
bool plan::passes(std::size_t r, partial& p) const {
  const int fs = f.fiscal_year_start;
  if (fs != 1 && c.month[r] == 0) {
    ++p.yearly;
    return false;
  }
  if (f.year && fiscal_year_of(c, r, fs) != *f.year) return false;
  if (by_dates) {
    const int fy = fiscal_year_of(c, r, fs);
    const date when = date_of(c, r);
    const std::int32_t first = when.first_day(), last = when.last_day();
    const std::int32_t hi = f.through ? std::min(to_day, through_day(fy)) : to_day;
    if (last < from_day || first > hi) return false;
    if (first < from_day || last > hi) {
      if (p.cut++ == 0) p.cut_example = when.to_string();
      return false;
    }
  }
  for (const auto& [col, ok] : conditions)
    if (!ok[col.code(c, r)]) return false;
  return true;
}

// The slot of every row of batch [b, b + m): its key's, or the dump slot.
void plan::slots_of_batch(std::size_t b, std::size_t m, partial& p, std::uint32_t* slot) const {
  if (p.dense) {
    std::fill(slot, slot + m, 0);
    for (const auto& k : keys) k.add_codes(c, b, m, slot);
  } else {
    std::uint64_t key[kChunk];
    std::fill(key, key + m, 0);
    for (const auto& k : keys) k.add_codes(c, b, m, key);
    for (std::size_t i = 0; i < m; ++i) slot[i] = p.slot(key[i]);
  }
  if (year_only) {
    // The common filter of year-over-year work: one comparison on one column.
    const std::int32_t wanted = *f.year - c.year.base();
    c.year.offsets().visit([&](const auto* year) {
      year += b;
      for (std::size_t i = 0; i < m; ++i)
        slot[i] = static_cast<std::int32_t>(year[i]) == wanted ? slot[i] : p.dump;
    });
  } else if (filtered) {
    for (std::size_t i = 0; i < m; ++i) {
      if (!passes(b + i, p)) {
        slot[i] = p.dump;
      } else if (transfers && left_out(b + i)) {
        ++p.cold[slot[i]].transfers_excluded;
        slot[i] = p.dump;
      }
    }
  }
}

// Scans rows [begin, end) into p, a batch at a time: the dense amount column, then
// whatever the sparse columns hold for the batch's rows. key_of(b, m) gives the key
// functor of batch [b, b + m).
template <class KeyOf>
void plan::scan_batches(std::size_t begin, std::size_t end, partial& p, const KeyOf& key_of) const {
  sparse_cursor k(c, begin);
  c.amount_min.visit([&](const auto* amount) {
    for (std::size_t b = begin; b < end; b += kChunk) {
      const std::size_t m = std::min(kChunk, end - b);
      const auto last = static_cast<std::uint32_t>(b + m);
      const auto key = key_of(b, m);
      bool overflow = false;
      add_amounts(p, key, amount, b, m, overflow);
      const std::size_t quantities_end = quantities_below(c.quantity, k.qk, last);
      add_quantities(c, p, key, k.qk, quantities_end, overflow);
      k.qk = quantities_end;
      add_widths_and_people(c, p, key, k, last, overflow);
      p.overflow |= overflow;
    }
  });
  p.flush_amounts();
  p.flush_quantities();
}

// The scan of a direct key over column `col`, the years (when the key or filter
// reads them) a byte each.
template <class Col, bool WithYear, bool OneYear>
void plan::scan_direct(const Col* col, std::size_t begin, std::size_t end, partial& p) const {
  direct_key<Col, std::uint8_t, WithYear, OneYear> k{col, nullptr, 0, 1, 0, p.dump};
  if constexpr (WithYear || OneYear)
    c.year.offsets().visit([&](const auto* year) {
      if constexpr (std::is_same_v<decltype(year), const std::uint8_t*>) k.year = year;
    });
  if constexpr (WithYear) {
    k.year_offset = keys[1].base_year - 1 - c.year.base();
    k.year_codes = keys[1].cardinality;
  }
  if constexpr (OneYear) k.wanted = *f.year - c.year.base();
  scan_columns(begin, end, p, k);
}

// Scans rows [begin, end) into p with one key functor for every row: the dense amount
// column from first row to last, then each sparse column, so that each streams
// through the cache undisturbed (quantities kSparseQuantities at a time, for the
// packed words' bound).
template <class Key>
void plan::scan_columns(std::size_t begin, std::size_t end, partial& p, const Key& key) const {
  constexpr std::size_t kSparseQuantities = 4 * kChunk;
  bool overflow = false;
  c.amount_min.visit([&](const auto* amount) {
    for (std::size_t b = begin; b < end; b += kChunk)
      add_amounts(p, key, amount, b, std::min(kChunk, end - b), overflow);
  });
  sparse_cursor k(c, begin);
  const std::size_t quantities_end =
      quantities_below(c.quantity, k.qk, static_cast<std::uint32_t>(end));
  for (; k.qk < quantities_end; k.qk += std::min(kSparseQuantities, quantities_end - k.qk))
    add_quantities(c, p, key, k.qk, std::min(k.qk + kSparseQuantities, quantities_end), overflow);
  add_widths_and_people(c, p, key, k, static_cast<std::uint32_t>(end), overflow);
  p.overflow |= overflow;
  p.flush_amounts();
  p.flush_quantities();
}

// The direct scans: a category column of 1-byte ids or a provider column of any
// width, with years (when read) of 1 byte. False for the rare rest (over 254
// categories, or years spanning more than 254), which the general scan takes.
template <bool WithYear, bool OneYear>
bool plan::scan_by_column(std::size_t begin, std::size_t end, partial& p) const {
  if ((WithYear || OneYear) && c.year.offsets().width() != 1) return false;
  if (keys[0].dim.kind == dimension_kind::category) {
    if (c.category.width() != 1) return false;
    return c.category.visit([&](const auto* col) {
      if constexpr (std::is_same_v<decltype(col), const std::uint8_t*>)
        scan_direct<std::uint8_t, WithYear, OneYear>(col, begin, end, p);
      return true;
    });
  }
  return c.provider.visit([&](const auto* col) {
    using Col = std::remove_cv_t<std::remove_pointer_t<decltype(col)>>;
    scan_direct<Col, WithYear, OneYear>(col, begin, end, p);
    return true;
  });
}

void plan::scan(std::size_t begin, std::size_t end, partial& p) const {
  const bool with_year = keys.size() == 2;
  if (p.dense && direct_keys && !filtered &&
      (with_year ? scan_by_column<true, false>(begin, end, p)
                 : scan_by_column<false, false>(begin, end, p)))
    return;
  if (p.dense && direct_keys && year_only &&
      (with_year ? scan_by_column<true, true>(begin, end, p)
                 : scan_by_column<false, true>(begin, end, p)))
    return;
  std::uint32_t slot[kChunk];
  scan_batches(begin, end, p, [&](std::size_t b, std::size_t m) {
    slots_of_batch(b, m, p, slot);
    return buffered_key{slot, b};
  });
}

}  // namespace aidstat::detail
