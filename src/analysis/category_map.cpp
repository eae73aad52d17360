#include "aidstat/category_map.hpp"

#include <charconv>
#include <map>

#include "aidstat/error.hpp"
#include "core/decimal_text.hpp"
#include "core/int128.hpp"
#include "io/csv/table_reader.hpp"

namespace aidstat {
namespace {

constexpr std::int64_t kWhole = 1'000'000'000;
using detail::i128;

// v * ppb / 1e9, rounded to the nearest whole unit, halves up (v >= 0).
std::int64_t share_of(std::int64_t v, std::int64_t ppb) {
  const i128 x = static_cast<i128>(v) * ppb;
  return static_cast<std::int64_t>((x + kWhole / 2) / kWhole);
}

// Splits v by cumulative shares so the parts add up to v exactly.
std::vector<std::int64_t> split(std::int64_t v, const std::vector<std::int64_t>& ppb) {
  std::vector<std::int64_t> parts;
  std::int64_t cumulative = 0, before = 0;
  for (std::size_t k = 0; k < ppb.size(); ++k) {
    cumulative += ppb[k];
    const std::int64_t upto = k + 1 == ppb.size() ? v : share_of(v, cumulative);
    parts.push_back(upto - before);
    before = upto;
  }
  return parts;
}

}  // namespace

category_map category_map::read(const csv_text& file) {
  std::vector<problem> problems;
  category_map out;
  detail::table_reader t(file, problems);
  static constexpr std::array<std::string_view, 4> cols = {"year", "from", "to", "share"};
  t.read(cols, 3, [&](const detail::table_row& r) {
    category_mapping m;
    const auto year = detail::parse_year(r.get(0));
    if (!year) return t.report(r, 0, "'" + r.get(0) + "' is not a year");
    m.year = *year;
    m.from = r.get(1);
    m.to = r.get(2);
    if (m.from.empty()) return t.report(r, 1, "the old category key is missing");
    if (m.to.empty()) return t.report(r, 2, "the new category key is missing");
    const std::string& share = r.get(3);
    if (share.empty()) {
      m.share_ppb = kWhole;
    } else {
      const auto d = detail::parse_exact_decimal(share);
      if (!d || d->mantissa == 0)
        return t.report(r, 3, "'" + share + "' is not a share such as 0.25 (at most 9 decimals)");
      std::int64_t ppb = d->mantissa;
      for (int i = d->scale; i < 9; ++i) ppb *= 10;
      if (ppb > kWhole) return t.report(r, 3, "a share cannot be more than 1");
      m.share_ppb = ppb;
    }
    m.where = {file.name, r.line, 0};
    out.mappings_.push_back(std::move(m));
  });
  // The shares of each (year, from) must add up to exactly 1.
  std::map<std::pair<int, std::string>, std::pair<std::int64_t, std::uint32_t>> sums;
  for (const auto& m : out.mappings_) {
    auto& [sum, line] = sums[{m.year, m.from}];
    sum += m.share_ppb;
    line = m.where.line;
  }
  for (const auto& [key, sum_line] : sums) {
    if (sum_line.first != kWhole)
      problems.push_back({{file.name, sum_line.second, 4},
                          "the shares of '" + key.second + "' in " + std::to_string(key.first) +
                              " add up to " + std::to_string(sum_line.first / 1e9) +
                              ", not 1; a split must share out the whole category"});
  }
  detail::sort_problems(problems);
  if (!problems.empty()) detail::throw_error<validation_error>(std::move(problems));
  return out;
}

category_map category_map::load(const std::filesystem::path& path) {
  return read(detail::read_csv_file(path));
}

dataset category_map::apply(const dataset& d) const {
  std::map<std::pair<int, std::string>, std::vector<const category_mapping*>> by_key;
  std::vector<problem> problems;
  for (const auto& m : mappings_) {
    if (!d.categories().find(m.to)) {
      problems.push_back({{m.where.file, m.where.line, 3},
                          "the new category '" + m.to + "' is not in the taxonomy" +
                              d.categories().did_you_mean(m.to)});
    }
    by_key[{m.year, m.from}].push_back(&m);
  }
  if (!problems.empty()) detail::throw_error<validation_error>(std::move(problems));

  dataset out = d;
  out.clear_items();
  out.reserve_items(d.item_count());
  for (std::size_t i = 0; i < d.item_count(); ++i) {
    aid_item it = d.item(i);
    const auto found = by_key.find({it.date.year(), it.category});
    if (found == by_key.end()) {
      out.add_item(it);
      continue;
    }
    const auto& parts = found->second;
    std::vector<std::int64_t> ppb;
    for (const auto* m : parts) ppb.push_back(m->share_ppb);
    std::vector<std::int64_t> amin, amax, qmin, qmax;
    if (it.amount)
      amin = split(it.amount->min().fen(), ppb), amax = split(it.amount->max().fen(), ppb);
    if (it.quantity)
      qmin = split(it.quantity->min().value(), ppb), qmax = split(it.quantity->max().value(), ppb);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      aid_item part = it;
      part.category = parts[k]->to;
      // Rounding each bound separately can cross them by a unit; keep the interval ordered.
      if (it.amount)
        part.amount =
            money_interval(money{std::min(amin[k], amax[k])}, money{std::max(amin[k], amax[k])});
      if (it.quantity)
        part.quantity =
            count_interval(count{std::min(qmin[k], qmax[k])}, count{std::max(qmin[k], qmax[k])});
      out.add_item(part);
    }
  }
  return out;
}

}  // namespace aidstat
