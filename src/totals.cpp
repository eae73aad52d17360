#include "aidstat/totals.hpp"

#include <algorithm>
#include <bit>
#include <exception>
#include <map>
#include <thread>
#include <unordered_map>

#include "aidstat/error.hpp"
#include "int128.hpp"
#include "key_plan.hpp"

namespace aidstat {

std::int64_t aggregate::headcount() const {
  std::int64_t sum = 0;
  for (const auto& [id, n] : beneficiaries) sum = detail::checked_add(sum, n, "headcount");
  return sum;
}

void aggregate::merge(const aggregate& o) {
  records += o.records;
  amount_records += o.amount_records;
  approximate_records += o.approximate_records;
  amount += o.amount;
  quantity_records += o.quantity_records;
  quantity += o.quantity;
  if (o.mixed_measures ||
      (quantity_measure && o.quantity_measure && *quantity_measure != *o.quantity_measure)) {
    mixed_measures = true;
  }
  if (!quantity_measure) quantity_measure = o.quantity_measure;
  if (o.beneficiaries.empty()) return;
  std::vector<std::pair<std::string, std::int64_t>> merged;
  merged.reserve(beneficiaries.size() + o.beneficiaries.size());
  auto a = beneficiaries.cbegin();
  auto b = o.beneficiaries.cbegin();
  while (a != beneficiaries.cend() || b != o.beneficiaries.end()) {
    if (b == o.beneficiaries.end() || (a != beneficiaries.cend() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == beneficiaries.cend() || b->first < a->first) {
      merged.push_back(*b++);
    } else {
      if (a->second != b->second)
        detail::throw_error("beneficiary '" + a->first + "' has headcount " +
                            std::to_string(a->second) + " in one part and " +
                            std::to_string(b->second) + " in another; the parts disagree");
      merged.push_back(*a++);
      ++b;
    }
  }
  beneficiaries = std::move(merged);
}

std::optional<double> totals::amount_share(const group_totals& g) const {
  const double total = grand.amount_midpoint_yuan();
  if (grand.amount_records == 0 || total == 0) return std::nullopt;
  return g.figures.amount_midpoint_yuan() / total;
}

bool key_less(const std::vector<dimension>& by, const std::vector<std::string>& a,
              const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (i < by.size() && by[i].kind == dimension_kind::year && !a[i].empty() && !b[i].empty() &&
        a[i].size() != b[i].size())
      return a[i].size() < b[i].size();  // whole numbers without leading zeros
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

void totals::merge(const totals& other) {
  if (other.by != by)
    detail::throw_error<query_error>("only totals of the same query can be merged");
  std::map<std::vector<std::string>, std::size_t> index;
  for (std::size_t i = 0; i < groups.size(); ++i) index.emplace(groups[i].key, i);
  for (const group_totals& g : other.groups) {
    const auto it = index.find(g.key);
    if (it == index.end()) {
      index.emplace(g.key, groups.size());
      groups.push_back(g);
    } else {
      groups[it->second].figures.merge(g.figures);
    }
  }
  grand.merge(other.grand);
  std::sort(groups.begin(), groups.end(), [&](const group_totals& x, const group_totals& y) {
    return key_less(by, x.key, y.key);
  });
}

namespace {

constexpr std::size_t kChunk = 2048;           // rows per inner batch
constexpr std::size_t kRowsPerThread = 16384;  // fewer rows than this: fewer threads
constexpr std::uint64_t kDenseKeys = 1 << 16;  // key spaces up to this use direct arrays
constexpr std::uint64_t kLaneKeys = 1 << 8;    // key spaces up to this get lanes of sums
constexpr unsigned kLanes = 8;                 // ... this many
constexpr std::uint64_t kRecord = std::uint64_t{1} << 32;  // one record in hot_sum::counts
constexpr std::uint64_t kPackSlots = 4096;  // key spaces up to this may pack (see packed_words)
// Measure codes are 1..9 (0 unused): a quantity's packed word is chosen by slot and code.
constexpr std::size_t kMeasureCodes = enum_vocabulary<measure>::entries.size() + 1;

// The sums every row adds to: records (high 32 bits) and records with an amount (low
// 32 bits) packed in one word, and the lower bound of the amount. Rows are 32-bit ids,
// so neither count can carry into the other.
struct hot_sum {
  std::uint64_t counts = 0;
  std::uint64_t amount = 0;  // two's complement, so that a batch can be taken back exactly
};

// The sums only the sparse columns add to.
struct cold_sum {
  std::int64_t approx = 0, amount_width = 0;
  std::int64_t quantity_records = 0, quantity_min = 0, quantity_width = 0;
  std::uint32_t measures = 0;  // bit m set: a quantity of measure code m
};

// Records and a sum in one word per slot, so that a row costs one addition: records
// from bit 44 up, the sum of values below. A word takes rows until a million of them,
// or values that may add up to 2^44, have gone in since the last flush; the owner
// then flushes the words into its full sums.
struct packed_words {
  static constexpr unsigned shift = 44;
  static constexpr std::uint64_t one = std::uint64_t{1} << shift;  // one record
  static constexpr std::uint64_t value_mask = one - 1;
  static constexpr std::uint64_t max_rows = (std::uint64_t{1} << (64 - shift)) - 1;

  std::vector<std::uint64_t> words;
  std::uint64_t rows = 0;   // rows added since the last flush
  std::uint64_t bound = 0;  // a bound on the sum of the values added since then

  // Whether m rows of values at most `bits` (their OR) could go in after a flush.
  static bool could_take(std::uint64_t bits, std::size_t m) {
    std::uint64_t more = 0;
    return !__builtin_mul_overflow(bits, m, &more) && more < one && m <= max_rows;
  }
  // Whether they can go in now, without a flush (could_take() holds).
  bool has_room(std::uint64_t bits, std::size_t m) const {
    return rows + m <= max_rows && bound + bits * m < one;
  }
  void took(std::uint64_t bits, std::size_t m) {
    rows += m;
    bound += bits * m;
  }
  // Calls f(index, records, sum) for every word that took rows, and clears them.
  template <class F>
  void flush(F f) {
    if (rows == 0) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (const std::uint64_t w = words[i]) {
        f(i, w >> shift, w & value_mask);
        words[i] = 0;
      }
    }
    rows = bound = 0;
  }
};

// Per-thread running sums, by slot. A slot is the key itself in dense mode, else the
// order in which the key was first seen. One extra slot (the last in dense mode, the
// first in hashed mode) takes the rows the filter drops, so that no loop branches.
// Small key spaces keep kLanes lanes of sums (row i adds to lane i % kLanes): neighbouring
// rows of one key then do not wait for each other's stores.
struct alignas(64) partial {  // own cache lines: each thread writes its own
  explicit partial(std::uint64_t dense_slots)
      : dense(dense_slots != 0), lanes(dense_slots != 0 && dense_slots <= kLaneKeys ? kLanes : 1) {
    if (dense) {
      dump = static_cast<std::uint32_t>(dense_slots);
      resize(dense_slots + 1);
    } else {
      dump = 0;
      keys.push_back(0);
      resize(1);
    }
  }
  void resize(std::size_t n) {
    hot.resize(n * lanes);
    cold.resize(n);
    if (dense && n <= kPackSlots + 1) {
      amounts.words.resize(2 * n * lanes);
      quantities.words.resize(n * kMeasureCodes);
    }
  }
  bool packs() const { return !amounts.words.empty(); }
  // Where the packed words of rows without an amount begin.
  std::size_t unstated_offset() const { return amounts.words.size() / 2; }
  // Moves the packed amounts into the hot sums; checked, since rows added checked may
  // be there already.
  void flush_amounts() {
    amounts.flush([&](std::size_t i, std::uint64_t records, std::uint64_t sum) {
      if (i >= unstated_offset()) {
        hot[i - unstated_offset()].counts += records * kRecord;
        return;
      }
      hot[i].counts += records * (kRecord + 1);
      auto total = static_cast<std::int64_t>(hot[i].amount);
      overflow |= __builtin_add_overflow(total, static_cast<std::int64_t>(sum), &total);
      hot[i].amount = static_cast<std::uint64_t>(total);
    });
  }
  // Moves the packed quantities into the cold sums.
  void flush_quantities() {
    quantities.flush([&](std::size_t i, std::uint64_t records, std::uint64_t sum) {
      cold_sum& x = cold[i / kMeasureCodes];
      x.quantity_records += static_cast<std::int64_t>(records);
      overflow |=
          __builtin_add_overflow(x.quantity_min, static_cast<std::int64_t>(sum), &x.quantity_min);
      x.measures |= 1u << (i % kMeasureCodes);
    });
  }
  std::uint32_t slot(std::uint64_t key) {
    const auto [it, fresh] = slot_of.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (fresh) {
      keys.push_back(key);
      resize(keys.size());
    }
    return it->second;
  }
  std::uint64_t key_of_slot(std::size_t s) const { return dense ? s : keys[s]; }
  std::size_t slots() const { return cold.size(); }
  std::uint64_t counts(std::size_t s) const {
    std::uint64_t sum = 0;
    for (unsigned l = 0; l < lanes; ++l) sum += hot[s * lanes + l].counts;
    return sum;
  }

  bool dense;
  unsigned lanes;
  std::uint32_t dump;
  std::vector<std::uint64_t> keys;  // hashed mode: slot -> key
  std::unordered_map<std::uint64_t, std::uint32_t> slot_of;
  std::vector<hot_sum> hot;  // slot * lanes + lane
  std::vector<cold_sum> cold;
  // Key spaces up to kPackSlots: the amounts of packable batches (slot * lanes + lane),
  // and quantities (slot * kMeasureCodes + measure code).
  packed_words amounts, quantities;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> people;  // (slot, beneficiary)
  // No amount sum can overflow while rows-so-far x largest-amount-so-far stays below
  // 2^63; past that bound every addition is checked.
  std::uint64_t amount_bound = 0;
  bool checked = false, overflow = false;
  bool unstated_seen = false;  // a batch had rows without an amount
  std::size_t cut = 0, yearly = 0;
  std::string cut_example;
};

// Whether m more values at most `bits` keep the running `bound` on a sum at or below
// 2^63 - 1, so that no addition can overflow; adds them to the bound if so.
bool within_bound(std::uint64_t& bound, std::uint64_t bits, std::size_t m) {
  std::uint64_t more = 0, sum = 0;
  if (__builtin_mul_overflow(bits, m, &more) || __builtin_add_overflow(bound, more, &sum) ||
      sum > INT64_MAX)
    return false;
  bound = sum;
  return true;
}

// Adds (Sign +1) or takes back (Sign -1) rows [b, b + m) into the hot sums, in L
// lanes; the slot of row r is key(r). Returns the OR of the stated amounts, which
// bounds the batch's largest amount within a factor of two. Checked: every addition is checked
// for overflow, reported through `overflow`.
template <unsigned L, bool Checked, int Sign, class Key>
std::uint64_t add_hot(hot_sum* h, const Key& key_ref, const std::int64_t* amount, std::size_t b,
                      std::size_t m, bool& overflow_out) {
  const Key key = key_ref;  // in registers, not reloaded through a reference per row
  std::uint64_t bits = 0;
  bool overflow = false;
  const auto add = [&](std::size_t r, unsigned lane) __attribute__((always_inline)) {
    hot_sum& x = h[key(r) * L + lane];
    // Amounts are never negative; no_value is. `missing` is all ones for it, else 0,
    // so that the row adds without a branch or a compare.
    const std::int64_t a = amount[r];
    const auto missing = static_cast<std::uint64_t>(a >> 63);
    const std::uint64_t counts = kRecord + 1 + missing;  // + 1 - 1 when missing
    const std::uint64_t value = static_cast<std::uint64_t>(a) & ~missing;
    bits |= value;
    if constexpr (Sign > 0) {
      x.counts += counts;
      if constexpr (Checked) {
        auto sum = static_cast<std::int64_t>(x.amount);
        overflow |= __builtin_add_overflow(sum, static_cast<std::int64_t>(value), &sum);
        x.amount = static_cast<std::uint64_t>(sum);
      } else {
        x.amount += value;
      }
    } else {
      x.counts -= counts;
      x.amount -= value;
    }
  };
  std::size_t i = b;
  const std::size_t end = b + m;
  for (; i + L <= end; i += L)
    for (unsigned lane = 0; lane < L; ++lane) add(i + lane, lane);  // unrolled: L is a constant
  for (; i < end; ++i) add(i, 0);
  overflow_out |= overflow;
  return bits;
}

// Adds (Sign +1) or takes back (Sign -1) rows [b, b + m) into packed words, in L
// lanes, and returns the OR of the amounts. With Unstated, rows without an amount go
// `unstated` words further and the OR is of the stated amounts; without, every amount
// is taken as stated, and a no_value shows as the sign bit of the OR.
template <unsigned L, bool Unstated, int Sign, class Key>
std::uint64_t add_packed(std::uint64_t* words, std::size_t unstated, const Key& key_ref,
                         const std::int64_t* amount, std::size_t b, std::size_t m) {
  const Key key = key_ref;
  std::uint64_t bits = 0;
  const auto add = [&](std::size_t r, unsigned lane) __attribute__((always_inline)) {
    const std::int64_t a = amount[r];
    std::uint64_t value = static_cast<std::uint64_t>(a);
    std::size_t at = key(r) * L + lane;
    if constexpr (Unstated) {
      const auto missing = static_cast<std::uint64_t>(a >> 63);  // all ones for no_value
      value &= ~missing;
      at += missing & unstated;
    }
    bits |= value;
    if constexpr (Sign > 0)
      words[at] += packed_words::one + value;
    else
      words[at] -= packed_words::one + value;
  };
  std::size_t i = b;
  const std::size_t end = b + m;
  for (; i + L <= end; i += L)
    for (unsigned lane = 0; lane < L; ++lane) add(i + lane, lane);  // unrolled: L is a constant
  for (; i < end; ++i) add(i, 0);
  return bits;
}

// Adds (Sign +1) or takes back (Sign -1) the quantities from `k` on whose rows are
// below `last` (at most `to`) into packed words by slot and measure code. Returns the
// OR of their values; `k` ends past them.
template <int Sign, class Key>
std::uint64_t add_packed_quantities(std::uint64_t* words, const Key& key_ref,
                                    const std::uint32_t* rows, const std::uint8_t* measures,
                                    const std::int64_t* values, std::size_t& k_ref, std::size_t to,
                                    std::uint32_t last) {
  const Key key = key_ref;
  std::uint64_t bits = 0;
  std::size_t k = k_ref;
  for (; k < to && rows[k] < last; ++k) {
    const auto value = static_cast<std::uint64_t>(values[k]);
    bits |= value;
    std::uint64_t& w = words[key(rows[k]) * kMeasureCodes + measures[k]];
    if constexpr (Sign > 0)
      w += packed_words::one + value;
    else
      w -= packed_words::one + value;
  }
  k_ref = k;
  return bits;
}

// Key functors: the slot of a row. The scan is compiled once per functor, so that
// the common keys cost a load or two per row and no intermediate buffer.

// Slots computed a batch at a time into a buffer (any dimensions, any filter).
struct buffered_key {
  const std::uint32_t* slot;
  std::size_t base;
  [[gnu::always_inline]] std::uint32_t operator()(std::size_t r) const { return slot[r - base]; }
};

// A category or provider column, whose codes are index + 1, optionally times a
// calendar year, optionally only the rows of one calendar year (else the dump slot).
template <class Col, bool WithYear, bool OneYear>
struct direct_key {
  const Col* col;
  const std::int16_t* year;
  std::int32_t year_offset;  // code of year y: y - year_offset
  std::uint32_t year_codes;  // cardinality of the year dimension
  std::int16_t wanted;       // OneYear: the year kept
  std::uint32_t dump;
  [[gnu::always_inline]] std::uint32_t operator()(std::size_t r) const {
    std::uint32_t s = static_cast<std::uint32_t>(col[r]) + 1;
    if constexpr (WithYear) s = s * year_codes + static_cast<std::uint32_t>(year[r] - year_offset);
    if constexpr (OneYear) s = year[r] == wanted ? s : dump;
    return s;
  }
};

// Everything a scan needs, compiled once per query.
struct plan {
  const detail::item_columns& c;
  std::vector<detail::key_column> keys;
  std::vector<std::pair<detail::key_column, std::vector<char>>> conditions;
  record_filter f;
  std::int32_t from_day = INT32_MIN, to_day = INT32_MAX;
  bool by_dates = false;
  bool filtered = false;
  bool year_only = false;  // the only filter is a calendar year
  // The keys are a category or provider column, optionally then the calendar year:
  // direct_key computes them.
  bool direct_keys = false;
  std::uint64_t key_space = 1;

  // The last day counted in (fiscal) year y under a year-to-date cut.
  std::int32_t through_day(int y) const {
    const int m = f.through->month;
    const int year = m >= f.fiscal_year_start ? y : y + 1;
    return days_from_civil(year, m, std::min(f.through->day, days_in_month(year, m)));
  }

  // Whether row r passes the filter; counts rows that cannot be placed into `p`.
  bool passes(std::size_t r, partial& p) const {
    const int fs = f.fiscal_year_start;
    if (fs != 1 && c.month[r] == 0) {
      ++p.yearly;
      return false;
    }
    if (f.year && detail::fiscal_year_of(c, r, fs) != *f.year) return false;
    if (by_dates) {
      const int fy = detail::fiscal_year_of(c, r, fs);
      const date when = detail::date_of(c, r);
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
  void slots_of_batch(std::size_t b, std::size_t m, partial& p, std::uint32_t* slot) const {
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
      const std::int16_t* year = c.year.data() + b;
      const auto wanted = static_cast<std::int16_t>(*f.year);
      for (std::size_t i = 0; i < m; ++i) slot[i] = year[i] == wanted ? slot[i] : p.dump;
    } else if (filtered) {
      for (std::size_t i = 0; i < m; ++i)
        if (!passes(b + i, p)) slot[i] = p.dump;
    }
  }

  // Scans rows [begin, end) into p, a batch at a time: the dense amount column, then
  // whatever the sparse columns hold for the batch's rows. KeyOf(b, m) gives the key
  // functor of batch [b, b + m).
  template <class KeyOf>
  void scan(std::size_t begin, std::size_t end, partial& p, const KeyOf& key_of) const {
    const auto& q = c.quantity;
    const auto first_at = [&](const std::vector<std::uint32_t>& rows) {
      return static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), begin) -
                                      rows.begin());
    };
    const auto first_approx = [&](const std::vector<detail::approx_entry>& v) {
      return static_cast<std::size_t>(
          std::lower_bound(v.begin(), v.end(), begin,
                           [](const detail::approx_entry& e, std::size_t r) { return e.row < r; }) -
          v.begin());
    };
    std::size_t qk = first_at(q.rows), qm = qk, pk = first_at(c.beneficiary.rows);
    std::size_t ak = first_approx(c.amount_approx), qa = first_approx(c.quantity_approx);
    const std::uint32_t* q_rows = q.rows.data();
    const std::int64_t* q_mins = q.mins.data();
    const std::uint8_t* q_measures = q.measures.data();
    const std::int64_t* amount = c.amount_min.data();
    for (std::size_t b = begin; b < end; b += kChunk) {
      const std::size_t m = std::min(kChunk, end - b);
      const auto last = static_cast<std::uint32_t>(b + m);
      const auto key = key_of(b, m);
      hot_sum* h = p.hot.data();
      bool overflow = false;
      const auto add = [&]<bool Checked, int Sign>() {
        return p.lanes == kLanes ? add_hot<kLanes, Checked, Sign>(h, key, amount, b, m, overflow)
                                 : add_hot<1, Checked, Sign>(h, key, amount, b, m, overflow);
      };
      bool packed = false;
      if (p.packs() && !p.checked) {
        // Records and amount in one word, one addition a row, then checked: a batch
        // with a row without an amount is taken back and added again the slower way
        // that places such rows (tried first after such a batch); a batch whose
        // amounts might not fit the words is taken back, and added again after a flush
        // or else to the full sums.
        const auto pack = [&]<bool Unstated, int Sign>() {
          std::uint64_t* w = p.amounts.words.data();
          const std::size_t off = p.unstated_offset();
          return p.lanes == kLanes ? add_packed<kLanes, Unstated, Sign>(w, off, key, amount, b, m)
                                   : add_packed<1, Unstated, Sign>(w, off, key, amount, b, m);
        };
        bool unstated = p.unstated_seen;
        std::uint64_t bits =
            unstated ? pack.template operator()<true, 1>() : pack.template operator()<false, 1>();
        if (!unstated && bits >> 63) {
          pack.template operator()<false, -1>();
          unstated = p.unstated_seen = true;
          bits = pack.template operator()<true, 1>();
        }
        const auto take_back = [&] {
          unstated ? pack.template operator()<true, -1>() : pack.template operator()<false, -1>();
        };
        std::uint64_t bound = p.amount_bound;
        packed = packed_words::could_take(bits, m) && within_bound(bound, bits, m);
        if (!packed || !p.amounts.has_room(bits, m)) {
          take_back();
          if (packed) {
            p.flush_amounts();
            unstated ? pack.template operator()<true, 1>() : pack.template operator()<false, 1>();
          }
        }
        if (packed) {
          p.amount_bound = bound;
          p.amounts.took(bits, m);
        }
      }
      if (!packed && p.checked) {
        add.template operator()<true, 1>();
      } else if (!packed) {
        // Unchecked while rows-so-far x largest-amount-so-far stays below 2^63; the
        // batch that crosses it is taken back exactly and added again, checked.
        if (!within_bound(p.amount_bound, add.template operator()<false, 1>(), m)) {
          p.checked = true;
          add.template operator()<false, -1>();
          add.template operator()<true, 1>();
        }
      }

      // The sparse columns, for the rows of this batch.
      cold_sum* cold = p.cold.data();
      const std::size_t q_first = qk;
      const auto pack_quantities = [&]<int Sign>() {
        qk = q_first;
        return add_packed_quantities<Sign>(p.quantities.words.data(), key, q_rows, q_measures,
                                           q_mins, qk, q.rows.size(), last);
      };
      bool q_packed = false;
      if (p.packs()) {
        // Added packed by slot and measure, then checked: a batch whose values might
        // not fit the packed words is taken back exactly, and added again after a flush
        // or else one by one.
        const std::uint64_t q_bits = pack_quantities.template operator()<1>();
        const std::size_t n = qk - q_first;
        q_packed = packed_words::could_take(q_bits, n);
        if (!q_packed || !p.quantities.has_room(q_bits, n)) {
          pack_quantities.template operator()<-1>();
          if (q_packed) {
            p.flush_quantities();
            pack_quantities.template operator()<1>();
          }
        }
        if (q_packed) p.quantities.took(q_bits, n);
      }
      if (!q_packed) {
        bool q_overflow = false;
        for (qk = q_first; qk < q.rows.size() && q_rows[qk] < last; ++qk) {
          cold_sum& x = cold[key(q_rows[qk])];
          ++x.quantity_records;
          q_overflow |= __builtin_add_overflow(x.quantity_min, q_mins[qk], &x.quantity_min);
          x.measures |= 1u << q_measures[qk];
        }
        overflow |= q_overflow;
      }
      for (; ak < c.amount_approx.size() && c.amount_approx[ak].row < last; ++ak) {
        const auto& e = c.amount_approx[ak];
        cold_sum& x = cold[key(e.row)];
        ++x.approx;
        overflow |= __builtin_add_overflow(x.amount_width, e.max - amount[e.row], &x.amount_width);
      }
      for (; qa < c.quantity_approx.size() && c.quantity_approx[qa].row < last; ++qa) {
        const auto& e = c.quantity_approx[qa];
        while (q_rows[qm] < e.row) ++qm;  // every approximate quantity has a row there
        cold_sum& x = cold[key(e.row)];
        overflow |= __builtin_add_overflow(x.quantity_width, e.max - q_mins[qm], &x.quantity_width);
      }
      const auto& people = c.beneficiary;
      for (; pk < people.rows.size() && people.rows[pk] < last; ++pk) {
        const std::uint32_t s = key(people.rows[pk]);
        if (s != p.dump) p.people.emplace_back(s, people.ids[pk]);
      }
      p.overflow |= overflow;
    }
    p.flush_amounts();
    p.flush_quantities();
  }

  // Scans rows [begin, end) into p with the fastest key functor that fits the query.
  void scan(std::size_t begin, std::size_t end, partial& p) const {
    const auto direct = [&]<class Col, bool WithYear, bool OneYear>(const std::vector<Col>& col) {
      direct_key<Col, WithYear, OneYear> k{col.data(), c.year.data(), 0, 1, 0, p.dump};
      if constexpr (WithYear) {
        k.year_offset = keys[1].base_year - 1;
        k.year_codes = keys[1].cardinality;
      }
      if constexpr (OneYear) k.wanted = static_cast<std::int16_t>(*f.year);
      scan(begin, end, p, [&](std::size_t, std::size_t) { return k; });
    };
    const auto by_column = [&]<bool WithYear, bool OneYear>() {
      if (keys[0].dim.kind == dimension_kind::category)
        direct.template operator()<std::uint16_t, WithYear, OneYear>(c.category);
      else
        direct.template operator()<std::uint32_t, WithYear, OneYear>(c.provider);
    };
    if (p.dense && direct_keys && !filtered)
      return keys.size() == 2 ? by_column.template operator()<true, false>()
                              : by_column.template operator()<false, false>();
    if (p.dense && direct_keys && year_only)
      return keys.size() == 2 ? by_column.template operator()<true, true>()
                              : by_column.template operator()<false, true>();
    std::uint32_t slot[kChunk];
    scan(begin, end, p, [&](std::size_t b, std::size_t m) {
      slots_of_batch(b, m, p, slot);
      return buffered_key{slot, b};
    });
  }
};

[[noreturn]] void sum_overflow() {
  detail::throw_error<overflow_error>(
      "the sum of amounts or quantities is too large to hold (over 9.2e18); split the data or "
      "check for a mistyped figure");
}

// Whether a dimension's key codes depend on the year.
bool dated(dimension_kind k) {
  return k == dimension_kind::year || k == dimension_kind::quarter || k == dimension_kind::month;
}

}  // namespace

item_fields fields_for(const totals_query& q) {
  const auto of = [](dimension_kind k) {
    switch (k) {
      case dimension_kind::category:
      case dimension_kind::category_parent:
        return item_fields::category;
      case dimension_kind::year:
      case dimension_kind::quarter:
      case dimension_kind::month:
        return item_fields::dates;
      case dimension_kind::direction:
        return item_fields::direction;
      case dimension_kind::form:
        return item_fields::form;
      case dimension_kind::measure:
        return item_fields::quantities;
      case dimension_kind::beneficiary_kind:
        return item_fields::beneficiaries;
      default:
        return item_fields::units;  // provider, recipient and what derives from them
    }
  };
  item_fields f = item_fields::amounts | item_fields::quantities | item_fields::beneficiaries;
  for (const dimension& dim : q.by) f = f | of(dim.kind);
  for (const condition& c : q.filter.where) f = f | of(c.on.kind);
  const record_filter& r = q.filter;
  if (r.year || r.from || r.to || r.through || r.fiscal_year_start != 1) f = f | item_fields::dates;
  return f;
}

totals compute_totals(const dataset& d, const totals_query& q) {
  d.require_fields(fields_for(q), "these totals");
  const auto& c = d.columns();
  const std::size_t n = c.size();
  const record_filter& f = q.filter;
  const int fs = f.fiscal_year_start;
  if (fs < 1 || fs > 12)
    detail::throw_error<query_error>("the fiscal year must start in a month from 1 to 12, not " +
                                     std::to_string(fs));
  // The year range, read only when a key or condition depends on it. Fiscal years
  // may start a year earlier than calendar ones; an unused code costs nothing.
  int min_year = 2000, max_year = 2000;
  const bool needs_years =
      std::any_of(q.by.begin(), q.by.end(), [](const dimension& d) { return dated(d.kind); }) ||
      std::any_of(f.where.begin(), f.where.end(),
                  [](const condition& w) { return dated(w.on.kind); });
  if (needs_years && n > 0) {
    std::int16_t lo = INT16_MAX, hi = INT16_MIN;
    for (const std::int16_t y : c.year) lo = std::min(lo, y), hi = std::max(hi, y);
    min_year = lo - (fs != 1 ? 1 : 0);
    max_year = hi;
  }

  plan pl{c, {}, {}, f};
  for (const dimension& dim : q.by) {
    pl.keys.push_back(detail::make_key_column(d, dim, min_year, max_year, fs));
    if (__builtin_mul_overflow(pl.key_space, pl.keys.back().cardinality, &pl.key_space))
      detail::throw_error<query_error>(
          "too many grouping dimensions at once for this dataset; group by fewer dimensions");
  }
  for (const condition& cond : f.where) {
    auto col = detail::make_key_column(d, cond.on, min_year, max_year, fs);
    auto ok = detail::accepted_codes(d, col, cond);
    pl.conditions.emplace_back(std::move(col), std::move(ok));
  }
  pl.from_day = f.from ? f.from->first_day() : INT32_MIN;
  pl.to_day = f.to ? f.to->last_day() : INT32_MAX;
  if (f.from && f.to && pl.from_day > pl.to_day)
    detail::throw_error<query_error>("the date range " + f.from->to_string() + " .. " +
                                     f.to->to_string() + " is empty: --from is after --to");
  pl.by_dates = f.from || f.to || f.through;
  pl.filtered = fs != 1 || f.year || pl.by_dates || !pl.conditions.empty();
  pl.year_only =
      f.year && fs == 1 && !pl.by_dates && pl.conditions.empty() && *f.year >= 1 && *f.year <= 9999;
  const auto direct_column = [](dimension_kind k) {
    return k == dimension_kind::category || k == dimension_kind::provider;
  };
  pl.direct_keys = (pl.keys.size() == 1 && direct_column(pl.keys[0].dim.kind)) ||
                   (pl.keys.size() == 2 && direct_column(pl.keys[0].dim.kind) &&
                    pl.keys[1].dim.kind == dimension_kind::year && fs == 1);

  // Scan in parallel: each thread sums its own share of the rows, then they merge.
  unsigned threads = q.threads ? q.threads : std::max(1u, std::thread::hardware_concurrency());
  threads =
      static_cast<unsigned>(std::clamp<std::size_t>(n / kRowsPerThread, 1, std::max(1u, threads)));
  const std::uint64_t dense = pl.key_space <= kDenseKeys ? pl.key_space : 0;
  std::vector<partial> parts(threads, partial(dense));
  {
    std::vector<std::thread> pool;
    std::vector<std::exception_ptr> errors(threads);
    for (unsigned t = 0; t < threads; ++t) {
      const std::size_t begin = n * t / threads, end = n * (t + 1) / threads;
      const auto work = [&, t, begin, end] {
        try {
          pl.scan(begin, end, parts[t]);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      };
      if (t + 1 == threads)
        work();  // the calling thread takes the last share
      else
        pool.emplace_back(work);
    }
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  std::size_t yearly = 0, cut = 0;
  std::string cut_example;
  for (const partial& p : parts) {
    if (p.overflow) sum_overflow();
    yearly += p.yearly;
    if (p.cut && cut == 0) cut_example = p.cut_example;
    cut += p.cut;
  }
  if (yearly)
    detail::throw_error<query_error>(
        std::to_string(yearly) +
        " record(s) are dated only to a year, which cannot be placed in a fiscal year starting "
        "in month " +
        std::to_string(fs) + "; give them a month or a day");
  if (cut)
    detail::throw_error<query_error>(
        std::to_string(cut) + " record(s) have dates (e.g. " + cut_example + ") that the " +
        (f.through ? "year-to-date cut at " + f.through->to_string() : std::string("range")) +
        " cuts through: they cover days both inside and outside it. Choose a range on whole "
        "months or years, or give those records exact days");

  // Merge the partials into one sum per key that has records.
  struct group_sum {
    std::uint64_t key = 0;
    std::int64_t records = 0, amount_records = 0;
    detail::i128 amount_min = 0;
    cold_sum cold;
    std::vector<std::uint32_t> people;
  };
  std::vector<group_sum> groups;
  std::unordered_map<std::uint64_t, std::size_t> group_of_key;
  for (const partial& p : parts) {
    std::vector<std::size_t> group_of_slot(p.slots(), SIZE_MAX);
    for (std::size_t s = 0; s < p.slots(); ++s) {
      const std::uint64_t counts = p.counts(s);
      if (s == p.dump || counts == 0) continue;
      const auto [it, fresh] = group_of_key.try_emplace(p.key_of_slot(s), groups.size());
      if (fresh) {
        groups.emplace_back();
        groups.back().key = p.key_of_slot(s);
      }
      group_sum& g = groups[it->second];
      group_of_slot[s] = it->second;
      g.records += static_cast<std::int64_t>(counts >> 32);
      g.amount_records += static_cast<std::int64_t>(counts & 0xffffffffu);
      for (unsigned l = 0; l < p.lanes; ++l)  // each lane's sum fits: see add_hot
        g.amount_min += static_cast<std::int64_t>(p.hot[s * p.lanes + l].amount);
      const cold_sum& x = p.cold[s];
      cold_sum& y = g.cold;
      y.approx += x.approx;
      y.quantity_records += x.quantity_records;
      y.measures |= x.measures;
      for (auto [to, from] : {std::pair{&y.amount_width, x.amount_width},
                              {&y.quantity_min, x.quantity_min},
                              {&y.quantity_width, x.quantity_width}})
        if (__builtin_add_overflow(*to, from, to)) sum_overflow();
    }
    for (const auto& [s, person] : p.people) groups[group_of_slot[s]].people.push_back(person);
  }

  totals out;
  out.by = q.by;
  out.groups.reserve(groups.size());
  for (group_sum& g : groups) {
    group_totals row;
    std::uint64_t key = g.key;
    row.key.resize(pl.keys.size());
    row.labels.resize(pl.keys.size());
    for (std::size_t i = pl.keys.size(); i-- > 0;) {
      const auto code = static_cast<std::uint32_t>(key % pl.keys[i].cardinality);
      key /= pl.keys[i].cardinality;
      row.key[i] = pl.keys[i].texts[code];
      row.labels[i] = pl.keys[i].labels[code];
    }
    aggregate& x = row.figures;
    if (g.amount_min > INT64_MAX) sum_overflow();
    const auto amount_min = static_cast<std::int64_t>(g.amount_min);
    x.records = g.records;
    x.amount_records = g.amount_records;
    x.approximate_records = g.cold.approx;
    x.amount = money_interval(
        money{amount_min},
        money{detail::checked_add(amount_min, g.cold.amount_width, "sum of amounts")});
    x.quantity_records = g.cold.quantity_records;
    x.quantity =
        count_interval(count{g.cold.quantity_min},
                       count{detail::checked_add(g.cold.quantity_min, g.cold.quantity_width,
                                                 "sum of quantities")});
    x.mixed_measures = std::popcount(g.cold.measures) > 1;
    if (std::popcount(g.cold.measures) == 1)
      x.quantity_measure = static_cast<measure>(std::countr_zero(g.cold.measures) - 1);
    std::sort(g.people.begin(), g.people.end());
    g.people.erase(std::unique(g.people.begin(), g.people.end()), g.people.end());
    for (std::uint32_t b : g.people)
      x.beneficiaries.emplace_back(d.beneficiary_at(b).id, d.beneficiary_at(b).headcount);
    std::sort(x.beneficiaries.begin(), x.beneficiaries.end());
    out.grand.merge(x);
    out.groups.push_back(std::move(row));
  }
  std::sort(
      out.groups.begin(), out.groups.end(),
      [&](const group_totals& a, const group_totals& b) { return key_less(out.by, a.key, b.key); });
  return out;
}

}  // namespace aidstat
