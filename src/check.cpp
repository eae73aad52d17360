#include "aidstat/check.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "aidstat/amount_text.hpp"
#include "aidstat/totals.hpp"
#include "key_plan.hpp"

namespace aidstat {

std::string finding::to_string() const {
  static constexpr const char* levels[] = {"error", "warning", "note"};
  return problem{where, std::string(levels[static_cast<int>(level)]) + ": " + message}.to_string();
}

std::size_t check_report::errors() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [](const finding& f) { return f.level == finding_level::error; }));
}

std::size_t check_report::warnings() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(),
                    [](const finding& f) { return f.level == finding_level::warning; }));
}

namespace {

// How `recorded` stands to `stated`, and the smallest distance between them.
template <class T>
std::pair<reconciliation_status, std::int64_t> compare(interval<T> stated, interval<T> recorded,
                                                       std::int64_t (*value)(T)) {
  if (value(recorded.max()) < value(stated.min()))
    return {reconciliation_status::incomplete, value(stated.min()) - value(recorded.max())};
  if (value(recorded.min()) > value(stated.max()))
    return {reconciliation_status::inconsistent, value(recorded.min()) - value(stated.max())};
  return {reconciliation_status::consistent, 0};
}
std::int64_t fen_of(money m) { return m.fen(); }
std::int64_t units_of(count c) { return c.value(); }

}  // namespace

std::vector<reconciliation> reconcile(const dataset& d) {
  std::vector<reconciliation> out;
  for (const stated_total& st : d.stated_totals()) {
    totals_query q;
    q.filter.year = st.year;
    const auto where = [&](dimension_kind k, const std::string& v) {
      if (!v.empty()) q.filter.where.push_back(condition{dimension{k, 0}, {v}});
    };
    where(dimension_kind::category, st.category);
    where(dimension_kind::provider, st.provider);
    where(dimension_kind::recipient, st.recipient);
    if (st.beneficiary_kind)
      where(dimension_kind::beneficiary_kind, std::string(key_of(*st.beneficiary_kind)));
    if (st.measure) where(dimension_kind::measure, std::string(key_of(*st.measure)));
    const aggregate recorded = compute_totals(d, q).grand;

    reconciliation r;
    r.id = st.id;
    r.records = recorded.records;
    r.stated_amount = st.amount;
    r.recorded_amount = recorded.amount;
    r.stated_quantity = st.quantity;
    r.recorded_quantity = recorded.quantity;
    // Below what is stated: incomplete; above it: inconsistent. The amount decides
    // when one is stated, else the quantity.
    std::tie(r.status, r.gap) = st.amount ? compare(*st.amount, recorded.amount, fen_of)
                                          : compare(*st.quantity, recorded.quantity, units_of);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::vector<std::size_t>> find_duplicates(const dataset& d) {
  d.require_fields(item_fields::all, "finding duplicates");
  const auto& c = d.columns();
  // Amount bounds, looked up from the sparse table of approximate values.
  std::vector<std::int64_t> amount_max(c.amount_min);
  for (const auto& e : c.amount_approx) amount_max[e.row] = e.max;
  const auto [quantity_min, quantity_max] = detail::quantity_by_row(c);
  const auto measure = detail::measure_by_row(c);
  const auto beneficiary = detail::beneficiary_by_row(c);
  // Records without an amount agree only when their quantities agree too: 14场 and
  // 3000余人次 of one lecture series are two figures, not a repeated record.
  using key = std::tuple<std::int16_t, std::uint8_t, std::uint8_t, std::uint16_t, std::uint32_t,
                         std::uint32_t, std::uint32_t, std::int64_t, std::int64_t, std::uint8_t,
                         std::int64_t, std::int64_t>;
  std::map<key, std::vector<std::size_t>> seen;
  for (std::size_t r = 0; r < c.size(); ++r) {
    const bool by_quantity = c.amount_min[r] == detail::no_value;
    seen[key{c.year[r], c.month[r], c.day[r], c.category[r], c.provider[r], c.recipient[r],
             beneficiary[r], c.amount_min[r], amount_max[r],
             by_quantity ? measure[r] : std::uint8_t{0}, by_quantity ? quantity_min[r] : 0,
             by_quantity ? quantity_max[r] : 0}]
        .push_back(r);
  }
  std::vector<std::vector<std::size_t>> out;
  for (auto& [k, rows] : seen)
    if (rows.size() > 1) out.push_back(std::move(rows));
  std::sort(out.begin(), out.end());
  return out;
}

check_report check_dataset(const dataset& d, const dataset_sources* sources) {
  d.require_fields(item_fields::all, "checking a dataset");
  check_report report;
  const auto item_at = [&](std::size_t row) {
    source_location where;
    if (sources && row < sources->item_lines.size())
      where = {sources->items_file, sources->item_lines[row], 0};
    return where;
  };
  report.reconciliations = reconcile(d);
  for (std::size_t i = 0; i < report.reconciliations.size(); ++i) {
    const reconciliation& r = report.reconciliations[i];
    const stated_total& st = d.stated_totals()[i];
    finding f;
    f.kind = finding_kind::reconciliation;
    if (sources && i < sources->stated_total_lines.size())
      f.where = {sources->stated_totals_file, sources->stated_total_lines[i], 0};
    const bool by_amount = st.amount.has_value();
    const std::string stated = by_amount ? format_money(*st.amount, money_unit::yuan)
                                         : format_count(*st.quantity, st.measure);
    const std::string recorded = by_amount ? format_money(r.recorded_amount, money_unit::yuan)
                                           : format_count(r.recorded_quantity, st.measure);
    const std::string gap = by_amount
                                ? format_money(money_interval::exact(money{r.gap}))
                                : format_count(count_interval::exact(count{r.gap}), st.measure);
    const std::string what = "stated total '" + st.id + "' (" + stated + ") against " +
                             std::to_string(r.records) + " record(s) adding up to " + recorded;
    switch (r.status) {
      case reconciliation_status::consistent:
        f.level = finding_level::note;
        f.message = what + ": consistent";
        break;
      case reconciliation_status::incomplete:
        f.level = finding_level::warning;
        f.message = what + ": incomplete, the records fall short by at least " + gap +
                    "; records may be missing";
        break;
      case reconciliation_status::inconsistent:
        f.level = finding_level::error;
        f.message = what + ": inconsistent, the records exceed the statement by at least " + gap +
                    "; one of them is wrong";
        break;
    }
    report.findings.push_back(std::move(f));
  }
  for (const auto& rows : find_duplicates(d)) {
    finding f;
    f.level = finding_level::warning;
    f.kind = finding_kind::duplicate;
    f.where = item_at(rows[0]);
    const aid_item it = d.item(rows[0]);
    std::string others;
    for (std::size_t k = 1; k < rows.size(); ++k) {
      const auto w = item_at(rows[k]);
      others += (k > 1 ? ", " : "") +
                (w.line ? "line " + std::to_string(w.line) : "row " + std::to_string(rows[k] + 1));
    }
    f.message = "record repeated at " + others + " (same date " + it.date.to_string() +
                ", category, provider, recipient, beneficiary and amount); check that it was not "
                "entered twice";
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(
      report.findings.begin(), report.findings.end(), [](const finding& a, const finding& b) {
        return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
      });
  return report;
}

check_report check_dataset_directory(const std::filesystem::path& dir) {
  dataset_sources sources;
  try {
    const dataset d = load_dataset(dir, &sources);
    return check_dataset(d, &sources);
  } catch (const validation_error& e) {
    check_report report;
    for (const problem& p : e.problems())
      report.findings.push_back(
          {finding_level::error, finding_kind::validation, p.where, p.message});
    return report;
  }
}

}  // namespace aidstat
