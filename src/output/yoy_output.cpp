// write_yoy: a year-over-year comparison as CSV, JSON, an aligned table or Markdown.
#include "output/output_support.hpp"

namespace aidstat {
namespace {

using namespace detail;

// The transfer records a group left out, in both years together.
std::int64_t transfers_excluded(const yoy_group& g) {
  return g.base.transfers_excluded + g.current.transfers_excluded;
}

void write_yoy_csv(std::ostream& out, const yoy_result& r) {
  std::vector<std::vector<std::string>> rows(1);
  for (const auto& d : r.by) rows[0].push_back(d.name());
  for (const char* h : {"base_min", "base_max", "current_min", "current_max", "delta_min",
                        "delta_max", "pct_change", "status"})
    rows[0].push_back(h);
  if (r.holds_transfers) rows[0].push_back("transfers_excluded");
  for (const auto& g : r.groups) {
    std::vector<std::string> row = g.key;
    for (money m : {g.base.amount.min(), g.base.amount.max(), g.current.amount.min(),
                    g.current.amount.max(), g.delta.min(), g.delta.max()})
      row.push_back(format_yuan_decimal(m));
    row.push_back(g.pct_change_text());
    row.push_back(std::string(key_of(g.status)));
    if (r.holds_transfers) row.push_back(std::to_string(transfers_excluded(g)));
    rows.push_back(std::move(row));
  }
  write_csv_rows(out, rows);
}

json yoy_group_json(const yoy_result& r, const yoy_group& g) {
  json j;
  j["key"] = key_object(r.by, g.key);
  j["base"] = yuan_pair(g.base.amount);
  j["current"] = yuan_pair(g.current.amount);
  j["delta"] = yuan_pair(g.delta);
  j["pct_change"] = g.pct_change_hundredths
                        ? json(static_cast<double>(*g.pct_change_hundredths) / 100.0)
                        : json(nullptr);
  j["status"] = std::string(key_of(g.status));
  j["base_records"] = g.base.records;
  j["current_records"] = g.current.records;
  j["base_share"] = opt_number(g.base_share);
  j["current_share"] = opt_number(g.current_share);
  j["share_change_pp"] = opt_number(g.share_change_pp);
  j["base_headcount"] = g.base.headcount();
  j["current_headcount"] = g.current.headcount();
  j["per_head_change"] = opt_number(g.per_head_change);
  if (r.holds_transfers) {
    j["base_transfers_excluded"] = g.base.transfers_excluded;
    j["current_transfers_excluded"] = g.current.transfers_excluded;
  }
  return j;
}

void write_yoy_json(std::ostream& out, const yoy_result& r) {
  json doc;
  doc["by"] = json::array();
  for (const auto& d : r.by) doc["by"].push_back(d.name());
  doc["base_year"] = r.base_year;
  doc["current_year"] = r.current_year;
  doc["prices_of"] = r.prices_of ? json(*r.prices_of) : json(nullptr);
  doc["groups"] = json::array();
  for (const auto& g : r.groups) doc["groups"].push_back(yoy_group_json(r, g));
  doc["base_total"] = yuan_pair(r.base_total.amount);
  doc["current_total"] = yuan_pair(r.current_total.amount);
  if (r.holds_transfers) {
    doc["base_transfers_excluded"] = r.base_total.transfers_excluded;
    doc["current_transfers_excluded"] = r.current_total.transfers_excluded;
  }
  out << doc.dump(2) << '\n';
}

// The base, current and change cells of a row.
void add_yoy_amounts(const aggregate& base, const aggregate& cur, money_unit unit,
                     std::vector<std::string>& row) {
  row.push_back(base.amount_records ? format_money(base.amount, unit) : "");
  row.push_back(cur.amount_records ? format_money(cur.amount, unit) : "");
  const bool any = base.amount_records || cur.amount_records;
  row.push_back(any ? format_money(cur.amount - base.amount, unit) : "");
}

void write_yoy_table(std::ostream& out, const yoy_result& r, output_format f, money_unit unit) {
  text_table t;
  for (const auto& d : r.by) t.column(d.name(), false);
  const std::string b = std::to_string(r.base_year), c = std::to_string(r.current_year);
  for (const std::string& h :
       {b, c, std::string("change"), std::string("%"), std::string("status"), "share " + b,
        "share " + c, std::string("Δ share (pp)"), std::string("Δ per head")})
    t.column(h, h != "status");
  if (r.holds_transfers) t.column("transfers excluded", true);
  for (const auto& g : r.groups) {
    std::vector<std::string> row = key_cells(g.key, g.labels);
    add_yoy_amounts(g.base, g.current, unit, row);
    row.push_back(g.pct_change_text());
    row.push_back(std::string(key_of(g.status)));
    row.push_back(percent(g.base_share));
    row.push_back(percent(g.current_share));
    row.push_back(g.share_change_pp ? fmt::format("{:+.1f}", *g.share_change_pp) : "");
    row.push_back(g.per_head_change ? fmt::format("{:+.2f}元", *g.per_head_change) : "");
    if (r.holds_transfers) row.push_back(std::to_string(transfers_excluded(g)));
    t.rows.push_back(std::move(row));
  }
  t.total.assign(r.by.size(), "");
  if (!r.by.empty()) t.total[0] = "total";
  add_yoy_amounts(r.base_total, r.current_total, unit, t.total);
  t.total.push_back(
      pct_change_text(pct_change_hundredths(r.base_total.amount, r.current_total.amount)));
  if (r.holds_transfers) {
    t.total.resize(t.header.size() - 1, "");
    t.total.push_back(
        std::to_string(r.base_total.transfers_excluded + r.current_total.transfers_excluded));
  }
  if (r.prices_of) out << "amounts in " << *r.prices_of << " prices\n";
  write_human(out, t, f);
}

}  // namespace

void write_yoy(std::ostream& out, const yoy_result& r, output_format f, money_unit unit) {
  write_in_format(out, r, f, unit, write_yoy_csv, write_yoy_json, write_yoy_table);
}

}  // namespace aidstat
