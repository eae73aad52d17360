// summarize: the figures of the report's tables (totals by category of both years,
// protected when asked; the comparison; the commitments; the check) said as sentences.
#include "aidstat/summary.hpp"

#include <algorithm>

#include "aidstat/disclosure.hpp"
#include "aidstat/error.hpp"
#include "aidstat/progress.hpp"
#include "aidstat/totals.hpp"
#include "aidstat/yoy.hpp"
#include "analysis/summary_sentences.hpp"

namespace aidstat {
namespace {

using detail::change_of;

// Totals by category of one year, protected as the report's tables are.
totals category_totals(const dataset& d, int year, const summary_options& o) {
  totals_query q;
  q.by = {dimension{dimension_kind::category, 0}};
  q.filter.year = year;
  q.threads = o.threads;
  totals t = compute_totals(d, q);
  if (o.min_cell) t = suppress_small_cells(std::move(t), *o.min_cell);
  return t;
}

const group_totals* group_of(const totals& t, const std::string& key) {
  for (const group_totals& g : t.groups)
    if (g.key[0] == key) return &g;
  return nullptr;
}

bool shown(const group_totals* g) { return g && g->suppressed == suppression::none; }

std::string name_of(const dataset& d, const std::string& key, summary_language lang) {
  const auto at = d.categories().find(key);
  if (!at) return key;
  const category& c = d.categories().at(*at);
  const std::string& name = lang == summary_language::zh ? c.name_zh : c.name_en;
  return name.empty() ? key : name;
}

// One sentence for each category with records in either year, in key order (the
// order of the report's tables).
void category_sentences(const dataset& d, const totals& base, const totals& current,
                        const summary_options& o, std::vector<summary_sentence>& out) {
  std::vector<std::string> keys;
  for (const totals* t : {&current, &base})
    for (const group_totals& g : t->groups)
      if (std::find(keys.begin(), keys.end(), g.key[0]) == keys.end()) keys.push_back(g.key[0]);
  std::sort(keys.begin(), keys.end());
  const auto lang = o.language;
  for (const std::string& key : keys) {
    const group_totals *b = group_of(base, key), *c = group_of(current, key);
    const std::string name = name_of(d, key, lang);
    if (!c || c->figures.records == 0) {
      if (b && b->figures.records > 0)
        out.push_back(detail::discontinued_sentence(lang, key, name, b->figures.records, shown(b)));
    } else if (!shown(c)) {
      out.push_back(detail::withheld_sentence(lang, key, name));
    } else {
      const bool is_new = !b || b->figures.records == 0;
      const detail::change_said change =
          shown(b) ? change_of(b->figures, c->figures) : detail::change_said{};
      out.push_back(detail::category_sentence(lang, key, name, c->figures, is_new, change));
    }
  }
}

// The commitments of the year, the gaps of its stated totals (not under disclosure
// control: a gap would give a recorded figure away), and the check's errors and
// warnings.
void closing_sentences(const dataset& d, const check_report& quality, const summary_options& o,
                       std::vector<summary_sentence>& out) {
  const auto lang = o.language;
  progress_query pq;
  pq.year = o.current_year;
  const progress_group c = compute_progress(d, pq).overall;
  if (c.total() > 0) out.push_back(detail::commitments_sentence(lang, c.total(), c.done));
  for (std::size_t i = 0; i < quality.reconciliations.size() && !o.min_cell; ++i) {
    const reconciliation& r = quality.reconciliations[i];
    if (d.stated_totals().at(i).year == o.current_year && r.amount && r.amount->gap != 0)
      out.push_back(
          detail::gap_sentence(lang, r.label, money_interval::exact(money{r.amount->gap})));
  }
  std::int64_t errors = 0, warnings = 0;
  for (const finding& f : quality.findings) {
    if (f.kind == finding_kind::reconciliation) continue;  // said above
    errors += f.level == finding_level::error;
    warnings += f.level == finding_level::warning;
  }
  if (errors || warnings) out.push_back(detail::quality_sentence(lang, errors, warnings));
}

}  // namespace

std::vector<summary_sentence> summarize(const dataset& d, const check_report& quality,
                                        const summary_options& o) {
  if (o.base_year == 0 || o.current_year == 0 || o.base_year == o.current_year)
    detail::throw_error<query_error>(
        "a summary needs two different years: a base year and the year it describes");
  const totals base = category_totals(d, o.base_year, o);
  const totals current = category_totals(d, o.current_year, o);
  const bool year_shown = current.grand_suppressed == suppression::none;
  const detail::change_said change = year_shown && base.grand_suppressed == suppression::none
                                         ? change_of(base.grand, current.grand)
                                         : detail::change_said{};
  std::vector<summary_sentence> out;
  out.push_back(
      detail::year_sentence(o.language, o.current_year, current.grand, change, year_shown));
  category_sentences(d, base, current, o, out);
  closing_sentences(d, quality, o, out);
  return out;
}

}  // namespace aidstat
