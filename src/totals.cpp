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

constexpr std::size_t kChunk = 1024;           // rows per inner batch
constexpr std::size_t kRowsPerThread = 16384;  // fewer rows than this: fewer threads
constexpr std::uint64_t kDenseKeys = 1 << 16;  // key spaces up to this use direct arrays

// Per-thread running sums, by slot. A slot is the key itself in dense mode, else
// the order in which the key was first seen.
struct partial {
  explicit partial(std::uint64_t dense_slots) : dense(dense_slots != 0) {
    if (dense) resize(dense_slots);
  }
  void resize(std::size_t n) {
    records.resize(n), amount_records.resize(n), amount_min.resize(n);
    quantity_records.resize(n), quantity_min.resize(n), measures.resize(n);
  }
  std::uint32_t slot(std::uint64_t key) {
    if (dense) return static_cast<std::uint32_t>(key);
    const auto [it, fresh] = slot_of.try_emplace(key, static_cast<std::uint32_t>(keys.size()));
    if (fresh) {
      keys.push_back(key);
      resize(keys.size());
    }
    return it->second;
  }
  std::uint64_t key_of_slot(std::size_t s) const { return dense ? s : keys[s]; }
  std::size_t slots() const { return records.size(); }

  bool dense;
  std::vector<std::uint64_t> keys;  // hashed mode: slot -> key
  std::unordered_map<std::uint64_t, std::uint32_t> slot_of;
  std::vector<std::int64_t> records, amount_records, amount_min, quantity_records, quantity_min;
  std::vector<std::uint32_t> measures;  // bit m set: a quantity of measure code m
  std::vector<std::pair<std::uint32_t, std::uint32_t>> people;  // (slot, beneficiary)
  bool overflow = false;
  std::size_t cut = 0, yearly = 0;
  std::string cut_example;
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
    const int fy = detail::fiscal_year_of(c, r, fs);
    if (f.year && fy != *f.year) return false;
    if (by_dates) {
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

  std::uint64_t key_of_row(std::size_t r) const {
    std::uint64_t key = 0;
    for (const auto& k : keys) key = key * k.cardinality + k.code(c, r);
    return key;
  }

  // Scans rows [begin, end) into p, a batch at a time: keys first, then sums.
  void scan(std::size_t begin, std::size_t end, partial& p) const {
    std::uint64_t key[kChunk];
    std::uint32_t slot[kChunk];
    bool keep[kChunk];
    for (std::size_t b = begin; b < end; b += kChunk) {
      const std::size_t m = std::min(kChunk, end - b);
      std::fill(key, key + m, 0);
      for (const auto& k : keys) k.add_codes(c, b, m, key);
      if (year_only) {
        // The common filter of year-over-year work: one comparison on one column.
        const std::int16_t* year = c.year.data() + b;
        const auto wanted = static_cast<std::int16_t>(*f.year);
        for (std::size_t i = 0; i < m; ++i) keep[i] = year[i] == wanted;
        for (std::size_t i = 0; i < m; ++i) slot[i] = keep[i] ? p.slot(key[i]) : 0;
      } else if (filtered) {
        for (std::size_t i = 0; i < m; ++i) keep[i] = passes(b + i, p);
        for (std::size_t i = 0; i < m; ++i) slot[i] = keep[i] ? p.slot(key[i]) : 0;
      } else if (p.dense) {
        for (std::size_t i = 0; i < m; ++i) slot[i] = static_cast<std::uint32_t>(key[i]);
      } else {
        for (std::size_t i = 0; i < m; ++i) slot[i] = p.slot(key[i]);
      }
      const std::int64_t* amount = c.amount_min.data() + b;
      const std::int64_t* quantity = c.quantity_min.data() + b;
      const std::uint8_t* measure = c.measure.data() + b;
      const std::uint32_t* person = c.beneficiary.data() + b;
      bool overflow = false;
      const auto add = [&](std::size_t i) {
        const std::uint32_t s = slot[i];
        ++p.records[s];
        const bool has_amount = amount[i] != detail::no_value;
        p.amount_records[s] += has_amount;
        overflow |=
            __builtin_add_overflow(p.amount_min[s], has_amount ? amount[i] : 0, &p.amount_min[s]);
        const bool has_quantity = quantity[i] != detail::no_value;
        p.quantity_records[s] += has_quantity;
        overflow |= __builtin_add_overflow(p.quantity_min[s], has_quantity ? quantity[i] : 0,
                                           &p.quantity_min[s]);
        p.measures[s] |= has_quantity ? (1u << measure[i]) : 0u;
        if (person[i] != detail::no_id) p.people.emplace_back(s, person[i]);
      };
      if (filtered) {
        for (std::size_t i = 0; i < m; ++i)
          if (keep[i]) add(i);
      } else {
        for (std::size_t i = 0; i < m; ++i) add(i);
      }
      p.overflow |= overflow;
    }
  }
};

[[noreturn]] void sum_overflow() {
  detail::throw_error<overflow_error>(
      "the sum of amounts or quantities is too large to hold (over 9.2e18); split the data or "
      "check for a mistyped figure");
}

}  // namespace

totals compute_totals(const dataset& d, const totals_query& q) {
  const auto& c = d.columns();
  const std::size_t n = c.size();
  const record_filter& f = q.filter;
  const int fs = f.fiscal_year_start;
  if (fs < 1 || fs > 12)
    detail::throw_error<query_error>("the fiscal year must start in a month from 1 to 12, not " +
                                     std::to_string(fs));
  int min_year = 9999, max_year = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const int y = detail::fiscal_year_of(c, r, fs);
    min_year = std::min(min_year, y);
    max_year = std::max(max_year, y);
  }
  if (n == 0) min_year = max_year = 2000;

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
    std::int64_t records = 0, amount_records = 0, approx = 0, amount_min = 0, amount_width = 0;
    std::int64_t quantity_records = 0, quantity_min = 0, quantity_width = 0;
    std::uint32_t measures = 0;
    std::vector<std::uint32_t> people;
  };
  std::vector<group_sum> groups;
  std::unordered_map<std::uint64_t, std::size_t> group_of_key;
  std::vector<std::vector<std::size_t>> group_of_slot(parts.size());
  for (std::size_t t = 0; t < parts.size(); ++t) {
    const partial& p = parts[t];
    group_of_slot[t].assign(p.slots(), SIZE_MAX);
    for (std::size_t s = 0; s < p.slots(); ++s) {
      if (p.records[s] == 0) continue;
      const std::uint64_t key = p.key_of_slot(s);
      const auto [it, fresh] = group_of_key.try_emplace(key, groups.size());
      if (fresh) {
        groups.emplace_back();
        groups.back().key = key;
      }
      group_sum& g = groups[it->second];
      group_of_slot[t][s] = it->second;
      g.records += p.records[s];
      g.amount_records += p.amount_records[s];
      g.quantity_records += p.quantity_records[s];
      g.measures |= p.measures[s];
      const detail::i128 amount = g.amount_min + p.amount_min[s];
      const detail::i128 quantity = g.quantity_min + p.quantity_min[s];
      if (amount > INT64_MAX || quantity > INT64_MAX) sum_overflow();
      g.amount_min = static_cast<std::int64_t>(amount);
      g.quantity_min = static_cast<std::int64_t>(quantity);
    }
    for (const auto& [s, person] : p.people) groups[group_of_slot[t][s]].people.push_back(person);
  }
  // Approximate values are few: one pass over them adds the widths.
  partial scratch(0);
  const auto group_of_row = [&](std::size_t r) -> group_sum* {
    if (pl.filtered && !pl.passes(r, scratch)) return nullptr;
    return &groups[group_of_key.at(pl.key_of_row(r))];
  };
  for (const auto& e : c.amount_approx) {
    if (group_sum* g = group_of_row(e.row)) {
      ++g->approx;
      g->amount_width =
          detail::checked_add(g->amount_width, e.max - c.amount_min[e.row], "sum of amounts");
    }
  }
  for (const auto& e : c.quantity_approx) {
    if (group_sum* g = group_of_row(e.row))
      g->quantity_width = detail::checked_add(g->quantity_width, e.max - c.quantity_min[e.row],
                                              "sum of quantities");
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
    x.records = g.records;
    x.amount_records = g.amount_records;
    x.approximate_records = g.approx;
    x.amount =
        money_interval(money{g.amount_min},
                       money{detail::checked_add(g.amount_min, g.amount_width, "sum of amounts")});
    x.quantity_records = g.quantity_records;
    x.quantity = count_interval(
        count{g.quantity_min},
        count{detail::checked_add(g.quantity_min, g.quantity_width, "sum of quantities")});
    x.mixed_measures = std::popcount(g.measures) > 1;
    if (std::popcount(g.measures) == 1)
      x.quantity_measure = static_cast<measure>(std::countr_zero(g.measures) - 1);
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
