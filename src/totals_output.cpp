#include "aidstat/totals_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "aidstat/text_width.hpp"

namespace aidstat {
namespace {

bool has_measure_key(const totals& t) {
  return std::any_of(t.by.begin(), t.by.end(),
                     [](const dimension& d) { return d.kind == dimension_kind::measure; });
}

// The groups to show; without keys, the single grand-total row even when empty.
std::vector<group_totals> rows_of(const totals& t) {
  if (!t.by.empty()) return t.groups;
  return {group_totals{{}, {}, t.grand}};
}

std::string share_text(const totals& t, const group_totals& g) {
  const auto s = t.amount_share(g);
  if (!s || g.figures.amount_records == 0) return "";
  return fmt::format("{:.1f}%", *s * 100.0);
}

// The cells of the human-readable table: header, group rows, total row.
std::vector<std::vector<std::string>> human_cells(const totals& t, money_unit unit,
                                                  std::vector<bool>& right) {
  const bool quantity = std::any_of(t.groups.begin(), t.groups.end(),
                                    [](const auto& g) { return g.figures.has_quantity(); });
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> head;
  for (const auto& d : t.by) head.push_back(d.name()), right.push_back(false);
  for (const char* h : {"records", "amount", "estimated", "share", "people"})
    head.push_back(h), right.push_back(true);
  if (quantity) head.push_back("quantity"), right.push_back(true);
  cells.push_back(head);
  const auto figures = [&](const group_totals& g, std::vector<std::string>& row) {
    const aggregate& a = g.figures;
    row.push_back(std::to_string(a.records));
    row.push_back(a.amount_records ? format_money(a.amount, unit) : "");
    row.push_back(a.approximate_records ? std::to_string(a.approximate_records) + " of " +
                                              std::to_string(a.amount_records)
                                        : "");
    row.push_back(share_text(t, g));
    row.push_back(std::to_string(a.headcount()));
    if (quantity)
      row.push_back(a.has_quantity() ? format_count(a.quantity, a.quantity_measure) : "");
  };
  for (const auto& g : rows_of(t)) {
    std::vector<std::string> row;
    for (std::size_t i = 0; i < g.key.size(); ++i) {
      const bool labelled = !g.labels[i].empty() && g.labels[i] != g.key[i];
      row.push_back(labelled ? g.labels[i] + " (" + g.key[i] + ")" : g.key[i]);
    }
    figures(g, row);
    cells.push_back(std::move(row));
  }
  if (!t.by.empty()) {
    std::vector<std::string> row(t.by.size(), "");
    row[0] = "total";
    figures(group_totals{{}, {}, t.grand}, row);
    cells.push_back(std::move(row));
  }
  return cells;
}

}  // namespace

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_totals_csv(std::ostream& out, const totals& t) {
  const bool quantity = has_measure_key(t);
  for (const auto& d : t.by) out << csv_escape(d.name()) << ',';
  out << "records,amount_min,amount_max,headcount";
  if (quantity) out << ",quantity_min,quantity_max";
  out << '\n';
  for (const auto& g : rows_of(t)) {
    for (const auto& k : g.key) out << csv_escape(k) << ',';
    const aggregate& a = g.figures;
    out << a.records << ',';
    if (a.amount_records)
      out << format_yuan_decimal(a.amount.min()) << ',' << format_yuan_decimal(a.amount.max());
    else
      out << ',';
    out << ',' << a.headcount();
    if (quantity) {
      if (a.quantity_records)
        out << ',' << a.quantity.min().value() << ',' << a.quantity.max().value();
      else
        out << ",,";
    }
    out << '\n';
  }
}

void write_totals_table(std::ostream& out, const totals& t, money_unit unit) {
  std::vector<bool> right;
  const auto cells = human_cells(t, unit, right);
  std::vector<std::size_t> width(right.size(), 0);
  for (const auto& row : cells)
    for (std::size_t i = 0; i < row.size(); ++i)
      width[i] = std::max(width[i], display_width(row[i]));
  const auto rule = [&] {
    for (std::size_t i = 0; i < width.size(); ++i)
      out << (i ? "  " : "") << std::string(width[i], '-');
    out << '\n';
  };
  for (std::size_t r = 0; r < cells.size(); ++r) {
    if (r == 1 || (r + 1 == cells.size() && !t.by.empty() && r > 0)) rule();
    std::string line;
    for (std::size_t i = 0; i < cells[r].size(); ++i)
      line += (i ? "  " : "") + pad_to_width(cells[r][i], width[i], right[i]);
    out << line << '\n';
  }
}

void write_totals_markdown(std::ostream& out, const totals& t, money_unit unit) {
  std::vector<bool> right;
  const auto cells = human_cells(t, unit, right);
  const auto md = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|') o += '\\';
      o += c == '\n' ? ' ' : c;
    }
    return o;
  };
  for (std::size_t r = 0; r < cells.size(); ++r) {
    out << '|';
    for (const auto& c : cells[r]) out << ' ' << md(c) << " |";
    out << '\n';
    if (r == 0) {
      out << '|';
      for (bool rt : right) out << (rt ? " ---: |" : " --- |");
      out << '\n';
    }
  }
}

void write_totals_json(std::ostream& out, const totals& t) {
  using json = nlohmann::ordered_json;
  const auto figures = [&](const aggregate& a) {
    json j;
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
    j.update(figures(g.figures));
    if (const auto s = t.amount_share(g)) j["share"] = *s;
    doc["groups"].push_back(std::move(j));
  }
  doc["total"] = figures(t.grand);
  out << doc.dump(2) << '\n';
}

}  // namespace aidstat
