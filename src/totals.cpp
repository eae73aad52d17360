#include "aidstat/totals.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "aidstat/error.hpp"
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

// Per-group running sums while scanning the columns.
struct accumulator {
  std::vector<std::uint32_t> codes;
  std::int64_t records = 0, amount_records = 0, approx = 0, amount_min = 0, amount_width = 0;
  std::int64_t quantity_records = 0, quantity_min = 0, quantity_width = 0;
  std::uint8_t measure = 0;  // 0 none, 255 mixed, else measure + 1
  std::vector<std::uint32_t> beneficiaries;
};

constexpr std::uint8_t kMixed = 255;

// Finds the group of each passing row: a dense array for small key spaces, a hash
// map beyond that.
class group_index {
 public:
  explicit group_index(std::uint64_t key_space) : dense_(key_space <= (1u << 22)) {
    if (dense_) slots_.assign(key_space, -1);
  }
  // The group of `key`; a new key gets `next`.
  std::int64_t find_or_add(std::uint64_t key, std::int64_t next) {
    if (dense_) {
      std::int64_t& s = slots_[key];
      if (s < 0) s = next;
      return s;
    }
    return map_.try_emplace(key, next).first->second;
  }

 private:
  bool dense_;
  std::vector<std::int64_t> slots_;
  std::unordered_map<std::uint64_t, std::int64_t> map_;
};

}  // namespace

totals compute_totals(const dataset& d, const totals_query& q) {
  const auto& c = d.columns();
  const std::size_t n = c.size();
  const auto& f = q.filter;
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

  std::vector<detail::key_column> keys;
  std::uint64_t key_space = 1;
  for (const dimension& dim : q.by) {
    keys.push_back(detail::make_key_column(d, dim, min_year, max_year, fs));
    if (__builtin_mul_overflow(key_space, keys.back().cardinality, &key_space))
      detail::throw_error<query_error>(
          "too many grouping dimensions at once for this dataset; "
          "group by fewer dimensions");
  }
  struct compiled_condition {
    detail::key_column column;
    std::vector<char> accepted;
  };
  std::vector<compiled_condition> conditions;
  for (const condition& cond : f.where) {
    auto col = detail::make_key_column(d, cond.on, min_year, max_year, fs);
    auto ok = detail::accepted_codes(d, col, cond);
    conditions.push_back({std::move(col), std::move(ok)});
  }
  const std::int32_t from_day = f.from ? f.from->first_day() : INT32_MIN;
  const std::int32_t to_day = f.to ? f.to->last_day() : INT32_MAX;
  if (f.from && f.to && from_day > to_day)
    detail::throw_error<query_error>("the date range " + f.from->to_string() + " .. " +
                                     f.to->to_string() + " is empty: --from is after --to");
  const bool by_range = f.from || f.to;
  // Records that cannot be placed: cut by a range or a year-to-date day, or dated only
  // to a year when years are fiscal. They are never split or guessed.
  std::size_t cut_records = 0, yearly_records = 0;
  std::string cut_example;
  // The last day counted in (fiscal) year y under a year-to-date cut.
  const auto through_day = [&](int y) {
    const int m = f.through->month;
    const int year = m >= fs ? y : y + 1;
    return days_from_civil(year, m, std::min(f.through->day, days_in_month(year, m)));
  };

  // Returns whether `row` passes the filter.
  const auto passes = [&](std::size_t r) {
    if (fs != 1 && c.month[r] == 0) {
      ++yearly_records;
      return false;
    }
    const int fy = detail::fiscal_year_of(c, r, fs);
    if (f.year && fy != *f.year) return false;
    if (by_range || f.through) {
      const date when = detail::date_of(c, r);
      const std::int32_t first = when.first_day(), last = when.last_day();
      const std::int32_t lo = from_day;
      const std::int32_t hi = f.through ? std::min(to_day, through_day(fy)) : to_day;
      if (last < lo || first > hi) return false;
      if (first < lo || last > hi) {
        if (cut_records++ == 0) cut_example = when.to_string();
        return false;
      }
    }
    for (const auto& cc : conditions)
      if (!cc.accepted[cc.column.code(c, r)]) return false;
    return true;
  };
  const auto key_of_row = [&](std::size_t r) {
    std::uint64_t key = 0;
    for (const auto& k : keys) key = key * k.cardinality + k.code(c, r);
    return key;
  };

  group_index index(key_space);
  std::vector<accumulator> acc;
  const auto group_of = [&](std::size_t r) -> accumulator& {
    const std::int64_t g = index.find_or_add(key_of_row(r), static_cast<std::int64_t>(acc.size()));
    if (g == static_cast<std::int64_t>(acc.size())) {
      accumulator a;
      for (const auto& k : keys) a.codes.push_back(k.code(c, r));
      acc.push_back(std::move(a));
    }
    return acc[static_cast<std::size_t>(g)];
  };

  for (std::size_t r = 0; r < n; ++r) {
    if (!passes(r)) continue;
    accumulator& a = group_of(r);
    ++a.records;
    if (c.amount_min[r] != detail::no_value) {
      ++a.amount_records;
      a.amount_min = detail::checked_add(a.amount_min, c.amount_min[r], "sum of amounts");
    }
    if (c.quantity_min[r] != detail::no_value) {
      ++a.quantity_records;
      a.quantity_min = detail::checked_add(a.quantity_min, c.quantity_min[r], "sum of quantities");
      const std::uint8_t m = c.measure[r];
      a.measure = a.measure == 0 ? m : a.measure == m ? m : kMixed;
    }
    if (c.beneficiary[r] != detail::no_id) a.beneficiaries.push_back(c.beneficiary[r]);
  }
  if (yearly_records)
    detail::throw_error<query_error>(
        std::to_string(yearly_records) +
        " record(s) are dated only to a year, which cannot be placed in a fiscal year starting "
        "in month " +
        std::to_string(fs) + "; give them a month or a day");
  if (cut_records)
    detail::throw_error<query_error>(
        std::to_string(cut_records) + " record(s) have dates (e.g. " + cut_example + ") that the " +
        (f.through ? "year-to-date cut at " + f.through->to_string() : std::string("range")) +
        " cuts through: they cover days both inside and outside it. Choose a range on whole "
        "months or years, or give those records exact days");
  // Approximate values are few: a second pass over them adds the widths.
  for (const auto& e : c.amount_approx) {
    if (!passes(e.row)) continue;
    accumulator& a = group_of(e.row);
    ++a.approx;
    a.amount_width =
        detail::checked_add(a.amount_width, e.max - c.amount_min[e.row], "sum of amounts");
  }
  for (const auto& e : c.quantity_approx) {
    if (!passes(e.row)) continue;
    accumulator& a = group_of(e.row);
    a.quantity_width =
        detail::checked_add(a.quantity_width, e.max - c.quantity_min[e.row], "sum of quantities");
  }

  totals out;
  out.by = q.by;
  out.groups.reserve(acc.size());
  for (accumulator& a : acc) {
    group_totals g;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      g.key.push_back(keys[i].texts[a.codes[i]]);
      g.labels.push_back(keys[i].labels[a.codes[i]]);
    }
    aggregate& x = g.figures;
    x.records = a.records;
    x.amount_records = a.amount_records;
    x.approximate_records = a.approx;
    x.amount =
        money_interval(money{a.amount_min},
                       money{detail::checked_add(a.amount_min, a.amount_width, "sum of amounts")});
    x.quantity_records = a.quantity_records;
    x.quantity = count_interval(
        count{a.quantity_min},
        count{detail::checked_add(a.quantity_min, a.quantity_width, "sum of quantities")});
    x.mixed_measures = a.measure == kMixed;
    if (a.measure != 0 && a.measure != kMixed)
      x.quantity_measure = static_cast<measure>(a.measure - 1);
    std::sort(a.beneficiaries.begin(), a.beneficiaries.end());
    a.beneficiaries.erase(std::unique(a.beneficiaries.begin(), a.beneficiaries.end()),
                          a.beneficiaries.end());
    for (std::uint32_t b : a.beneficiaries)
      x.beneficiaries.emplace_back(d.beneficiary_at(b).id, d.beneficiary_at(b).headcount);
    std::sort(x.beneficiaries.begin(), x.beneficiaries.end());
    out.grand.merge(x);
    out.groups.push_back(std::move(g));
  }
  std::sort(
      out.groups.begin(), out.groups.end(),
      [&](const group_totals& x, const group_totals& y) { return key_less(out.by, x.key, y.key); });
  return out;
}

}  // namespace aidstat
