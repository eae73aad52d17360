#include "aidstat/totals_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/csv/csv_writer.hpp"
#include "output/text_table.hpp"

namespace aidstat {
namespace {

bool has_measure_key(const totals& t) {
  return std::any_of(t.by.begin(), t.by.end(),
                     [](const dimension& d) { return d.kind == dimension_kind::measure; });
}

// The groups to show; without keys, the single grand-total row even when empty.
std::vector<group_totals> rows_of(const totals& t) {
  if (!t.by.empty()) return t.groups;
  return {group_totals{{}, {}, t.grand, t.grand_suppressed}};
}

// The mark a table shows in each figure of a suppressed row.
std::string mark(suppression s) { return s == suppression::primary ? "×p" : "×s"; }

std::string share_text(const totals& t, const group_totals& g) {
  const auto s = t.amount_share(g);
  // A share beside a suppressed total would give the total away.
  if (!s || g.figures.amount_records == 0 || t.grand_suppressed != suppression::none) return "";
  return fmt::format("{:.1f}%", *s * 100.0);
}

// The human-readable table: keys (labelled), figures, a total row.
detail::text_table human_table(const totals& t, money_unit unit) {
  const bool quantity = std::any_of(t.groups.begin(), t.groups.end(),
                                    [](const auto& g) { return g.figures.has_quantity(); });
  detail::text_table table;
  for (const auto& d : t.by) table.column(d.name(), false);
  for (const char* h : {"records", "amount", "estimated", "share", "people"}) table.column(h, true);
  if (quantity) table.column("quantity", true);
  if (t.holds_transfers) table.column("transfers excluded", true);
  const auto figures = [&](const group_totals& g, std::vector<std::string>& row) {
    const aggregate& a = g.figures;
    if (g.suppressed != suppression::none) {
      row.resize(table.header.size(), mark(g.suppressed));
      return;
    }
    row.push_back(std::to_string(a.records));
    row.push_back(a.amount_records ? format_money(a.amount, unit) : "");
    row.push_back(a.approximate_records ? std::to_string(a.approximate_records) + " of " +
                                              std::to_string(a.amount_records)
                                        : "");
    row.push_back(share_text(t, g));
    row.push_back(std::to_string(a.headcount()));
    if (quantity)
      row.push_back(a.has_quantity() ? format_count(a.quantity, a.quantity_measure) : "");
    if (t.holds_transfers) row.push_back(std::to_string(a.transfers_excluded));
  };
  for (const auto& g : rows_of(t)) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < g.key.size(); ++i)
      row.push_back(detail::key_cell(g.key[i], g.labels[i]));
    figures(g, row);
    table.rows.push_back(std::move(row));
  }
  if (!t.by.empty()) {
    table.total.assign(t.by.size(), "");
    table.total[0] = "total";
    figures(group_totals{{}, {}, t.grand, t.grand_suppressed}, table.total);
  }
  return table;
}

}  // namespace

void write_totals_csv(std::ostream& out, const totals& t) {
  const bool quantity = has_measure_key(t);
  std::vector<std::string> cells;
  for (const auto& d : t.by) cells.push_back(d.name());
  for (const char* h : {"records", "amount_min", "amount_max", "headcount"}) cells.push_back(h);
  if (quantity) cells.insert(cells.end(), {"quantity_min", "quantity_max"});
  if (t.min_cell) cells.push_back("suppressed");
  if (t.holds_transfers) cells.push_back("transfers_excluded");
  detail::write_csv_row(out, cells);
  for (const auto& g : rows_of(t)) {
    const aggregate& a = g.figures;
    cells = g.key;
    if (g.suppressed != suppression::none) {
      cells.resize(cells.size() + (quantity ? 6 : 4));
      cells.push_back(std::string(key_of(g.suppressed)));
      if (t.holds_transfers) cells.emplace_back();
      detail::write_csv_row(out, cells);
      continue;
    }
    cells.push_back(std::to_string(a.records));
    cells.push_back(a.amount_records ? format_yuan_decimal(a.amount.min()) : "");
    cells.push_back(a.amount_records ? format_yuan_decimal(a.amount.max()) : "");
    cells.push_back(std::to_string(a.headcount()));
    if (quantity) {
      cells.push_back(a.quantity_records ? std::to_string(a.quantity.min().value()) : "");
      cells.push_back(a.quantity_records ? std::to_string(a.quantity.max().value()) : "");
    }
    if (t.min_cell) cells.emplace_back();
    if (t.holds_transfers) cells.push_back(std::to_string(a.transfers_excluded));
    detail::write_csv_row(out, cells);
  }
}

// The legend under a table with suppressed cells.
void write_legend(std::ostream& out, const totals& t) {
  if (t.min_cell && *t.min_cell >= 2)
    out << "×p suppressed: fewer than " << *t.min_cell
        << " people; ×s suppressed so that totals cannot give a ×p cell away\n";
}

void write_totals_table(std::ostream& out, const totals& t, money_unit unit) {
  human_table(t, unit).write_aligned(out);
  write_legend(out, t);
}

void write_totals_markdown(std::ostream& out, const totals& t, money_unit unit) {
  human_table(t, unit).write_markdown(out);
  write_legend(out, t);
}

void write_totals_json(std::ostream& out, const totals& t) {
  using json = nlohmann::ordered_json;
  const auto figures = [&](const aggregate& a, suppression s) {
    json j;
    if (s != suppression::none) {
      j["suppressed"] = std::string(key_of(s));
      return j;
    }
    j["records"] = a.records;
    if (a.amount_records) {
      j["amount"] = {{"min", format_yuan_decimal(a.amount.min())},
                     {"max", format_yuan_decimal(a.amount.max())}};
    } else {
      j["amount"] = nullptr;
    }
    j["amount_records"] = a.amount_records;
    j["approximate_records"] = a.approximate_records;
    j["headcount"] = a.headcount();
    j["distinct_beneficiaries"] = a.beneficiaries.size();
    if (a.has_quantity()) {
      j["quantity"] = {{"min", a.quantity.min().value()},
                       {"max", a.quantity.max().value()},
                       {"measure", std::string(key_of(*a.quantity_measure))}};
    } else {
      j["quantity"] = nullptr;
    }
    if (t.holds_transfers) j["transfers_excluded"] = a.transfers_excluded;
    return j;
  };
  json doc;
  doc["by"] = json::array();
  for (const auto& d : t.by) doc["by"].push_back(d.name());
  doc["groups"] = json::array();
  for (const auto& g : t.groups) {
    json j;
    j["key"] = json::object();
    for (std::size_t i = 0; i < g.key.size(); ++i) j["key"][t.by[i].name()] = g.key[i];
    j.update(figures(g.figures, g.suppressed));
    if (const auto s = t.amount_share(g);
        s && g.suppressed == suppression::none && t.grand_suppressed == suppression::none)
      j["share"] = *s;
    doc["groups"].push_back(std::move(j));
  }
  doc["total"] = figures(t.grand, t.grand_suppressed);
  if (t.min_cell) doc["min_cell"] = *t.min_cell;
  out << doc.dump(2) << '\n';
}

void write_totals(std::ostream& out, const totals& t, output_format f, money_unit unit) {
  switch (f) {
    case output_format::csv:
      return write_totals_csv(out, t);
    case output_format::json:
      return write_totals_json(out, t);
    case output_format::md:
      return write_totals_markdown(out, t, unit);
    case output_format::table:
      break;
  }
  write_totals_table(out, t, unit);
}

}  // namespace aidstat
