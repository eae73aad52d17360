// write_trend: a series of years as CSV, JSON, an aligned table or Markdown.
#include "output/output_support.hpp"

namespace aidstat {
namespace {

using namespace detail;

// The transfer records a group left out, over every year of the series.
std::int64_t transfers_excluded(const trend_group& g) {
  std::int64_t n = 0;
  for (const auto& a : g.years) n += a.transfers_excluded;
  return n;
}

void write_trend_csv(std::ostream& out, const trend_result& r) {
  std::vector<std::vector<std::string>> rows(1);
  for (const auto& d : r.by) rows[0].push_back(d.name());
  for (int y = r.from_year; y <= r.to_year; ++y) {
    rows[0].push_back(std::to_string(y) + "_min");
    rows[0].push_back(std::to_string(y) + "_max");
  }
  for (const std::string& h :
       {std::string("cagr_pct"), std::string("slope_per_year"),
        "projection_" + std::to_string(r.to_year + 1), std::string("residual_se")})
    rows[0].push_back(h);
  if (r.holds_transfers) rows[0].push_back("transfers_excluded");
  for (const auto& g : r.groups) {
    std::vector<std::string> row = g.key;
    for (const auto& a : g.years) {
      row.push_back(format_yuan_decimal(a.amount.min()));
      row.push_back(format_yuan_decimal(a.amount.max()));
    }
    row.push_back(g.cagr ? fixed2(*g.cagr * 100.0) : "");
    row.push_back(fixed2(g.fit.slope));
    row.push_back(fixed2(g.fit.projection));
    row.push_back(opt_fixed2(g.fit.residual_se));
    if (r.holds_transfers) row.push_back(std::to_string(transfers_excluded(g)));
    rows.push_back(std::move(row));
  }
  write_csv_rows(out, rows);
}

json trend_group_json(const trend_result& r, const trend_group& g) {
  json j;
  j["key"] = key_object(r.by, g.key);
  j["amounts"] = json::array();
  for (const auto& a : g.years) j["amounts"].push_back(yuan_pair(a.amount));
  j["records"] = json::array();
  for (const auto& a : g.years) j["records"].push_back(a.records);
  j["cagr"] = opt_number(g.cagr);
  j["slope_per_year"] = g.fit.slope;
  j["projection"] = g.fit.projection;
  j["residual_se"] = opt_number(g.fit.residual_se);
  if (r.holds_transfers) {
    j["transfers_excluded"] = json::array();
    for (const auto& a : g.years) j["transfers_excluded"].push_back(a.transfers_excluded);
  }
  return j;
}

void write_trend_json(std::ostream& out, const trend_result& r) {
  json doc;
  doc["by"] = json::array();
  for (const auto& d : r.by) doc["by"].push_back(d.name());
  doc["years"] = json::array();
  for (int y = r.from_year; y <= r.to_year; ++y) doc["years"].push_back(y);
  doc["prices_of"] = r.prices_of ? json(*r.prices_of) : json(nullptr);
  doc["groups"] = json::array();
  for (const auto& g : r.groups) doc["groups"].push_back(trend_group_json(r, g));
  doc["total"] = trend_group_json(r, r.total);
  out << doc.dump(2) << '\n';
}

// The cells of one group after its key cells `row`.
std::vector<std::string> trend_row(const trend_result& r, const trend_group& g,
                                   std::vector<std::string> row, money_unit unit) {
  const money_interval zero;
  for (const auto& a : g.years) row.push_back(format_money(a.records ? a.amount : zero, unit));
  row.push_back(g.cagr ? fmt::format("{:.1f}%", *g.cagr * 100.0) : "");
  const double scale = unit == money_unit::wan ? 10000.0 : 1.0;
  const char* suffix = unit == money_unit::wan ? "万元" : "元";
  row.push_back(fmt::format("{:+.2f}{}", g.fit.slope / scale, suffix));
  row.push_back(fmt::format("{:.2f}{}", g.fit.projection / scale, suffix));
  row.push_back(g.fit.residual_se ? fmt::format("{:.2f}{}", *g.fit.residual_se / scale, suffix)
                                  : "");
  if (r.holds_transfers) row.push_back(std::to_string(transfers_excluded(g)));
  return row;
}

void write_trend_table(std::ostream& out, const trend_result& r, output_format f, money_unit unit) {
  text_table t;
  for (const auto& d : r.by) t.column(d.name(), false);
  for (int y = r.from_year; y <= r.to_year; ++y) t.column(std::to_string(y), true);
  t.column("CAGR", true);
  t.column("trend/yr", true);
  t.column(std::to_string(r.to_year + 1) + " (proj.)", true);
  t.column("± se", true);
  if (r.holds_transfers) t.column("transfers excluded", true);
  add_group_rows(t, r.groups, r.total, r.by.size(),
                 [&](const trend_group& g, std::vector<std::string> cells) {
                   return trend_row(r, g, std::move(cells), unit);
                 });
  if (r.prices_of) out << "amounts in " << *r.prices_of << " prices\n";
  write_human(out, t, f);
}

}  // namespace

void write_trend(std::ostream& out, const trend_result& r, output_format f, money_unit unit) {
  write_in_format(out, r, f, unit, write_trend_csv, write_trend_json, write_trend_table);
}

}  // namespace aidstat
