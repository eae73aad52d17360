#include "aidstat/check.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "aidstat/amount_text.hpp"
#include "aidstat/open_dataset.hpp"
#include "aidstat/temporary_files.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/workbook.hpp"
#include "analysis/check_formulas.hpp"
#include "analysis/check_sums.hpp"
#include "model/item_columns.hpp"

namespace aidstat {

std::string finding::to_string() const {
  return problem{where, std::string(key_of(level)) + ": " + message}.to_string();
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

std::int64_t raw(money m) { return m.fen(); }
std::int64_t raw(count c) { return c.value(); }

// How `recorded` stands to `stated`, and the smallest distance between them.
template <class T>
figure_reconciliation compare(interval<T> stated, interval<T> recorded) {
  if (raw(recorded.max()) < raw(stated.min()))
    return {reconciliation_status::incomplete, raw(stated.min()) - raw(recorded.max())};
  if (raw(recorded.min()) > raw(stated.max()))
    return {reconciliation_status::inconsistent, raw(recorded.min()) - raw(stated.max())};
  return {reconciliation_status::consistent, 0};
}

// Inconsistent is worse than incomplete, which is worse than consistent.
int severity(reconciliation_status s) {
  return s == reconciliation_status::inconsistent ? 2
         : s == reconciliation_status::incomplete ? 1
                                                  : 0;
}

// The records beneath a stated total, grouped by measure: the grand total is the
// amount figure's, the group of the stated measure the quantity figure's.
totals group_of(const dataset& d, const stated_total& st) {
  totals_query q;
  q.by = {dimension{dimension_kind::measure, 0}};
  q.filter.year = st.year;
  const auto where = [&](dimension_kind k, const std::string& v) {
    if (!v.empty()) q.filter.where.push_back(condition{dimension{k, 0}, {v}});
  };
  where(dimension_kind::category, st.category);
  where(dimension_kind::provider, st.provider);
  where(dimension_kind::recipient, st.recipient);
  if (st.beneficiary_kind)
    where(dimension_kind::beneficiary_kind, std::string(key_of(*st.beneficiary_kind)));
  return compute_totals(d, q);
}

// What a stated total says: its note, or its category, year and provider.
std::string label_of(const stated_total& st) {
  if (!st.note.empty()) return st.note;
  std::string out = st.category.empty() ? "all categories" : st.category;
  out += " " + std::to_string(st.year);
  if (!st.provider.empty()) out += " " + st.provider;
  return out;
}

}  // namespace

std::vector<reconciliation> reconcile(const dataset& d) {
  std::vector<reconciliation> out;
  for (const stated_total& st : d.stated_totals()) {
    const totals recorded = group_of(d, st);
    reconciliation r;
    r.id = st.id;
    r.label = label_of(st);
    r.records = recorded.grand.records;
    r.stated_amount = st.amount;
    r.recorded_amount = recorded.grand.amount;
    r.stated_quantity = st.quantity;
    if (st.measure)
      for (const group_totals& g : recorded.groups)
        if (g.key[0] == key_of(*st.measure)) r.recorded_quantity = g.figures.quantity;
    if (st.amount) r.amount = compare(*st.amount, r.recorded_amount);
    if (st.quantity) r.quantity = compare(*st.quantity, r.recorded_quantity);
    r.status = reconciliation_status::consistent;
    for (const auto& f : {r.amount, r.quantity})
      if (f && severity(f->status) > severity(r.status)) r.status = f->status;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::vector<std::size_t>> find_duplicates(const dataset& d) {
  d.require_fields(item_fields::all, "finding duplicates");
  const auto& c = detail::columns_of(d);
  // Amount bounds, looked up from the sparse table of approximate values.
  std::vector<std::int64_t> amount_max = c.amount_min.to_vector();
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

namespace {

// "consistent", "incomplete, short by 3元" or "inconsistent, over by 5万元".
std::string figure_verdict(const figure_reconciliation& f, const std::string& gap) {
  switch (f.status) {
    case reconciliation_status::incomplete:
      return "incomplete, short by " + gap;
    case reconciliation_status::inconsistent:
      return "inconsistent, over by " + gap;
    default:
      return "consistent";
  }
}

// "amount 392570元 vs 392567元: incomplete, short by 3元; quantity 81人 vs 80人: ...".
std::string figures_text(const stated_total& st, const reconciliation& r) {
  std::string out;
  if (r.amount)
    out = "amount " + format_money_in_text(*st.amount) + " vs " +
          format_money_in_text(r.recorded_amount) + ": " +
          figure_verdict(*r.amount,
                         format_money_in_text(money_interval::exact(money{r.amount->gap})));
  if (r.quantity)
    out += (out.empty() ? "" : "; ") + std::string("quantity ") +
           format_count(*st.quantity, st.measure) + " vs " +
           format_count(r.recorded_quantity, st.measure) + ": " +
           figure_verdict(*r.quantity,
                          format_count(count_interval::exact(count{r.quantity->gap}), st.measure));
  return out;
}

// The finding of one reconciled stated total: a note when every figure agrees, a
// warning when one falls short, an error when one is exceeded.
finding reconciliation_finding(const stated_total& st, const reconciliation& r) {
  finding f;
  f.kind = finding_kind::reconciliation;
  f.message = "stated total '" + st.id + "' against " + std::to_string(r.records) +
              " record(s): " + figures_text(st, r);
  switch (r.status) {
    case reconciliation_status::consistent:
      f.level = finding_level::note;
      break;
    case reconciliation_status::incomplete:
      f.level = finding_level::warning;
      f.message += "; records may be missing";
      break;
    case reconciliation_status::inconsistent:
      f.level = finding_level::error;
      f.message += "; a record or the statement is wrong";
      break;
  }
  return f;
}

// Rows that name neither a recipient unit nor a beneficiary ("3400余人" reached).
std::vector<std::size_t> unnamed_rows(const dataset& d) {
  const auto& c = detail::columns_of(d);
  std::vector<std::size_t> rows;
  std::size_t k = 0;
  for (std::uint32_t r = 0; r < c.size(); ++r) {
    if (c.recipient[r] != detail::no_id) continue;
    while (k < c.beneficiary.rows.size() && c.beneficiary.rows[k] < r) ++k;
    if (k == c.beneficiary.rows.size() || c.beneficiary.rows[k] != r) rows.push_back(r);
  }
  return rows;
}

// One note for all records that name no recipient: how many, and where the first are.
// Not a warning: reports often say only how many were reached.
std::optional<finding> unnamed_note(const dataset& d, const dataset_sources* sources) {
  const std::vector<std::size_t> rows = unnamed_rows(d);
  if (rows.empty()) return std::nullopt;
  constexpr std::size_t shown = 5;
  std::string where;
  for (std::size_t k = 0; k < rows.size() && k < shown; ++k) {
    const bool line = sources && rows[k] < sources->item_lines.size();
    where += (k ? ", " : "") + (line ? sources->place_of(sources->item_lines[rows[k]])
                                     : "row " + std::to_string(rows[k] + 1));
  }
  if (rows.size() > shown) where += ", ...";
  finding f;
  f.level = finding_level::note;
  f.kind = finding_kind::unnamed;
  if (sources) f.where.file = sources->items_file;
  f.message = std::to_string(rows.size()) +
              " record(s) name neither a recipient unit nor a beneficiary (" + where +
              "); they count in every total, with no people reached";
  return f;
}

}  // namespace

check_report check_dataset(const dataset& d, const dataset_sources* sources) {
  d.require_fields(item_fields::all, "checking a dataset");
  check_report report;
  const auto item_at = [&](std::size_t row) {
    source_location where;
    if (sources && row < sources->item_lines.size())
      where = {sources->items_file, sources->item_lines[row], 0};
    where.in_table = sources && sources->place_word == "row";  // "items, row 12"
    return where;
  };
  report.reconciliations = reconcile(d);
  for (std::size_t i = 0; i < report.reconciliations.size(); ++i) {
    finding f = reconciliation_finding(d.stated_totals()[i], report.reconciliations[i]);
    if (sources && i < sources->stated_total_lines.size())
      f.where = {sources->stated_totals_file, sources->stated_total_lines[i], 0};
    if (sources) f.where.in_table = sources->place_word == "row";
    report.findings.push_back(std::move(f));
  }
  for (const auto& rows : find_duplicates(d)) {
    finding f;
    f.level = finding_level::warning;
    f.kind = finding_kind::duplicate;
    f.where = item_at(rows[0]);
    const aid_item it = d.item(rows[0]);
    std::string others;
    constexpr std::size_t shown = 10;  // the first places, then how many in all
    for (std::size_t k = 1; k < rows.size() && k <= shown; ++k) {
      const auto w = item_at(rows[k]);
      others += (k > 1 ? ", " : "") +
                (w.line ? sources->place_of(w.line) : "row " + std::to_string(rows[k] + 1));
    }
    if (rows.size() - 1 > shown)
      others += ", … (" + std::to_string(rows.size() - 1) + " repeats in all)";
    f.message = "record repeated at " + others + " (same date " + it.date.to_string() +
                ", category, provider, recipient, beneficiary and amount); check that it was not "
                "entered twice";
    report.findings.push_back(std::move(f));
  }
  if (auto note = unnamed_note(d, sources)) report.findings.push_back(std::move(*note));
  if (auto formulas = detail::formula_finding(d, sources))
    report.findings.push_back(std::move(*formulas));
  for (finding& f : detail::sum_overflow_findings(d)) {
    if (sources) f.where.file = sources->items_file;
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(
      report.findings.begin(), report.findings.end(), [](const finding& a, const finding& b) {
        return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
      });
  return report;
}

// The report of a dataset that did not load: each problem an error.
check_report validation_report(const validation_error& e) {
  check_report report;
  for (const problem& p : e.problems())
    report.findings.push_back({finding_level::error, finding_kind::validation, p.where, p.message});
  if (e.stopped())
    report.findings.push_back({finding_level::note,
                               finding_kind::validation,
                               {},
                               "reading stopped at the first " + std::to_string(max_problems) +
                                   " problems; fix these, then check again to see any more"});
  return report;
}

check_report check_dataset_directory(const std::filesystem::path& dir) {
  dataset_sources sources;
  try {
    const dataset d = load_dataset(dir, &sources);
    return check_dataset(d, &sources);
  } catch (const validation_error& e) {
    return validation_report(e);
  }
}

// A workbook's check: the dataset's, and a note for each sheet that is not read.
check_report check_workbook_file(const std::filesystem::path& file) {
  dataset_sources sources;
  std::vector<std::string> ignored;
  check_report report;
  try {
    const dataset d = load_workbook(file, &sources, &ignored);
    report = check_dataset(d, &sources);
  } catch (const validation_error& e) {
    report = validation_report(e);
  }
  for (std::size_t i = 0; i < ignored.size() && i < 100; ++i)
    report.findings.insert(report.findings.begin() + static_cast<std::ptrdiff_t>(i),
                           {finding_level::note,
                            finding_kind::validation,
                            {file.string(), 0, 0, {}},
                            "the sheet '" + ignored[i] +
                                "' is not one a dataset has, so it was "
                                "not read (the sheets read are items, units, beneficiaries, "
                                "categories, commitments and stated_totals)"});
  return report;
}

check_report check_archive_file(const std::filesystem::path& file) {
  check_report report;
  archive_info info{archive_format::binary, 0};
  try {
    info = read_archive_info(file);
    report = check_dataset(load_archive(file));
  } catch (const io_error&) {
    throw;
  } catch (const error& e) {  // damaged: the message names the file and the section
    report.findings.push_back({finding_level::error, finding_kind::validation, {}, e.what()});
    return report;
  }
  if (!info.checksummed()) {
    finding f{finding_level::warning, finding_kind::protection, {file.string(), 0, 0}, ""};
    f.message = "archive format " + std::to_string(info.version) +
                " carries no checksums, so damage to it cannot be detected; save it again "
                "('aidstat save') to protect it";
    report.findings.insert(report.findings.begin(), std::move(f));
  }
  return report;
}

check_report check_dataset_at(const std::filesystem::path& path) {
  remove_stale_temporaries(path);  // what a killed save or export left beside it
  switch (storage_of(path)) {
    case dataset_storage::archive:
      return check_archive_file(path);
    case dataset_storage::workbook:
      return check_workbook_file(path);
    case dataset_storage::csv_directory:
      break;
  }
  return check_dataset_directory(path);
}

}  // namespace aidstat
